package com.narvark.otp.delivery;

/**
 * Which delivery node a carrier call was handed to, and whether that node is gone. A message waits in its node's
 * memory until a carrier worker takes it, so only a live node can still send it.
 */
public interface NodeLiveness {

    /** This node, for as long as this process runs (a restarted process is a new node). */
    String self();

    /**
     * True only when the node has certainly stopped: it has been silent while this node, reaching the same
     * database, was not. Unknown nodes (never seen, or removed after a clean shutdown) are gone too.
     */
    boolean gone(String node);
}
