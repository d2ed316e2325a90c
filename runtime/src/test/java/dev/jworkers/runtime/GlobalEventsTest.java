package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.server.ServerLimits;

/**
 * The global scope's {@code unhandledrejection} and {@code error} events over real HTTP: an
 * unhandled rejection is logged, reaches the Worker's listeners, never fails the shard, and
 * microtasks queued by those listeners run without waiting for the next request.
 */
class GlobalEventsTest {

    private static TestNode serve(String file, String source) throws Exception {
        // One shard: every request sees the same Context and module state.
        return TestNode.serve(Map.of(file, source), file, 30_000, 1, ServerLimits.DEFAULT);
    }

    private static boolean logged(String text) throws InterruptedException {
        return TestNode.eventually(Duration.ofSeconds(5), () -> TestNode.output().contains(text));
    }

    @Test
    void unhandledRejectionIsLoggedAndDispatchedAndTheShardKeepsServing() throws Exception {
        try (TestNode n = serve("worker.js", """
                const seen = [];
                addEventListener('unhandledrejection', (event) => {
                  seen.push(event.type + ':' + event.reason.message + ':' + (event.promise instanceof Promise));
                  // GraalJS drains this microtask only on a later call into the Context; the runtime makes one.
                  Promise.resolve().then(() => seen.push('microtask'));
                  if (event.reason.message === 'quiet-marker') event.preventDefault();
                });
                export default {
                  async fetch(request) {
                    const path = request.url.replace(/^http:\\/\\/[^/]+/, '');
                    if (path === '/reject') {
                      Promise.reject(new RangeError('loud-marker'));
                      return new Response('still fine');
                    }
                    if (path === '/quiet') {
                      (async () => { await null; throw new Error('quiet-marker'); })();
                      return new Response('still fine');
                    }
                    return new Response(seen.splice(0).join(','));
                  }
                };
                """)) {
            var r = n.get("/reject");
            assertEquals(200, r.statusCode());
            assertEquals("still fine", r.body());
            assertTrue(logged("[test] Uncaught (in promise) RangeError: loud-marker"), TestNode.output());
            Thread.sleep(100);
            assertEquals("unhandledrejection:loud-marker:true,microtask", n.get("/seen").body());

            assertEquals("still fine", n.get("/quiet").body());
            Thread.sleep(200);
            assertEquals("unhandledrejection:quiet-marker:true,microtask", n.get("/seen").body());
            assertFalse(TestNode.output().contains("quiet-marker"), "preventDefault() keeps it out of the log");

            for (int i = 0; i < 5; i++) assertEquals("still fine", n.get("/reject").body());
            assertEquals(200, n.get("/seen").statusCode());
        }
    }

    @Test
    void withoutListenersRejectionsAreOnlyLogged() throws Exception {
        try (TestNode n = serve("worker.js", """
                Promise.reject(new Error('top-level-marker'));
                export default {
                  fetch() {
                    new Promise((_, reject) => setTimeout(() => reject(new TypeError('timer-marker')), 1));
                    return new Response('ok');
                  }
                };
                """)) {
            assertTrue(logged("Uncaught (in promise) Error: top-level-marker"), TestNode.output());
            assertEquals("ok", n.get("/").body());
            assertTrue(logged("Uncaught (in promise) TypeError: timer-marker"), TestNode.output());
            assertEquals("ok", n.get("/").body());
        }
    }

    @Test
    void serviceWorkerListenersAndTheErrorEvent() throws Exception {
        try (TestNode n = serve("sw.js", """
                const seen = [];
                addEventListener('unhandledrejection', (e) => { seen.push('rejection:' + e.reason); e.preventDefault(); });
                self.onerror = (message, filename, lineno, colno, error) => { seen.push('error:' + error.message); return true; };
                addEventListener('fetch', (event) => {
                  if (event.request.url.endsWith('/work')) {
                    Promise.reject('sw-marker');
                    setTimeout(() => { throw new Error('timer-throw-marker'); }, 1);
                    event.respondWith(new Response('working'));
                  } else {
                    event.respondWith(new Response(seen.join(',') + '|' + event.isTrusted));
                  }
                });
                """)) {
            assertEquals("working", n.get("/work").body());
            Thread.sleep(200);
            assertEquals("rejection:sw-marker,error:timer-throw-marker|true", n.get("/seen").body());
            assertFalse(TestNode.output().contains("timer-throw-marker"), "the canceled error event is not logged");
        }
    }
}
