package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The access form's global ceiling, in a gateway of its own whose ceiling (3 an hour) is below the per-address
 * allowance of the tests (10), so one test address reaches it. Add other low portal limits here rather than another
 * context: each costs a whole gateway.
 */
@TestPropertySource(properties = "narvark.portal.access-requests-global-per-hour=" + PortalLimitsIT.GLOBAL)
class PortalLimitsIT extends PortalIntegrationTest {

    static final int GLOBAL = 3;


    @Test
    void shouldRefuseWithRetryAfterWhenAllClientsTogetherReachTheGlobalCeiling() {
        Browser browser = new Browser(port);
        for (int i = 0; i < GLOBAL; i++) {
            assertThat(flows.submit(browser, PortalFlows.newEmail()).status()).isEqualTo(200);
        }
        String refused = PortalFlows.newEmail();
        Browser.Page page = flows.submit(browser, refused);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.body()).contains("role=\"alert\"", "unusual number of requests", "try again in");
        assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(jdbc.sql("SELECT count(*) FROM accounts.access_requests WHERE email = ?")
                .param(refused).query(Long.class)
                .single()).isZero();
        assertThat(mailbox.mail(refused, "")).isEmpty();

        flows.forgetRecentSubmissions();
        assertThat(flows.submit(browser, PortalFlows.newEmail()).status()).isEqualTo(200);
    }
}
