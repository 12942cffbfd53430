package com.narvark.otp.delivery.standin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC for tests, speaking real SMPP 3.4 on loopback (jSMPP's server side): it accepts binds, answers
 * {@code submit_sm} with a message id, and sends a {@code deliver_sm} delivery receipt (one per part) in the state
 * the test chose. Destinations the test marked with {@link #refuse} are answered with a negative
 * {@code submit_sm_resp}. Like a handset it decodes the text ({@link SmscText}) and puts concatenated parts back
 * together, so tests see exactly the text a person would read; like a network it refuses a part that would not fit
 * one SMS (ESME_RINVMSGLEN).
 */
public final class TestSmsc implements AutoCloseable {

    /**
     * A message as the SMSC received it (all its parts), with the time its last part arrived: {@code messageId} is
     * the first part's, {@code partIds} every part's in order, {@code dataCoding} the parts' data_coding.
     */
    public record Submitted(String messageId, String destination, String text, long receivedAtMillis,
                            List<String> partIds, byte dataCoding, boolean inMessagePayload) {

        public int parts() {
            return partIds.size();
        }
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile DeliveryReceiptState receiptState = DeliveryReceiptState.DELIVRD;
    private volatile boolean sendReceipts = true;
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Reassembly reassembly = new Reassembly();

    public TestSmsc() throws IOException {
        this(freePort());
    }

    public TestSmsc(int port) throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        threads.submit(this::acceptLoop);
    }

    /** jSMPP's listener reports the port it was given, not the one bound: pick a free one first. */
    private static int freePort() throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    public int port() {
        return listener.getPort();
    }

    public List<Submitted> submitted() {
        return submitted;
    }

    /** Answers submit_sm to this number (E.164 without the plus) with ESME_RINVDSTADR. */
    public void refuse(String destination) {
        refused.add(destination);
    }

    /** The state of the receipts sent from now on; {@code null} sends no receipt at all. */
    public void receipts(DeliveryReceiptState state) {
        sendReceipts = state != null;
        receiptState = state == null ? DeliveryReceiptState.DELIVRD : state;
    }

    private void acceptLoop() {
        while (!threads.isShutdown()) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                threads.submit(() -> bind(session));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            request.accept("test-smsc");
        } catch (Exception e) {
            session.close();
        }
    }

    private void receipt(SMPPServerSession session, String messageId, String destination) {
        try {
            Thread.sleep(20);
            String text = new DeliveryReceipt(messageId, 1, receiptState == DeliveryReceiptState.DELIVRD ? 1 : 0,
                    new Date(), new Date(), receiptState, "000", "").toString();
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Narvark",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    text.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // The client went away; a real SMSC would retry later.
        }
    }

    @Override
    public void close() throws IOException {
        sessions.forEach(SMPPServerSession::unbindAndClose);
        listener.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            String destination = submitSm.getDestAddress();
            if (refused.contains(destination)) {
                throw new ProcessRequestException("invalid destination", 0x0B);
            }
            String id = Long.toString(ids.incrementAndGet());
            try {
                reassembly.accept(id, submitSm).ifPresent(submitted::add);
            } catch (IllegalArgumentException undecodable) {
                throw new ProcessRequestException(undecodable.getMessage(), 0x08);
            }
            if (sendReceipts) {
                threads.submit(() -> receipt(source, id, destination));
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("bad id", 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
