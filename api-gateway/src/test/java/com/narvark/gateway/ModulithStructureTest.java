package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.modules.NarvarkModules;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's view of the code: one application module per Maven module, no cycles, and no module reaching into
 * another's internals (a module's internals are its sub-packages; otp-api is open, it is all contract).
 */
class ModulithStructureTest {

    private final ApplicationModules modules = NarvarkModules.all();

    @Test
    void shouldDetectOneApplicationModulePerMavenModuleWhenScanningComNarvark() {
        assertThat(modules.stream().map(module -> module.getBasePackage().getName()))
                .contains("com.narvark.gateway", "com.narvark.otp.api", "com.narvark.otp.command",
                        "com.narvark.otp.query", "com.narvark.otp.delivery", "com.narvark.otp.webhooks",
                        "com.narvark.accounts", "com.narvark.portal")
                .doesNotContain("com.narvark.otp", "com.narvark.gateway.portal");
    }

    @Test
    void shouldPassModulithVerificationWhenModulesMeetThroughTheContract() {
        modules.verify();
    }
}
