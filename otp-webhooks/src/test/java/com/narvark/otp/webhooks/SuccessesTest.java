package com.narvark.otp.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Successes are written in groups, and what waits for its write keeps its lease: the batch renews from the first
 * success not yet written, and stops needing it once the group is stored.
 */
class SuccessesTest {

    private final List<ClaimedDelivery> deliveries = IntStream.range(0, 120).mapToObj(i -> new ClaimedDelivery(i,
            "we_" + i, "whe_1", "acct_1", "otp_" + i, "evt_" + i, 0, "http://127.0.0.1/hooks", new byte[0],
            new byte[0], null, null)).toList();
    private final Instant lease = Instant.parse("2026-12-01T12:00:00Z");
    private final HeldBatch batch = new HeldBatch(deliveries, lease);
    private final List<List<String>> writes = new ArrayList<>();
    private final Successes successes = new Successes(batch, group -> writes.add(group.stream()
            .map(s -> s.delivery().deliveryId()).toList()));

    @Test
    void shouldWriteAGroupOfFiftyWhenTheLaneKeepsSucceeding() {
        post(120);
        successes.flush();

        // Groups of fifty (a pause of the machine past 200 ms may cut one short), every success once, in order.
        assertThat(writes).hasSizeGreaterThanOrEqualTo(3).allMatch(group -> group.size() <= 50);
        assertThat(writes.stream().flatMap(List::stream).toList())
                .isEqualTo(deliveries.stream().map(ClaimedDelivery::deliveryId).toList());
    }

    @Test
    void shouldRenewTheLeaseOfSuccessesNotYetWrittenWhenTheKeeperComes() {
        post(10);
        List<String> renewed = new ArrayList<>();
        DeliveryQueue queue = new DeliveryQueue(null, null) {
            @Override
            List<ClaimedDelivery> renew(List<ClaimedDelivery> held, Instant heldUntil, Instant leaseUntil) {
                held.forEach(d -> renewed.add(d.deliveryId()));
                return held;
            }
        };

        batch.renew(queue, lease.plusSeconds(10));
        assertThat(renewed).hasSize(120).startsWith("we_0");

        successes.flush();
        renewed.clear();
        batch.renew(queue, lease.plusSeconds(20));
        assertThat(renewed).hasSize(110).startsWith("we_10");
    }

    private void post(int count) {
        for (int i = 0; i < count; i++) {
            ClaimedDelivery next = batch.next(lease.minusSeconds(1));
            successes.add(new Successes.Success(next, new PostResult(204, null, null, 1), lease.minusSeconds(1)));
            batch.advance();
        }
    }
}
