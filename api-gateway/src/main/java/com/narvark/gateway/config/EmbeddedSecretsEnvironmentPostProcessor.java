package com.narvark.gateway.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;

/**
 * In embedded mode only, supplies the code pepper, the encryption key and the admin token when none is configured:
 * generated once and kept in {@code <data-dir>/secrets.properties} (owner-only), beside the embedded database but
 * never in it. With a real database these must come from configuration, and the start fails without them.
 */
class EmbeddedSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String[] SECRETS = {"narvark.security.code-pepper", "narvark.security.encryption-key",
            "narvark.admin.token"};

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!EmbeddedMode.isActive(environment)) {
            return;
        }
        Path file = Path.of(environment.getProperty("narvark.embedded.data-dir", "data")).resolve("secrets.properties");
        try {
            Properties secrets = load(file);
            boolean changed = false;
            for (String name : SECRETS) {
                if (!secrets.containsKey(name)) {
                    secrets.setProperty(name, randomBase64(32));
                    changed = true;
                }
            }
            if (changed) {
                store(file, secrets);
            }
            // Added last: anything configured explicitly still wins.
            environment.getPropertySources().addLast(new PropertiesPropertySource("embeddedSecrets", secrets));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write the embedded secrets at " + file, e);
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private static void store(Path file, Properties secrets) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps its folder's permissions.
        }
        try (Writer writer = Files.newBufferedWriter(file)) {
            secrets.store(writer, "Generated secrets of the embedded mode; never commit this file");
        }
    }

    private static String randomBase64(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
