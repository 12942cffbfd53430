package com.narvark.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One gateway process of the fault suite: the built jar on its own port, sharing the database and secrets (from
 * this process's environment) with the other node. {@link #kill} is kill -9 (SIGKILL: no shutdown hook runs, no
 * claim or lease is released); every start writes its own log.
 */
final class GatewayNode {

    private final String name;
    private final int port;
    private final Path jar;
    private final Path logs;
    private final List<String> javaOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int starts;

    GatewayNode(String name, int port, Path jar, Path logs, List<String> javaOptions) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.logs = logs;
        this.javaOptions = javaOptions;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    synchronized void start() throws IOException {
        starts++;
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve("faults-" + name + "-" + starts + ".log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("NARVARK_PORTAL_BASE_URL", baseUrl());
        process = builder.start();
    }

    /** Waits until the node answers its health check (processors started, database reachable). */
    void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see its log in " + logs);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + limit);
    }

    /** kill -9. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** A clean stop (SIGTERM), at the end of the run. */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
