package com.narvark.gateway.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.tables.TableReferences.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scanner behind TableOwnershipTest finds what it must, and no more, on small made-up sources. */
class TableReferencesTest {

    private static final Set<String> TABLES = Set.of("api_keys", "accounts", "otp_status", "sandbox_messages",
            "domainevententry");
    private static final Set<String> SCHEMAS = Set.of("public", "accounts", "otp_query", "otp_delivery");
    private static final Map<String, TableHomes.Home> HOMES = Map.of(
            "sandbox_messages", new TableHomes.Home("otp_delivery", "otp-delivery"),
            "api_keys", new TableHomes.Home("accounts", "accounts"),
            "accounts", new TableHomes.Home("accounts", "accounts"),
            "otp_status", new TableHomes.Home("otp_query", "otp-query"),
            "domainevententry", new TableHomes.Home("public", "api-gateway"));

    @Test
    void shouldFindTablesAfterEachSqlKeywordWhenInLiteralsAndTextBlocks() {
        String source = """
                class Store {
                    String a = "SELECT * FROM API_KEYS k JOIN public.accounts a ON a.account_id = k.account_id";
                    String b = \"""
                            update otp_status
                               set x = 1 \""";
                    String c = "DELETE FROM sandbox_messages";
                    String d = "TRUNCATE otp_status";
                }
                """;
        assertThat(references(source)).containsExactly(Reference.unqualified("api_keys", 2),
                new Reference("public", "accounts", 2), Reference.unqualified("otp_status", 4),
                Reference.unqualified("sandbox_messages", 6), Reference.unqualified("otp_status", 7));
    }

    @Test
    void shouldFindEveryTableOfAFromListWhenCommaSeparated() {
        assertThat(references("String s = \"SELECT 1 FROM otp_status s, api_keys AS k, accounts WHERE 1 = 1\";"))
                .extracting(Reference::table).containsExactly("otp_status", "api_keys", "accounts");
    }

    @Test
    void shouldTellASchemaFromAnAliasWhenANameIsQualified() {
        String source = """
                String s = \"""
                        SELECT * FROM accounts.api_keys k, otp_query.otp_status s
                        JOIN accounts.accounts accounts ON accounts.account_id = k.account_id
                        JOIN "otp_delivery"."sandbox_messages" m ON otp_status.otp_id = m.otp_id
                        \""";
                """;
        assertThat(references(source)).containsExactly(new Reference("accounts", "api_keys", 2),
                new Reference("otp_query", "otp_status", 2), new Reference("accounts", "accounts", 3),
                new Reference("otp_delivery", "sandbox_messages", 4));
    }

    @Test
    void shouldIgnoreTableNamesWhenInCommentsOrNotAfterAKeyword() {
        String source = """
                // SELECT * FROM api_keys
                /* UPDATE accounts */
                class Store {
                    char quote = '"';
                    String prose = "api_keys of the accounts";
                    String alias = "SELECT k.otp_status FROM elsewhere k";
                    String catalog = "SELECT * FROM pg_catalog.api_keys";
                }
                """;
        assertThat(references(source)).isEmpty();
    }

    @Test
    void shouldIgnoreCommentsAndQuotedStringsWhenScanningAMigration() {
        String script = """
                -- copied FROM api_keys once
                INSERT INTO otp_status SELECT substring(x FROM 'accounts') FROM t;
                /* JOIN sandbox_messages */
                ALTER TABLE public.otp_status SET SCHEMA otp_query;
                """;
        assertThat(TableReferences.in(SqlText.sqlStatements(script), TABLES, SCHEMAS))
                .containsExactly(Reference.unqualified("otp_status", 2), new Reference("public", "otp_status", 4));
    }

    @Test
    void shouldReportACrossingWhenAModuleNamesAnotherModulesTable() {
        Path root = Path.of("/repo");
        List<TableCrossings.Crossing> crossings = TableCrossings.crossingsIn(root, "accounts",
                root.resolve("accounts/src/main/java/Mail.java"),
                new SqlText.Fragment(7, "SELECT * FROM otp_delivery.sandbox_messages JOIN api_keys USING (key_id)"),
                HOMES, SCHEMAS);
        assertThat(crossings).containsExactly(new TableCrossings.Crossing("accounts",
                "accounts/src/main/java/Mail.java", 7, "sandbox_messages", "otp-delivery"));
    }

    @Test
    void shouldReportAModuleTableNamedWithoutItsSchemaWhenInMainCode() {
        String sql = """
                SELECT * FROM accounts.api_keys k JOIN accounts a USING (account_id)
                JOIN public.otp_status s ON s.otp_id = k.key_id JOIN domainevententry d ON true
                """;
        assertThat(misnamed(ModuleSql.Source.JAVA, sql)).containsExactly(
                "accounts/src/main/java/Store.java:1 (accounts) names accounts; write accounts.accounts",
                "accounts/src/main/java/Store.java:2 (accounts) names public.otp_status; write otp_query.otp_status");
    }

    @Test
    void shouldLetASchemaMigrationMoveItsTablesOutOfPublicWhenQualified() {
        String script = """
                ALTER TABLE public.api_keys SET SCHEMA accounts;
                CREATE INDEX api_keys_hint ON api_keys (key_hint);
                """;
        assertThat(misnamed(ModuleSql.Source.SCHEMA_MIGRATION, script))
                .containsExactly(
                        "accounts/src/main/java/Store.java:2 (accounts) names api_keys; write accounts.api_keys");

        assertThat(misnamed(ModuleSql.Source.LEGACY_MIGRATION, script)).isEmpty();
    }

    private static List<String> misnamed(ModuleSql.Source source, String sql) {
        Path root = Path.of("/repo");
        ModuleSql.Piece piece = new ModuleSql.Piece("accounts", root.resolve("accounts/src/main/java/Store.java"),
                source, SqlText.sqlStatements(sql));
        return SchemaQualification.find(root, List.of(piece), HOMES, SCHEMAS).stream().map(Object::toString)
                .toList();
    }

    private static List<Reference> references(String source) {
        return SqlText.javaStringLiterals(source).stream()
                .flatMap(literal -> TableReferences.in(literal, TABLES, SCHEMAS).stream()).toList();
    }
}
