package com.keyaccount.crm.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 spoken by hand over a socket, for what no client library sends: a Host header of the
 * test's choosing, a malformed URL, or a body that is announced but only begun, to see whether
 * the server answers before it arrives. One request, one answer.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** The status line, headers (names in lower case) and body of one answer. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /**
     * Opens a connection; a read that waits longer than a generous bound fails the test instead
     * of hanging it (a server still reading a body the test never sends would never answer).
     */
    public static RawHttp open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        return new RawHttp(socket);
    }

    /** Sends a whole request, head and body, and reads the answer. */
    public static Answer exchange(int port, String request) throws IOException {
        try (RawHttp http = open(port)) {
            http.send(request.getBytes(StandardCharsets.UTF_8));
            return http.answer();
        }
    }

    public RawHttp send(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Reads one answer: the body by its Content-Length or its chunks; nothing more. */
    public Answer answer() throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    name -> new ArrayList<>()).add(header.substring(colon + 1).strip());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length.get(0))));
        } else if (encoding != null && encoding.get(0).contains("chunked")) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        } else if (status >= 200 && status != 204 && status != 304) {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed mid-line: " + line.toString(StandardCharsets.UTF_8));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
