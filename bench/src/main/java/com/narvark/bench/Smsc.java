package com.narvark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * The SMPP stand-in the gateway's {@code smpp} provider binds to (SMPP 3.4 over loopback, jSMPP's server side). It
 * notes when each {@code submit_sm} arrives (the dispatch instant, on this process's clock) and answers it with a
 * {@code DELIVRD} receipt at once, as a fast carrier would. Its session handling follows otp-delivery's test
 * stand-in ({@code standin/TestSmsc}) on purpose: the benchmark is built outside the reactor from public libraries
 * only, so it cannot use that test-jar, and it must time arrivals, which the test stand-in does not.
 * <p>
 * The fault suite hears of every arrival ({@link #onEveryMessage}; each gets its receipt) and takes the SMSC away
 * by closing it, bound sessions included, then starts a new one on the same port.
 */
final class Smsc implements AutoCloseable {

    /** A message as the SMSC received it; {@code receiptAcked} completes when the gateway took the receipt. */
    record Received(String text, long receivedNanos, CompletableFuture<Void> receiptAcked) {
    }

    /** Any message: its destination (E.164 without +), text, and arrival instant (System.nanoTime). */
    /** One complete message at the SMSC; {@code session} names the bind it came over (one per gateway node). */
    record Arrival(String destination, String text, long receivedNanos, String session) {
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor(daemon("smsc-accept"));
    private final ExecutorService binder = Executors.newCachedThreadPool(daemon("smsc-bind"));
    private final ExecutorService receipts = Executors.newFixedThreadPool(4, daemon("smsc-receipt"));
    private final Map<String, CompletableFuture<Received>> expected = new ConcurrentHashMap<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids;
    private volatile Consumer<Arrival> arrivals;
    final AtomicLong unexpected = new AtomicLong();
    private final SmsDecoding decoding = new SmsDecoding();

    Smsc(int port) throws IOException {
        this(port, 1_000_000);
    }

    /** {@code firstId}: message ids continue from here, so a restarted SMSC never reuses one. */
    Smsc(int port, long firstId) throws IOException {
        ids = new AtomicLong(firstId);
        listener = new SMPPServerSessionListener(port);
        listener.setPduProcessorDegree(8);
        listener.setMessageReceiverListener(new Receiver());
        acceptor.submit(this::acceptLoop);
    }

    /** Call before the send: the future completes when a message for this number (E.164 without +) arrives. */
    CompletableFuture<Received> expect(String digits) {
        return expected.computeIfAbsent(digits, d -> new CompletableFuture<>());
    }

    void forget(String digits) {
        expected.remove(digits);
    }

    /** Every message, expected or not; each then gets its receipt too. */
    void onEveryMessage(Consumer<Arrival> listener) {
        arrivals = listener;
    }

    long lastId() {
        return ids.get();
    }

    private void acceptLoop() {
        while (!acceptor.isShutdown()) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                binder.submit(() -> bind(session));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            request.accept("bench-smsc");
        } catch (Exception e) {
            session.close();
        }
    }

    private void receipt(SMPPServerSession session, String messageId, String destination,
                         CompletableFuture<Void> acked) {
        try {
            String text = new DeliveryReceipt(messageId, 1, 1, new Date(), new Date(), DeliveryReceiptState.DELIVRD,
                    "000", "").toString();
            session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                    TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Narvark",
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    text.getBytes(StandardCharsets.US_ASCII));
            acked.complete(null);
        } catch (Exception e) {
            acked.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sessions.forEach(SMPPServerSession::close);
        acceptor.shutdownNow();
        binder.shutdownNow();
        receipts.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private final class Receiver extends SubmitOnlyReceiver {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            long now = System.nanoTime();
            String destination = submitSm.getDestAddress();
            String id = Long.toString(ids.incrementAndGet());
            String text = decoding.accept(destination, submitSm.getEsmClass(), submitSm.getDataCoding(),
                    submitSm.getShortMessage());
            if (text == null) {
                return result(id); // a part of a longer text: the message is complete with its last part
            }
            CompletableFuture<Received> waiting = expected.remove(destination);
            Consumer<Arrival> everyMessage = arrivals;
            if (everyMessage != null) {
                everyMessage.accept(new Arrival(destination, text, now, source.getSessionId()));
            }
            if (waiting == null && everyMessage == null) {
                unexpected.incrementAndGet();
            } else {
                CompletableFuture<Void> acked = new CompletableFuture<>();
                if (waiting != null) {
                    waiting.complete(new Received(text, now, acked));
                }
                // After the submit_sm_resp has gone out, as a real SMSC would.
                receipts.submit(() -> receipt(source, id, destination, acked));
            }
            return result(id);
        }

        private SubmitSmResult result(String id) throws ProcessRequestException {
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("bad id", 0x08);
            }
        }
    }
}
