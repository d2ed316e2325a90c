package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside the assets directory is ever served, however the path is spelled: dot segments
 * (plain, percent-encoded, mixed case), encoded slashes and backslashes, NUL, absolute-form
 * targets, and symlinks that lead out. A file beside the directory holds a secret; no answer may
 * contain it.
 */
class StaticAssetsSecurityTest {
    static final String SECRET = "TOP-SECRET-CONTENT";
    static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        Files.writeString(dir.resolve("wrangler.jsonc"), "{ \"name\": \"site\", \"assets\": { \"directory\": \"public\","
                + " \"not_found_handling\": \"single-page-application\" } }");
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Files.writeString(dir.resolve("secret.html"), SECRET);
        Path pub = Files.createDirectories(dir.resolve("public"));
        Files.writeString(pub.resolve("index.html"), "INDEX");
        Files.createDirectories(pub.resolve("sub"));
        Files.writeString(pub.resolve("sub/page.txt"), "PAGE");
        Files.createSymbolicLink(pub.resolve("link.txt"), Path.of("../secret.txt"));
        Files.createSymbolicLink(pub.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(pub.resolve("inner.txt"), Path.of("sub/page.txt"));
        node = TestNode.wrangler(dir, 1);
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    static final String[] ATTEMPTS = {
        "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/sub/../../secret.txt", "/sub/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/%2E%2E%2Fsecret.txt",
        "/sub%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%2e%2e%5csecret.txt", "/..\\secret.txt", "\\..\\secret.txt",
        "/sub\\..\\..\\secret.txt", "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt", "/link.txt", "/up/secret.txt",
        "/up/public/index.html", "/%00/../secret.txt", "/index.html%00", "/secret.txt%00.html", "/public/../secret.txt",
        "/..;/secret.txt", "/.../secret.txt", "/....//secret.txt", "//../secret.txt", "/%2f%2e%2e%2fsecret.txt", "/../secret",
        "/%2e%2e/secret", "/..%2fsecret", "http://x/../secret.txt", "http://x/%2e%2e/secret.txt", "/%2f%2fevil.example/",
        "/%5c%5cevil.example/", "//evil.example/%2e%2e", "/%2F/evil.example/x.html",
    };

    @Test
    void noSpellingOfAPathReachesAFileOutsideTheDirectory() throws Exception {
        for (String target : ATTEMPTS) {
            String answer = StaticAssetsTest.raw(node, target);
            assertFalse(answer.contains(SECRET), target + " served the secret:\n" + answer);
            String status = answer.length() >= 12 ? answer.substring(9, 12) : answer;
            // A path that climbs is resolved inside the root (then it is simply not there: the SPA page
            // answers), a decoded one matches no file (the SPA page again), or the request is refused.
            assertTrue(status.equals("200") || status.equals("307") || status.equals("400") || status.equals("404"),
                    target + " -> " + answer);
            if (status.equals("200")) assertTrue(answer.endsWith("INDEX"), target + " -> " + answer);
            if (status.equals("307")) {
                String location = answer.substring(answer.indexOf("location: ") + 10, answer.indexOf("\r\n", answer.indexOf("location: ")));
                // Same origin only: a path, never "//host" or "/\\host". (A decoded "../" may be redirected
                // to its canonical spelling, as Cloudflare does; the client resolves it inside the site.)
                assertTrue(location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/\\"),
                        target + " redirected to " + location);
            }
        }
    }

    @Test
    void symlinksInsideTheDirectoryWorkAndThoseLeadingOutAreSkippedWithAWarning() throws Exception {
        assertEquals("PAGE", node.get("/inner.txt").body());
        assertEquals("PAGE", node.get("/sub/page.txt").body());
        assertTrue(TestNode.output().contains("symlink(s) lead outside the assets directory and are not served"), TestNode.output());
        assertEquals("INDEX", node.get("/link.txt").body(), "not served: the SPA page answers instead");
    }

    @Test
    void dotSegmentsThatStayInsideResolveAsAUrlParserResolvesThem() throws Exception {
        assertEquals("PAGE", StaticAssetsTest.raw(node, "/sub/x/../page.txt").replaceAll("(?s).*\r\n\r\n", ""));
        assertEquals("PAGE", StaticAssetsTest.raw(node, "/sub/./%2e/page.txt").replaceAll("(?s).*\r\n\r\n", ""));
        assertTrue(StaticAssetsTest.raw(node, "/sub\\page.txt").endsWith("PAGE"), "a backslash is a slash, as in a URL");
        // The decoded form of an encoded slash is looked up, then redirected to its canonical spelling.
        assertTrue(StaticAssetsTest.raw(node, "/sub%2Fpage.txt").contains("location: /sub/page.txt\r\n"));
    }
}
