package com.narvark.gateway.cost;

import java.util.List;
import java.util.Map;

/**
 * Per-OTP figures of a lifecycle window: raw (everything in the window) and net (less what the idle window's rate
 * would have run in that time: polling that runs whether or not OTPs flow).
 */
record StatementBudget(CountWindow idle, CountWindow lifecycles, int otps) {

    private static final int TOP = 20;
    /**
     * What the gateway itself reads and writes around the commands: the key, the rate-limit buckets, the account's
     * message settings and fraud-guard policy, idempotency records; outside any transaction, one commit apiece.
     */
    static final List<String> REQUEST_LAYER = List.of("accounts.api_keys", "accounts.accounts",
            "gateway.fraud_guard_policies", "gateway.rate_limit_buckets", "gateway.idempotency_keys");

    double rawStatementsPerOtp() {
        return lifecycles.statements() / (double) otps;
    }

    double rawCommitsPerOtp() {
        return lifecycles.commits() / (double) otps;
    }

    double netStatementsPerOtp() {
        return Math.max(0, lifecycles.statements() - idle.statementsPerSecond() * lifecycles.seconds()) / otps;
    }

    double netCommitsPerOtp() {
        return Math.max(0, lifecycles.commits() - idle.commitsPerSecond() * lifecycles.seconds()) / otps;
    }

    String report(double statementsBudget, double commitsBudget) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%nStatement budget: %d full SMS lifecycles, one after another%n", otps));
        text.append(String.format("  idle       %5.1f s: %6.2f statements/s, %5.2f commits/s, %d failed, %d rollbacks%n",
                idle.seconds(), idle.statementsPerSecond(), idle.commitsPerSecond(), idle.failed(), idle.rollbacks()));
        text.append(String.format("  lifecycles %5.1f s: %6d statements, %5d commits, %d failed, %d rollbacks%n",
                lifecycles.seconds(), lifecycles.statements(), lifecycles.commits(), lifecycles.failed(),
                lifecycles.rollbacks()));
        text.append(crossCheck("idle", idle.crossCheck())).append(crossCheck("lifecycles", lifecycles.crossCheck()));
        text.append(String.format("  per OTP: statements %.2f raw, %.2f net (budget %.1f); commits %.2f raw, %.2f net"
                        + " (budget %.1f)%n", rawStatementsPerOtp(), netStatementsPerOtp(), statementsBudget,
                rawCommitsPerOtp(), netCommitsPerOtp(), commitsBudget));
        text.append(String.format("  of them the request layer's own (%s): %.2f statements per OTP%n",
                String.join(", ", REQUEST_LAYER), lifecycles.statementsNaming(REQUEST_LAYER) / (double) otps));
        text.append("  statements per OTP in the lifecycle window (raw), most executed first:\n");
        for (Map.Entry<String, Long> statement : lifecycles.topStatements(TOP)) {
            text.append(String.format("    %6.2f  %s%n", statement.getValue() / (double) otps,
                    shortened(statement.getKey())));
        }
        text.append("  idle statements per second, most executed first:\n");
        for (Map.Entry<String, Long> statement : idle.topStatements(8)) {
            text.append(String.format("    %6.2f  %s%n", statement.getValue() / idle.seconds(),
                    shortened(statement.getKey())));
        }
        return text.toString();
    }

    /**
     * Expect agreement within a few per cent, not exactly: PostgreSQL publishes an idle backend's counts up to 10 s
     * late, and it also counts the pool's connection checks (Hikari tests a connection idle for over 500 ms with an
     * empty query, one transaction), which is most of the surplus in the idle window.
     */
    private static String crossCheck(String window, CountWindow.CrossCheck check) {
        return String.format("  cross-check, %s window + 1.5 s: commits %d counted, %d by PostgreSQL; rollbacks %d"
                + " counted, %d by PostgreSQL%n", window, check.commits(), check.serverCommits(), check.rollbacks(),
                check.serverRollbacks());
    }

    private static String shortened(String sql) {
        String line = sql.replaceAll("\\s+", " ").strip();
        return line.length() <= 140 ? line : line.substring(0, 139) + "…";
    }
}
