package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.actor.ActorIds;

/**
 * No acknowledged write is lost when the process dies: a real {@code runtime serve} child JVM takes
 * concurrent increments of Durable Object counters (SQL and key-value), is SIGKILLed while requests
 * are in flight, and is started again on the same storage folder. Every counter must be at least
 * the highest value a client was answered with, and at most what was asked for: acknowledged
 * increments plus those the kill cut off.
 */
class DurableObjectDurabilityTest {
    private static final String WORKER = """
            import { DurableObject } from 'cloudflare:workers';
            export class Counter extends DurableObject {
              constructor(ctx, env) {
                super(ctx, env);
                ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, n INTEGER NOT NULL)');
              }
              async fetch(request) {
                const sql = this.ctx.storage.sql, kv = this.ctx.storage;
                switch (new URL(request.url).pathname) {
                  case '/sql/inc':
                    return new Response(String(sql.exec(
                      "INSERT INTO counter VALUES ('n', 1) ON CONFLICT (name) DO UPDATE SET n = n + 1 RETURNING n").one().n));
                  case '/sql/get':
                    return new Response(String(sql.exec("SELECT n FROM counter WHERE name = 'n'").toArray()[0]?.n ?? 0));
                  case '/kv/inc': {
                    const n = ((await kv.get('n')) ?? 0) + 1;
                    await kv.put('n', n);
                    return new Response(String(n));
                  }
                  case '/kv/get':
                    return new Response(String((await kv.get('n')) ?? 0));
                }
                return new Response('no such path', { status: 404 });
              }
            }
            export default {
              fetch(request, env) {
                return env.COUNTER.getByName(new URL(request.url).searchParams.get('id')).fetch(request);
              }
            };
            """;
    private static final String WRANGLER = """
            {
              "name": "counter",
              "main": "index.js",
              "compatibility_date": "2025-09-01",
              "durable_objects": { "bindings": [{ "name": "COUNTER", "class_name": "Counter" }] },
              "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Counter"] }]
            }
            """;
    /** Counter ids; the prefix says which storage API the object counts with. */
    private static final List<String> IDS = List.of("sql-0", "sql-1", "sql-2", "sql-3", "kv-0", "kv-1", "kv-2", "kv-3");
    private static final int CLIENTS = 32;
    private static final Duration TRAFFIC = Duration.ofSeconds(2);
    private static final int MIN_ACKED = 40;

