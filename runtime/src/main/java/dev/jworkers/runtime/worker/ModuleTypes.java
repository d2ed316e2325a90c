package dev.jworkers.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Wrangler's default module rules: {@code .txt}/{@code .html} import as a string, {@code .bin} as an
 * ArrayBuffer, {@code .json} as its parsed value and {@code .wasm} as a WebAssembly.Module. The bundle
 * file system serves such files as small generated ES modules with one default export.
 */
public final class ModuleTypes {
    private ModuleTypes() {}

    /** True when {@code fileName} is served as generated JS rather than as its own text. */
    public static boolean isData(String fileName) {
        String f = fileName.toLowerCase(Locale.ROOT);
        return f.endsWith(".txt") || f.endsWith(".html") || f.endsWith(".bin") || f.endsWith(".json") || f.endsWith(".wasm");
    }

    public static byte[] toModule(String fileName, byte[] content) {
        String f = fileName.toLowerCase(Locale.ROOT);
        String js;
        if (f.endsWith(".txt") || f.endsWith(".html")) {
            js = "export default " + jsString(new String(content, StandardCharsets.UTF_8)) + ";\n";
        } else if (f.endsWith(".json")) {
            js = "export default JSON.parse(" + jsString(new String(content, StandardCharsets.UTF_8)) + ");\n";
        } else if (f.endsWith(".bin")) {
            js = decoder(content) + "export default bytes.buffer;\n";
        } else if (f.endsWith(".wasm")) {
            js = decoder(content) + "export default new WebAssembly.Module(bytes);\n";
        } else {
            throw new IllegalArgumentException(fileName);
        }
        return js.getBytes(StandardCharsets.UTF_8);
    }

    /** Generated code that decodes the file's bytes from base64 into a const {@code bytes}. */
    private static String decoder(byte[] content) {
        return "const b64 = \"" + Base64.getEncoder().encodeToString(content) + "\";\n"
                + "const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';\n"
                + "const map = new Uint8Array(128); for (let i = 0; i < 64; i++) map[A.charCodeAt(i)] = i;\n"
                + "const pad = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;\n"
                + "const bytes = new Uint8Array(b64.length / 4 * 3 - pad);\n"
                + "for (let i = 0, o = 0; i < b64.length; i += 4) {\n"
                + "  const n = (map[b64.charCodeAt(i)] << 18) | (map[b64.charCodeAt(i + 1)] << 12) | (map[b64.charCodeAt(i + 2)] << 6) | map[b64.charCodeAt(i + 3)];\n"
                + "  if (o < bytes.length) bytes[o++] = n >> 16; if (o < bytes.length) bytes[o++] = (n >> 8) & 255; if (o < bytes.length) bytes[o++] = n & 255;\n"
                + "}\n";
    }

    /** A JS string literal; JSON string syntax is valid JS (ES2019+). */
    static String jsString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
