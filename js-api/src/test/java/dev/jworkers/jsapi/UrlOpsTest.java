package dev.jworkers.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** UTS #46 ToASCII with the URL Standard's options (the WPT data suites cover it in depth). */
class UrlOpsTest {
    private final UrlOps ops = new UrlOps();

    @Test
    void mapsAndEncodesNonAsciiLabels() {
        assertEquals("xn--mnchen-3ya.de", ops.domainToAscii("MÜNCHEN.de"));
        assertEquals("xn--fa-hia.de", ops.domainToAscii("faß.de"), "nontransitional: ß is kept");
        assertEquals("example.com", ops.domainToAscii("ｅｘａｍｐｌｅ．ｃｏｍ"), "full-width forms map to ASCII");
    }

    @Test
    void ignoresTheChecksTheUrlStandardTurnsOff() {
        assertEquals("xn----bga.a-", ops.domainToAscii("-é.a-"), "CheckHyphens=false");
        assertEquals("xn--9ca..com", ops.domainToAscii("é..com"), "VerifyDnsLength=false: empty labels");
    }

    @Test
    void failsOnBidiJoinerAndDisallowedErrors() {
        assertNull(ops.domainToAscii("a\u200Cb"), "CheckJoiners");
        assertNull(ops.domainToAscii("\u05D0a.com"), "CheckBidi");
        assertNull(ops.domainToAscii("a\uFFFDb"), "disallowed");
    }
}