    private Path dir, storage;
    private final List<RuntimeProcess> started = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("jworkers-durability");
        storage = dir.resolve("storage");
        Files.writeString(dir.resolve("wrangler.jsonc"), WRANGLER);
        Files.writeString(dir.resolve("index.js"), WORKER);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (RuntimeProcess p : started) p.close();
        TestNode.deleteTree(dir);
    }

    private RuntimeProcess serve() throws Exception {
        RuntimeProcess p = RuntimeProcess.serve(dir, "--storage", storage.toString(), "--shards", "2");
        started.add(p);
        return p;
    }

    private static String mode(String id) {
        return id.substring(0, id.indexOf('-'));
    }

    /** What the clients saw for one counter. */
    private static final class Seen {
        final ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
        final AtomicInteger unanswered = new AtomicInteger();

        long maxAcked() {
            return acked.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    @Test
    void noAcknowledgedIncrementIsLostToSigkill() throws Exception {
        RuntimeProcess first = serve();
        try (HttpClient http = HttpClient.newHttpClient()) {
            // Each object constructed (and its database created) before the clients start.
            for (String id : IDS) assertEquals("0", get(http, first, "/" + mode(id) + "/get?id=" + id));
        }
        Map<String, Seen> seen = new TreeMap<>();
        for (String id : IDS) seen.put(id, new Seen());
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger inFlight = new AtomicInteger();
        ConcurrentHashMap<String, String> unexpected = new ConcurrentHashMap<>();

        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(Thread.ofPlatform().name("client-" + c).start(() -> {
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    while (!killed.get()) {
                        String id = IDS.get(ThreadLocalRandom.current().nextInt(IDS.size()));
                        // POST: the HTTP client never retries it on another connection.
                        HttpRequest req = HttpRequest.newBuilder(first.uri("/" + mode(id) + "/inc?id=" + id))
                                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
                        inFlight.incrementAndGet();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) seen.get(id).acked.add(Long.parseLong(r.body()));
                            else unexpected.put(id + " " + r.statusCode(), r.body());
                        } catch (ConnectException e) {
                            // Sent after the kill: it never reached the runtime.
                            if (!killed.get()) unexpected.put(id + " before the kill", e.toString());
                        } catch (IOException e) {
                            // Cut off by the kill: the increment may or may not have been stored.
                            seen.get(id).unanswered.incrementAndGet();
                            if (!killed.get()) unexpected.put(id + " before the kill", e.toString());
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }

        // At least TRAFFIC, and until every counter has had a fair number of increments (JIT warm-up on few cores).
        long until = System.nanoTime() + TRAFFIC.toNanos();
        TestNode.eventually(Duration.ofSeconds(15),
                () -> System.nanoTime() > until && seen.values().stream().allMatch(s -> s.acked.size() >= MIN_ACKED));
        int inFlightAtKill = inFlight.get();
        killed.set(true);
        int status = first.kill();
        for (Thread t : clients) t.join(TimeUnit.SECONDS.toMillis(20));
        assertEquals(137, status, "killed by SIGKILL (128 + 9)");
        assertTrue(clients.stream().noneMatch(Thread::isAlive), "every client saw its last request end");
        assertTrue(unexpected.isEmpty(), "every request before the kill succeeds: " + unexpected + "\n" + first.output());

        int cutOff = seen.values().stream().mapToInt(s -> s.unanswered.get()).sum();
        long acked = seen.values().stream().mapToLong(s -> s.acked.size()).sum();
        StringBuilder traffic = new StringBuilder(acked + " increments acknowledged, " + inFlightAtKill + " in flight at the kill:");
        seen.forEach((id, s) -> traffic.append("\n  ").append(id).append(": ").append(s.acked.size()).append(" acknowledged (highest ")
                .append(s.maxAcked()).append("), ").append(s.unanswered.get()).append(" cut off"));
        assertTrue(inFlightAtKill > 0 && cutOff > 0, "killed mid-traffic: " + traffic);
        for (String id : IDS) {
            assertTrue(seen.get(id).acked.size() >= MIN_ACKED, "enough traffic to mean something:" + traffic + "\n" + first.output());
        }

        // The kill left the write-ahead logs behind: the restart has to recover from them.
        String uniqueKey = "counter-Counter";
        ActorIds ids = new ActorIds(uniqueKey);
        for (String id : IDS) {
            Path db = storage.resolve(uniqueKey).resolve(ids.idFromName(id) + ".sqlite");
            assertTrue(Files.exists(db) && Files.exists(db.resolveSibling(db.getFileName() + "-wal")), "database and WAL of " + id);
        }

        RuntimeProcess second = serve();
        Map<String, Long> afterRestart = new TreeMap<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (String id : IDS) {
                Seen s = seen.get(id);
                long stored = Long.parseLong(get(http, second, "/" + mode(id) + "/get?id=" + id));
                afterRestart.put(id, stored);
                long max = s.maxAcked();
                List<Long> values = List.copyOf(s.acked);
                assertTrue(stored >= max, id + ": an acknowledged increment was lost: highest answer " + max + ", stored " + stored
                        + " after the restart\n" + traffic);
                // Each increment was answered with a value of its own: no two saw the same count.
                assertEquals(values.size(), values.stream().distinct().count(), id + ": two increments answered with the same value\n" + traffic);
                // Nothing counted that no client asked for.
                assertTrue(stored <= values.size() + s.unanswered.get(), id + ": stored " + stored + " but only " + values.size()
                        + " acknowledged and " + s.unanswered.get() + " cut-off increments were sent\n" + traffic);
                // The object still counts on from what it recovered.
                assertEquals(String.valueOf(stored + 1), post(http, second, "/" + mode(id) + "/inc?id=" + id), id + " after restart");
            }
        }
        assertEquals(0, second.stop(), second.output());

        // The files themselves, read after a clean stop, hold what the runtime answered.
        for (String id : IDS) {
            Path db = storage.resolve(uniqueKey).resolve(ids.idFromName(id) + ".sqlite");
            assertEquals(afterRestart.get(id) + 1, storedCount(db, mode(id)), id + " in " + db.getFileName());
        }
        System.out.println("DurableObjectDurabilityTest: " + traffic + "\n  stored after the restart: " + afterRestart);
    }

    private static String get(HttpClient http, RuntimeProcess p, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(p.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body() + "\n" + p.output());
        return r.body();
    }

    private static String post(HttpClient http, RuntimeProcess p, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(p.uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body() + "\n" + p.output());
        return r.body();
    }

    /** The counter as stored: a row of {@code counter}, or the V8-serialized small integer under key {@code n}. */
    private static long storedCount(Path db, String mode) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            if (mode.equals("sql")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT n FROM counter WHERE name = 'n'")) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT value FROM _cf_KV WHERE key = 'n'")) {
                if (!rs.next()) return 0;
                return v8SmallInt(rs.getBytes(1));
            }
        }
    }

    /** Decodes V8's serialization of a small integer: version header FF 0F, tag 'I', zigzag varint. */
    private static long v8SmallInt(byte[] b) {
        if (b.length < 4 || (b[0] & 0xff) != 0xff || b[2] != 'I') {
            throw new AssertionError("not a V8 small integer: " + HexFormat.of().formatHex(b));
        }
        long v = 0;
        int shift = 0;
        for (int i = 3; i < b.length; i++) {
            v |= (long) (b[i] & 0x7f) << shift;
            shift += 7;
            if ((b[i] & 0x80) == 0) break;
        }
        return (v >>> 1) ^ -(v & 1);
    }
}
