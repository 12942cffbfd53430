package com.narvark.accounts;

/** The account already holds the most unrevoked keys one environment may have; revoking one makes room. */
public class KeyLimitReached extends RuntimeException {

    private final boolean livemode;
    private final int max;

    public KeyLimitReached(boolean livemode, int max) {
        super("the account already has " + max + " active " + (livemode ? "live" : "test") + " keys", null, false,
                false);
        this.livemode = livemode;
        this.max = max;
    }

    public boolean livemode() {
        return livemode;
    }

    public int max() {
        return max;
    }
}
