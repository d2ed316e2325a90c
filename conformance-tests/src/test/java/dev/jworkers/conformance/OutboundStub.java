package dev.jworkers.conformance;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the Internet while a case runs: both runtimes send every outbound fetch() here
 * (this runtime with --global-outbound, workerd through its globalOutbound service), so a template
 * that fetches a public address still only reaches loopback. Requests are matched by the Host header
 * and path (query included) against the case's "outbound" answers; anything else gets 404. Each
 * request is recorded as "METHOD host/path" for the steps' checks.
 */
final class OutboundStub implements AutoCloseable {
    private final HttpServer server;
    private final List<CaseSpec.StubAnswer> answers;
    private final List<String> seen = new ArrayList<>();

    OutboundStub(List<CaseSpec.StubAnswer> answers) throws IOException {
        this.answers = answers == null ? List.of() : answers;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() { return server.getAddress().getPort(); }

    /** The requests received since the last call, oldest first. */
    synchronized List<String> drain() {
        List<String> out = List.copyOf(seen);
        seen.clear();
        return out;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        synchronized (this) {
            seen.add(ex.getRequestMethod() + " " + host + path);
        }
        CaseSpec.StubAnswer match = null;
        for (CaseSpec.StubAnswer a : answers) {
            if (a.host().equalsIgnoreCase(host) && a.path().equals(path)) {
                match = a;
                break;
            }
        }
        int status = match == null ? 404 : match.statusOr200();
        byte[] body = (match == null ? "no stub answer for " + host + path + "\n" : match.bodyOrEmpty()).getBytes(StandardCharsets.UTF_8);
        if (match != null && match.headers() != null) {
            for (Map.Entry<String, String> h : match.headers().entrySet()) ex.getResponseHeaders().add(h.getKey(), h.getValue());
        } else if (match == null) {
            ex.getResponseHeaders().add("content-type", "text/plain");
        }
        boolean noBody = ex.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
        ex.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!noBody) out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
