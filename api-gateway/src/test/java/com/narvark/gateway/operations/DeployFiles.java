package com.narvark.gateway.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the files under {@code deploy/} query (alert rules and the Grafana dashboard). */
final class DeployFiles {

    static final Path DEPLOY = Path.of("..", "deploy");
    static final List<Path> FILES = List.of(DEPLOY.resolve("prometheus/alerts.yml"),
            DEPLOY.resolve("grafana/narvark-dashboard.json"));
    /** Narvark's, Axon's, and the few of Spring Boot's the dashboard uses; {@code up} is Prometheus' own. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:narvark|eventProcessor|commandBus|http_server_requests)_[A-Za-z0-9_]*)");

    private DeployFiles() {
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (Path file : FILES) {
            Matcher m = METRIC.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
