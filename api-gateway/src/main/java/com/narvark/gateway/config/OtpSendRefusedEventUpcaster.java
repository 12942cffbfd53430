package com.narvark.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.narvark.otp.api.event.OtpSendRefusedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link OtpSendRefusedEvent} revision 1 (stored without a revision) did not record the code length the send asked
 * for, so refused OTPs reported 0, a length no send can ask for. Revision 2 records it; older events get the API's
 * default, 6, which is what most sends use. The stored events stay as they were written.
 */
public final class OtpSendRefusedEventUpcaster extends SingleEventUpcaster {

    static final int DEFAULT_CODE_LENGTH = 6;
    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(OtpSendRefusedEvent.class.getName(), null);
    private static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(OtpSendRefusedEvent.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).put("codeLength", DEFAULT_CODE_LENGTH);
            return payload;
        });
    }
}
