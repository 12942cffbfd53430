package com.narvark.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name=value} arguments; every one has a default that suits bench/run.sh. */
record Options(String baseUrl, String adminToken, int smscPort, List<Integer> rates, int stepSeconds,
               int warmupSeconds, int warmupRate, int accounts, int keysPerAccount, double sandboxShare,
               double dispatchTargetMs, int statusPollMs, boolean keepGoing, double pgbenchTps, String commit,
               String gateway, String out, Measuring measuring) {

    /**
     * Where the cost per OTP is read: the PostgreSQL server (empty host: not measured), the gateway's database on it,
     * the gateway JVM's pid (0: its CPU is not measured), clock ticks per second of /proc, the idle window.
     */
    record Measuring(String pgHost, int pgPort, String pgUser, String database, long gatewayPid, int clockTicks,
                     int idleSeconds) {
    }

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String token = given.getOrDefault("admin-token", System.getenv().getOrDefault("NARVARK_ADMIN_TOKEN", ""));
        Options options = new Options(
                given.getOrDefault("base-url", "http://127.0.0.1:8080"),
                token,
                Integer.parseInt(given.getOrDefault("smsc-port", "2775")),
                Arrays.stream(given.getOrDefault("rates", "50,100,150,200,300,400,500,600,800").split(","))
                        .map(String::strip).map(Integer::valueOf).toList(),
                Integer.parseInt(given.getOrDefault("step-seconds", "60")),
                Integer.parseInt(given.getOrDefault("warmup-seconds", "20")),
                Integer.parseInt(given.getOrDefault("warmup-rate", "50")),
                Integer.parseInt(given.getOrDefault("accounts", "4")),
                Integer.parseInt(given.getOrDefault("keys-per-account", "4")),
                Double.parseDouble(given.getOrDefault("sandbox-share", "0.2")),
                Double.parseDouble(given.getOrDefault("dispatch-target-ms", "200")),
                Integer.parseInt(given.getOrDefault("status-poll-ms", "20")),
                Boolean.parseBoolean(given.getOrDefault("keep-going", "false")),
                Double.parseDouble(given.getOrDefault("pgbench-tps", "0")),
                given.getOrDefault("commit", "unknown"),
                given.getOrDefault("gateway", ""),
                given.getOrDefault("out", ""),
                new Measuring(given.getOrDefault("pg-host", ""),
                        Integer.parseInt(given.getOrDefault("pg-port", "5432")),
                        given.getOrDefault("pg-user", "postgres"),
                        given.getOrDefault("database", "narvark_bench"),
                        Long.parseLong(given.getOrDefault("gateway-pid", "0")),
                        Integer.parseInt(given.getOrDefault("clock-ticks", "100")),
                        Integer.parseInt(given.getOrDefault("idle-seconds", "10"))));
        if (options.adminToken.isEmpty()) {
            throw new IllegalArgumentException("give --admin-token or NARVARK_ADMIN_TOKEN");
        }
        return options;
    }
}
