package dev.jworkers.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A temporary folder holding the Worker one case serves: a template (or sample) copied out of the
 * cache, its wrangler.jsonc placeholders filled in and, for TypeScript, bundled by esbuild as
 * wrangler would, with "main" pointed at the bundle. Both runtimes serve this same folder.
 */
public final class Workspace implements AutoCloseable {
    /** What create-cloudflare would write for <COMPATIBILITY_DATE>; pinned so runs are repeatable. */
    public static final String COMPATIBILITY_DATE = "2026-11-01";
    static final String BUNDLE = "dist/index.js";
    private static final Pattern MAIN = Pattern.compile("(\"main\"\\s*:\\s*\")([^\"]*)(\")");

    public final Path dir;

    private Workspace(Path dir) { this.dir = dir; }

    public static Workspace forCase(CaseSpec spec, Path root, NpmCache npm) throws IOException, NpmCache.Unavailable {
        Path source;
        if (spec.sample() != null) {
            source = root.resolve(spec.sample());
        } else {
            source = npm.templates().resolve(spec.template()).resolve(spec.language());
        }
        boolean several = Files.isRegularFile(source.resolve("runtime.jsonc"));
        if (!several && !Files.isRegularFile(source.resolve("wrangler.jsonc"))) throw new IOException("no wrangler.jsonc or runtime.jsonc in " + source);
        Workspace ws = new Workspace(Files.createTempDirectory("conformance-"));
        try {
            copyTree(source, ws.dir);
            if (several) return ws; // Workers of a runtime.jsonc are served as they are
            Path wrangler = ws.dir.resolve("wrangler.jsonc");
            String name = spec.template() != null ? spec.template() + "-" + spec.language() : source.getFileName().toString();
            String config = Files.readString(wrangler)
                    .replace("<WORKER_NAME>", name)
                    .replace("<COMPATIBILITY_DATE>", COMPATIBILITY_DATE);
            if ("ts".equals(spec.language())) {
                Matcher m = MAIN.matcher(config);
                if (!m.find()) throw new IOException("no \"main\" in " + wrangler);
                ws.bundle(npm.esbuild(), m.group(2));
                config = m.replaceFirst("$1" + BUNDLE + "$3");
            }
            Files.writeString(wrangler, config);
            return ws;
        } catch (IOException | NpmCache.Unavailable | RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    /** esbuild with the options wrangler uses for Workers: one ES module, Cloudflare and Node built-ins left as imports. */
    private void bundle(Path esbuild, String main) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(esbuild.toString(), main, "--bundle", "--format=esm",
                "--platform=neutral", "--target=es2022", "--conditions=workerd,worker,browser",
                "--external:cloudflare:*", "--external:node:*", "--log-level=warning", "--outfile=" + BUNDLE));
        Path log = dir.resolve("esbuild.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("esbuild timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (p.exitValue() != 0) throw new IOException("esbuild failed: " + Files.readString(log).strip());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("node_modules")) continue;
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
