package com.keyaccount.crm.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;

/**
 * An S3-compatible object store in the test's own JVM (no Docker here), on the JDK's HTTP server,
 * speaking what the AWS SDK v2 sends with path-style addressing: create and head a bucket, put
 * (plain or aws-chunked), get, head and delete an object, ListObjectsV2. Like a real store it keeps
 * buckets private: a request needs an AWS4 signature (it is not verified) or a presigned query whose
 * time has not run out, and the presigned answer carries the response-content-* it names.
 */
final class S3Fake implements AutoCloseable {

    record StoredObject(byte[] content, String contentType, Instant lastModified) {
    }

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final HttpServer server;
    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    /** How the next objects' times are set: a test ages them to see the orphan sweep take them. */
    volatile Duration age = Duration.ZERO;

    S3Fake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    Map<String, StoredObject> objects(String bucket) {
        return buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!authorised(exchange, query)) {
                error(exchange, 403, "AccessDenied", "Request has expired or is not signed");
                return;
            }
            String[] parts = path.substring(1).split("/", 2);
            String bucket = parts[0];
            String key = parts.length > 1 ? parts[1] : "";
            String method = exchange.getRequestMethod();
            if (key.isEmpty()) {
                bucket(exchange, method, bucket, query);
            } else {
                object(exchange, method, bucket, key, query);
            }
        }
    }

    private boolean authorised(HttpExchange exchange, Map<String, String> query) {
        if (query.containsKey("X-Amz-Signature")) {
            Instant signedAt = LocalDateTime.parse(query.get("X-Amz-Date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
            long seconds = Long.parseLong(query.getOrDefault("X-Amz-Expires", "0"));
            return Instant.now().isBefore(signedAt.plusSeconds(seconds));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256");
    }

    private void bucket(HttpExchange exchange, String method, String bucket, Map<String, String> query)
            throws IOException {
        exchange.getRequestBody().readAllBytes();
        switch (method) {
            case "PUT" -> {
                buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
                send(exchange, 200, null, new byte[0]);
            }
            case "HEAD" -> send(exchange, buckets.containsKey(bucket) ? 200 : 404, null, null);
            case "GET" -> {
                if (!buckets.containsKey(bucket)) {
                    error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                    return;
                }
                send(exchange, 200, "application/xml", list(bucket, query.getOrDefault("prefix", "")));
            }
            default -> error(exchange, 405, "MethodNotAllowed", method);
        }
    }

    private byte[] list(String bucket, String prefix) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + bucket
                + "</Name><Prefix>" + prefix + "</Prefix>");
        int count = 0;
        StringBuilder contents = new StringBuilder();
        for (var entry : buckets.get(bucket).entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                count++;
                contents.append("<Contents><Key>").append(entry.getKey()).append("</Key><LastModified>")
                        .append(entry.getValue().lastModified()).append("</LastModified><ETag>\"e\"</ETag><Size>")
                        .append(entry.getValue().content().length).append("</Size><StorageClass>STANDARD</StorageClass>"
                        + "</Contents>");
            }
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false"
                + "</IsTruncated>").append(contents).append("</ListBucketResult>");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void object(HttpExchange exchange, String method, String bucket, String key, Map<String, String> query)
            throws IOException {
        var objects = buckets.get(bucket);
        if (objects == null) {
            exchange.getRequestBody().readAllBytes();
            error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
            return;
        }
        switch (method) {
            case "PUT" -> {
                byte[] body = body(exchange);
                String type = exchange.getRequestHeaders().getFirst("Content-Type");
                objects.put(key, new StoredObject(body, type, Instant.now().minus(age)));
                exchange.getResponseHeaders().set("ETag", "\"e\"");
                send(exchange, 200, null, new byte[0]);
            }
            case "GET", "HEAD" -> {
                StoredObject object = objects.get(key);
                if (object == null) {
                    error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                String type = query.getOrDefault("response-content-type", object.contentType());
                if (query.containsKey("response-content-disposition")) {
                    exchange.getResponseHeaders().set("Content-Disposition", query.get("response-content-disposition"));
                }
                exchange.getResponseHeaders().set("ETag", "\"e\"");
                exchange.getResponseHeaders().set("Last-Modified",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(object.lastModified().atOffset(ZoneOffset.UTC)));
                if ("HEAD".equals(method)) {
                    exchange.getResponseHeaders().set("Content-Type", type);
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(object.content().length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    send(exchange, 200, type, object.content());
                }
            }
            case "DELETE" -> {
                objects.remove(key);
                send(exchange, 204, null, null);
            }
            default -> error(exchange, 405, "MethodNotAllowed", method);
        }
    }

    /** The object's bytes: as sent, or decoded from aws-chunked (size;chunk-signature=… CRLF data CRLF … 0). */
    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String encoding = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        String sha = String.valueOf(exchange.getRequestHeaders().getFirst("x-amz-content-sha256"));
        if (!encoding.contains("aws-chunked") && !sha.startsWith("STREAMING-")) {
            return raw;
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String header = line(in);
            int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            byte[] chunk = new byte[size];
            in.readFully(chunk);
            out.write(chunk);
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        send(exchange, status, "application/xml", head ? null : ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                + code + "</Code><Message>" + message + "</Message></Error>").getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.getResponseHeaders().set("x-amz-request-id", "fake");
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
