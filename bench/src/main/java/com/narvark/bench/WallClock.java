package com.narvark.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock microseconds, in which the gateway's timestamps come, for instants this process took on
 * {@link System#nanoTime}: both clocks read once, side by side, at the origin.
 */
record WallClock(long wallOriginMicros, long nanoOrigin) {

    static WallClock now() {
        Instant now = Instant.now();
        return new WallClock(micros(now), System.nanoTime());
    }

    long wallMicros(long nanos) {
        return wallOriginMicros + (nanos - nanoOrigin) / 1000;
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
