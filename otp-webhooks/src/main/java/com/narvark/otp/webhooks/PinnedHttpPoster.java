package com.narvark.otp.webhooks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST over a socket this class connects itself, to the address the SSRF guard approved. The JDK's
 * HttpClient resolves host names on its own, after any check of ours, so a DNS answer that changes between check
 * and connect (rebinding) could aim it at an internal address; here the name is resolved once, every address is
 * checked, and the socket is connected to that very address (TLS still verifies the certificate against the host
 * name, with SNI). Redirects are never followed: a 3xx is just a failed attempt. {@code timeout} bounds the whole
 * exchange, from resolving the host to the end of the response headers ({@link ExchangeDeadline}): a receiver that
 * trickles bytes cannot stretch it.
 */
final class PinnedHttpPoster {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final NetworkGuard guard;
    private final Duration timeout;
    private final Clock clock;

    PinnedHttpPoster(NetworkGuard guard, Duration timeout, Clock clock) {
        this.guard = guard;
        this.timeout = timeout;
        this.clock = clock;
    }

    PostResult post(String url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        try (ExchangeDeadline deadline = ExchangeDeadline.start(timeout)) {
            PostResult result = exchange(url, headers, body, deadline, started);
            // Closed by the watchdog, the socket fails in whatever way it happened to be blocked: say why.
            return result.httpStatus() == null && deadline.expired() ? timedOut(started) : result;
        }
    }

    private PostResult exchange(String url, Map<String, String> headers, byte[] body, ExchangeDeadline deadline,
                                long started) {
        try {
            URI uri = URI.create(url);
            InetAddress address = deadline.resolve(guard, uri);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
            try (Socket socket = connect(address, uri.getHost(), port, https, deadline)) {
                socket.getOutputStream().write(request(uri, port, https, headers, body));
                socket.getOutputStream().flush();
                return readStatus(new BufferedInputStream(socket.getInputStream()), started);
            }
        } catch (RefusedAddressException e) {
            return failure("address refused: " + e.getMessage(), started);
        } catch (SocketTimeoutException e) {
            return timedOut(started);
        } catch (ConnectException e) {
            return failure("connection refused", started);
        } catch (SSLException e) {
            return failure("TLS handshake failed", started);
        } catch (IOException | IllegalArgumentException e) {
            // The log shows this text to customers: no exception class or message of ours goes into it.
            return failure("connection failed", started);
        }
    }

    private Socket connect(InetAddress address, String host, int port, boolean https, ExchangeDeadline deadline)
            throws IOException, RefusedAddressException {
        Socket socket = new Socket();
        try {
            deadline.watch(socket);
            socket.connect(new InetSocketAddress(address, port), deadline.remainingMillis());
            guard.check(socket.getInetAddress());
            // Redundant with the deadline, which closes the socket; kept so that no read can ever block unbounded.
            socket.setSoTimeout((int) timeout.toMillis());
            if (!https) {
                return socket;
            }
            String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, bareHost, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!bareHost.contains(":") && !bareHost.matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(bareHost)));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RefusedAddressException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static byte[] request(URI uri, int port, boolean https, Map<String, String> headers, byte[] body)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        boolean defaultPort = port == (https ? 443 : 80);
        StringBuilder head = new StringBuilder("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: Narvark-Webhooks/1.0\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        return out.toByteArray();
    }

    /** Reads the status line and headers only; the receiver's body is not needed and not kept. */
    private PostResult readStatus(InputStream in, long started) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithBlankLine(head)) {
            int next = in.read();
            if (next < 0 || head.size() > MAX_HEAD_BYTES) {
                return failure("malformed HTTP response", started);
            }
            head.write(next);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.") || !statusLine[1].matches("[1-5][0-9]{2}")) {
            return failure("malformed HTTP response", started);
        }
        Duration retryAfter = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("retry-after")) {
                retryAfter = RetryAfter.parse(lines[i].substring(colon + 1).trim(), clock.instant()).orElse(null);
            }
        }
        return new PostResult(Integer.parseInt(statusLine[1]), retryAfter, null, elapsedMillis(started));
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] bytes = head.toByteArray();
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    private PostResult timedOut(long started) {
        long millis = timeout.toMillis();
        return failure("timed out after " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms"), started);
    }

    private static PostResult failure(String error, long started) {
        return new PostResult(null, null, error, elapsedMillis(started));
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
