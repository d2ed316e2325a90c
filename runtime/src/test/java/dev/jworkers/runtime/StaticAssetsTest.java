package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.worker.WorkerLoadException;

/**
 * Static assets of an assets-only Worker (no script), over real HTTP: html_handling in each mode
 * (Cloudflare's documented tables), not_found_handling, the headers, conditional requests, HEAD,
 * large files streamed from disk, path spellings, and .assetsignore.
 */
class StaticAssetsTest {
    /** An assets-only Worker serving {@code files} (paths under public/) with the given assets settings (JSON members). */
    static TestNode assetsOnly(Map<String, String> files, String settings) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("wrangler.jsonc", "{ \"name\": \"site\", \"compatibility_date\": \"2025-06-01\", \"assets\": { \"directory\": \"./public\""
                + (settings.isEmpty() ? "" : ", " + settings) + " } }");
        files.forEach((k, v) -> all.put("public/" + k, v));
        return TestNode.wrangler(all, 1);
    }

    static final Map<String, String> HTML = Map.of("file.html", "FILE", "folder/index.html", "FOLDER");

    /** Each row: request path, then the status, then the body (200) or the Location (307). */
    private static void assertTable(TestNode node, String[][] rows) throws Exception {
        for (String[] row : rows) {
            HttpResponse<String> r = node.get(row[0]);
            String what = row[0] + " -> " + r.statusCode() + " " + r.headers().firstValue("location").orElse("") + " " + r.body();
            assertEquals(Integer.parseInt(row[1]), r.statusCode(), what);
            if (row[1].equals("307")) {
                assertEquals(row[2], r.headers().firstValue("location").orElse(null), what);
                assertEquals("", r.body(), what);
            } else if (row[1].equals("200")) {
                assertEquals(row[2], r.body(), what);
            } else {
                assertEquals("", r.body(), what);
            }
        }
    }

    /** The response head and body to {@code GET target}, sent as written (no client-side normalization). */
    static String raw(TestNode node, String target) throws Exception {
        try (RawHttp raw = new RawHttp(node.node.port())) {
            return raw.send("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();
        }
    }

    @Test
    void autoTrailingSlashIsTheDefaultAndFollowsCloudflaresTable() throws Exception {
        // Cloudflare's html-handling page lists /folder.html, /folder/index and /folder/index.html as
        // redirecting to /folder (which redirects again); its asset server, and its own test cases,
        // redirect them straight to /folder/, where folder/index.html is served. That is what is done here.
        try (TestNode node = assetsOnly(HTML, "")) {
            assertTable(node, new String[][] {
                {"/file", "200", "FILE"},
                {"/file.html", "307", "/file"},
                {"/file/", "307", "/file"},
                {"/file/index", "307", "/file"},
                {"/file/index.html", "307", "/file"},
                {"/folder", "307", "/folder/"},
                {"/folder.html", "307", "/folder/"},
                {"/folder/", "200", "FOLDER"},
                {"/folder/index", "307", "/folder/"},
                {"/folder/index.html", "307", "/folder/"},
            });
        }
    }

    @Test
    void anExactFileWinsAndRedirectsNeverLeadToAnotherFile() throws Exception {
        try (TestNode node = assetsOnly(Map.of("file-bin", "BIN", "file-bin.html", "HTML"), "")) {
            assertTable(node, new String[][] {
                {"/file-bin", "200", "BIN"},
                {"/file-bin.html", "200", "HTML"},   // /file-bin is taken: no redirect there
                {"/file-bin/", "404"},
                {"/file-bin/index", "404"},
                {"/file-bin/index.html", "404"},
            });
        }
    }

    @Test
    void autoTrailingSlashServesTheRootAndFolderIndexesWithTheirSlash() throws Exception {
        try (TestNode node = assetsOnly(Map.of("index.html", "ROOT", "docs/index.html", "DOCS"), "")) {
            assertTable(node, new String[][] {
                {"/", "200", "ROOT"},
                {"/index.html", "307", "/"},
                {"/index", "307", "/"},
                {"/docs/index.html", "307", "/docs/"},
                {"/docs", "307", "/docs/"},
                {"/docs/", "200", "DOCS"},
            });
        }
    }

    @Test
    void forceTrailingSlashFollowsCloudflaresTable() throws Exception {
        try (TestNode node = assetsOnly(HTML, "\"html_handling\": \"force-trailing-slash\"")) {
            assertTable(node, new String[][] {
                {"/file", "307", "/file/"},
                {"/file.html", "307", "/file/"},
                {"/file/", "200", "FILE"},
                {"/file/index", "307", "/file/"},
                {"/file/index.html", "307", "/file/"},
                {"/folder", "307", "/folder/"},
                {"/folder.html", "307", "/folder/"},
                {"/folder/", "200", "FOLDER"},
                {"/folder/index", "307", "/folder/"},
                {"/folder/index.html", "307", "/folder/"},
            });
        }
    }

    @Test
    void dropTrailingSlashFollowsCloudflaresTable() throws Exception {
        try (TestNode node = assetsOnly(HTML, "\"html_handling\": \"drop-trailing-slash\"")) {
            assertTable(node, new String[][] {
                {"/file", "200", "FILE"},
                {"/file.html", "307", "/file"},
                {"/file/", "307", "/file"},
                {"/file/index", "307", "/file"},
                {"/file/index.html", "307", "/file"},
                {"/folder", "200", "FOLDER"},
                {"/folder.html", "307", "/folder"},
                {"/folder/", "307", "/folder"},
                {"/folder/index", "307", "/folder"},
                {"/folder/index.html", "307", "/folder"},
            });
        }
    }

    @Test
    void dropTrailingSlashKeepsTheRootSlash() throws Exception {
        try (TestNode node = assetsOnly(Map.of("index.html", "ROOT"), "\"html_handling\": \"drop-trailing-slash\"")) {
            assertTable(node, new String[][] {{"/", "200", "ROOT"}, {"/index.html", "307", "/"}, {"/index", "307", "/"}});
        }
    }

    @Test
    void noneServesExactPathsOnly() throws Exception {
        try (TestNode node = assetsOnly(HTML, "\"html_handling\": \"none\"")) {
            assertTable(node, new String[][] {
                {"/file", "404"},
                {"/file.html", "200", "FILE"},
                {"/file/", "404"},
                {"/file/index", "404"},
                {"/file/index.html", "404"},
                {"/folder", "404"},
                {"/folder.html", "404"},
                {"/folder/", "404"},
                {"/folder/index", "404"},
                {"/folder/index.html", "200", "FOLDER"},
            });
        }
    }

    @Test
    void aFileAndAFolderOfTheSameNameEachKeepTheirPlace() throws Exception {
        Map<String, String> both = Map.of("page.html", "PAGE", "page/index.html", "DIR");
        try (TestNode node = assetsOnly(both, "")) {
            assertTable(node, new String[][] {{"/page", "200", "PAGE"}, {"/page/", "200", "DIR"}, {"/page.html", "307", "/page"}});
        }
        try (TestNode node = assetsOnly(both, "\"html_handling\": \"force-trailing-slash\"")) {
            assertTable(node, new String[][] {{"/page/", "200", "DIR"}, {"/page.html", "200", "PAGE"}});
        }
        try (TestNode node = assetsOnly(both, "\"html_handling\": \"drop-trailing-slash\"")) {
            assertTable(node, new String[][] {{"/page", "200", "PAGE"}, {"/page/index.html", "200", "DIR"}});
        }
    }

    @Test
    void redirectsKeepTheQuery() throws Exception {
        try (TestNode node = assetsOnly(HTML, "")) {
            assertEquals("/file?a=1&b=%22x%22", node.get("/file.html?a=1&b=%22x%22").headers().firstValue("location").orElse(null));
            assertEquals("/folder/?q", node.get("/folder?q").headers().firstValue("location").orElse(null));
        }
    }

    @Test
    void notFoundNoneIsAnEmpty404() throws Exception {
        try (TestNode node = assetsOnly(HTML, "")) {
            HttpResponse<String> r = node.get("/nothing/here.txt");
            assertEquals(404, r.statusCode());
            assertEquals("", r.body());
            assertEquals(Optional.of("0"), r.headers().firstValue("content-length"));
            assertFalse(r.headers().firstValue("content-type").isPresent());
        }
    }

    @Test
    void notFound404PageIsTheNearestOneUpTheTree() throws Exception {
        Map<String, String> files = Map.of("404.html", "ROOT 404", "blog/404.html", "BLOG 404", "blog/post.html", "POST");
        try (TestNode node = assetsOnly(files, "\"not_found_handling\": \"404-page\"")) {
            HttpResponse<String> r = node.get("/blog/2024/missing");
            assertEquals(404, r.statusCode());
            assertEquals("BLOG 404", r.body());
            assertEquals(Optional.of("text/html; charset=utf-8"), r.headers().firstValue("content-type"));
            assertEquals("ROOT 404", node.get("/elsewhere/missing").body());
            assertEquals(404, node.get("/missing").statusCode());
            assertEquals("POST", node.get("/blog/post").body());
        }
        try (TestNode node = assetsOnly(Map.of("a.txt", "A"), "\"not_found_handling\": \"404-page\"")) {
            HttpResponse<String> r = node.get("/missing");
            assertEquals(404, r.statusCode());
            assertEquals("", r.body(), "no 404.html anywhere: an empty 404");
        }
    }

    @Test
    void singlePageApplicationServesTheRootIndexWith200() throws Exception {
        Map<String, String> files = Map.of("index.html", "APP", "assets/app.js", "js()");
        try (TestNode node = assetsOnly(files, "\"not_found_handling\": \"single-page-application\"")) {
            HttpResponse<String> r = node.get("/users/42/settings");
            assertEquals(200, r.statusCode());
            assertEquals("APP", r.body());
            assertEquals("js()", node.get("/assets/app.js").body());
            // The fallback page is an asset too: other methods get 405.
            assertEquals(405, node.send(HttpRequest.newBuilder(node.uri("/users/42")).POST(HttpRequest.BodyPublishers.ofString("x")))
                    .statusCode());
        }
        try (TestNode node = assetsOnly(Map.of("a.txt", "A"), "\"not_found_handling\": \"single-page-application\"")) {
            assertEquals(404, node.get("/route").statusCode(), "no index.html: an empty 404");
        }
    }

    @Test
    void responsesCarryETagContentTypeAndCacheControlAsCloudflareSendsThem() throws Exception {
        Map<String, String> files = Map.of("index.html", "<h1>hi</h1>", "style.css", "a{}", "app.js", "x", "data.json", "{}",
                "logo.svg", "<svg/>", "blob.unknownext", "?", "noext", "?", "img.png", "PNG");
        try (TestNode node = assetsOnly(files, "")) {
            HttpResponse<String> r = node.get("/");
            assertEquals(200, r.statusCode());
            assertEquals("<h1>hi</h1>", r.body());
            assertEquals(Optional.of("text/html; charset=utf-8"), r.headers().firstValue("content-type"));
            assertEquals(Optional.of("public, max-age=0, must-revalidate"), r.headers().firstValue("cache-control"));
            assertTrue(r.headers().firstValue("etag").orElse("").matches("\"[0-9a-f]{32}\""), r.headers().toString());
            assertEquals(Optional.of("11"), r.headers().firstValue("content-length"));
            assertEquals(Optional.of("text/css; charset=utf-8"), node.get("/style.css").headers().firstValue("content-type"));
            assertEquals(Optional.of("text/javascript; charset=utf-8"), node.get("/app.js").headers().firstValue("content-type"));
            assertEquals(Optional.of("application/json"), node.get("/data.json").headers().firstValue("content-type"));
            assertEquals(Optional.of("image/svg+xml"), node.get("/logo.svg").headers().firstValue("content-type"));
            assertEquals(Optional.of("image/png"), node.get("/img.png").headers().firstValue("content-type"));
            assertEquals(Optional.empty(), node.get("/blob.unknownext").headers().firstValue("content-type"));
            assertEquals(Optional.empty(), node.get("/noext").headers().firstValue("content-type"));
            // Same content, same ETag; different content, different ETag.
            assertEquals(node.get("/").headers().firstValue("etag"), node.get("/").headers().firstValue("etag"));
            assertFalse(node.get("/").headers().firstValue("etag").equals(node.get("/style.css").headers().firstValue("etag")));
            // With credentials (or a Range), no shared caching.
            HttpResponse<String> auth = node.send(HttpRequest.newBuilder(node.uri("/style.css")).header("Authorization", "Bearer x"));
            assertEquals(200, auth.statusCode());
            assertFalse(auth.headers().firstValue("cache-control").isPresent());
            assertFalse(node.send(HttpRequest.newBuilder(node.uri("/style.css")).header("Range", "bytes=0-1"))
                    .headers().firstValue("cache-control").isPresent());
        }
    }

    @Test
    void ifNoneMatchWithTheETagAnswers304WithTheSameHeaders() throws Exception {
        try (TestNode node = assetsOnly(Map.of("a.txt", "hello", "404.html", "gone"), "\"not_found_handling\": \"404-page\"")) {
            String etag = node.get("/a.txt").headers().firstValue("etag").orElseThrow();
            for (String inm : new String[] {etag, "W/" + etag}) {
                HttpResponse<String> r = node.send(HttpRequest.newBuilder(node.uri("/a.txt")).header("If-None-Match", inm));
                assertEquals(304, r.statusCode(), inm);
                assertEquals("", r.body());
                assertEquals(Optional.of(etag), r.headers().firstValue("etag"));
                assertEquals(Optional.of("text/plain; charset=utf-8"), r.headers().firstValue("content-type"));
                assertEquals(Optional.of("public, max-age=0, must-revalidate"), r.headers().firstValue("cache-control"));
            }
            // Cloudflare's asset Worker compares the header as one value: another tag, a list or * get the file.
            for (String inm : new String[] {"\"nope\"", "\"other\", " + etag, "*"}) {
                HttpResponse<String> other = node.send(HttpRequest.newBuilder(node.uri("/a.txt")).header("If-None-Match", inm));
                assertEquals(200, other.statusCode(), inm);
                assertEquals("hello", other.body());
            }
            // The 404 page has an ETag too, and a client that has it gets 304 (as on Cloudflare).
            HttpResponse<String> page = node.get("/missing");
            assertEquals(404, page.statusCode());
            String pageTag = page.headers().firstValue("etag").orElseThrow();
            assertEquals(304, node.send(HttpRequest.newBuilder(node.uri("/missing")).header("If-None-Match", pageTag)).statusCode());
        }
    }

    @Test
    void headAnswersTheHeadersWithoutABody() throws Exception {
        try (TestNode node = assetsOnly(Map.of("a.txt", "hello"), "")) {
            HttpResponse<String> r = node.send(HttpRequest.newBuilder(node.uri("/a.txt")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, r.statusCode());
            assertEquals("", r.body());
            assertEquals(Optional.of("5"), r.headers().firstValue("content-length"));
            assertTrue(r.headers().firstValue("etag").isPresent());
            HttpResponse<String> redirect = node.send(HttpRequest.newBuilder(node.uri("/a.txt/"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(404, redirect.statusCode(), "a non-HTML file has no trailing-slash form");
        }
    }

    @Test
    void otherMethodsOnAnAssetAre405AndOnNothingAre404() throws Exception {
        try (TestNode node = assetsOnly(HTML, "")) {
            for (String m : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
                HttpResponse<String> r = node.send(HttpRequest.newBuilder(node.uri("/file")).method(m, HttpRequest.BodyPublishers.ofString("x")));
                assertEquals(405, r.statusCode(), m);
                assertEquals("", r.body());
            }
            // The method is refused before any redirect.
            assertEquals(405, node.send(HttpRequest.newBuilder(node.uri("/file.html")).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
            assertEquals(404, node.send(HttpRequest.newBuilder(node.uri("/nothing")).POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        }
    }

    @Test
    void largeFilesStreamFromDiskWithContentLength() throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        Files.writeString(dir.resolve("wrangler.jsonc"), "{ \"name\": \"big\", \"assets\": { \"directory\": \"public\" } }");
        Files.createDirectories(dir.resolve("public"));
        byte[] big = new byte[3 * 1024 * 1024 + 12345];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("public/video.mp4"), big);
        try (TestNode node = TestNode.wrangler(dir, 2)) {
            HttpResponse<byte[]> r = node.client.send(HttpRequest.newBuilder(node.uri("/video.mp4")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals(Optional.of(String.valueOf(big.length)), r.headers().firstValue("content-length"));
            assertEquals(Optional.of("video/mp4"), r.headers().firstValue("content-type"));
            assertArrayEquals(big, r.body());
            String etag = r.headers().firstValue("etag").orElseThrow();
            assertEquals(304, node.send(HttpRequest.newBuilder(node.uri("/video.mp4")).header("If-None-Match", etag)).statusCode());
            HttpResponse<String> head = node.send(HttpRequest.newBuilder(node.uri("/video.mp4")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(Optional.of(String.valueOf(big.length)), head.headers().firstValue("content-length"));
            assertEquals("", head.body());
            // A client that leaves mid-download does not disturb the next one.
            try (RawHttp raw = new RawHttp(node.node.port())) {
                raw.send("GET /video.mp4 HTTP/1.1\r\nHost: x\r\n\r\n");
                assertTrue(raw.readSome(2000).startsWith("HTTP/1.1 200"));
            }
            assertArrayEquals(big, node.client.send(HttpRequest.newBuilder(node.uri("/video.mp4")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());
            assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> node.node.inFlight() == 0), "every asset response finished");
        }
    }

    @Test
    void pathsAreMatchedDecodedAndServedAtTheirCanonicalSpelling() throws Exception {
        Map<String, String> files = Map.of("a b.txt", "SPACE", "caf\u00e9.txt", "CAFE", "[id].txt", "BRACKETS", "sub/page.txt", "SUB");
        try (TestNode node = assetsOnly(files, "")) {
            assertEquals("SPACE", node.get("/a%20b.txt").body());
            assertEquals("CAFE", node.get("/caf%C3%A9.txt").body());
            assertEquals("BRACKETS", node.get("/%5Bid%5D.txt").body());
            // Another spelling of the same path redirects to the canonical one.
            assertEquals(Optional.of("/caf%C3%A9.txt"), node.get("/caf%c3%a9.txt").headers().firstValue("location"));
            assertTrue(raw(node, "/[id].txt").contains("\r\nlocation: /%5Bid%5D.txt\r\n"), raw(node, "/[id].txt"));
            assertEquals(Optional.of("/sub/page.txt"), node.get("/sub%2Fpage.txt").headers().firstValue("location"));
            assertEquals(Optional.of("/sub/page.txt"), node.get("//sub///page.txt").headers().firstValue("location"));
            assertEquals(Optional.of("/sub/page.txt"), node.get("/%73ub/page.txt").headers().firstValue("location"));
        }
    }

    @Test
    void assetsIgnoreLeavesFilesOutAndMetaFilesAreNeverServed() throws Exception {
        Map<String, String> files = Map.of(".assetsignore", "# private things\n*.map\nsecret/\n!keep.map\n", "app.js", "JS",
                "app.js.map", "MAP", "keep.map", "KEEP", "secret/key.txt", "KEY", "_headers", "/*\n  X-A: b\n", "_redirects", "/a /b 301\n",
                ".well-known/security.txt", "SEC");
        try (TestNode node = assetsOnly(files, "")) {
            assertEquals("JS", node.get("/app.js").body());
            assertEquals(404, node.get("/app.js.map").statusCode());
            assertEquals("KEEP", node.get("/keep.map").body());
            assertEquals(404, node.get("/secret/key.txt").statusCode());
            assertEquals(404, node.get("/.assetsignore").statusCode());
            assertEquals(404, node.get("/_headers").statusCode());
            assertEquals(404, node.get("/_redirects").statusCode());
            assertEquals("SEC", node.get("/.well-known/security.txt").body(), "dot folders are served");
            assertTrue(TestNode.output().contains("_headers: not supported yet"), TestNode.output());
        }
    }

    @Test
    void aPagesWorkerScriptAmongTheAssetsStopsStartUpUnlessAssetsIgnoreSaysSo() throws Exception {
        var e = assertThrows(WorkerLoadException.class, () -> assetsOnly(Map.of("_worker.js", "export default {}"), ""));
        assertTrue(e.getMessage().contains("_worker.js file"), e.getMessage());
        try (TestNode node = assetsOnly(Map.of("_worker.js", "code", ".assetsignore", "_worker.js\n", "a.txt", "A"), "")) {
            assertEquals(404, node.get("/_worker.js").statusCode());
        }
    }
}
