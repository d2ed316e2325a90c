package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.server.ServerLimits;

/** HTTP/1.1 details of the server: shards, HEAD, 100-continue, HTTP/1.0, keep-alive and close. */
class HttpProtocolTest {
    private static final String COUNTER = """
            let n = 0;
            export default { async fetch(r) {
              const body = r.method === 'POST' ? await r.text() : '';
              return new Response('n=' + (++n) + ' body=' + body, { headers: { 'x-method': r.method } });
            } };
            """;

    private static TestNode start() throws Exception {
        return TestNode.serve(Map.of("worker.js", COUNTER), "worker.js", 30_000, 2, ServerLimits.DEFAULT);
    }

    private static String request(RawHttp c, String req) throws Exception {
        c.send(req);
        StringBuilder b = new StringBuilder();
        while (!b.toString().contains("\r\n\r\n")) b.append(c.readSome(5000));
        String head = b.substring(0, b.indexOf("\r\n\r\n") + 4);
        int len = Integer.parseInt(head.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
        while (b.length() < head.length() + len) b.append(c.readSome(5000));
        return b.toString();
    }

    @Test
    void connectionsAreSpreadOverShardsEachWithItsOwnContext() throws Exception {
        try (TestNode n = start(); RawHttp a = new RawHttp(n.node.port()); RawHttp b = new RawHttp(n.node.port())) {
            String get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            assertTrue(request(a, get).endsWith("n=1 body="));
            assertTrue(request(a, get).endsWith("n=2 body="));
            // The second connection went to the other shard: a different Context, its own module state.
            assertTrue(request(b, get).endsWith("n=1 body="));
            assertTrue(request(a, get).endsWith("n=3 body="));
        }
    }

    @Test
    void headGetsHeadersAndLengthButNoBody() throws Exception {
        try (TestNode n = start(); RawHttp c = new RawHttp(n.node.port())) {
            String r = c.send("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
            assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), r);
            assertTrue(r.contains("x-method: HEAD") && r.contains("content-length: 9"), r);
            assertTrue(r.endsWith("\r\n\r\n"), "no body: " + r);
        }
    }

    @Test
    void expectContinueIsAnswered() throws Exception {
        try (TestNode n = start(); RawHttp c = new RawHttp(n.node.port())) {
            c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertTrue(c.readSome(5000).startsWith("HTTP/1.1 100 Continue"));
            String r = c.send("hello").readSome(5000);
            assertTrue(r.startsWith("HTTP/1.1 200 OK") && r.endsWith("body=hello"), r);
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws Exception {
        try (TestNode n = start()) {
            try (RawHttp c = new RawHttp(n.node.port())) {
                String r = c.send("GET / HTTP/1.0\r\n\r\n").readAll();
                assertTrue(r.startsWith("HTTP/1.1 200 OK") && r.contains("connection: close"), r);
            }
            try (RawHttp c = new RawHttp(n.node.port())) {
                String first = request(c, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
                assertTrue(first.contains("connection: keep-alive"), first);
                assertTrue(request(c, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").startsWith("HTTP/1.1 200 OK"));
            }
        }
    }

    @Test
    void connectionCloseIsHonouredAndChunkedRequestBodiesWork() throws Exception {
        try (TestNode n = start(); RawHttp c = new RawHttp(n.node.port())) {
            String r = c.send("POST / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").readAll();
            assertTrue(r.contains("connection: close") && r.endsWith("body=abcde"), r);
        }
    }
}
