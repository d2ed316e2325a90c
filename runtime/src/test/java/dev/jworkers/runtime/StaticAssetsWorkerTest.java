package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.config.WranglerConfigLoader;
import dev.jworkers.runtime.server.ServerLimits;

/**
 * Static assets together with a Worker script: the routing order (assets first, run_worker_first,
 * route patterns, navigation requests), requests that reach the Worker unchanged, the assets
 * binding ({@code env.ASSETS.fetch}), and a service binding to an assets-only Worker.
 */
class StaticAssetsWorkerTest {
    /**
     * Answers {@code /probe?path=...&method=...&inm=...&host=...} with what {@code env.ASSETS.fetch}
     * gave; every other request with what the Worker saw.
     */
    static final String WORKER = """
            export default {
              async fetch(request, env) {
                const url = new URL(request.url);
                if (url.pathname === '/probe') {
                  const q = url.searchParams;
                  const headers = q.has('inm') ? { 'if-none-match': q.get('inm') } : {};
                  const r = await env.ASSETS.fetch((q.get('host') || 'http://assets.invalid') + q.get('path'),
                    { method: q.get('method') || 'GET', headers });
                  const bytes = r.body === null ? null : new Uint8Array(await r.arrayBuffer());
                  return Response.json({ status: r.status, statusText: r.statusText, location: r.headers.get('location'),
                    etag: r.headers.get('etag'), type: r.headers.get('content-type'), cache: r.headers.get('cache-control'),
                    length: bytes === null ? null : bytes.length,
                    body: bytes === null || bytes.length > 100 ? null : new TextDecoder().decode(bytes) });
                }
                if (url.pathname === '/shape') {
                  let err = null;
                  try { await env.ASSETS.list(); } catch (e) { err = e.constructor.name + ': ' + e.message; }
                  return Response.json({ fetch: typeof env.ASSETS.fetch, tag: Object.prototype.toString.call(env.ASSETS), err });
                }
                const body = request.body === null ? '' : await request.text();
                return new Response(`worker ${request.method} ${url.pathname}${url.search} ${body}`.trim(),
                  { headers: { 'x-from': 'worker', 'x-seen-mode': request.headers.get('sec-fetch-mode') || '' } });
              },
            };
            """;

    static final Map<String, String> FILES = Map.of("index.html", "INDEX", "about.html", "ABOUT", "404.html", "NOT FOUND PAGE",
            "api/data.json", "{\"from\":\"asset\"}", "api/docs/index.html", "DOCS");

    /** A Worker with assets; {@code settings} are extra members of its assets section, {@code date} its compatibility date. */
    static TestNode app(String settings, String date, Map<String, String> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("wrangler.jsonc", "{ \"name\": \"app\", \"main\": \"worker.js\", \"compatibility_date\": \"" + date + "\", \"assets\": {"
                + " \"directory\": \"public\", \"binding\": \"ASSETS\"" + (settings.isEmpty() ? "" : ", " + settings) + " } }");
        all.put("worker.js", WORKER);
        files.forEach((k, v) -> all.put("public/" + k, v));
        return TestNode.wrangler(all, 2);
    }

    static TestNode app(String settings) throws Exception {
        return app(settings, "2025-06-01", FILES);
    }

    static HttpResponse<String> navigate(TestNode node, String path) throws Exception {
        return node.send(HttpRequest.newBuilder(node.uri(path)).header("Sec-Fetch-Mode", "navigate"));
    }

    static String probe(TestNode node, String query) throws Exception {
        return node.get("/probe?" + query).body();
    }

    static String path(String p) {
        return "path=" + URLEncoder.encode(p, StandardCharsets.UTF_8);
    }

