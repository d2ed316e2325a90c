package dev.jworkers.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The asset manifest the harness gives Cloudflare's asset Worker at workerd, and the content types. */
class StaticAssetsTest {
    @TempDir Path dir;

    @Test
    void manifestIsAHeaderAndSortedEntriesOfPathHashAndKey() throws IOException {
        Files.createDirectories(dir.resolve("blog"));
        Files.writeString(dir.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(dir.resolve("blog/index.html"), "blog");
        Files.writeString(dir.resolve("style.css"), "body{}");
        Files.writeString(dir.resolve("app.js"), "x");
        StaticAssets a = StaticAssets.scan(dir);
        byte[] m = a.manifest();
        assertEquals(20 + 4 * 40, m.length);
        assertArrayEquals(new byte[20], Arrays.copyOf(m, 20));
        for (int i = 0; i + 1 < 4; i++) {
            byte[] x = Arrays.copyOfRange(m, 20 + i * 40, 20 + i * 40 + 16), y = Arrays.copyOfRange(m, 20 + (i + 1) * 40, 20 + (i + 1) * 40 + 16);
            assertTrue(Arrays.compareUnsigned(x, y) < 0, "entries sorted by path hash");
        }
        StaticAssets.Asset index = a.assets.stream().filter(e -> e.path().equals("/index.html")).findFirst().orElseThrow();
        int at = 20 + a.assets.indexOf(index) * 40;
        byte[] pathHash = Arrays.copyOf(StaticAssets.sha256("/index.html".getBytes(StandardCharsets.UTF_8)), 16);
        assertArrayEquals(pathHash, Arrays.copyOfRange(m, at, at + 16));
        assertEquals(index.key(), HexFormat.of().formatHex(m, at + 16, at + 32));
        assertArrayEquals(new byte[8], Arrays.copyOfRange(m, at + 32, at + 40));
        // The key hashes the content and the extension.
        byte[] expected = StaticAssets.sha256("<h1>hi</h1>html".getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(expected, 0, 16), index.key());
        assertTrue(a.keysJson().contains("\"" + index.key() + "\":{\"file\":\"index.html\",\"contentType\":\"text/html; charset=utf-8\"}"));
    }

    @Test
    void skipsWhatWranglerSkips() throws IOException {
        Files.createDirectories(dir.resolve("drafts"));
        Files.writeString(dir.resolve("index.html"), "x");
        Files.writeString(dir.resolve("_headers"), "/*\n  X: y\n");
        Files.writeString(dir.resolve("_redirects"), "/a /b\n");
        Files.writeString(dir.resolve("notes.md"), "x");
        Files.writeString(dir.resolve("drafts/a.html"), "x");
        Files.writeString(dir.resolve(".assetsignore"), "# comment\n*.md\ndrafts/\n");
        List<String> paths = StaticAssets.scan(dir).assets.stream().map(StaticAssets.Asset::path).sorted().toList();
        assertEquals(List.of("/index.html"), paths);
    }

    @Test
    void aMissingDirectoryHasNoAssets() throws IOException {
        assertEquals(20, StaticAssets.scan(dir.resolve("missing")).manifest().length);
    }

    @Test
    void contentTypesAreWranglers() {
        assertEquals("text/html; charset=utf-8", StaticAssets.contentType("index.html"));
        assertEquals("text/css; charset=utf-8", StaticAssets.contentType("a/style.css"));
        assertEquals("text/javascript; charset=utf-8", StaticAssets.contentType("app.js"));
        assertEquals("text/javascript; charset=utf-8", StaticAssets.contentType("mod.mjs"));
        assertEquals("text/plain; charset=utf-8", StaticAssets.contentType("README.TXT"));
        assertEquals("application/json", StaticAssets.contentType("data.json"));
        assertEquals("image/svg+xml", StaticAssets.contentType("logo.svg"));
        assertEquals("image/png", StaticAssets.contentType("img.png"));
        assertEquals("image/vnd.microsoft.icon", StaticAssets.contentType("favicon.ico"));
        assertNull(StaticAssets.contentType("LICENSE"));
        assertNull(StaticAssets.contentType("file.unknownext"));
    }
}
