package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.server.ServerLimits;

/** A failing or runaway handler fails its own request, is logged, and leaves the shard serving. */
class ErrorHandlingTest {
    private static final String WORKER = """
            export default {
              async fetch(request) {
                const path = request.url.replace(/^http:\\/\\/[^/]+/, '');
                if (path === '/throw') throwHere();
                if (path === '/reject') { await null; throw new RangeError('rejected-marker'); }
                if (path === '/loop') { while (true) {} }
                if (path === '/async-loop') { await null; for (;;) {} }
                if (path === '/timer-loop') { return new Promise(() => setTimeout(() => { for (;;) {} }, 1)); }
                if (path === '/not-a-response') return { hello: 'world' };
                if (path === '/error-response') return Response.error();
                return new Response('fine');
              }
            };
            function throwHere() {
              throw new Error('thrown-marker');
            }
            """;

    private static TestNode start() throws Exception {
        // One shard, so the request after a failure provably runs on the same shard and Context.
        return TestNode.serve(Map.of("worker.js", WORKER), "worker.js", 300, 1, ServerLimits.DEFAULT);
    }

    @Test
    void thrownErrorGives500AndLogsTheStackWithFileAndLine() throws Exception {
        try (TestNode n = start()) {
            var r = n.get("/throw");
            assertEquals(500, r.statusCode());
            assertEquals("Internal Server Error\n", r.body());
            assertTrue(TestNode.eventually(Duration.ofSeconds(2), () -> TestNode.output().contains("thrown-marker")));
            String out = TestNode.output();
            assertTrue(out.matches("(?s).*Error: thrown-marker.*worker\\.js:15:9.*"), "stack with worker.js:15:9 in\n" + out);
            assertEquals("fine", n.get("/").body());
        }
    }

    @Test
    void rejectedPromiseGives500() throws Exception {
        try (TestNode n = start()) {
            assertEquals(500, n.get("/reject").statusCode());
            assertTrue(TestNode.eventually(Duration.ofSeconds(2), () -> TestNode.output().contains("RangeError: rejected-marker")));
            assertEquals("fine", n.get("/").body());
        }
    }

    @Test
    void nonResponseResultsGive500() throws Exception {
        try (TestNode n = start()) {
            assertEquals(500, n.get("/not-a-response").statusCode());
            assertTrue(TestNode.eventually(Duration.ofSeconds(2), () -> TestNode.output().contains("did not resolve to 'Response'")));
            assertEquals(500, n.get("/error-response").statusCode());
        }
    }

    @Test
    void runawayScriptsAreInterruptedAndTheShardServesTheNextRequest() throws Exception {
        try (TestNode n = start()) {
            for (String path : new String[] {"/loop", "/async-loop", "/timer-loop"}) {
                long t0 = System.nanoTime();
                var r = n.get(path);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(503, r.statusCode(), path);
                assertEquals("Worker exceeded CPU time limit.\n", r.body());
                assertTrue(ms < 5_000, path + " took " + ms + " ms");
                assertEquals("fine", n.get("/").body(), "same shard, same Context, after " + path);
            }
            assertTrue(TestNode.output().contains("exceeded the CPU time limit of 300 ms"));
        }
    }
}
