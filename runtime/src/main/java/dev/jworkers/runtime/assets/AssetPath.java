package dev.jworkers.runtime.assets;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request paths as the asset server sees them. A request's {@link #pathname} is what
 * {@code new URL(request.url).pathname} gives a Worker: backslashes become slashes, {@code .} and
 * {@code ..} segments (also written {@code %2e}) are resolved and can never climb above the root,
 * and characters outside the URL path set are percent-encoded. Assets are then looked up by the
 * {@link #decode decoded} path, and served at its {@link #encode canonical} form (each segment as
 * {@code encodeURIComponent} writes it): a request for another spelling is redirected there.
 * Nothing here touches the file system: a decoded path is only ever a key into the scanned files.
 */
final class AssetPath {
    private AssetPath() {}

    /** The path and query of a request URL (absolute, or origin-form). */
    record Target(String pathname, String search) {}

    /** Splits {@code url} into its normalized pathname and its search ({@code ?...}, or empty). */
    static Target parse(String url) {
        int start = 0;
        int scheme = url.indexOf("://");
        if (!url.startsWith("/") && scheme > 0) {
            start = scheme + 3;
            while (start < url.length() && "/\\?#".indexOf(url.charAt(start)) < 0) start++;
        }
        int hash = url.indexOf('#', start);
        int end = hash < 0 ? url.length() : hash;
        int q = url.indexOf('?', start);
        String search = "";
        if (q >= 0 && q < end) {
            if (end - q > 1) search = encodeQuery(url.substring(q, end));
            end = q;
        }
        return new Target(normalize(url.substring(start, end)), search);
    }

    /** A raw path as the WHATWG URL parser leaves it for an http(s) URL. */
    static String normalize(String raw) {
        List<String> out = new ArrayList<>();
        String[] parts = raw.replace('\\', '/').split("/", -1);
        // parts[0] is what precedes the first slash (empty for an origin-form path).
        int first = parts.length > 0 && parts[0].isEmpty() ? 1 : 0;
        boolean trailingSlash = false;
        for (int i = first; i < parts.length; i++) {
            String seg = parts[i];
            boolean last = i == parts.length - 1;
            if (isDot(seg)) {
                trailingSlash = last;
                continue;
            }
            if (isDotDot(seg)) {
                if (!out.isEmpty()) out.remove(out.size() - 1);
                trailingSlash = last;
                continue;
            }
            out.add(encodePathSegment(seg));
            trailingSlash = false;
        }
        StringBuilder b = new StringBuilder();
        for (String s : out) b.append('/').append(s);
        if (trailingSlash || b.isEmpty()) b.append('/');
        return b.toString();
    }

    private static boolean isDot(String s) {
        return s.equals(".") || s.equalsIgnoreCase("%2e");
    }

    private static boolean isDotDot(String s) {
        return s.equals("..") || s.equalsIgnoreCase(".%2e") || s.equalsIgnoreCase("%2e.") || s.equalsIgnoreCase("%2e%2e");
    }

    /** Percent-encodes what the URL path percent-encode set holds (a char up to U+00FF is one byte, as HTTP carries it). */
    private static String encodePathSegment(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '`' && c != '{' && c != '}' && c != '#' && c != '?';
            if (keep) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (c <= 0xFF) appendByte(b, c);
            else for (byte x : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) appendByte(b, x & 0xFF);
        }
        return b == null ? s : b.toString();
    }

    /** The query keeps its characters but for those the special-query percent-encode set holds. */
    private static String encodeQuery(String q) {
        StringBuilder b = new StringBuilder(q.length());
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '#' && c != '\'') b.append(c);
            else if (c <= 0xFF) appendByte(b, c);
            else for (byte x : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) appendByte(b, x & 0xFF);
        }
        return b.toString();
    }

    private static void appendByte(StringBuilder b, int v) {
        b.append('%').append(HEX[v >> 4]).append(HEX[v & 15]);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The path assets are looked up by: each segment percent-decoded as UTF-8 (a segment that does
     * not decode, as {@code decodeURIComponent} would refuse it, stays as it is), then runs of
     * slashes collapsed into one. A decoded segment may hold {@code /}, {@code ..} or NUL; the
     * result is only compared with the keys of the scanned files.
     */
    static String decode(String pathname) {
        String[] parts = pathname.split("/", -1);
        StringBuilder b = new StringBuilder(pathname.length());
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append('/');
            b.append(decodeSegment(parts[i]));
        }
        return collapseSlashes(b.toString());
    }

    private static String collapseSlashes(String s) {
        if (!s.contains("//")) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' && b.length() > 0 && b.charAt(b.length() - 1) == '/') continue;
            b.append(c);
        }
        return b.toString();
    }

    private static String decodeSegment(String seg) {
        if (seg.indexOf('%') < 0) return seg;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(seg.length());
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '%') {
                if (i + 2 >= seg.length()) return seg;
                int hi = Character.digit(seg.charAt(i + 1), 16), lo = Character.digit(seg.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return seg;
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(u, 0, u.length);
            }
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer out = strict.decode(ByteBuffer.wrap(bytes.toByteArray()));
            return out.toString();
        } catch (CharacterCodingException e) {
            return seg;
        }
    }

    /** The canonical spelling of a decoded path: each segment as {@code encodeURIComponent} writes it. */
    static String encode(String decoded) {
        String[] parts = decoded.split("/", -1);
        StringBuilder b = new StringBuilder(decoded.length() + 16);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append('/');
            encodeComponent(b, parts[i]);
        }
        return b.toString();
    }

    private static void encodeComponent(StringBuilder b, String s) {
        int mark = b.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
                b.append(c);
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                // encodeURIComponent throws on a lone surrogate; the segment is then kept as it is.
                b.setLength(mark);
                b.append(s);
                return;
            }
            for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) appendByte(b, x & 0xFF);
        }
    }
}