    @Test
    void assetsComeFirstAndWhatNoAssetAnswersReachesTheWorkerUnchanged() throws Exception {
        try (TestNode node = app("")) {
            assertEquals("INDEX", node.get("/").body());
            assertEquals("ABOUT", node.get("/about").body());
            assertEquals(Optional.of("/about"), node.get("/about.html").headers().firstValue("location"));
            assertEquals("{\"from\":\"asset\"}", node.get("/api/data.json").body());
            HttpResponse<String> w = node.get("/api/users?id=7");
            assertEquals("worker GET /api/users?id=7", w.body());
            assertEquals(Optional.of("worker"), w.headers().firstValue("x-from"));
            HttpResponse<String> post = node.send(HttpRequest.newBuilder(node.uri("/api/users")).POST(HttpRequest.BodyPublishers.ofString("hi")));
            assertEquals("worker POST /api/users hi", post.body());
            // A missing path with not_found_handling "none" is the Worker's, not a 404.
            assertEquals("worker GET /missing.txt", node.get("/missing.txt").body());
            // As on Cloudflare, a method other than GET/HEAD on a path an asset answers is 405 from the assets.
            HttpResponse<String> put = node.send(HttpRequest.newBuilder(node.uri("/about")).PUT(HttpRequest.BodyPublishers.ofString("x")));
            assertEquals(405, put.statusCode());
            assertEquals("", put.body());
        }
    }

    @Test
    void runWorkerFirstSendsEveryRequestToTheWorkerWhichCanStillUseTheBinding() throws Exception {
        try (TestNode node = app("\"run_worker_first\": true")) {
            assertEquals("worker GET /", node.get("/").body());
            assertEquals("worker GET /about.html", node.get("/about.html").body());
            assertEquals("worker GET /api/data.json", node.get("/api/data.json").body());
            assertTrue(probe(node, path("/about")).contains("\"body\":\"ABOUT\""), probe(node, path("/about")));
        }
    }

    @Test
    void routePatternsSendMatchesToTheWorkerAndNegativeMatchesToTheAssets() throws Exception {
        try (TestNode node = app("\"run_worker_first\": [\"/api/*\", \"!/api/docs/*\"], \"not_found_handling\": \"single-page-application\"")) {
            assertEquals("worker GET /api/data.json", node.get("/api/data.json").body(), "an asset exists, but /api/* runs the Worker");
            assertEquals("DOCS", node.get("/api/docs/").body());
            assertEquals("INDEX", node.get("/api/docs/missing").body(), "!/api/docs/* goes to the assets, whose not_found_handling answers");
            assertEquals("ABOUT", node.get("/about").body(), "no pattern: assets first");
            // With route patterns, not_found_handling answers what no pattern sends to the Worker,
            // navigation or not: the Worker runs only where a pattern says so.
            assertEquals("INDEX", node.get("/elsewhere").body());
            assertEquals("INDEX", navigate(node, "/elsewhere").body());
        }
        try (TestNode node = app("\"run_worker_first\": [\"/api/*\"]")) {
            // Without a not-found page, a path no asset answers still reaches the Worker.
            assertEquals("worker GET /elsewhere", node.get("/elsewhere").body());
            assertEquals("worker GET /elsewhere", navigate(node, "/elsewhere").body());
            assertEquals("worker GET /api/data.json", node.get("/api/data.json").body());
        }
        try (TestNode node = app("\"run_worker_first\": [\"/api/*\"], \"not_found_handling\": \"404-page\"", "2025-01-01", FILES)) {
            HttpResponse<String> r = node.get("/elsewhere");
            assertEquals(404, r.statusCode(), "whatever the date");
            assertEquals("NOT FOUND PAGE", r.body());
        }
    }

