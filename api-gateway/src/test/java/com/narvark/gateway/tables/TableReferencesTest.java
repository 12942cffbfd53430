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

    private static final Set<String> TABLES = Set.of("api_keys", "accounts", "otp_status", "sandbox_messages");

    @Test
    void shouldFindTablesAfterEachSqlKeywordWhenInLiteralsAndTextBlocks() {
        String source = """
                class Store {
                    String a = "SELECT * FROM API_KEYS k JOIN public.accounts a ON a.account_id = k.account_id";
                    String b = \"""
                            update otp_status
                               set x = 1 \""";
                    String c = "DELETE FROM sandbox_messages";
                }
                """;
        assertThat(references(source)).containsExactly(new Reference("api_keys", 2), new Reference("accounts", 2),
                new Reference("otp_status", 4), new Reference("sandbox_messages", 6));
    }

    @Test
    void shouldFindEveryTableOfAFromListWhenCommaSeparated() {
        assertThat(references("String s = \"SELECT 1 FROM otp_status s, api_keys AS k, accounts WHERE 1 = 1\";"))
                .extracting(Reference::table).containsExactly("otp_status", "api_keys", "accounts");
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
                """;
        assertThat(TableReferences.in(SqlText.sqlStatements(script), TABLES))
                .containsExactly(new Reference("otp_status", 2));
    }

    @Test
    void shouldReportACrossingWhenAModuleNamesAnotherModulesTable() {
        Path root = Path.of("/repo");
        List<TableCrossings.Crossing> crossings = TableCrossings.crossingsIn(root, "api-gateway",
                root.resolve("api-gateway/src/main/java/Mail.java"),
                new SqlText.Fragment(7, "SELECT * FROM sandbox_messages JOIN api_keys USING (account_id)"),
                Map.of("sandbox_messages", "otp-delivery", "api_keys", "api-gateway"));
        assertThat(crossings).containsExactly(new TableCrossings.Crossing("api-gateway",
                "api-gateway/src/main/java/Mail.java", 7, "sandbox_messages", "otp-delivery"));
    }

    private static List<Reference> references(String source) {
        return SqlText.javaStringLiterals(source).stream()
                .flatMap(literal -> TableReferences.in(literal, TABLES).stream()).toList();
    }
}
