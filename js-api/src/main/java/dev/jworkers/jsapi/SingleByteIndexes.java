package dev.jworkers.jsapi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The index tables of the Encoding standard's legacy single-byte encodings, derived from the JDK's
 * charsets with the corrections listed below, so that each table equals the standard's
 * {@code index-<name>.txt} (SingleByteIndexesTest checks every table against a digest of the
 * standard's). A table has 256 entries: bytes 0x00-0x7F map to themselves, and a byte the standard
 * leaves unmapped maps to {@link #UNMAPPED} (U+FFFD, which no single-byte index contains).
 *
 * <p>Where the JDK and the standard differ (measured on JDK 25), the standard wins:
 * <ul>
 * <li>windows-874 and windows-1250..1258: bytes 0x80-0x9F that the JDK leaves unmapped are the C1
 *     controls U+0080-U+009F of the same value in the standard.</li>
 * <li>windows-1255: 0xCA is U+05BA (HEBREW POINT HOLAM HASER FOR VAV); the JDK leaves it unmapped.</li>
 * <li>KOI8-U: the standard's table is KOI8-RU's for two bytes: 0xAE is U+045E and 0xBE is U+040E
 *     (the JDK has box-drawing characters there).</li>
 * <li>x-mac-cyrillic: the standard follows the later Mac OS Ukrainian table: 0xA2 is U+0490,
 *     0xB6 is U+0491 and 0xFF is U+20AC (the JDK has U+00A2, U+2202 and U+00A4).</li>
 * <li>ISO-8859-10 and ISO-8859-14 are not in the JDK: they are ISO-8859-1 with the bytes listed in
 *     {@link #ISO_8859_10} and {@link #ISO_8859_14} replaced (data from the standard's tables).</li>
 * <li>x-user-defined maps 0x80-0xFF to U+F780-U+F7FF (the standard defines it by that formula).</li>
 * </ul>
 */
final class SingleByteIndexes {
    static final char UNMAPPED = '\uFFFD';

    /** The standard's names (lower case), in id order; ISO-8859-8-I shares ISO-8859-8's table. */
    static final String[] NAMES = {
        "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7",
        "iso-8859-8", "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15",
        "iso-8859-16", "koi8-r", "koi8-u", "macintosh", "windows-874", "windows-1250", "windows-1251",
        "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
        "windows-1258", "x-mac-cyrillic", "x-user-defined",
    };

    /** The JDK charset each table is derived from, by id; null where the JDK has none. */
    private static final String[] JDK_NAMES = {
        "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-5", "ISO-8859-6", "ISO-8859-7",
        "ISO-8859-8", "ISO-8859-8", null, "ISO-8859-13", null, "ISO-8859-15",
        "ISO-8859-16", "KOI8-R", "KOI8-U", "x-MacRoman", "x-windows-874", "windows-1250", "windows-1251",
        "windows-1252", "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257",
        "windows-1258", "x-MacCyrillic", null,
    };

    /** ISO-8859-10's bytes that differ from ISO-8859-1, as byte, code point pairs. */
    static final int[] ISO_8859_10 = {
        0xA1, 0x0104, 0xA2, 0x0112, 0xA3, 0x0122, 0xA4, 0x012A, 0xA5, 0x0128, 0xA6, 0x0136, 0xA8, 0x013B,
        0xA9, 0x0110, 0xAA, 0x0160, 0xAB, 0x0166, 0xAC, 0x017D, 0xAE, 0x016A, 0xAF, 0x014A, 0xB1, 0x0105,
        0xB2, 0x0113, 0xB3, 0x0123, 0xB4, 0x012B, 0xB5, 0x0129, 0xB6, 0x0137, 0xB8, 0x013C, 0xB9, 0x0111,
        0xBA, 0x0161, 0xBB, 0x0167, 0xBC, 0x017E, 0xBD, 0x2015, 0xBE, 0x016B, 0xBF, 0x014B, 0xC0, 0x0100,
        0xC7, 0x012E, 0xC8, 0x010C, 0xCA, 0x0118, 0xCC, 0x0116, 0xD1, 0x0145, 0xD2, 0x014C, 0xD7, 0x0168,
        0xD9, 0x0172, 0xE0, 0x0101, 0xE7, 0x012F, 0xE8, 0x010D, 0xEA, 0x0119, 0xEC, 0x0117, 0xF1, 0x0146,
        0xF2, 0x014D, 0xF7, 0x0169, 0xF9, 0x0173, 0xFF, 0x0138,
    };

    /** ISO-8859-14's bytes that differ from ISO-8859-1, as byte, code point pairs. */
    static final int[] ISO_8859_14 = {
        0xA1, 0x1E02, 0xA2, 0x1E03, 0xA4, 0x010A, 0xA5, 0x010B, 0xA6, 0x1E0A, 0xA8, 0x1E80, 0xAA, 0x1E82,
        0xAB, 0x1E0B, 0xAC, 0x1EF2, 0xAF, 0x0178, 0xB0, 0x1E1E, 0xB1, 0x1E1F, 0xB2, 0x0120, 0xB3, 0x0121,
        0xB4, 0x1E40, 0xB5, 0x1E41, 0xB7, 0x1E56, 0xB8, 0x1E81, 0xB9, 0x1E57, 0xBA, 0x1E83, 0xBB, 0x1E60,
        0xBC, 0x1EF3, 0xBD, 0x1E84, 0xBE, 0x1E85, 0xBF, 0x1E61, 0xD0, 0x0174, 0xD7, 0x1E6A, 0xDE, 0x0176,
        0xF0, 0x0175, 0xF7, 0x1E6B, 0xFE, 0x0177,
    };

    /** Derived tables by id; volatile reads publish a table's contents to every shard's thread. */
    private static final AtomicReferenceArray<char[]> TABLES = new AtomicReferenceArray<>(NAMES.length);

    private SingleByteIndexes() {}

    /** The id of a single-byte encoding by its lower-case name, or -1. */
    static int id(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }

    /** The 256-entry table of encoding {@code id}, derived on first use (racing threads derive equal tables). */
    static char[] table(int id) {
        char[] t = TABLES.get(id);
        if (t == null) {
            t = derive(id);
            TABLES.set(id, t);
        }
        return t;
    }

    private static char[] derive(int id) {
        String name = NAMES[id];
        char[] t = new char[256];
        for (int b = 0; b < 0x80; b++) t[b] = (char) b;
        String jdk = JDK_NAMES[id];
        if (jdk != null) {
            fromJdk(jdk, t);
        } else if (name.equals("x-user-defined")) {
            for (int b = 0x80; b < 0x100; b++) t[b] = (char) (0xF780 + b - 0x80);
        } else {
            for (int b = 0x80; b < 0x100; b++) t[b] = (char) b;   // ISO-8859-1
            patch(t, name.equals("iso-8859-10") ? ISO_8859_10 : ISO_8859_14);
        }
        if (name.startsWith("windows-")) {
            for (int b = 0x80; b < 0xA0; b++) if (t[b] == UNMAPPED) t[b] = (char) b;
        }
        switch (name) {
            case "windows-1255" -> patch(t, new int[] {0xCA, 0x05BA});
            case "koi8-u" -> patch(t, new int[] {0xAE, 0x045E, 0xBE, 0x040E});
            case "x-mac-cyrillic" -> patch(t, new int[] {0xA2, 0x0490, 0xB6, 0x0491, 0xFF, 0x20AC});
            default -> { }
        }
        return t;
    }

    /** Decodes each byte 0x80-0xFF alone; a byte the charset cannot map stays {@link #UNMAPPED}. */
    private static void fromJdk(String charset, char[] t) {
        CharsetDecoder d;
        try {
            d = Charset.forName(charset).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        } catch (UnsupportedCharsetException e) {
            throw new IllegalStateException("this JDK lacks the charset " + charset + " (module jdk.charsets)", e);
        }
        byte[] one = new byte[1];
        for (int b = 0x80; b < 0x100; b++) {
            one[0] = (byte) b;
            t[b] = UNMAPPED;
            try {
                CharBuffer out = d.reset().decode(ByteBuffer.wrap(one));
                if (out.remaining() == 1) t[b] = out.get();
            } catch (CharacterCodingException e) {
                // unmapped in the JDK: stays UNMAPPED unless a correction maps it
            }
        }
    }

    private static void patch(char[] t, int[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) t[pairs[i]] = (char) pairs[i + 1];
    }

    /** For tests: a copy of a table. */
    static char[] copy(int id) {
        return Arrays.copyOf(table(id), 256);
    }
}
