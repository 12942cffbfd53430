package com.narvark.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile webhook receiver on loopback: it accepts TCP and answers a TLS handshake one byte every 300 ms,
 * forever (a record header announcing 16 KiB of handshake, then zeros). Every byte comes well inside any read
 * timeout, so only a deadline on the whole exchange ends an attempt. Point {@code https} URLs at it.
 */
public final class TricklingReceiver implements AutoCloseable {

    private static final byte[] RECORD_HEADER = {0x16, 0x03, 0x03, 0x40, 0x00};
    private static final long TRICKLE_MILLIS = 300;

    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    public TricklingReceiver() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        daemon(this::accept);
    }

    public String url(String path) {
        return "https://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Connections accepted so far: attempts that reached it. */
    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                open.add(connection);
                connections.incrementAndGet();
                daemon(() -> drain(connection));
                daemon(() -> trickle(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void trickle(Socket connection) {
        try (connection) {
            OutputStream out = connection.getOutputStream();
            for (int i = 0; !server.isClosed(); i++) {
                Thread.sleep(TRICKLE_MILLIS);
                out.write(i < RECORD_HEADER.length ? RECORD_HEADER[i] : 0);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The sender hung up.
        } finally {
            open.remove(connection);
        }
    }

    private static void drain(Socket connection) {
        try {
            InputStream in = connection.getInputStream();
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // The ClientHello, dropped.
            }
        } catch (IOException e) {
            // The sender hung up.
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing is best effort in a test.
        }
        open.forEach(connection -> {
            try {
                connection.close();
            } catch (IOException e) {
                // Idem.
            }
        });
    }

    private static void daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "trickling-receiver");
        thread.setDaemon(true);
        thread.start();
    }
}