    @Test
    void aNavigationRequestThatMatchesNoAssetGetsNotFoundHandlingFromItsDate() throws Exception {
        try (TestNode node = app("\"not_found_handling\": \"single-page-application\"")) {
            assertEquals("INDEX", navigate(node, "/app/route").body());
            assertEquals("worker GET /app/route", node.get("/app/route").body(), "fetch() from a page is not a navigation");
        }
        try (TestNode node = app("\"not_found_handling\": \"404-page\"")) {
            HttpResponse<String> r = navigate(node, "/nope");
            assertEquals(404, r.statusCode());
            assertEquals("NOT FOUND PAGE", r.body());
            assertEquals("worker GET /nope", node.get("/nope").body());
        }
        try (TestNode node = app("\"not_found_handling\": \"single-page-application\"", "2025-03-01", FILES)) {
            HttpResponse<String> r = navigate(node, "/app/route");
            assertEquals("worker GET /app/route", r.body(), "before 2025-04-01 navigation requests reach the Worker");
            assertEquals(Optional.of("navigate"), r.headers().firstValue("x-seen-mode"), "with their headers");
        }
    }

    @Test
    void theAssetsBindingServesFromTheAssetsWithTheirRulesAndNeverRunsTheWorker() throws Exception {
        try (TestNode node = app("\"not_found_handling\": \"404-page\"")) {
            String index = probe(node, path("/"));
            assertTrue(index.startsWith("{\"status\":200,\"statusText\":\"\",\"location\":null,\"etag\":\""), index);
            assertTrue(index.contains("\"type\":\"text/html; charset=utf-8\",\"cache\":\"public, max-age=0, must-revalidate\",\"length\":5,"
                    + "\"body\":\"INDEX\""), index);
            // html_handling applies: the redirect comes back as a response, not followed.
            assertEquals("{\"status\":307,\"statusText\":\"Temporary Redirect\",\"location\":\"/about\",\"etag\":null,\"type\":null,"
                    + "\"cache\":null,\"length\":null,\"body\":null}", probe(node, path("/about.html")));
            // The URL's host does not matter, and the query is kept.
            assertTrue(probe(node, path("/about.html?x=1") + "&host=https://other.example").contains("\"location\":\"/about?x=1\""));
            // not_found_handling applies, and a path no asset matches never reaches the Worker.
            String missing = probe(node, path("/no/such/page"));
            assertTrue(missing.startsWith("{\"status\":404,\"statusText\":\"Not Found\""), missing);
            assertTrue(missing.contains("\"body\":\"NOT FOUND PAGE\""), missing);
            // Methods: HEAD has no body; others are 405.
            assertTrue(probe(node, path("/about") + "&method=HEAD").contains("\"status\":200,") , probe(node, path("/about") + "&method=HEAD"));
            assertTrue(probe(node, path("/about") + "&method=HEAD").contains("\"length\":null"));
            assertTrue(probe(node, path("/about") + "&method=POST").startsWith("{\"status\":405,\"statusText\":\"Method Not Allowed\""));
            // Conditional requests.
            String etag = index.replaceAll(".*\"etag\":\"\\\\\"([0-9a-f]+)\\\\\"\".*", "$1");
            assertTrue(probe(node, path("/") + "&inm=" + URLEncoder.encode("\"" + etag + "\"", StandardCharsets.UTF_8))
                    .startsWith("{\"status\":304,\"statusText\":\"Not Modified\""), etag);
            // Only fetch(): other members reject as workerd's RPC does for a method the target lacks.
            assertEquals("{\"fetch\":\"function\",\"tag\":\"[object Fetcher]\",\"err\":\"TypeError: The RPC receiver does not implement"
                    + " the method \\\"list\\\".\"}", node.get("/shape").body());
        }
        try (TestNode node = app("")) {
            String missing = probe(node, path("/missing"));
            assertTrue(missing.startsWith("{\"status\":404,\"statusText\":\"Not Found\",\"location\":null,\"etag\":null"), missing);
            assertTrue(missing.contains("\"length\":0") || missing.contains("\"length\":null"), missing);
            String dots = probe(node, path("/%2e%2e/%2e%2e/wrangler.jsonc"));
            assertTrue(dots.startsWith("{\"status\":404,"), dots);
        }
    }

