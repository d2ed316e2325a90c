package dev.jworkers.runtime.worker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.jworkers.runtime.config.ModuleRule;

/**
 * Module types other than ES modules, as wrangler's rules name them ({@link ModuleRule}): Text imports
 * as a string, Data as an ArrayBuffer, CompiledWasm as a WebAssembly.Module, and JSON (.json files) as
 * the parsed value. The bundle file system serves such files as small generated ES modules with one
 * default export.
 */
public final class ModuleTypes {
    private ModuleTypes() {}

    /** The generated module for a file of a data {@code type}, e.g. {@code export default "text"}. */
    public static byte[] toModule(ModuleRule.Type type, byte[] content) {
        String js = switch (type) {
            case Text -> "export default " + jsString(new String(content, StandardCharsets.UTF_8)) + ";\n";
            case JSON -> "export default JSON.parse(" + jsString(new String(content, StandardCharsets.UTF_8)) + ");\n";
            case Data -> decoder(content) + "export default bytes.buffer;\n";
            case CompiledWasm -> decoder(content) + "export default new WebAssembly.Module(bytes);\n";
            case ESModule -> throw new IllegalArgumentException("ES modules are served as they are");
        };
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
