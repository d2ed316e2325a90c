package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.server.ServerLimits;

/** Malformed and oversized requests get clear 4xx answers; stalled or vanished clients leak nothing. */
class HttpLimitsTest {
    private static final String ECHO = "export default { async fetch(r) { return new Response('got ' + (await r.text()).length); } };";

    private static TestNode start(ServerLimits limits) throws Exception {
        return TestNode.serve(Map.of("worker.js", ECHO), "worker.js", 30_000, 2, limits);
    }

    private static String statusLine(String response) {
        int i = response.indexOf("\r\n");
        return i < 0 ? response : response.substring(0, i);
    }

    @Test
    void malformedRequestLineGives400() throws Exception {
        try (TestNode n = start(ServerLimits.DEFAULT); RawHttp c = new RawHttp(n.node.port())) {
            String r = c.send("THIS IS NOT HTTP\r\n\r\n").readAll();
            assertEquals("HTTP/1.1 400 Bad Request", statusLine(r));
        }
    }

    @Test
    void badHeaderLineGives400() throws Exception {
        try (TestNode n = start(ServerLimits.DEFAULT); RawHttp c = new RawHttp(n.node.port())) {
            String r = c.send("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").readAll();
            assertEquals("HTTP/1.1 400 Bad Request", statusLine(r));
        }
    }

    @Test
    void headersOver32KiBGive431() throws Exception {
        try (TestNode n = start(ServerLimits.DEFAULT); RawHttp c = new RawHttp(n.node.port())) {
            String big = "x".repeat(33 * 1024);
            String r = c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n").readAll();
            assertEquals("HTTP/1.1 431 Request Header Fields Too Large", statusLine(r));
        }
        // Just under the limit is fine.
        try (TestNode n = start(ServerLimits.DEFAULT); RawHttp c = new RawHttp(n.node.port())) {
            String r = c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "y".repeat(30 * 1024) + "\r\n\r\n").readAll();
            assertEquals("HTTP/1.1 200 OK", statusLine(r));
        }
    }

    @Test
    void bodyOverTheLimitGives413DeclaredOrChunked() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULT.withMaxBodyBytes(1024);
        try (TestNode n = start(limits)) {
            try (RawHttp c = new RawHttp(n.node.port())) {
                String r = c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2048\r\n\r\n").readAll();
                assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine(r));
            }
            try (RawHttp c = new RawHttp(n.node.port())) {
                String chunk = Integer.toHexString(800) + "\r\n" + "a".repeat(800) + "\r\n";
                String r = c.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk + "0\r\n\r\n").readAll();
                assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine(r));
            }
            try (RawHttp c = new RawHttp(n.node.port())) {
                String r = c.send("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 1024\r\n\r\n" + "b".repeat(1024)).readAll();
                assertEquals("HTTP/1.1 200 OK", statusLine(r));
                assertTrue(r.endsWith("got 1024"), r);
            }
            assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> n.node.stats().bufferedBodies() == 0));
        }
    }

    @Test
    void stalledAndVanishedClientsLeakNothing() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULT.withIdleTimeout(Duration.ofMillis(300));
        try (TestNode n = start(limits)) {
            // Stalls half-way through the headers, then through the body: the idle timeout closes both.
            RawHttp headers = new RawHttp(n.node.port()).send("GET / HTTP/1.1\r\nHost: x\r\nX-Half");
            RawHttp body = new RawHttp(n.node.port()).send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly-part");
            // Drops mid-body.
            try (RawHttp dropped = new RawHttp(n.node.port())) {
                dropped.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + "z".repeat(5000));
            }
            assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> n.node.stats().openConnections() == 0),
                    "open connections: " + n.node.stats().openConnections());
            assertEquals(0, n.node.stats().bufferedBodies());
            assertEquals(0, n.node.inFlight());
            assertEquals("", headers.readAll());
            assertEquals("", body.readAll());
            headers.close();
            body.close();
            assertEquals("got 0", n.get("/").body());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (TestNode n = TestNode.module("""
                export default { async fetch(r) {
                  const p = r.url.replace(/^http:\\/\\/[^/]+/, '');
                  if (p === '/slow') await new Promise(res => setTimeout(res, 100));
                  return new Response(p);
                } };
                """); RawHttp c = new RawHttp(n.node.port())) {
            String r = c.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(r.indexOf("/slow") < r.indexOf("/fast") && r.indexOf("/slow") > 0, r);
        }
    }
}
