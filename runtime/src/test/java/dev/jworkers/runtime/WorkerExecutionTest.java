package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.config.WranglerConfigLoader;
import dev.jworkers.runtime.server.ServerLimits;

/** Workers run and answer over real HTTP: both syntaxes, imports, env, ctx, timers, console. */
class WorkerExecutionTest {

    @Test
    void moduleWorkerAnswersWithRequestDetails() throws Exception {
        try (TestNode n = TestNode.module("""
                export default {
                  async fetch(request, env, ctx) {
                    const body = await request.text();
                    return Response.json({ method: request.method, url: request.url,
                      agent: request.headers.get('x-test'), body, ctx: typeof ctx.waitUntil },
                      { status: 201, headers: { 'x-reply': 'yes' } });
                  }
                };
                """)) {
            HttpResponse<String> r = n.send(HttpRequest.newBuilder(n.uri("/path?q=1"))
                    .header("X-Test", "abc").POST(HttpRequest.BodyPublishers.ofString("hello body")));
            assertEquals(201, r.statusCode());
            assertEquals("yes", r.headers().firstValue("x-reply").orElseThrow());
            assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
            assertEquals("{\"method\":\"POST\",\"url\":\"http://127.0.0.1:" + n.node.port()
                    + "/path?q=1\",\"agent\":\"abc\",\"body\":\"hello body\",\"ctx\":\"function\"}", r.body());
        }
    }

    @Test
    void bodiesAsTextJsonArrayBufferAndBytes() throws Exception {
        try (TestNode n = TestNode.module("""
                export default {
                  async fetch(request) {
                    const p = new URL_LESS(request.url);
                    if (p === '/json') return new Response(JSON.stringify(await request.json()));
                    if (p === '/ab') { const b = await request.arrayBuffer(); return new Response(b); }
                    if (p === '/bytes') { const u = await request.bytes(); return new Response(u.subarray(1, 3)); }
                    return new Response(new TextEncoder().encode('héllo'));
                  }
                };
                function URL_LESS(u) { return u.replace(/^http:\\/\\/[^/]+/, ''); }
                """.replace("new URL_LESS", "URL_LESS"))) {
            assertEquals("{\"a\":[1,2]}", n.send(HttpRequest.newBuilder(n.uri("/json"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\": [1, 2]}"))).body());
            assertEquals("xyz", n.send(HttpRequest.newBuilder(n.uri("/ab")).POST(HttpRequest.BodyPublishers.ofString("xyz"))).body());
            assertEquals("bc", n.send(HttpRequest.newBuilder(n.uri("/bytes")).POST(HttpRequest.BodyPublishers.ofString("abcd"))).body());
            HttpResponse<String> r = n.get("/");
            assertEquals("héllo", r.body());
            assertTrue(r.headers().firstValue("content-type").isEmpty(), "bytes bodies get no content-type");
        }
    }

    @Test
    void binaryRequestBodiesArriveByteExact() throws Exception {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) body[i] = (byte) (i * 31 + (i >> 8));
        try (TestNode n = TestNode.module("""
                export default { async fetch(r) {
                  const b = await r.bytes();
                  let sum = 0;
                  for (let i = 0; i < b.length; i++) sum = (sum * 31 + b[i]) >>> 0;
                  return new Response(b.length + ':' + sum);
                } };
                """)) {
            long sum = 0;
            for (byte x : body) sum = (sum * 31 + (x & 0xff)) & 0xffffffffL;
            HttpResponse<String> r = n.send(HttpRequest.newBuilder(n.uri("/")).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertEquals(body.length + ":" + sum, r.body());
        }
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        try (TestNode n = TestNode.module("let i = 0; export default { fetch() { return new Response(String(++i)); } };")) {
            for (int i = 0; i < 50; i++) assertEquals(200, n.get("/").statusCode());
            assertEquals(1, n.node.stats().openConnections(), "the client reused one connection");
        }
    }

    @Test
    void serviceWorkerSyntax() throws Exception {
        try (TestNode n = TestNode.serve(Map.of("sw.js", """
                addEventListener('fetch', (event) => {
                  event.waitUntil(Promise.resolve());
                  event.respondWith(new Response('sw ' + event.request.method + ' ' + (event instanceof FetchEvent)));
                });
                """), "sw.js", 30_000, 2, ServerLimits.DEFAULT)) {
            assertEquals("sw GET true", n.get("/").body());
        }
    }

