package com.narvark.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.narvark.gateway.tables.ModuleTables;
import com.narvark.gateway.tables.RepositoryModules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The legacy chain ({@code <module>/src/main/resources/db/migration}) is applied on existing databases, so it is
 * frozen: Flyway validates every applied script's checksum at start-up, and a script added to it would run into
 * {@code public} after the modules' tables had left it. A new migration goes to the module's
 * {@code db/schema/<schema>} folder instead.
 */
class LegacyChainTest {

    /** The chain as applied: its scripts, their relative paths and every line of them (line endings aside). */
    private static final int SCRIPTS = 39;
    private static final String FINGERPRINT = "3631324055edec24014b0c47c80fa6400fadc1ba760e9bc465e806c5a4951e75";

    private static final Path ROOT = RepositoryModules.root(Path.of(""));

    @Test
    void shouldKeepEveryLegacyScriptAsAppliedWhenRead() {
        List<Path> scripts = legacyScripts();
        assertThat(scripts).as("legacy scripts (add new ones under db/schema/<schema>)").hasSize(SCRIPTS);
        assertThat(fingerprint(scripts)).as("legacy scripts edited, renamed or moved (their checksums are applied)")
                .isEqualTo(FINGERPRINT);
    }

    private static List<Path> legacyScripts() {
        return RepositoryModules.directories(ROOT).stream()
                .flatMap(module -> ModuleTables.files(module.resolve(ModuleTables.LEGACY_MIGRATIONS), ".sql").stream())
                .sorted().toList();
    }

    private static String fingerprint(List<Path> scripts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path script : scripts) {
                Stream.concat(Stream.of(ModuleTables.name(ROOT, script)), ModuleTables.read(script).lines())
                        .forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            return HexFormat.of().formatHex(digest.digest()).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
