package com.narvark.gateway.support;

import com.narvark.gateway.contract.RawAnswers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte on a socket, for requests no HTTP client would send as given (raw control
 * characters, {@code ..} segments, {@code ;} parameters) and for endless chunked uploads. The client may bind to any
 * loopback address (127.0.0.2 …), so tests that spend a per-address allowance do not spend the others' allowance.
 */
public final class RawHttp {

    private final int port;
    private final String sourceAddress;

    public RawHttp(int port, String sourceAddress) {
        this.port = port;
        this.sourceAddress = sourceAddress;
    }

    /** One request with a Content-Length body; {@code bearer} null sends no Authorization header. */
    public Answer send(String method, String target, String bearer, String contentType, String body)
            throws IOException {
        return sendWith(method, target, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer),
                contentType, body);
    }

    /** One request with these extra headers (a Cookie, say) and a Content-Length body. */
    public Answer sendWith(String method, String target, Map<String, String> headers, String contentType, String body)
            throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        try (Socket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            Answer answer = Answer.parse(socket.getInputStream().readAllBytes());
            Map<String, String> sent = new LinkedHashMap<>(headers);
            if (contentType != null) {
                sent.put("Content-Type", contentType);
            }
            RawAnswers.verify(method, target, sent, body, answer.status(), answer.head(), answer.body());
            return answer;
        }
    }

    /**
     * Streams a chunked body of up to {@code maxBytes} in 16 KiB chunks, looking for the answer after each chunk.
     * Returns the answer, how many body bytes had been written when it arrived, and how many in all before the
     * server closed the connection (or the maximum, if it never did).
     */
    public Upload upload(String target, String bearer, String contentType, long maxBytes) throws IOException {
        return upload(target, bearer, contentType, "", maxBytes);
    }

    /** The same, the body starting with {@code prefix} (a JSON string opened, say, so a parser keeps reading). */
    public Upload upload(String target, String bearer, String contentType, String prefix, long maxBytes)
            throws IOException {
        try (Socket socket = open()) {
            socket.setSoTimeout(20);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: "
                    + contentType + "\r\nTransfer-Encoding: chunked\r\n"
                    + (bearer == null ? "" : "Authorization: Bearer " + bearer + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (!prefix.isEmpty()) {
                byte[] opening = prefix.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(opening.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(opening);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            byte[] chunk = new byte[16 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long written = 0;
            long writtenAtAnswer = -1;
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                while (written < maxBytes) {
                    out.write(chunkHead);
                    out.write(chunk);
                    out.write('\r');
                    out.write('\n');
                    written += chunk.length;
                    if (readSome(in, buffer, received) < 0) {
                        break;
                    }
                    if (writtenAtAnswer < 0 && received.size() > 0) {
                        writtenAtAnswer = written;
                    }
                }
            } catch (IOException closedByServer) {
                // Broken pipe or reset: the server stopped reading, which is what an oversized upload must get.
            }
            try {
                socket.setSoTimeout(2000);
                int n;
                while ((n = in.read(buffer)) > 0) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // a reset after the answer: the answer already arrived
            }
            Answer answer = Answer.parse(received.toByteArray());
            // The body is an endless stream, never compared: only the answer must be one the document describes.
            RawAnswers.verify("POST", target, Map.of("Content-Type", contentType), null, answer.status(),
                    answer.head(), answer.body());
            return new Upload(answer, writtenAtAnswer < 0 ? written : writtenAtAnswer, written);
        }
    }

    private static int readSome(InputStream in, byte[] buffer, ByteArrayOutputStream into) throws IOException {
        try {
            int n = in.read(buffer);
            if (n > 0) {
                into.write(buffer, 0, n);
            }
            return n;
        } catch (SocketTimeoutException nothingYet) {
            return 0;
        }
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(sourceAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    public record Upload(Answer answer, long writtenWhenAnswered, long writtenInAll) {
    }

    /** Status, raw head and body of one answer; status 0 when nothing came back. */
    public record Answer(int status, String head, String body) {

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || split < 0) {
                return new Answer(0, text, "");
            }
            String body = text.substring(split + 4);
            String head = text.substring(0, split);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }
}