    @Test
    void relativeImportsAndDataModules() throws Exception {
        byte[] wasm = {0, 97, 115, 109, 1, 0, 0, 0, 1, 7, 1, 96, 2, 127, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 97, 100, 100, 0, 0, 10, 9, 1, 7, 0, 32, 0, 32, 1, 106, 11};
        Path dir = Files.createTempDirectory("jworkers-imports");
        Map<String, String> files = Map.of(
                "src/index.js", """
                        import { greet } from './lib/greet.js';
                        import text from '../data/hello.txt';
                        import page from '../data/page.html';
                        import data from '../data/config.json';
                        import bin from '../data/blob.bin';
                        export default { async fetch() {
                          const wasm = (await import('../data/add.wasm')).default;
                          const add = new WebAssembly.Instance(wasm).exports.add;
                          return new Response([greet('x'), text.trim(), page.trim(), data.n, bin instanceof ArrayBuffer,
                            new Uint8Array(bin).join('.'), wasm instanceof WebAssembly.Module, add(2, 3)].join('|'));
                        } };
                        """,
                "src/lib/greet.js", "export const greet = (who) => `hi ${who}`;",
                "data/hello.txt", "plain text\n",
                "data/page.html", "<p>\"quoted\" \\ back</p>",
                "data/config.json", "{\"n\": 42}");
        for (var e : files.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        Files.write(dir.resolve("data/blob.bin"), new byte[] {1, 2, (byte) 255});
        Files.write(dir.resolve("data/add.wasm"), wasm);
        var cfg = new dev.jworkers.runtime.config.WorkerConfig("test", dir.toRealPath(), dir.resolve("src/index.js").toRealPath(), null, Map.of(), 30_000);
        try (TestNode n = TestNode.serve(cfg, 1, ServerLimits.DEFAULT, dir)) {
            assertEquals("hi x|plain text|<p>\"quoted\" \\ back</p>|42|true|1.2.255|true|5", n.get("/").body());
        }
    }

    @Test
    void wranglerModuleRulesTypeImports() throws Exception {
        Path dir = Files.createTempDirectory("jworkers-rules");
        Files.writeString(dir.resolve("worker.js"), """
                import doc from './README.md';
                import raw from './blob.dat';
                export default { fetch() { return new Response(doc.trim() + '|' + new Uint8Array(raw).join(',')); } };
                """);
        Files.writeString(dir.resolve("README.md"), "# Title\n");
        Files.write(dir.resolve("blob.dat"), new byte[] {7, 8});
        Files.writeString(dir.resolve("wrangler.jsonc"), """
                { "name": "rules", "main": "worker.js",
                  "rules": [ { "type": "Text", "globs": ["**/*.md"] }, { "type": "Data", "globs": ["**/*.dat"] } ] }
                """);
        var cfg = WranglerConfigLoader.load(dir.resolve("wrangler.jsonc"), w -> {});
        try (TestNode n = TestNode.serve(cfg, 1, ServerLimits.DEFAULT, dir)) {
            assertEquals("# Title|7,8", n.get("/").body());
        }
    }

    @Test
    void wranglerVarsReachEnv() throws Exception {
        Path dir = Files.createTempDirectory("jworkers-vars");
        Files.writeString(dir.resolve("worker.js"), "export default { fetch(r, env) { return Response.json(env); } };");
        Files.writeString(dir.resolve("wrangler.jsonc"), """
                // comments and trailing commas are fine
                { "name": "vars", "main": "worker.js", "compatibility_date": "2026-11-01",
                  "vars": { "GREETING": "hello", "LIMITS": { "max": 3 }, }, }
                """);
        var cfg = WranglerConfigLoader.load(dir.resolve("wrangler.jsonc"), w -> {});
        try (TestNode n = TestNode.serve(cfg, 1, ServerLimits.DEFAULT, dir)) {
            assertEquals("{\"GREETING\":\"hello\",\"LIMITS\":{\"max\":3}}", n.get("/").body());
        }
    }

    @Test
    void waitUntilWorkRunsAfterTheResponse() throws Exception {
        try (TestNode n = TestNode.serve(Map.of("worker.js", """
                let log = [];
                export default { fetch(request, env, ctx) {
                  if (request.url.endsWith('/log')) return new Response(log.join(','));
                  ctx.waitUntil(new Promise(r => setTimeout(() => { log.push('late'); r(); }, 150)));
                  ctx.passThroughOnException();
                  log.push('responded');
                  return new Response('ok');
                } };
                """), "worker.js", 30_000, 1, ServerLimits.DEFAULT)) {
            assertEquals("ok", n.get("/").body());
            assertEquals("responded", n.get("/log").body(), "the response did not wait for waitUntil");
            assertTrue(n.node.inFlight() >= 1, "waitUntil work keeps the request in flight");
            assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> n.node.inFlight() == 0));
            assertEquals("responded,late", n.get("/log").body());
        }
    }

    @Test
    void timersAndMicrotasks() throws Exception {
        try (TestNode n = TestNode.module("""
                export default { async fetch() {
                  const order = [];
                  queueMicrotask(() => order.push('micro'));
                  const cancelled = setTimeout(() => order.push('never'), 5);
                  clearTimeout(cancelled);
                  await new Promise(r => setTimeout(() => { order.push('timeout'); r(); }, 20));
                  let ticks = 0;
                  await new Promise(r => { const id = setInterval(() => { if (++ticks === 3) { clearInterval(id); r(); } }, 5); });
                  order.push('interval x' + ticks);
                  await new Promise(r => setTimeout(r, 30));
                  return new Response(order.join(','));
                } };
                """)) {
            assertEquals("micro,timeout,interval x3", n.get("/").body());
        }
    }

    @Test
    void consoleLinesAreTaggedWithTheWorkerName() throws Exception {
        try (TestNode n = TestNode.module("""
                export default { fetch() {
                  console.log('plain line', { a: 1, b: 'two' }, [1, 2]);
                  console.error('bad thing', 42);
                  const { log } = console;
                  log('detached %s', 'works', console.log === console.log);
                  return new Response('ok');
                } };
                """)) {
            assertEquals("ok", n.get("/").body());
            assertTrue(TestNode.eventually(Duration.ofSeconds(2), () -> TestNode.output().contains("[test] plain line { a: 1, b: 'two' } [ 1, 2 ]")), TestNode.output());
            assertTrue(TestNode.output().contains("[test] bad thing 42"));
            assertTrue(TestNode.output().contains("[test] detached works true"));
        }
    }
}
