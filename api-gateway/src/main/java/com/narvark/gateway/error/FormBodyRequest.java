package com.narvark.gateway.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A form POST whose body was read through the bounded stream: its parameters (query string first, then the body, as
 * the servlet API orders them) are parsed here, because the container's own parsing would read the body again
 * under a limit of its own.
 */
final class FormBodyRequest extends HttpServletRequestWrapper {

    private final Map<String, String[]> parameters;

    FormBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        MultiValueMap<String, String> all = new LinkedMultiValueMap<>();
        parse(request.getQueryString(), all);
        parse(new String(body, StandardCharsets.UTF_8), all);
        Map<String, String[]> arrays = new LinkedHashMap<>();
        all.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
        this.parameters = Collections.unmodifiableMap(arrays);
    }

    /** @throws IllegalArgumentException on a malformed percent-escape */
    private static void parse(String encoded, MultiValueMap<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            into.add(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return parameters.get(name);
    }
}
