package com.narvark.gateway.modules;

import java.util.Map;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The application modules of the whole code base, detected once per test JVM with {@link MavenModulePackages}. */
public final class NarvarkModules {

    private static final String STRATEGY_PROPERTY = "spring.modulith.detection-strategy";

    /** Where a module's identifier and its Maven module's name differ; otherwise otp.api is otp-api and so on. */
    private static final Map<String, String> MAVEN_NAMES = Map.of("gateway", "api-gateway", "portal", "developer-portal");

    private static ApplicationModules modules;

    private NarvarkModules() {
    }

    /**
     * Spring Modulith reads its detection strategy from the environment when it detects modules, and system
     * properties are part of it; the property is set only for that moment, so no other test sees it.
     */
    public static synchronized ApplicationModules all() {
        if (modules == null) {
            String before = System.getProperty(STRATEGY_PROPERTY);
            System.setProperty(STRATEGY_PROPERTY, MavenModulePackages.class.getName());
            try {
                modules = ApplicationModules.of(MavenModulePackages.ROOT);
            } finally {
                if (before == null) {
                    System.clearProperty(STRATEGY_PROPERTY);
                } else {
                    System.setProperty(STRATEGY_PROPERTY, before);
                }
            }
        }
        return modules;
    }

    /** The Maven module an application module is, so the diagrams say otp-api rather than Spring Modulith's "Api". */
    public static String mavenModule(ApplicationModule module) {
        String identifier = module.getIdentifier().toString();
        return MAVEN_NAMES.getOrDefault(identifier, identifier.replace('.', '-'));
    }
}
