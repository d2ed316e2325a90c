package dev.jworkers.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.js.JsEngine;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.server.ServerLimits;

/** A real runtime on an ephemeral loopback port, serving a Worker written to a temp directory. */
final class TestNode implements AutoCloseable {
    static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();
    static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();
    /** Everything the runtime logs during tests, kept for reading after a failure. */
    static final PrintStream LOG_FILE;
    static {
        try {
            Path f = Path.of("target", "worker-output.log");
            Files.createDirectories(f.getParent());
            LOG_FILE = new PrintStream(Files.newOutputStream(f), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.redirect(tee(OUT, LOG_FILE), tee(ERR, LOG_FILE));
    }
    /** One engine for the whole test JVM: contexts share it as in production. */
    static final JsEngine ENGINE = new JsEngine(false);

    final RuntimeNode node;
    final Path dir;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private TestNode(RuntimeNode node, Path dir) {
        this.node = node;
        this.dir = dir;
    }

    /** Writes {@code files} (name -> content) to a new directory and serves {@code entry}. */
    static TestNode serve(Map<String, String> files, String entry, long cpuLimitMillis, int shards, ServerLimits limits) throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        WorkerConfig cfg = new WorkerConfig("test", dir.toRealPath(), dir.resolve(entry).toRealPath(), null, Map.of(), cpuLimitMillis);
        return serve(cfg, shards, limits, dir);
    }

    static TestNode serve(WorkerConfig cfg, int shards, ServerLimits limits, Path dir) throws Exception {
        return serve(cfg, shards, limits, dir, false);
    }

    /** With {@code testScheduled}, GET /__scheduled runs the scheduled handler (wrangler's --test-scheduled). */
    static TestNode serve(WorkerConfig cfg, int shards, ServerLimits limits, Path dir, boolean testScheduled) throws Exception {
        RuntimeNode node = RuntimeNode.start(new RuntimeNode.Options(List.of(cfg), "127.0.0.1", 0, shards, false, limits, ENGINE)
                .withTestScheduled(testScheduled));
        return new TestNode(node, dir);
    }

    /** A module Worker on one shard with /__scheduled enabled. */
    static TestNode scheduled(String source) throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        Files.writeString(dir.resolve("worker.js"), source);
        WorkerConfig cfg = new WorkerConfig("test", dir.toRealPath(), dir.resolve("worker.js").toRealPath(), null, Map.of(), 30_000);
        return serve(cfg, 1, ServerLimits.DEFAULT, dir, true);
    }

    /** A Worker for {@link #workers}: its name, its module source, and its service bindings. */
    record Spec(String name, String source, List<WorkerConfig.ServiceBinding> services, int shards,
                List<WorkerConfig.DurableObjectBinding> durableObjects, Map<String, String> uniqueKeys) {
        Spec(String name, String source, List<WorkerConfig.ServiceBinding> services, int shards,
             List<WorkerConfig.DurableObjectBinding> durableObjects) { this(name, source, services, shards, durableObjects, Map.of()); }
        Spec(String name, String source, List<WorkerConfig.ServiceBinding> services, int shards) { this(name, source, services, shards, List.of()); }
        Spec(String name, String source, List<WorkerConfig.ServiceBinding> services) { this(name, source, services, 0); }
        Spec(String name, String source) { this(name, source, List.of(), 0); }
    }

    /** Several Workers in one runtime; the listener serves the first, the others are reached by bindings. */
    static TestNode workers(int shards, Spec... specs) throws Exception {
        return workers(shards, 30_000, specs);
    }

    static TestNode workers(int shards, long cpuLimitMillis, Spec... specs) throws Exception {
        return workers(shards, cpuLimitMillis, ActorSettings.IN_MEMORY, List.of(), specs);
    }

