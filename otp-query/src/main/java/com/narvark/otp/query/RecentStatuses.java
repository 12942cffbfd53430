package com.narvark.otp.query;

import com.narvark.otp.api.query.OtpStatusView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The views this node's status projection wrote last, by OTP, with the event sequence each reflects. An event that
 * directly follows the remembered sequence is folded onto the remembered view instead of reading the row back; any
 * other (a segment that moved between nodes, a batch retried after a rollback, an entry evicted) reads the row. The
 * fold is deterministic, so the remembered view at sequence n is the row at sequence n whoever wrote it.
 */
final class RecentStatuses {

    private record Remembered(OtpStatusView view, long sequence) {
    }

    private final Map<String, Remembered> views;

    RecentStatuses(int capacity) {
        this.views = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The view just before {@code sequence}, if it is the one remembered. */
    synchronized Optional<OtpStatusView> before(String otpId, long sequence) {
        Remembered remembered = views.get(otpId);
        return remembered != null && remembered.sequence() == sequence - 1
                ? Optional.of(remembered.view()) : Optional.empty();
    }

    synchronized void remember(OtpStatusView view, long sequence) {
        views.put(view.otpId(), new Remembered(view, sequence));
    }

    synchronized void forget(String otpId) {
        views.remove(otpId);
    }

    synchronized void clear() {
        views.clear();
    }
}
