package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jworkers.runtime.actor.ActorIds;

/**
 * The storage folder is workerd's: what workerd (its npm release {@value #WORKERD_VERSION}, with
 * {@code localDisk} storage) writes, this runtime reads, and the other way round. The same Worker,
 * {@code durable/interop/worker.js}, runs on both; one object stores key-value pairs of many types
 * (V8 serialization), a SQL table and an alarm, and answers what it has stored as JSON that names
 * every type. The answer after switching runtimes must be the answer before.
 *
 * <p>Skipped, with the reason, when workerd cannot be had (it is installed with npm on first use).
 */
class WorkerdStorageInteropTest {
    static final String WORKERD_VERSION = "1.20261117.1";
    private static final String UNIQUE_KEY = "interop-Store";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WRANGLER = """
            {
              "name": "interop",
              "main": "worker.js",
              "compatibility_date": "2025-09-01",
              "durable_objects": { "bindings": [{ "name": "STORE", "class_name": "Store" }] },
              "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Store"] }]
            }
            """;

    private static Path workerdBin;
    /** Why workerd cannot be had, when it cannot: every test is then reported skipped with it. */
    private static String unavailable;

    private Path dir, storage;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void findWorkerd() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("tools/lib/workerd.sh"))) root = root.getParent();
        if (root == null) {
            unavailable = "no tools/lib/workerd.sh above " + Path.of("").toAbsolutePath();
            return;
        }
        Path cached = root.resolve(".cache/npm/workerd-" + WORKERD_VERSION + "/node_modules/.bin/workerd");
        if (!runs(cached)) {
            // Installs it with npm (tools/lib/workerd.sh), as the benchmarks do.
            Path log = Files.createTempFile("workerd-install", ".log"), where = Files.createTempFile("workerd-install", ".out");
            try {
                Process install = new ProcessBuilder("bash", "-c", "source tools/lib/workerd.sh && ensure_workerd && echo \"$WORKERD_BIN\"")
                        .directory(root.toFile()).redirectOutput(where.toFile()).redirectError(log.toFile()).start();
                boolean done = install.waitFor(5, TimeUnit.MINUTES);
                if (!done) {
                    install.destroyForcibly();
                    install.waitFor(10, TimeUnit.SECONDS);
                }
                String out = Files.readString(where).strip();
                if (!done || install.exitValue() != 0 || !runs(Path.of(out))) {
                    unavailable = "workerd@" + WORKERD_VERSION + " could not be installed: "
                            + (done ? Files.readString(log).strip() : "still installing after 5 minutes");
                    return;
                }
                cached = Path.of(out);
            } finally {
                Files.deleteIfExists(log);
                Files.deleteIfExists(where);
            }
        }
        workerdBin = cached;
    }

    private static boolean runs(Path bin) {
        if (!Files.isExecutable(bin)) return false;
        try {
            Process p = new ProcessBuilder(bin.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("workerd ");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
        dir = Files.createTempDirectory("jworkers-interop");
        storage = dir.resolve("storage");
        Files.createDirectories(storage);
        try (InputStream in = getClass().getResourceAsStream("/durable/interop/worker.js")) {
            Files.write(dir.resolve("worker.js"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("wrangler.jsonc"), WRANGLER);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable p : started) p.close();
        http.close();
        if (dir != null) TestNode.deleteTree(dir);
    }

    @Test
    void jworkersReadsWhatWorkerdWrote() throws Exception {
        JsonNode written;
        try (Workerd w = workerd()) {
            assertEquals(objectId(), call(w.uri("/write")).asText());
            written = call(w.uri("/read"));
            assertEquals(0, w.stop(), "workerd exits on SIGTERM\n" + w.stderr);
        }
        assertFileIsWhereBothLookForIt(written);

        RuntimeProcess j = jworkers();
        JsonNode read = call(j.uri("/read"));
        assertSameAnswer(written, read);
        assertAsStored(call(j.uri("/expected")), read);
        assertEquals(0, j.stop(), j.output());
    }

    /** After a clean stop, and after SIGKILL (workerd then recovers the write-ahead log jworkers left). */
    @ParameterizedTest(name = "jworkers stopped by {0}")
    @ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void workerdReadsWhatJworkersWrote(String signal) throws Exception {
        RuntimeProcess j = jworkers();
        assertEquals(objectId(), call(j.uri("/write")).asText());
        JsonNode written = call(j.uri("/read"));
        if (signal.equals("SIGTERM")) {
            assertEquals(0, j.stop(), j.output());
        } else {
            assertEquals(137, j.kill());
            Path db = storage.resolve(UNIQUE_KEY).resolve(objectId() + ".sqlite");
            assertTrue(Files.size(db.resolveSibling(db.getFileName() + "-wal")) > 0, "the writes are still in the WAL");
        }
        assertFileIsWhereBothLookForIt(written);

        try (Workerd w = workerd()) {
            JsonNode read = call(w.uri("/read"));
            assertSameAnswer(written, read);
            assertAsStored(call(w.uri("/expected")), read);
            assertEquals(0, w.stop(), "workerd exits on SIGTERM\n" + w.stderr);
        }
    }

    /** The object's id, as both runtimes derive it from the name "obj" and the namespace's unique key. */
    private static String objectId() {
        return new ActorIds(UNIQUE_KEY).idFromName("obj");
    }

    private void assertFileIsWhereBothLookForIt(JsonNode answer) {
        assertEquals(objectId(), answer.get("id").asText());
        assertTrue(Files.isRegularFile(storage.resolve(UNIQUE_KEY).resolve(objectId() + ".sqlite")), "<storage>/<uniqueKey>/<id>.sqlite");
    }

    /** Every part of the answers equal; the key-value part compared key by key, to name what differs. */
    private static void assertSameAnswer(JsonNode want, JsonNode got) {
        List<String> differences = new ArrayList<>();
        for (Iterator<String> it = want.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equals("kv")) continue;
            if (!want.get(field).equals(got.get(field))) differences.add(field + ":\n    written " + want.get(field) + "\n    read    " + got.get(field));
        }
        JsonNode wantKv = want.get("kv"), gotKv = got.get("kv");
        for (Iterator<String> it = wantKv.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!wantKv.get(key).equals(gotKv.get(key))) differences.add("kv '" + key + "':\n    written " + wantKv.get(key) + "\n    read    " + gotKv.get(key));
        }
        assertEquals(want.size(), got.size(), "fields of " + got);
        assertEquals(wantKv.size(), gotKv.size(), "keys of " + gotKv);
        assertTrue(differences.isEmpty(), "read back differently:\n  " + String.join("\n  ", differences));
    }

    /** The key-value pairs, their order and the alarm are those the Worker stored (not merely the same wrong ones twice). */
    private static void assertAsStored(JsonNode expected, JsonNode read) {
        assertEquals(expected.get("keys"), read.get("keys"), "list() order: by UTF-8 bytes");
        assertEquals(expected.get("kv"), read.get("kv"));
        assertEquals(expected.get("alarm"), read.get("alarm"));
        assertEquals(4, read.get("rows").size(), read.get("rows").toString());
    }

    private JsonNode call(URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), uri + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private RuntimeProcess jworkers() throws Exception {
        RuntimeProcess p = RuntimeProcess.serve(dir, "--storage", storage.toString(), "--shards", "1");
        started.add(p);
        return p;
    }

    /** workerd serving the same Worker from a generated config.capnp, storage in {@code localDisk}. */
    private Workerd workerd() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("config.capnp"), """
                using Workerd = import "/workerd/workerd.capnp";

                const config :Workerd.Config = (
                  services = [
                    (name = "main", worker = .worker),
                    (name = "disk", disk = (path = "%s", writable = true)),
                  ],
                  sockets = [(name = "http", address = "127.0.0.1:%d", http = (), service = "main")],
                );

                const worker :Workerd.Worker = (
                  modules = [(name = "worker.js", esModule = embed "worker.js")],
                  compatibilityDate = "2025-09-01",
                  durableObjectNamespaces = [(className = "Store", uniqueKey = "%s", enableSql = true)],
                  durableObjectStorage = (localDisk = "disk"),
                  bindings = [(name = "STORE", durableObjectNamespace = "Store")],
                );
                """.formatted(storage, port, UNIQUE_KEY));
        Process p = new ProcessBuilder(workerdBin.toString(), "serve", "config.capnp", "--experimental")
                .directory(dir.toFile()).redirectOutput(dir.resolve("workerd.out").toFile()).redirectError(dir.resolve("workerd.err").toFile())
                .start();
        Workerd w = new Workerd(p, port, dir.resolve("workerd.err"));
        started.add(w);
        // Up once the socket answers.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(w.uri("/")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return w;
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive() || System.nanoTime() > end) {
                throw new AssertionError("workerd did not start (" + (p.isAlive() ? "no answer in 15 s" : "exit " + p.exitValue()) + "):\n"
                        + Files.readString(w.stderrFile));
            }
            Thread.sleep(50);
        }
    }

    private static final class Workerd implements AutoCloseable {
        final Process process;
        final int port;
        final Path stderrFile;
        String stderr = "";

        Workerd(Process process, int port, Path stderrFile) {
            this.process = process;
            this.port = port;
            this.stderrFile = stderrFile;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** SIGTERM to its PID; waits for it to exit and returns the status. */
        int stop() throws Exception {
            process.toHandle().destroy();
            boolean exited = process.waitFor(15, TimeUnit.SECONDS);
            stderr = Files.readString(stderrFile);
            if (!exited) {
                process.destroyForcibly();
                throw new AssertionError("workerd (pid " + process.pid() + ") still runs 15 s after SIGTERM\n" + stderr);
            }
            return process.exitValue();
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(15, TimeUnit.SECONDS);
            }
        }
    }
}
