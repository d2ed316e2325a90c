package dev.jworkers.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Worker's static assets as Cloudflare's asset Worker (@cloudflare/workers-shared) reads them: the
 * binary manifest of its ASSETS_MANIFEST binding, and what the harness's KV Worker needs to answer
 * its ASSETS_KV_NAMESPACE binding (key to file and content type).
 *
 * <p>The manifest is a 20-byte header (reserved, zeros) followed by 40-byte entries sorted by their
 * first 16 bytes, compared as unsigned bytes: the first 16 bytes of SHA-256 of the asset's path
 * ("/" + its path under the assets directory, "/" separated, UTF-8), then 16 bytes of content hash,
 * whose lower-case hex is the KV key and the ETag (quoted), then 8 reserved bytes (zeros). The asset
 * Worker binary-searches the entries for the path hash of each candidate path.
 *
 * <p>The content hash here is the first 16 bytes of SHA-256 of the file's bytes followed by its
 * extension (without the dot). wrangler dev hashes the absolute file path and modification time
 * instead, and a deployment hashes the content with BLAKE3: ETag values differ from both, by design.
 *
 * <p>Skipped, as wrangler skips them: .assetsignore, _redirects and _headers at the top of the
 * directory, and what .assetsignore lists (gitignore patterns; negations are not supported here).
 */
final class StaticAssets {
    static final int HEADER_SIZE = 20;
    static final int PATH_HASH_SIZE = 16;
    static final int CONTENT_HASH_SIZE = 16;
    static final int ENTRY_SIZE = PATH_HASH_SIZE + CONTENT_HASH_SIZE + 8;

    /** One asset: its path ("/index.html"), the file relative to the assets directory, key, type. */
    record Asset(String path, String file, String key, String contentType, byte[] pathHash) {}

    final Path directory;
    final List<Asset> assets;

    private StaticAssets(Path directory, List<Asset> assets) {
        this.directory = directory;
        this.assets = assets;
    }

    /** The Worker's "assets" settings from wrangler.jsonc, or null when it has none. */
    static JsonNode settings(JsonNode wrangler) {
        JsonNode a = wrangler.path("assets");
        return a.isObject() ? a : null;
    }

