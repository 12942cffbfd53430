package com.narvark.gateway.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One scrape of {@code /actuator/prometheus} (text format), parsed into samples. */
record Scrape(String text, List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(Api api, String operatorToken) {
        Api.Response answer = api.get("/actuator/prometheus", operatorToken);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return parse(answer.body());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new Scrape(text, samples);
    }

    /** The sum of a metric's samples whose labels include every given pair. */
    double sum(String name, String... labelPairs) {
        Predicate<Sample> match = s -> s.name().equals(name);
        for (int i = 0; i < labelPairs.length; i += 2) {
            String key = labelPairs[i];
            String value = labelPairs[i + 1];
            match = match.and(s -> value.equals(s.labels().get(key)));
        }
        return samples.stream().filter(match).mapToDouble(Sample::value).filter(v -> !Double.isNaN(v)).sum();
    }

    /** Keeps the scrape next to the test reports, where a reader can look at it. */
    void save(String file) {
        try {
            Path target = Path.of("target", file);
            Files.writeString(target, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** Every metric family name, with the suffixes of histograms and summaries as separate names. */
    List<String> names() {
        return samples.stream().map(Sample::name).distinct().sorted().collect(Collectors.toList());
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }
}
