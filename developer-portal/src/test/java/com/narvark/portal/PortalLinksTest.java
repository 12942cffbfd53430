package com.narvark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The start-up check of {@code narvark.portal.base-url}, in a context holding only that check. */
class PortalLinksTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PortalLinks.class);

    @Test
    void shouldRefuseToStartWhenARealDatabaseIsConfiguredWithoutTheBaseUrl() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal/narvark").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("narvark.portal.base-url is required");
        });
    }

    @Test
    void shouldRefuseToStartWhenTheBaseUrlIsNoAbsoluteHttpUrl() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal/narvark",
                "narvark.portal.base-url=portal.example.com").run(started -> {
                    assertThat(started).hasFailed();
                    assertThat(started.getStartupFailure()).rootCause()
                            .hasMessageContaining("narvark.portal.base-url must be an absolute http(s) URL");
                });
    }

    @Test
    void shouldUseTheConfiguredBaseUrlWhenItIsSet() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal/narvark",
                "narvark.portal.base-url=https://portal.example.com/").run(started ->
                assertThat(started.getBean(PortalLinks.class).base()).isEqualTo("https://portal.example.com"));
    }

    @Test
    void shouldFallBackToLocalhostAndTheListeningPortWhenEmbedded() {
        context.withPropertyValues("server.port=0", "local.server.port=41234").run(started ->
                assertThat(started.getBean(PortalLinks.class).base()).isEqualTo("http://localhost:41234"));
        context.withPropertyValues("server.port=9090").run(started ->
                assertThat(started.getBean(PortalLinks.class).base()).isEqualTo("http://localhost:9090"));
    }
}
