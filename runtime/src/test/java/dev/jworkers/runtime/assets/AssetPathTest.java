package dev.jworkers.runtime.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Request paths: URL normalization, decoding for lookup, canonical encoding. */
class AssetPathTest {
    @Test
    void parseSplitsAndNormalizesAsTheUrlParserDoes() {
        assertEquals(new AssetPath.Target("/a/b", "?x=1"), AssetPath.parse("http://h:80/a/b?x=1#frag"));
        assertEquals(new AssetPath.Target("/", ""), AssetPath.parse("http://h"));
        assertEquals(new AssetPath.Target("/", ""), AssetPath.parse("http://h?"));
        assertEquals(new AssetPath.Target("/b", ""), AssetPath.parse("/a/../b"));
        assertEquals(new AssetPath.Target("/a/", ""), AssetPath.parse("/a/b/.."));
        assertEquals(new AssetPath.Target("/x", ""), AssetPath.parse("/../../x"));
        assertEquals(new AssetPath.Target("/x", ""), AssetPath.parse("/%2E%2e/x"));
        assertEquals(new AssetPath.Target("/a/b", ""), AssetPath.parse("/a\\b"));
        assertEquals(new AssetPath.Target("/a%20b/%C3%A9", "?q=%22"), AssetPath.parse("/a b/\u00c3\u00a9?q=\""));
        assertEquals(new AssetPath.Target("/%2e%2e%2fx", ""), AssetPath.parse("/%2e%2e%2fx"), "an encoded slash is no separator");
    }

    @Test
    void decodeIsPerSegmentAndCollapsesSlashes() {
        assertEquals("/caf\u00e9/a b", AssetPath.decode("/caf%C3%A9/a%20b"));
        assertEquals("/a/b", AssetPath.decode("/a%2Fb"));
        assertEquals("/a/b", AssetPath.decode("//a///b"));
        assertEquals("/100%", AssetPath.decode("/100%"), "a segment that does not decode stays as it is");
        assertEquals("/%C3", AssetPath.decode("/%C3"), "invalid UTF-8 too");
        assertEquals("/a\u0000b", AssetPath.decode("/a%00b"));
    }

    @Test
    void encodeIsEncodeUriComponentPerSegment() {
        assertEquals("/caf%C3%A9/a%20b/%5Bid%5D/(x)!~*'", AssetPath.encode("/caf\u00e9/a b/[id]/(x)!~*'"));
        assertEquals("/a%3Fb%23c%25", AssetPath.encode("/a?b#c%"));
        assertEquals("/", AssetPath.encode("/"));
    }
}
