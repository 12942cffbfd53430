package com.narvark.gateway.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path templates of the document ({@code /v1/otp/{id}}), matched against a request's raw path. As OpenAPI
 * says, a concrete path wins over a templated one: {@code /v1/otp/send} is the send operation, not an OTP id.
 */
final class DocumentedPaths {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private final List<Template> templates = new ArrayList<>();

    DocumentedPaths(Iterable<String> paths) {
        paths.forEach(path -> templates.add(Template.of(path)));
        // More literal segments first: the most specific template is tried before the ones it shadows.
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** The documented template {@code rawPath} falls under, with its variables decoded. */
    Optional<Route> match(String rawPath) {
        for (Template template : templates) {
            Matcher matcher = template.pattern.matcher(rawPath);
            if (matcher.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < template.names.size(); i++) {
                    variables.put(template.names.get(i), decode(matcher.group(i + 1)));
                }
                return Optional.of(new Route(template.path, variables));
            }
        }
        return Optional.empty();
    }

    private static String decode(String segment) {
        // A path segment, not a form: '+' is a plus sign.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    record Route(String template, Map<String, String> variables) {
    }

    private record Template(String path, Pattern pattern, List<String> names, int literals) {

        static Template of(String path) {
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : path.substring(1).split("/", -1)) {
                regex.append('/');
                Matcher variable = VARIABLE.matcher(segment);
                if (variable.matches()) {
                    names.add(variable.group(1));
                    regex.append("([^/]+)");
                } else {
                    literals++;
                    regex.append(Pattern.quote(segment));
                }
            }
            return new Template(path, Pattern.compile(regex.toString()), names, literals);
        }
    }
}
