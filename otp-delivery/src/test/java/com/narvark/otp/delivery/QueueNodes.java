package com.narvark.otp.delivery;

import java.util.HashSet;
import java.util.Set;

/** {@link NodeLiveness} for delivery process tests: this node is "self"; any other node is alive until {@link #kill}ed. */
final class QueueNodes implements NodeLiveness {

    private final Set<String> dead = new HashSet<>();

    static QueueNodes allAlive() {
        return new QueueNodes();
    }

    void kill(String node) {
        dead.add(node);
    }

    @Override
    public String self() {
        return "self";
    }

    @Override
    public boolean gone(String node) {
        return dead.contains(node);
    }
}
