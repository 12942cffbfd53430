package com.narvark.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Domain modules meet only through otp-api; the gateway never reaches into a domain module. The accounts module
 * stands on otp-api and Spring JDBC alone, and the developer portal on the accounts API and otp-api (the gateway
 * wires it in and implements its ports, never the other way round); only the accounts module names its tables.
 */
class ModuleBoundariesTest {

    private static final String API = "com.narvark.otp.api..";
    private static final String COMMAND = "com.narvark.otp.command..";
    private static final String QUERY = "com.narvark.otp.query..";
    private static final String DELIVERY = "com.narvark.otp.delivery..";
    private static final String WEBHOOKS = "com.narvark.otp.webhooks..";
    private static final String GATEWAY = "com.narvark.gateway..";
    private static final String ACCOUNTS = "com.narvark.accounts..";
    private static final String PORTAL = "com.narvark.portal..";
    /** Every table the accounts module owns, as SQL would name it after FROM, JOIN, INTO, UPDATE or TABLE. */
    private static final Pattern ACCOUNTS_TABLES = Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+"
            + "(accounts|api_keys|access_requests|portal_members|portal_sessions|key_reveals|portal_audit"
            + "|portal_outbox)\\b");

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
                        "com.narvark.otp.delivery..", "com.narvark.otp.webhooks..", GATEWAY, ACCOUNTS, PORTAL)
                .check(classes);
    }

    @Test
    void shouldKeepTheAccountsModuleOnOtpApiAndSpringJdbcWhenCompiled() {
        classes().that().resideInAPackage(ACCOUNTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ACCOUNTS, API,
                        "org.springframework.jdbc..", "org.springframework.transaction..",
                        "org.springframework.stereotype..", "org.springframework.beans.factory.annotation..",
                        // The key and message-settings caches.
                        "com.github.benmanes.caffeine..")
                .check(classes);
    }

    @Test
    void shouldKeepThePortalOnTheAccountsApiAndOtpApiWhenCompiled() {
        noClasses().that().resideInAPackage(PORTAL)
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY, COMMAND, QUERY, DELIVERY, WEBHOOKS,
                        "org.springframework.jdbc..", "java.sql..")
                .check(classes);
        noClasses().that().resideInAnyPackage(ACCOUNTS, API)
                .should().dependOnClassesThat().resideInAPackage(PORTAL)
                .check(classes);
    }

    @Test
    void shouldNameTheAccountsTablesOnlyInTheAccountsModuleWhenSourcesAreRead() throws IOException {
        // Statements are strings, out of ArchUnit's sight: the main sources of every other module are read instead.
        try (Stream<Path> sources = Files.walk(Path.of("..").toAbsolutePath().normalize())) {
            List<String> naming = sources.filter(file -> file.toString().endsWith(".java")
                            && file.toString().contains("/src/main/") && !file.toString().contains("/accounts/src/"))
                    .filter(file -> ACCOUNTS_TABLES.matcher(read(file)).find()).map(Path::toString).toList();
            assertThat(naming).as("main sources outside accounts naming its tables in SQL").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void check(String module, String... others) {
        noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true).check(classes);
    }
}
