package com.narvark.gateway.config;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (every command, event, query and their results gets one) as random UUIDs, drawn from a
 * DRBG per thread instead of {@link UUID#randomUUID()}. The JDK's UUID source is one NativePRNG behind a global lock,
 * and under load the gateway's threads queued on it: the benchmark's flight recording showed ~320 waits of 10 ms or
 * more in 60 s, all from {@code GenericMessage.<init>}. Same strength (version 4, 122 random bits from a
 * NIST SP 800-90A generator seeded by the operating system), no shared lock. Registered for Axon's service loader
 * in {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class PerThreadUuidIdentifierFactory extends IdentifierFactory {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's DRBG is missing", e);
        }
    });

    @Override
    public String generateIdentifier() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
