package dev.jworkers.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The decoders of {@link EncodingOps} against the Encoding standard's algorithms. */
class EncodingOpsTest {
    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    private static String decode(int id, String hex, boolean fatal) {
        return new EncodingOps().decode(id, hex(hex), true, fatal);
    }

    @Test
    void utf8ErrorsFollowTheStandard() {
        int u = EncodingOps.UTF_8;
        assertEquals("\uFFFD\uFFFD\uFFFD", decode(u, "ed a0 80", false));   // encoded surrogate: 3 errors
        assertEquals("\uFFFD\uFFFD", decode(u, "ed a0", false));
        assertEquals("\uFFFDA", decode(u, "ed 9f 41", false));              // truncated, then A afresh
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", decode(u, "f0 80 80 80", false)); // overlong
        assertEquals("\uFFFD\uFFFD", decode(u, "c0 af", false));
        assertEquals("\uFFFD", decode(u, "f4 8f bf", false));                 // truncated at the end: one
        assertEquals("\uFFFD\uFFFD\uFFFD\uFFFD", decode(u, "f4 90 80 80", false)); // above U+10FFFF
        assertEquals("\uD83D\uDE00", decode(u, "f0 9f 98 80", false));
        assertEquals("\uFFFD", decode(u, "ef bf bd", false));                 // a literal U+FFFD
        assertEquals("\uFFFD", decode(u, "ef bf bd", true));
        assertNull(decode(u, "ed a0 80", true));
        assertNull(decode(u, "e0", true));
    }

    @Test
    void utf8FastPathEqualsTheStandardsAlgorithm() {
        byte[] b = new byte[3];
        for (int len = 1; len <= 3; len++) {
            for (int x = 0; x < 1 << (8 * len); x++) {
                for (int i = 0; i < len; i++) b[i] = (byte) (x >>> (8 * (len - 1 - i)));
                String exact = EncodingOps.utf8Exact(b, len, false);
                String fast = EncodingOps.utf8(b, len, false);
                if (!exact.equals(fast)) assertEquals(exact, fast, HexFormat.of().formatHex(b, 0, len));
            }
        }
        int[] alphabet = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
            0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};
        Random r = new Random(7);
        for (int t = 0; t < 300_000; t++) {
            byte[] in = randomBytes(r, alphabet, 1 + r.nextInt(12));
            assertEquals(EncodingOps.utf8Exact(in, in.length, false), EncodingOps.utf8(in, in.length, false));
            assertEquals(EncodingOps.utf8Exact(in, in.length, true), EncodingOps.utf8(in, in.length, true));
        }
    }

    @Test
    void utf16FollowsTheStandard() {
        int le = EncodingOps.UTF_16LE, be = EncodingOps.UTF_16BE;
        assertEquals("a\u20AC", decode(le, "61 00 ac 20", false));
        assertEquals("a\u20AC", decode(be, "00 61 20 ac", false));
        assertEquals("a\uFFFD", decode(le, "61 00 62", false));                      // odd byte
        assertEquals("\uFFFD", decode(le, "00 d8", false));                         // lone lead at the end
        assertEquals("\uFFFD", decode(le, "00 d8 00", false));                      // lead + odd byte: one error
        assertEquals("\uFFFDa", decode(le, "00 d8 61 00", false));                  // lead, then a afresh
        assertEquals("\uFFFD\uD800\uDC00", decode(le, "00 d8 00 d8 00 dc", false)); // lead, then a pair
        assertEquals("\uFFFDa", decode(le, "00 dc 61 00", false));                  // lone trail
        assertNull(decode(le, "00 dc", true));
        assertNull(decode(be, "00", true));
    }

    @Test
    void streamingInAnyChunksEqualsDecodingAtOnce() {
        int[] alphabet = {0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5,
            0xD8, 0xDB, 0xDC, 0xDF, 0xFF};
        Random r = new Random(11);
        for (int id : new int[] {EncodingOps.UTF_8, EncodingOps.UTF_16LE, EncodingOps.UTF_16BE, EncodingOps.SINGLE_BYTE + 20}) {
            for (int t = 0; t < 50_000; t++) {
                byte[] in = randomBytes(r, alphabet, r.nextInt(14));
                boolean fatal = r.nextInt(4) == 0;
                String whole = new EncodingOps().decode(id, in, true, fatal);
                EncodingOps ops = new EncodingOps();
                StringBuilder out = new StringBuilder();
                int state = 0, pos = 0;
                boolean failed = false;
                while (true) {
                    int len = pos == in.length ? 0 : r.nextInt(in.length - pos + 1);
                    boolean last = pos + len == in.length && r.nextBoolean();
                    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
                    chunk.writeBytes(EncodingOps.unpack(state));
                    chunk.write(in, pos, len);
                    pos += len;
                    String s = ops.decode(id, chunk.toByteArray(), last, fatal);
                    if (s == null) {
                        failed = true;
                        break;
                    }
                    out.append(s);
                    state = ops.state();
                    if (last) break;
                }
                String what = id + " " + HexFormat.of().formatHex(in) + (fatal ? " fatal" : "");
                if (whole == null) assertEquals(true, failed, what);
                else assertEquals(whole, out.toString(), what);
            }
        }
    }

    private static byte[] randomBytes(Random r, int[] alphabet, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) alphabet[r.nextInt(alphabet.length)];
        return b;
    }
}