    /** Walks {@code directory} (a missing one has no assets, as under wrangler dev). */
    static StaticAssets scan(Path directory) throws IOException {
        List<Asset> out = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            List<Pattern> ignored = ignorePatterns(directory);
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path f : files.sorted().toList()) {
                    if (!Files.isRegularFile(f)) continue;
                    String rel = directory.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                    if (isIgnored(rel, ignored)) continue;
                    byte[] content = Files.readAllBytes(f);
                    String path = "/" + rel;
                    byte[] pathHash = Arrays.copyOf(sha256(path.getBytes(StandardCharsets.UTF_8)), PATH_HASH_SIZE);
                    byte[] withExtension = concat(content, extension(rel).getBytes(StandardCharsets.UTF_8));
                    String key = HexFormat.of().formatHex(sha256(withExtension), 0, CONTENT_HASH_SIZE);
                    out.add(new Asset(path, rel, key, contentType(rel), pathHash));
                }
            }
        }
        out.sort((a, b) -> Arrays.compareUnsigned(a.pathHash(), b.pathHash()));
        return new StaticAssets(directory, List.copyOf(out));
    }

    /** The ASSETS_MANIFEST bytes. */
    byte[] manifest() {
        byte[] out = new byte[HEADER_SIZE + assets.size() * ENTRY_SIZE];
        for (int i = 0; i < assets.size(); i++) {
            Asset a = assets.get(i);
            int at = HEADER_SIZE + i * ENTRY_SIZE;
            System.arraycopy(a.pathHash(), 0, out, at, PATH_HASH_SIZE);
            System.arraycopy(HexFormat.of().parseHex(a.key()), 0, out, at + PATH_HASH_SIZE, CONTENT_HASH_SIZE);
        }
        return out;
    }

    /** key -> {"file": path under the directory, "contentType": type or null}, for the KV Worker. */
    String keysJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        for (Asset a : assets) {
            ObjectNode e = root.putObject(a.key());
            e.put("file", a.file());
            if (a.contentType() == null) e.putNull("contentType");
            else e.put("contentType", a.contentType());
        }
        return root.toString();
    }

    /**
     * The harness's Worker behind the asset Worker's ASSETS_KV_NAMESPACE binding. workerd's KV
     * binding sends GET https://fake-host/<key, URL-encoded>?urlencoded=true[&cache_ttl=N]; a 404
     * reads as null, the body is the value and the CF-KV-Metadata response header (JSON) its
     * metadata, from which the asset Worker takes contentType (no header: no Content-Type).
     */
    static final String KV_WORKER = """
            // Generated by the conformance harness: the static assets' KV namespace, read-only.
            export default {
              async fetch(request, env) {
                if (request.method !== 'GET') return new Response('read-only', { status: 405 });
                const key = decodeURIComponent(new URL(request.url).pathname.slice(1));
                const entry = Object.hasOwn(env.KEYS, key) ? env.KEYS[key] : undefined;
                if (entry === undefined) return new Response('Not Found', { status: 404 });
                const file = await env.FILES.fetch('http://assets/' + entry.file.split('/').map(encodeURIComponent).join('/'));
                if (!file.ok) return new Response('Not Found', { status: 404 });
                const headers = entry.contentType === null ? {} : { 'CF-KV-Metadata': JSON.stringify({ contentType: entry.contentType }) };
                return new Response(file.body, { headers });
              },
            };
            """;

    // --- content types -------------------------------------------------------------------------

    /**
     * The Content-Type wrangler gives an asset: the type of the mime package (4.x, which wrangler's
     * miniflare bundles) for the file's extension (case-insensitive), "; charset=utf-8" appended to
     * text/* types; null (no Content-Type header) for an extension it does not know or a name
     * without one. The common web types only; others read as unknown here.
     */
    static String contentType(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) return null;
        String type = MIME.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) return null;
        return type.startsWith("text/") && !type.contains("charset") ? type + "; charset=utf-8" : type;
    }

    private static final Map<String, String> MIME = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("shtml", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("txt", "text/plain"), Map.entry("text", "text/plain"), Map.entry("log", "text/plain"),
            Map.entry("ini", "text/plain"), Map.entry("conf", "text/plain"),
            Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"), Map.entry("markdown", "text/markdown"),
            Map.entry("xml", "application/xml"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("wasm", "application/wasm"), Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
            Map.entry("svg", "image/svg+xml"), Map.entry("svgz", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"));

    // --- ignored files -------------------------------------------------------------------------

    /** .assetsignore, _redirects and _headers at the top, then .assetsignore's lines. */
    private static List<Pattern> ignorePatterns(Path directory) throws IOException {
        List<String> lines = new ArrayList<>(List.of("/.assetsignore", "/_redirects", "/_headers"));
        Path file = directory.resolve(".assetsignore");
        if (Files.isRegularFile(file)) lines.addAll(Files.readAllLines(file));
        List<Pattern> out = new ArrayList<>();
        for (String line : lines) {
            String p = line.strip();
            if (p.isEmpty() || p.startsWith("#")) continue;
            if (p.startsWith("!")) throw new IOException(".assetsignore negations (" + p + ") are not supported by the harness");
            out.add(gitignore(p));
        }
        return out;
    }

    /** A gitignore line as a regex over relative paths (a match of a folder covers what is under it). */
    private static Pattern gitignore(String p) {
        boolean dirOnly = p.endsWith("/");
        if (dirOnly) p = p.substring(0, p.length() - 1);
        boolean anchored = p.startsWith("/") || p.contains("/");
        if (p.startsWith("/")) p = p.substring(1);
        StringBuilder re = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
                if (i + 1 < p.length() && p.charAt(i + 1) == '/') i++;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        re.append(dirOnly ? "/.*" : "(?:/.*)?").append("$");
        return Pattern.compile(re.toString());
    }

    private static boolean isIgnored(String rel, List<Pattern> patterns) {
        for (Pattern p : patterns) if (p.matcher(rel).matches()) return true;
        return false;
    }

    // --- bytes ---------------------------------------------------------------------------------

    private static String extension(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
