package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.jworkers.runtime.config.ListenAddress;
import dev.jworkers.runtime.config.Listener;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.server.ServerLimits;

/** Two Workers in one runtime, on two listeners: one fixed to a Worker, one routing by Host header. */
class MultiWorkerTest {
    @TempDir static Path dir;
    static RuntimeNode node;
    static int frontPort;
    static int routedPort;

    @BeforeAll
    static void start() throws Exception {
        for (String name : List.of("api", "front")) {
            Files.writeString(dir.resolve(name + ".js"), """
                    export default { fetch(request) { return new Response('%s ' + new URL(request.url).host); } };
                    """.formatted(name));
        }
        List<WorkerConfig> workers = List.of(worker("api"), worker("front"));
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("api.example.com", "api");
        hosts.put("*.example.com", "front");
        List<Listener> listeners = List.of(
                Listener.of("127.0.0.1", 0, "front"),
                new Listener(new ListenAddress("127.0.0.1", 0), null, hosts));
        node = RuntimeNode.start(new RuntimeNode.Options(workers, listeners, 2, false, ServerLimits.DEFAULT, TestNode.ENGINE));
        frontPort = node.addresses().get(0).getPort();
        routedPort = node.addresses().get(1).getPort();
    }

    private static WorkerConfig worker(String name) throws Exception {
        return new WorkerConfig(name, dir.toRealPath(), dir.resolve(name + ".js").toRealPath(), null, Map.of(), 30_000);
    }

    @AfterAll
    static void stop() throws Exception {
        node.shutdown(Duration.ofSeconds(2));
    }

    /** Sends one request with {@code host} as its Host header and returns the raw response. */
    private static String get(int port, String host) throws Exception {
        try (RawHttp c = new RawHttp(port)) {
            return c.send("GET /x HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").readAll();
        }
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void aListenerWithOneWorkerSendsEveryHostToIt() throws Exception {
        assertEquals("front api.example.com", body(get(frontPort, "api.example.com")));
        assertEquals("front whatever:1", body(get(frontPort, "whatever:1")));
    }

    @Test
    void hostRoutingPicksTheWorkerByHostHeader() throws Exception {
        assertEquals("api api.example.com", body(get(routedPort, "api.example.com")));
        assertEquals("api api.example.com:8443", body(get(routedPort, "API.EXAMPLE.COM:8443")), "case and port ignored");
        assertEquals("front shop.example.com", body(get(routedPort, "shop.example.com")));
        assertEquals("front a.b.example.com", body(get(routedPort, "a.b.example.com")));
    }

    @Test
    void anUnroutedHostGets404WithoutAFallbackWorker() throws Exception {
        String r = get(routedPort, "example.org");
        assertTrue(r.startsWith("HTTP/1.1 404 Not Found\r\n"), r);
        assertEquals("No Worker is configured for this host.\n", body(r));
        try (RawHttp c = new RawHttp(routedPort)) {
            String noHost = c.send("GET / HTTP/1.0\r\n\r\n").readAll();
            assertTrue(noHost.startsWith("HTTP/1.1 404 "), noHost);
        }
    }

    @Test
    void eachPipelinedRequestIsRoutedOnItsOwn() throws Exception {
        try (RawHttp c = new RawHttp(routedPort)) {
            String all = c.send("GET / HTTP/1.1\r\nHost: api.example.com\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: nowhere.test\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n").readAll();
            int api = all.indexOf("api api.example.com");
            int missing = all.indexOf("404 Not Found");
            int front = all.indexOf("front www.example.com");
            assertTrue(api > 0 && missing > api && front > missing, all);
        }
    }

    @Test
    void anAbsoluteFormTargetIsRoutedByItsAuthority() throws Exception {
        try (RawHttp c = new RawHttp(routedPort)) {
            String r = c.send("GET http://api.example.com/y HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n").readAll();
            assertEquals("api api.example.com", body(r));
        }
    }

    @Test
    void optionsRefuseListenersToWorkersThatAreNotLoaded() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RuntimeNode.Options(List.of(worker("api")),
                List.of(Listener.of("127.0.0.1", 0, "front")), 1, false, ServerLimits.DEFAULT, TestNode.ENGINE));
        assertEquals("listener 127.0.0.1:0 routes to Worker 'front', which is not loaded", e.getMessage());
    }
}
