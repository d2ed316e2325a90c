package dev.jworkers.jsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The random bytes and UUIDs behind crypto.js (its behaviour is tested in the crypto.test.js suite). */
class CryptoOpsTest {
    private final CryptoOps ops = new CryptoOps();

    @Test
    void randomBytesGivesOneLatin1CharPerByte() {
        assertEquals("", ops.randomBytes(0));
        String s = ops.randomBytes(CryptoOps.MAX_BYTES);
        assertEquals(CryptoOps.MAX_BYTES, s.length());
        int[] counts = new int[256];
        for (int i = 0; i < s.length(); i++) {
            assertTrue(s.charAt(i) < 256, "a byte per char");
            counts[s.charAt(i)]++;
        }
        // 65536 uniform bytes: 256 per value on average; each value within a wide margin.
        for (int v = 0; v < 256; v++) assertTrue(counts[v] > 128 && counts[v] < 384, "byte " + v + " seen " + counts[v] + " times");
        assertNotEquals(ops.randomBytes(16), ops.randomBytes(16));
    }

    @Test
    void randomBytesRefusesLengthsOutsideTheQuota() {
        assertThrows(IllegalArgumentException.class, () -> ops.randomBytes(CryptoOps.MAX_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> ops.randomBytes(-1));
    }

    @Test
    void randomUuidIsVersion4InLowerCase() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String u = ops.randomUUID();
            assertTrue(u.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), u);
            assertTrue(seen.add(u), "repeated " + u);
        }
    }

    @Test
    void uuidFormatsBytesInOrder() {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte) (i * 17);
        assertEquals("00112233-4455-6677-8899-aabbccddeeff", CryptoOps.uuid(b));
    }
}