    @Test
    void theBindingStreamsLargeFiles() throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        Files.writeString(dir.resolve("wrangler.jsonc"), "{ \"name\": \"app\", \"main\": \"worker.js\", \"assets\": { \"directory\": \"public\","
                + " \"binding\": \"ASSETS\" } }");
        Files.writeString(dir.resolve("worker.js"), WORKER);
        Files.createDirectories(dir.resolve("public"));
        byte[] big = new byte[1024 * 1024 + 3];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        Files.write(dir.resolve("public/blob.bin"), big);
        try (TestNode node = TestNode.wrangler(dir, 1)) {
            String r = probe(node, path("/blob.bin"));
            assertTrue(r.contains("\"status\":200") && r.contains("\"type\":\"application/octet-stream\"") && r.contains("\"length\":" + big.length), r);
        }
    }

    @Test
    void aServiceBindingToAnAssetsOnlyWorkerGetsItsFiles() throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("wrangler.jsonc"), "{ \"name\": \"site\", \"assets\": { \"directory\": \"public\" } }");
        Files.createDirectories(site.resolve("public"));
        Files.writeString(site.resolve("public/page.html"), "PAGE");
        Path front = Files.createDirectories(dir.resolve("front"));
        Files.writeString(front.resolve("worker.js"), """
                export default {
                  async fetch(request, env) {
                    const page = await env.SITE.fetch('http://site/page');
                    const missing = await env.SITE.fetch('http://site/missing');
                    let rpc = null;
                    try { await env.SITE.hello(); } catch (e) { rpc = e.message; }
                    return Response.json({ page: [page.status, await page.text()], missing: missing.status, rpc });
                  },
                };
                """);
        Files.writeString(front.resolve("wrangler.jsonc"), "{ \"name\": \"front\", \"main\": \"worker.js\","
                + " \"services\": [{ \"binding\": \"SITE\", \"service\": \"site\" }] }");
        List<WorkerConfig> configs = List.of(WranglerConfigLoader.load(front.resolve("wrangler.jsonc"), w -> {}),
                WranglerConfigLoader.load(site.resolve("wrangler.jsonc"), w -> {}));
        RuntimeNode rn = RuntimeNode.start(new RuntimeNode.Options(configs, "127.0.0.1", 0, 2, false, ServerLimits.DEFAULT, TestNode.ENGINE));
        try {
            HttpResponse<String> r;
            try (var client = java.net.http.HttpClient.newHttpClient()) {
                r = client.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + rn.port() + "/")).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
            assertEquals("{\"page\":[200,\"PAGE\"],\"missing\":404,\"rpc\":\"The Worker \\\"site\\\" has no script (it only serves static"
                    + " assets): it takes fetch() only.\"}", r.body());
        } finally {
            rn.shutdown(java.time.Duration.ofSeconds(2));
            TestNode.deleteTree(dir);
        }
    }

    @Test
    void aScriptWithoutAFetchHandlerIsFineWhenAssetsAnswerRequests() throws Exception {
        Map<String, String> files = Map.of("wrangler.jsonc", "{ \"name\": \"cron-site\", \"main\": \"worker.js\","
                + " \"assets\": { \"directory\": \"public\" } }",
                "worker.js", "export default { scheduled() {} };", "public/index.html", "HOME");
        try (TestNode node = TestNode.wrangler(files, 1)) {
            assertEquals("HOME", node.get("/").body());
            assertEquals(500, node.get("/api").statusCode(), "what falls through finds no fetch handler");
            assertTrue(TestNode.output().contains("Handler does not export a fetch() function."), TestNode.output());
        }
    }

    @Test
    void workersWithoutAssetsAreUnaffected() throws Exception {
        try (TestNode node = TestNode.module("export default { fetch(r) { return new Response('plain ' + new URL(r.url).pathname); } };")) {
            assertEquals("plain /index.html", node.get("/index.html").body());
            assertFalse(node.get("/x").headers().firstValue("etag").isPresent());
        }
    }
}
