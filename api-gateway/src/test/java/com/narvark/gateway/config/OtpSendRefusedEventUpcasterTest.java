package com.narvark.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.narvark.otp.api.Channel;
import com.narvark.otp.api.Destination;
import com.narvark.otp.api.GuardReason;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Refused sends stored before revision 2 read back with the default code length; newer ones with their own. */
class OtpSendRefusedEventUpcasterTest {

    private static final String TYPE = OtpSendRefusedEvent.class.getName();
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final ObjectMapper mapper = new AxonStorageAutoConfiguration().defaultAxonObjectMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();

    private static OtpSendRefusedEvent refused(int codeLength) {
        return new OtpSendRefusedEvent("otp_x", "acct", true, new Destination(Destination.Kind.PHONE, "+447911123456"),
                Channel.SMS, codeLength, Map.of("k", "v"), GuardReason.COUNTRY_NOT_ALLOWED, T0);
    }

    private OtpSendRefusedEvent read(byte[] payload, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Otp", "otp_x", 0, "e1", T0.toString(),
                TYPE, revision, payload, "{}".getBytes());
        return (OtpSendRefusedEvent) EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer,
                new OtpSendRefusedEventUpcaster()).next().getPayload();
    }

    @Test
    void shouldReadTheDefaultCodeLengthWhenTheEventPredatesRevisionTwo() throws Exception {
        ObjectNode revisionOne = mapper.valueToTree(refused(8));
        revisionOne.remove("codeLength");

        OtpSendRefusedEvent event = read(mapper.writeValueAsBytes(revisionOne), null);

        assertThat(event.codeLength()).isEqualTo(OtpSendRefusedEventUpcaster.DEFAULT_CODE_LENGTH);
        assertThat(event.reason()).isEqualTo(GuardReason.COUNTRY_NOT_ALLOWED);
        assertThat(event.metadata()).containsEntry("k", "v");
    }

    @Test
    void shouldKeepTheRequestedCodeLengthWhenTheEventIsRevisionTwo() {
        assertThat(serializer.serialize(refused(8), byte[].class).getType().getRevision()).isEqualTo("2");

        OtpSendRefusedEvent event = read(serializer.serialize(refused(8), byte[].class).getData(), "2");

        assertThat(event.codeLength()).isEqualTo(8);
    }
}
