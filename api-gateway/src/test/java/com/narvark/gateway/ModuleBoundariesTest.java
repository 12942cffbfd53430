package com.narvark.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Domain modules meet only through otp-api; the gateway never reaches into a domain module. */
class ModuleBoundariesTest {

    private static final String API = "com.narvark.otp.api..";
    private static final String COMMAND = "com.narvark.otp.command..";
    private static final String QUERY = "com.narvark.otp.query..";
    private static final String DELIVERY = "com.narvark.otp.delivery..";
    private static final String WEBHOOKS = "com.narvark.otp.webhooks..";
    private static final String GATEWAY = "com.narvark.gateway..";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.narvark");

    @Test
    void shouldKeepTheGatewayOutOfDomainModulesWhenCompiled() {
        noClasses().that().resideInAPackage(GATEWAY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, QUERY, DELIVERY, WEBHOOKS)
                .check(classes);
    }

    @Test
    void shouldKeepDomainModulesApartWhenCompiled() {
        check(COMMAND, QUERY, DELIVERY, WEBHOOKS);
        check(QUERY, COMMAND, DELIVERY, WEBHOOKS);
        check(DELIVERY, COMMAND, QUERY, WEBHOOKS);
        check(WEBHOOKS, COMMAND, QUERY, DELIVERY);
    }

    @Test
    void shouldKeepTheMessageContractFreeOfSpringAndPersistenceWhenCompiled() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "jakarta.persistence..", "com.narvark.otp.command..", "com.narvark.otp.query..",
                        "com.narvark.otp.delivery..", "com.narvark.otp.webhooks..", GATEWAY)
                .check(classes);
    }

    private void check(String module, String... others) {
        noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true).check(classes);
    }
}
