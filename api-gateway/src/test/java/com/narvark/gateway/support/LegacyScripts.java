package com.narvark.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a script of the frozen legacy chain ({@code db/migration}) again, on a database whose tables have moved into
 * their modules' schemas since: in one transaction whose search path puts the given schemas before {@code public}, so
 * that the script's unqualified names find the tables as they found them in {@code public} when it was applied.
 */
public final class LegacyScripts {

    private LegacyScripts() {
    }

    public static void run(JdbcClient jdbc, PlatformTransactionManager transactions, String script,
                           String... schemas) {
        String sql;
        try {
            sql = new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            jdbc.sql("SELECT set_config('search_path', ?, true)").param(String.join(", ", schemas) + ", public")
                    .query(String.class).single();
            jdbc.sql(sql).update();
        });
    }
}
