package dev.jworkers.jsapi;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import org.graalvm.polyglot.HostAccess;

/**
 * {@code ops.crypto}: the random numbers behind {@code crypto.getRandomValues()} and
 * {@code crypto.randomUUID()} (crypto.js). One instance serves one Context (one thread), and has
 * its own generator: a DRBG seeded from the operating system's entropy source on first use, so
 * shards do not contend for one generator's lock. Bytes go to JS as a Latin-1 string (one char
 * per byte), which JS copies into the caller's view, as request bodies do.
 */
public final class CryptoOps {
    /** The most bytes one getRandomValues() call may ask for (Web Crypto). */
    public static final int MAX_BYTES = 65536;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SecureRandom random;

    private SecureRandom random() {
        if (random == null) {
            try {
                random = SecureRandom.getInstance("DRBG");
            } catch (NoSuchAlgorithmException e) {
                random = new SecureRandom();
            }
        }
        return random;
    }

    /** {@code length} (0 to {@link #MAX_BYTES}) random bytes as a Latin-1 string. */
    @HostAccess.Export
    public String randomBytes(int length) {
        if (length < 0 || length > MAX_BYTES) throw new IllegalArgumentException("randomBytes: length " + length);
        byte[] b = new byte[length];
        random().nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A version 4 UUID (RFC 9562 section 5.4) in lower-case hex: 122 random bits. */
    @HostAccess.Export
    public String randomUUID() {
        byte[] b = new byte[16];
        random().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0F) | 0x40);   // version 4
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);   // variant 10
        return uuid(b);
    }

    /** The 8-4-4-4-12 hex form of 16 bytes. */
    static String uuid(byte[] b) {
        char[] out = new char[36];
        int o = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) out[o++] = '-';
            out[o++] = HEX[(b[i] >> 4) & 0xF];
            out[o++] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }
}
