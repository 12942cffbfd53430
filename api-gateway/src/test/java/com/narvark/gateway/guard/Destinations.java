package com.narvark.gateway.guard;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh UK mobile numbers, so that the per-destination guards of one test never see another test's OTPs. */
final class Destinations {

    private Destinations() {
    }

    static String freshMobile() {
        return "+4479112" + (10000 + ThreadLocalRandom.current().nextInt(90000));
    }
}
