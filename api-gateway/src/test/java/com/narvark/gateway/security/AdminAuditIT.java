package com.narvark.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.support.Api;
import com.narvark.gateway.support.GatewayIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every admin API action lands in the audit trail: which credential, what, on which ids, the answer, when. */
class AdminAuditIT extends GatewayIntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void shouldAuditEachAdminActionWithTheCredentialTheRouteAndTheIds() {
        Keys account = newAccount();
        Api.Response issued = api.post("/v1/admin/accounts/" + account.accountId() + "/keys", ADMIN_TOKEN,
                "{\"environment\":\"test\"}");
        api.delete("/v1/admin/keys/" + issued.text("id"), ADMIN_TOKEN);

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT actor, action, subject, detail FROM accounts.portal_audit
                WHERE action LIKE 'admin_api %' AND (subject = ? OR subject = ?) ORDER BY audit_id
                """).params("accountId=" + account.accountId(), "keyId=" + issued.text("id")).query().listOfRows();
        assertThat(rows).extracting(row -> row.get("action") + " " + row.get("subject") + " " + row.get("detail"))
                .containsExactly(
                        "admin_api POST /v1/admin/accounts/{accountId}/keys accountId=" + account.accountId()
                                + " answered 201",
                        "admin_api DELETE /v1/admin/keys/{keyId} keyId=" + issued.text("id") + " answered 200");
        assertThat(rows).allSatisfy(row -> assertThat((String) row.get("actor")).matches("operator-token:[0-9a-f]{8}"));
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.portal_audit WHERE action = ? AND detail = ?")
                .params("admin_api POST /v1/admin/accounts", "answered 201").query(Long.class).single())
                .isPositive();
    }
}