    /**
     * With Durable Object settings (a storage folder the caller owns, so it can outlive this node)
     * and migrations for every Worker (e.g. a {@code new_classes} class has no SQL).
     */
    static TestNode workers(int shards, long cpuLimitMillis, ActorSettings actors, List<WorkerConfig.Migration> migrations, Spec... specs)
            throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        List<WorkerConfig> configs = new java.util.ArrayList<>();
        for (Spec s : specs) {
            Path root = Files.createDirectories(dir.resolve(s.name()));
            Files.writeString(root.resolve("worker.js"), s.source());
            configs.add(new WorkerConfig(s.name(), root.toRealPath(), root.resolve("worker.js").toRealPath(), null, Map.of(), cpuLimitMillis)
                    .withServices(s.services()).withShards(s.shards()).withDurableObjects(s.durableObjects()).withMigrations(migrations)
                    .withUniqueKeys(s.uniqueKeys()));
        }
        RuntimeNode node = RuntimeNode.start(new RuntimeNode.Options(configs, "127.0.0.1", 0, shards, false, ServerLimits.DEFAULT, ENGINE)
                .withActors(actors));
        return new TestNode(node, dir);
    }

    /**
     * Serves samples from samples/workers (copied to a temp folder, loaded from their wrangler
     * configs): the first one answers requests, the others are reached through its bindings.
     */
    static TestNode samples(String... folders) throws Exception {
        Path dir = Files.createTempDirectory("jworkers-sample");
        List<WorkerConfig> configs = new java.util.ArrayList<>();
        for (String folder : folders) {
            Path from = Path.of("..", "samples", "workers").resolve(folder);
            Path to = Files.createDirectories(dir.resolve(folder));
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) {
                    if (Files.isRegularFile(f)) Files.copy(f, to.resolve(f.getFileName()));
                }
            }
            configs.add(dev.jworkers.runtime.config.WranglerConfigLoader.load(to.resolve("wrangler.jsonc"), w -> {}));
        }
        RuntimeNode node = RuntimeNode.start(new RuntimeNode.Options(configs, "127.0.0.1", 0, 2, false, ServerLimits.DEFAULT, ENGINE));
        return new TestNode(node, dir);
    }

    /** Writes {@code files} to a new directory and serves the Worker its {@code wrangler.jsonc} describes, on {@code shards} shards. */
    static TestNode wrangler(Map<String, String> files, int shards) throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return wrangler(dir, shards);
    }

    /** Serves the Worker that {@code dir}'s {@code wrangler.jsonc} describes (the caller wrote its files). */
    static TestNode wrangler(Path dir, int shards) throws Exception {
        WorkerConfig cfg = dev.jworkers.runtime.config.WranglerConfigLoader.load(dir.resolve("wrangler.jsonc"), w -> {});
        RuntimeNode node = RuntimeNode.start(new RuntimeNode.Options(List.of(cfg), "127.0.0.1", 0, shards, false, ServerLimits.DEFAULT, ENGINE));
        return new TestNode(node, dir);
    }

    /** Deletes a folder tree (a test's storage). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static WorkerConfig.ServiceBinding binding(String name, String service) {
        return new WorkerConfig.ServiceBinding(name, service, null);
    }

    static WorkerConfig.ServiceBinding binding(String name, String service, String entrypoint) {
        return new WorkerConfig.ServiceBinding(name, service, entrypoint);
    }

    /** A module Worker on one shard whose global fetch() leaves as {@code outbound} says. */
    static TestNode withOutbound(String source, dev.jworkers.runtime.outbound.OutboundSettings outbound) throws Exception {
        Path dir = Files.createTempDirectory("jworkers-test");
        Files.writeString(dir.resolve("worker.js"), source);
        WorkerConfig cfg = new WorkerConfig("test", dir.toRealPath(), dir.resolve("worker.js").toRealPath(), null, Map.of(), 30_000);
        RuntimeNode node = RuntimeNode.start(new RuntimeNode.Options(List.of(cfg), "127.0.0.1", 0, 1, false, ServerLimits.DEFAULT, ENGINE)
                .withOutbound(outbound));
        return new TestNode(node, dir);
    }

    static TestNode module(String source) throws Exception {
        return module(source, 2);
    }

    /** With one shard, module state is shared by every request (one Context). */
    static TestNode module(String source, int shards) throws Exception {
        return serve(Map.of("worker.js", source), "worker.js", 30_000, shards, ServerLimits.DEFAULT);
    }

    URI uri(String path) { return URI.create("http://127.0.0.1:" + node.port() + path); }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return client.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Everything logged or printed by Workers so far in this JVM. */
    static String output() {
        synchronized (OUT) {
            return OUT.toString(StandardCharsets.UTF_8) + ERR.toString(StandardCharsets.UTF_8);
        }
    }

    /** Polls until {@code check} holds or the timeout passes. */
    static boolean eventually(Duration timeout, java.util.function.BooleanSupplier check) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (check.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return check.getAsBoolean();
    }

    @Override
    public void close() throws Exception {
        node.shutdown(Duration.ofSeconds(2));
        client.close();
        deleteTree(dir);
    }

    private static PrintStream tee(ByteArrayOutputStream capture, PrintStream original) {
        return new PrintStream(new java.io.OutputStream() {
            @Override public void write(int b) {
                synchronized (OUT) { capture.write(b); }
                original.write(b);
            }
            @Override public void write(byte[] b, int off, int len) {
                synchronized (OUT) { capture.write(b, off, len); }
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
    }
}
