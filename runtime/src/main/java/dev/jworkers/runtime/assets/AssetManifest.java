package dev.jworkers.runtime.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The files of an assets directory, scanned once at start-up as a deploy uploads them: every
 * regular file that {@link AssetsIgnore} does not leave out, keyed by {@code /} and its relative
 * path. A symlink whose target lies outside the directory is skipped (with a warning): nothing
 * outside the directory is ever served. Each file is hashed for its ETag; small files are kept in
 * memory, larger ones are read from disk when served.
 */
final class AssetManifest {
    /** Files up to this size are kept in memory ... */
    static final int CACHED_FILE_BYTES = 256 * 1024;
    /** ... while the cache holds less than this in total. */
    static final long CACHE_BYTES = 64L * 1024 * 1024;
    /** Cloudflare refuses an asset over 25 MiB. */
    static final long CLOUDFLARE_MAX_FILE_BYTES = 25L * 1024 * 1024;

    private final Map<String, Asset> byPath;

    private AssetManifest(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    /** The asset at decoded path {@code path} ({@code /about.html}), or null. */
    Asset get(String path) {
        return byPath.get(path);
    }

    int size() { return byPath.size(); }

    /** Thrown for a directory that cannot be served; the message says why. */
    static final class ScanException extends Exception {
        ScanException(String message) { super(message); }
    }

    /** Scans {@code directory}; {@code warn} hears about skipped files. */
    static AssetManifest scan(Path directory, Consumer<String> warn) throws IOException, ScanException {
        Path root = directory.toRealPath();
        Path ignoreFile = root.resolve(AssetsIgnore.FILE);
        boolean hasIgnoreFile = Files.isRegularFile(ignoreFile);
        AssetsIgnore ignore = AssetsIgnore.of(hasIgnoreFile ? Files.readAllLines(ignoreFile, StandardCharsets.UTF_8) : List.of());
        for (String meta : new String[] {"_headers", "_redirects"}) {
            if (Files.exists(root.resolve(meta))) {
                warn.accept(directory + "/" + meta + ": not supported yet: its rules are not applied (and, as on Cloudflare,"
                        + " the file itself is not served)");
            }
        }
        Map<String, Asset> files = new HashMap<>();
        List<String> outside = new ArrayList<>();
        long[] cached = {0};
        MessageDigest sha = sha256();
        Files.walkFileTree(root, Set.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String rel = relative(root, dir);
                if (!dir.toRealPath().startsWith(root)) {
                    outside.add(rel + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return ignore.ignored(rel, true) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) return FileVisitResult.CONTINUE;   // a broken link, a socket, ...
                String rel = relative(root, file);
                if (ignore.ignored(rel, false)) return FileVisitResult.CONTINUE;
                Path real = file.toRealPath();
                if (!real.startsWith(root)) {
                    outside.add(rel);
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.size() > CLOUDFLARE_MAX_FILE_BYTES) {
                    warn.accept(directory + "/" + rel + ": " + attrs.size() / (1024 * 1024) + " MiB: Cloudflare refuses assets over"
                            + " 25 MiB (served here anyway)");
                }
                boolean keep = attrs.size() <= CACHED_FILE_BYTES && cached[0] + attrs.size() <= CACHE_BYTES;
                byte[] bytes = keep ? Files.readAllBytes(real) : null;
                String etag = bytes != null ? hash(sha, bytes) : hash(sha, real);
                if (bytes != null) cached[0] += bytes.length;
                long size = bytes != null ? bytes.length : attrs.size();
                String path = "/" + rel;
                files.put(path, new Asset(path, real, size, etag, ContentTypes.of(file.getFileName().toString()), bytes));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    warn.accept(directory + "/" + relative(root, file) + ": a symlink loop: skipped");
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        if (!outside.isEmpty()) {
            warn.accept(directory + ": " + outside.size() + " symlink(s) lead outside the assets directory and are not served: "
                    + String.join(", ", outside.subList(0, Math.min(5, outside.size()))) + (outside.size() > 5 ? ", ..." : ""));
        }
        if (!hasIgnoreFile) {
            // As wrangler: a Pages project's server code must not become public by accident.
            for (String p : files.keySet()) {
                if (p.equals("/_worker.js") || p.startsWith("/_worker.js/")) {
                    String kind = p.equals("/_worker.js") ? "file" : "directory";
                    throw new ScanException(directory + ": the assets include a Pages _worker.js " + kind + ", which would make"
                            + " server-side code public. Remove it, or add an " + AssetsIgnore.FILE + " file at the root of the"
                            + " assets directory (with the line '_worker.js' to leave it out, or empty to serve it)");
                }
            }
        }
        return new AssetManifest(Map.copyOf(files));
    }

    private static String relative(Path root, Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : root.relativize(p)) {
            if (!b.isEmpty()) b.append('/');
            b.append(part);
        }
        return b.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(MessageDigest sha, byte[] bytes) {
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(bytes), 0, 16);
    }

    private static String hash(MessageDigest sha, Path file) throws IOException {
        sha.reset();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
