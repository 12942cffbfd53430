package com.narvark.otp.delivery.smpp;

import static com.narvark.otp.api.FailureReason.BLOCKED;
import static com.narvark.otp.api.FailureReason.CARRIER_ERROR;
import static com.narvark.otp.api.FailureReason.CARRIER_UNAVAILABLE;
import static com.narvark.otp.api.FailureReason.CONTENT_REJECTED;
import static com.narvark.otp.api.FailureReason.INVALID_DESTINATION;
import static com.narvark.otp.api.FailureReason.RATE_LIMITED;
import static com.narvark.otp.api.FailureReason.UNREACHABLE;

import com.narvark.otp.api.FailureReason;
import com.narvark.otp.api.SmppCodes;
import com.narvark.otp.delivery.CarrierFailure;
import java.util.Locale;
import java.util.Map;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * SMPP's failures in the taxonomy: {@code submit_sm_resp} {@code command_status} values (SMPP 3.4 §5.1.3, and the
 * few SMPP 5.0 added that SMSCs send on 3.4 binds too) and delivery receipt {@code stat:} values (SMPP 3.4
 * appendix B). A receipt's {@code err:} is network-specific, so it is kept in the carrier error but not mapped.
 */
final class SmppFailures {

    private static final Map<Integer, FailureReason> COMMAND_STATUS = Map.ofEntries(
            Map.entry(0x01, CONTENT_REJECTED),     // ESME_RINVMSGLEN: message length invalid
            Map.entry(0x04, CARRIER_UNAVAILABLE),  // ESME_RINVBNDSTS: not bound for submitting
            Map.entry(0x08, CARRIER_ERROR),        // ESME_RSYSERR
            Map.entry(0x0A, CONTENT_REJECTED),     // ESME_RINVSRCADR: sender id refused
            Map.entry(0x0B, INVALID_DESTINATION),  // ESME_RINVDSTADR
            Map.entry(0x0D, CARRIER_UNAVAILABLE),  // ESME_RBINDFAIL
            Map.entry(0x14, RATE_LIMITED),         // ESME_RMSGQFUL: message queue full
            Map.entry(0x45, CARRIER_ERROR),        // ESME_RSUBMITFAIL
            Map.entry(0x48, CONTENT_REJECTED),     // ESME_RINVSRCTON
            Map.entry(0x49, CONTENT_REJECTED),     // ESME_RINVSRCNPI
            Map.entry(0x50, INVALID_DESTINATION),  // ESME_RINVDSTTON
            Map.entry(0x51, INVALID_DESTINATION),  // ESME_RINVDSTNPI
            Map.entry(0x58, RATE_LIMITED),         // ESME_RTHROTTLED
            Map.entry(0xFE, UNREACHABLE),          // ESME_RDELIVERYFAILURE (5.0)
            Map.entry(0x101, BLOCKED),             // ESME_RPROHIBITED (5.0)
            Map.entry(0x103, BLOCKED),             // ESME_RSERTYPDENIED (5.0)
            Map.entry(0x104, CONTENT_REJECTED));   // ESME_RINVDCS (5.0): data_coding refused

    private SmppFailures() {
    }

    static CarrierFailure ofCommandStatus(int commandStatus) {
        return new CarrierFailure(COMMAND_STATUS.getOrDefault(commandStatus, CARRIER_ERROR),
                "smpp:" + SmppCodes.hex(commandStatus));
    }

    /** A final receipt state other than DELIVRD; {@code err} is the receipt's err: field (may be null). */
    static CarrierFailure ofReceipt(DeliveryReceiptState state, String err) {
        FailureReason reason = switch (state) {
            case UNDELIV, EXPIRED -> UNREACHABLE;   // never reached the handset (off, absent) within validity
            case REJECTD -> BLOCKED;                // the network refused the message for this recipient
            default -> CARRIER_ERROR;               // DELETED, UNKNOWN
        };
        String code = "smpp:stat=" + state.name().toUpperCase(Locale.ROOT);
        return new CarrierFailure(reason, err == null || err.isBlank() ? code : code + ";err=" + err.trim());
    }
}
