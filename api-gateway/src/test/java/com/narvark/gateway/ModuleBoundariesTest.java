package com.narvark.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

/**
 * Domain modules meet only through otp-api; the gateway never reaches into a domain module, and leaves each module's
 * edges and event processors to that module. The accounts module
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

    /** A carrier callback is served by otp-delivery: no HTTP request or answer travels through the contract. */
    @Test
    void shouldKeepTransportTypesOutOfTheMessageContractWhenCompiled() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "java.net.http..")
                .check(classes);
        noFields().that().areDeclaredInClassesThat().resideInAPackage(API)
                .should().haveNameMatching("(?i)headers?|method|params|parameters|query(String)?")
                .because("a record with a request's method, headers or parameters is transport: the module that "
                        + "owns the endpoint parses the request and sends what it means (an HTTP status alone is "
                        + "data where a view reports what a webhook receiver answered)")
                .check(classes);
    }

    /** Each module configures the processors of its own handlers; the gateway configures none by name. */
    @Test
    void shouldConfigureNoProcessorByNameInTheGatewayWhenCompiled() {
        noClasses().that().resideInAPackage(GATEWAY)
                .should().callMethodWhere(configuresANamedProcessor())
                .check(classes);
    }

    /**
     * No processing group's name appears in the gateway's main code or configuration: not in a Java string, not in
     * a configuration key or value (comments aside). The published API document under {@code static/} is left out:
     * it names the projections an operator may rebuild, which is part of the public contract.
     */
    @Test
    void shouldNameNoProcessingGroupInTheGatewaysMainSourcesWhenScanned() throws IOException {
        Set<String> groups = classes.stream().filter(c -> c.isAnnotatedWith(ProcessingGroup.class))
                .map(c -> c.getAnnotationOfType(ProcessingGroup.class).value()).collect(Collectors.toSet());
        assertThat(groups).as("processing groups of the domain modules' handlers")
                .contains("otp-delivery", "otp-webhooks", "otp-status");
        List<String> named = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(ModuleBoundariesTest::isCodeOrConfiguration).toList()) {
                for (String text : meaningfulText(file)) {
                    groups.stream().filter(group -> Pattern.compile("(?<![\\w-])" + Pattern.quote(group)
                            + "(?![\\w-])").matcher(text).find()).forEach(group -> named.add(file + ": " + group));
                    if (file.toString().endsWith(".java") && text.endsWith("Processor\"")) {
                        named.add(file + ": " + text);
                    }
                }
            }
        }
        assertThat(named).as("processor names in the gateway's main sources").isEmpty();
    }

    private static DescribedPredicate<JavaMethodCall> configuresANamedProcessor() {
        return DescribedPredicate.describe("a method of EventProcessingConfigurer taking a processor or group name",
                call -> call.getTargetOwner().isAssignableTo(EventProcessingConfigurer.class)
                        && !call.getTarget().getRawParameterTypes().isEmpty()
                        && call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class));
    }

    private static boolean isCodeOrConfiguration(Path file) {
        String name = file.toString();
        return !name.startsWith(Path.of("src/main/resources/static").toString())
                && (name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".yaml")
                || name.endsWith(".properties"));
    }

    /** A Java file's string literals; a configuration file's lines without their comments. */
    private static List<String> meaningfulText(Path file) throws IOException {
        String content = Files.readString(file);
        if (file.toString().endsWith(".java")) {
            List<String> literals = new ArrayList<>();
            Matcher literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"").matcher(content);
            while (literal.find()) {
                literals.add(literal.group());
            }
            return literals;
        }
        return content.lines().map(line -> line.replaceAll("(^|\\s)#.*$", "")).toList();
    }

    @Test
    void shouldKeepTheAccountsModuleOnOtpApiAndSpringJdbcWhenCompiled() {
        classes().that().resideInAPackage(ACCOUNTS)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ACCOUNTS, API,
                        "org.springframework.jdbc..", "org.springframework.transaction..",
                        "org.springframework.stereotype..", "org.springframework.beans.factory.annotation..",
                        // The declaration of its schema (AccountsSchemaConfiguration), a bean like every module's.
                        "org.springframework.context.annotation..",
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
