package dev.jworkers.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;

/**
 * An HTTP (or HTTPS) origin on loopback for outbound fetch() tests. Routes:
 * {@code /echo} (method, path, Host and every x-* header, then the body), {@code /redirect?code=N&to=L}, {@code /loop} (redirects to itself),
 * {@code /big?n=N} (N bytes, chunked, byte i = i % 251), {@code /gzip} (a gzip-encoded text),
 * {@code /slow?ms=N}, {@code /status?code=N}, {@code /cookies} (two Set-Cookie headers).
 * It remembers the client ports it saw, to count connections.
 */
final class TestOrigin implements AutoCloseable {
    final HttpServer server;
    final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    /** /big answers whose client went away before the end. */
    final java.util.concurrent.atomic.AtomicInteger bigCutOff = new java.util.concurrent.atomic.AtomicInteger();

    private TestOrigin(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    static TestOrigin http() throws IOException {
        return new TestOrigin(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64));
    }

    static TestOrigin https(SSLContext tls) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        s.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new TestOrigin(s);
    }

    int port() { return server.getAddress().getPort(); }

    private void handle(HttpExchange ex) throws IOException {
        clientPorts.add(ex.getRemoteAddress().getPort());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = ex.getRequestURI();
        String q = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        switch (uri.getPath()) {
            case "/echo" -> {
                StringBuilder b = new StringBuilder();
                b.append(ex.getRequestMethod()).append(' ').append(uri.getRawPath()).append(q.isEmpty() ? "" : "?" + q).append('\n');
                b.append("host: ").append(ex.getRequestHeaders().getFirst("Host")).append('\n');
                ex.getRequestHeaders().entrySet().stream()
                        .filter(h -> h.getKey().toLowerCase().startsWith("x-") || h.getKey().equalsIgnoreCase("content-length")
                                || h.getKey().equalsIgnoreCase("authorization"))
                        .sorted(java.util.Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                        .forEach(h -> b.append(h.getKey().toLowerCase()).append(": ").append(String.join(",", h.getValue())).append('\n'));
                b.append("body: ").append(new String(body, StandardCharsets.UTF_8));
                send(ex, 200, "text/plain", b.toString().getBytes(StandardCharsets.UTF_8));
            }
            case "/redirect" -> {
                ex.getResponseHeaders().add("location", param(q, "to"));
                ex.sendResponseHeaders(Integer.parseInt(param(q, "code")), -1);
                ex.close();
            }
            case "/loop" -> {
                ex.getResponseHeaders().add("location", "/loop");
                ex.sendResponseHeaders(302, -1);
                ex.close();
            }
            case "/big" -> {
                int n = Integer.parseInt(param(q, "n"));
                ex.getResponseHeaders().add("content-type", "application/octet-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    byte[] chunk = new byte[16384];
                    for (int i = 0; i < n; ) {
                        int len = Math.min(chunk.length, n - i);
                        for (int j = 0; j < len; j++) chunk[j] = (byte) ((i + j) % 251);
                        out.write(chunk, 0, len);
                        i += len;
                    }
                } catch (IOException gone) {
                    bigCutOff.incrementAndGet();
                }
            }
            case "/gzip" -> {
                ByteArrayOutputStream z = new ByteArrayOutputStream();
                try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
                    gz.write("unzipped text, ".repeat(100).getBytes(StandardCharsets.UTF_8));
                }
                ex.getResponseHeaders().add("content-encoding", "gzip");
                send(ex, 200, "text/plain", z.toByteArray());
            }
            case "/slow" -> {
                try {
                    Thread.sleep(Long.parseLong(param(q, "ms")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(ex, 200, "text/plain", "slow".getBytes(StandardCharsets.UTF_8));
            }
            case "/status" -> send(ex, Integer.parseInt(param(q, "code")), "text/plain", "status body".getBytes(StandardCharsets.UTF_8));
            case "/cookies" -> {
                ex.getResponseHeaders().add("set-cookie", "a=1");
                ex.getResponseHeaders().add("set-cookie", "b=2");
                send(ex, 200, "text/plain", new byte[0]);
            }
            default -> send(ex, 404, "text/plain", "no route".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("content-type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static String param(String query, String name) {
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) return java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("missing " + name);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
