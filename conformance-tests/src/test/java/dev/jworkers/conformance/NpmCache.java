package dev.jworkers.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The pinned npm packages the harness uses, fetched at run time into .cache/npm/<pkg>-<version>
 * (as tools/lib/workerd.sh does for workerd); nothing fetched is committed.
 */
public final class NpmCache {
    public static final String CREATE_CLOUDFLARE = "2.74.0";
    public static final String ESBUILD = "0.28.2";

    /** npm is missing or the registry is unreachable: the cases that need it are skipped. */
    public static final class Unavailable extends Exception {
        public Unavailable(String reason) { super(reason); }
    }

    private final Path root;
    private final Path cache;

    public NpmCache(Path root) {
        this.root = root;
        this.cache = root.resolve(".cache/npm");
    }

    /** The templates folder of create-cloudflare (templates/<name>/{js,ts}). */
    public synchronized Path templates() throws Unavailable {
        Path dir = cache.resolve("create-cloudflare-" + CREATE_CLOUDFLARE);
        Path templates = dir.resolve("package/templates");
        if (Files.isDirectory(templates)) return templates;
        Path tgz = dir.resolve("create-cloudflare-" + CREATE_CLOUDFLARE + ".tgz");
        run(dir, List.of("npm", "pack", "create-cloudflare@" + CREATE_CLOUDFLARE), "npm pack create-cloudflare@" + CREATE_CLOUDFLARE);
        run(dir, List.of("tar", "xzf", tgz.getFileName().toString()), "unpacking create-cloudflare");
        if (!Files.isDirectory(templates)) throw new Unavailable("create-cloudflare@" + CREATE_CLOUDFLARE + " has no templates folder");
        return templates;
    }

    /** The esbuild binary (bundles TypeScript templates as wrangler does). */
    public synchronized Path esbuild() throws Unavailable {
        Path dir = cache.resolve("esbuild-" + ESBUILD);
        Path bin = dir.resolve("node_modules/.bin/esbuild");
        if (Files.isExecutable(bin)) return bin;
        run(dir, List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund", "esbuild@" + ESBUILD),
                "npm install esbuild@" + ESBUILD);
        if (!Files.isExecutable(bin)) throw new Unavailable("esbuild@" + ESBUILD + " installed without " + bin.getFileName());
        return bin;
    }

    /** workerd, installed by tools/lib/workerd.sh (the same cache the benchmarks use). */
    public synchronized Path workerd() throws Unavailable {
        String out = run(root, List.of("bash", "-c", ". tools/lib/workerd.sh && ensure_workerd && printf %s \"$WORKERD_BIN\""),
                "installing workerd");
        String[] lines = out.strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    private static String run(Path dir, List<String> cmd, String what) throws Unavailable {
        try {
            Files.createDirectories(dir);
            Path log = Files.createTempFile("conformance-npm", ".log");
            try {
                Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                        .redirectErrorStream(false)
                        .redirectError(log.toFile())
                        .start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new Unavailable(what + ": timed out");
                }
                if (p.exitValue() != 0) {
                    // npm's error code names the cause (e.g. ECONNREFUSED) without addresses or paths,
                    // which the table (written into the docs) must not hold.
                    List<String> err = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
                    String last = err.stream().filter(l -> l.startsWith("npm error code") || l.startsWith("npm ERR! code")).findFirst()
                            .orElse("exit " + p.exitValue()).strip();
                    throw new Unavailable(what + " failed: " + last);
                }
                return new String(out);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new Unavailable(what + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(what + ": interrupted");
        }
    }
}
