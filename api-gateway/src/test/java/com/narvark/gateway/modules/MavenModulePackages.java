package com.narvark.gateway.modules;

import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModuleDetectionStrategy;
import org.springframework.modulith.core.ApplicationModuleInformation;
import org.springframework.modulith.core.JavaPackage;
import org.springframework.modulith.core.NamedInterfaces;

/**
 * Application modules as the Maven modules are cut: each package directly under {@code com.narvark} is one
 * (gateway, and accounts and portal once merged), except {@code com.narvark.otp}, whose direct sub-packages are the
 * domain modules and their contract (otp.api, otp.command, otp.query, otp.delivery, otp.webhooks).
 *
 * <p>Spring Modulith's default, the direct sub-packages of the application class's package, would cut the gateway
 * into its twenty feature packages and leave the domain modules out; from {@code com.narvark} it would lump all of
 * otp together. Annotating each module's base package instead would put Spring Modulith on otp-api's class path,
 * which ModuleBoundariesTest keeps free of Spring.
 */
public class MavenModulePackages implements ApplicationModuleDetectionStrategy {

    static final String ROOT = "com.narvark";
    static final String DOMAIN = ROOT + ".otp";
    static final String CONTRACT = DOMAIN + ".api";

    @Override
    public Stream<JavaPackage> getModuleBasePackages(JavaPackage rootPackage) {
        return rootPackage.getDirectSubPackages().stream()
                .flatMap(pkg -> pkg.getName().equals(DOMAIN) ? pkg.getDirectSubPackages().stream() : Stream.of(pkg));
    }

    /**
     * otp-api is the published message contract: every type in it, in whichever sub-package (command, event, query,
     * ...), is meant for the other modules, so the module is open. The others expose what they declare, as usual.
     */
    @Override
    public NamedInterfaces detectNamedInterfaces(JavaPackage basePackage, ApplicationModuleInformation information) {
        return basePackage.getName().equals(CONTRACT)
                ? NamedInterfaces.forOpen(basePackage)
                : NamedInterfaces.of(basePackage, information);
    }
}
