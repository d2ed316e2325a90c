package dev.jworkers.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A temporary folder holding the Worker one case serves: a template (or sample) copied out of the
 * cache, its wrangler.jsonc placeholders filled in and, for TypeScript and for templates importing
 * npm packages (installed first, pinned in {@link NpmCache#TEMPLATE_DEPENDENCIES}), bundled by
 * esbuild as wrangler would, with "main" pointed at the bundle. Both runtimes serve this same folder.
 */
public final class Workspace implements AutoCloseable {
    /** What create-cloudflare would write for <COMPATIBILITY_DATE>; pinned so runs are repeatable. */
    public static final String COMPATIBILITY_DATE = "2026-11-01";
    static final String BUNDLE = "dist/index.js";
    private static final Pattern MAIN = Pattern.compile("(\"main\"\\s*:\\s*\")([^\"]*)(\")");

    public final Path dir;

    private Workspace(Path dir) { this.dir = dir; }

    public static Workspace forCase(CaseSpec spec, Path root, NpmCache npm) throws IOException, NpmCache.Unavailable {
        Path source = spec.sample() != null ? root.resolve(spec.sample()) : npm.templates().resolve(spec.templatePath());
        if (!Files.isDirectory(source)) throw new IOException("no folder " + (spec.sample() != null ? spec.sample() : "templates/" + spec.templatePath()));
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
            // TypeScript is always bundled; JavaScript when it imports npm packages (wrangler bundles
            // both; plain JS that only imports its own files is served as it is, file by file).
            boolean bundle = "ts".equals(spec.language());
            Path nodeModules = null;
            Matcher main = MAIN.matcher(config);
            if (!main.find()) {
                // An assets-only Worker (static assets, no script) has nothing to bundle.
                if (StaticAssets.settings(WorkerdConfig.JSONC.readTree(config)) != null) {
                    Files.writeString(wrangler, config);
                    return ws;
                }
                if (bundle || spec.template() != null) throw new IOException("no \"main\" in " + wrangler);
            }
            if (spec.template() != null) {
                // The Worker's sources: main's folder (src/), not the template's tests and tool configs.
                Path sources = ws.dir.resolve(main.group(2)).normalize().getParent();
                Set<String> imported = bareImports(sources);
                List<String> pinned = NpmCache.dependencyNames(spec.template());
                List<String> missing = imported.stream().filter(p -> !pinned.contains(p)).sorted().toList();
                if (!missing.isEmpty()) {
                    throw new IOException("templates/" + spec.templatePath() + " imports " + missing
                            + ", which NpmCache.TEMPLATE_DEPENDENCIES pins no version for");
                }
                if (!imported.isEmpty()) {
                    bundle = true;
                    nodeModules = npm.dependencies(spec.template());
                }
            }
            if (bundle) {
                ws.bundle(npm.esbuild(), main.group(2), nodeModules);
                config = main.replaceFirst("$1" + BUNDLE + "$3");
            }
            Files.writeString(wrangler, config);
            return ws;
        } catch (IOException | NpmCache.Unavailable | RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    /** Whether the workspace's wrangler.jsonc (not a runtime.jsonc) declares static assets. */
    public boolean hasStaticAssets() throws IOException {
        Path wrangler = dir.resolve("wrangler.jsonc");
        return !Files.isRegularFile(dir.resolve("runtime.jsonc")) && Files.isRegularFile(wrangler)
                && StaticAssets.settings(WorkerdConfig.JSONC.readTree(wrangler.toFile())) != null;
    }

    /**
     * esbuild with the options wrangler uses for Workers: one ES module, esbuild's default platform
     * (browser: package entry points from the "browser", "module", then "main" fields), the
     * workerd/worker/browser export conditions, Cloudflare and Node built-ins left as imports.
     * {@code nodeModules} (or null) is where bare imports resolve: given to esbuild as NODE_PATH,
     * so the workspace holds no link out of itself.
     */
    private void bundle(Path esbuild, String main, Path nodeModules) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(esbuild.toString(), main, "--bundle", "--format=esm",
                "--platform=browser", "--target=es2022", "--conditions=workerd,worker,browser",
                "--external:cloudflare:*", "--external:node:*", "--log-level=warning", "--outfile=" + BUNDLE));
        Path log = dir.resolve("esbuild.log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("NODE_PATH");
        if (nodeModules != null) pb.environment().put("NODE_PATH", nodeModules.toAbsolutePath().toString());
        Process p = pb.start();
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

    /** The keyword must not continue a word, a path or a string ("not-an-import" is not an import). */
    private static final String KEYWORD_START = "(?<![\\w$.\\-/\"'])";
    private static final Pattern IMPORT = Pattern.compile(
            KEYWORD_START + "from\\s*[\"']([^\"'\\n]+)[\"']|" + KEYWORD_START + "import\\s*[\"']([^\"'\\n]+)[\"']|"
            + KEYWORD_START + "import\\s*\\(\\s*[\"']([^\"'\\n]+)[\"']\\s*\\)");
    /** Block comments, and line comments on lines of their own (a "//" later in a line may be inside a string). */
    private static final Pattern COMMENTS = Pattern.compile("/\\*[\\s\\S]*?\\*/|(?m)^[ \\t]*//[^\\n]*");

    /**
     * The npm packages the sources in {@code dir} import, tests ({@code *.spec.*}, {@code *.test.*})
     * and declarations ({@code *.d.ts}) aside (bare specifiers, by package name:
     * {@code hono/http-exception} is {@code hono}); relative imports and {@code cloudflare:} /
     * {@code node:} built-ins are not packages.
     */
    static Set<String> bareImports(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String rel = dir.relativize(f).toString();
                if (!Files.isRegularFile(f) || !rel.matches(".*\\.(m?js|jsx|ts|tsx)") || rel.matches(".*\\.(d|spec|test)\\.[a-z]+")) continue;
                if (rel.startsWith("node_modules/") || rel.startsWith("dist/")) continue;
                String text = COMMENTS.matcher(Files.readString(f)).replaceAll("");
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String spec = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    if (spec.startsWith(".") || spec.startsWith("/") || spec.contains(":")) continue;
                    String[] parts = spec.split("/");
                    out.add(spec.startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0]);
                }
            }
        }
        return out;
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
