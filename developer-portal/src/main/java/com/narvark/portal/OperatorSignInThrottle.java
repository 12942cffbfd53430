package com.narvark.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Guessing of the operator token at the operator sign-in, throttled together with the admin API's attempts: the
 * gateway owns the throttle (its buckets, its failure counts) and implements this for the portal.
 */
public interface OperatorSignInThrottle {

    /** Seconds this client must wait before trying again; empty when it may try now. */
    OptionalLong refusal(HttpServletRequest request);

    /** Counts a failed sign-in of this client. */
    void failed(HttpServletRequest request);

    /** Failed operator-token attempts per surface over the last 24 hours, for the operator page. */
    Map<String, Long> failuresLastDay();
}
