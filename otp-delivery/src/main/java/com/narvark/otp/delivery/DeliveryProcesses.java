package com.narvark.otp.delivery;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code delivery_processes} table: one row per OTP still being delivered, its state as JSON and its pending
 * timeout as {@code due_at}. Each event costs one statement or two (lock and update); ending deletes the row. Rows are
 * locked {@code FOR UPDATE}, so an event and a firing timeout of the same OTP take turns, on any node. The row also
 * holds the hand-over mark ({@link CarrierHandovers}): one more statement per live carrier call.
 */
@Repository
class DeliveryProcesses implements CarrierHandovers {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcClient jdbc;

    DeliveryProcesses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the OTP already has a process (its event was handled before): nothing is to be done again. */
    boolean insert(DeliveryProcess process) {
        return jdbc.sql("""
                        INSERT INTO otp_delivery.delivery_processes (otp_id, state, due_at) VALUES (?, ?, ?)
                        ON CONFLICT (otp_id) DO NOTHING
                        """)
                .params(process.otpId(), write(process), timestamp(process.dueAt())).update() == 1;
    }

    /** The process, locked until the transaction ends; empty once delivery ended (or never started here). */
    Optional<DeliveryProcess> lock(String otpId) {
        return jdbc.sql("SELECT state FROM otp_delivery.delivery_processes WHERE otp_id = ? FOR UPDATE").param(otpId)
                .query((rs, row) -> read(rs.getBytes(1))).optional();
    }

    /** Processes whose timeout is due, locked; rows another transaction holds are left for the next look. */
    List<DeliveryProcess> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT state FROM otp_delivery.delivery_processes WHERE due_at <= ?
                        ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED
                        """)
                .params(Timestamp.from(now), limit).query((rs, row) -> read(rs.getBytes(1))).list();
    }

    void update(DeliveryProcess process) {
        jdbc.sql("UPDATE otp_delivery.delivery_processes SET state = ?, due_at = ? WHERE otp_id = ?")
                .params(write(process), timestamp(process.dueAt()), process.otpId()).update();
    }

    /** One statement, outside any transaction: committed before the carrier call starts. */
    @Override
    public boolean begin(String otpId, int attempt) {
        return jdbc.sql("""
                        UPDATE otp_delivery.delivery_processes SET handed_over_attempt = ?
                        WHERE otp_id = ? AND (handed_over_attempt IS NULL OR handed_over_attempt < ?)
                        """)
                .params(attempt, otpId, attempt).update() == 1;
    }

    @Override
    public boolean begun(String otpId, int attempt) {
        return jdbc.sql("SELECT 1 FROM otp_delivery.delivery_processes WHERE otp_id = ? AND handed_over_attempt = ?")
                .params(otpId, attempt).query(Integer.class).optional().isPresent();
    }

    void delete(String otpId) {
        jdbc.sql("DELETE FROM otp_delivery.delivery_processes WHERE otp_id = ?").param(otpId).update();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    static byte[] write(DeliveryProcess process) {
        try {
            return JSON.writeValueAsBytes(process);
        } catch (IOException e) {
            throw new IllegalStateException("a delivery process always serializes", e);
        }
    }

    static DeliveryProcess read(byte[] state) {
        try {
            return JSON.readValue(state, DeliveryProcess.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable delivery process", e);
        }
    }
}
