package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.TestNode.Spec;
import dev.jworkers.runtime.actor.ActorIds;
import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.config.WorkerConfig.DurableObjectBinding;
import dev.jworkers.runtime.shard.Shard;

/**
 * Durable Object storage and consistency through real HTTP requests: read-modify-write without
 * interleaving, writes committed before the response leaves, coalescing into one transaction,
 * blockConcurrencyWhile, abort, eviction, bounded open databases, and data surviving a restart.
 * (The API's exact behaviour against workerd is in DurableObjectOracleTest; alarms in
 * DurableObjectAlarmTest.)
 */
class DurableObjectStorageTest {
    static final String WORKER = """
            import { DurableObject } from 'cloudflare:workers';
            let constructed = 0;
            export class Obj extends DurableObject {
              constructor(ctx, env) {
                super(ctx, env);
                constructed++;
                this.log = [];
              }
              async rmw() {
                const v = (await this.ctx.storage.get('n')) ?? 0;
                await this.ctx.storage.put('n', v + 1);
                return v + 1;
              }
              async burst(n) {
                for (let i = 0; i < n; i++) this.ctx.storage.put('k' + i, i);
                return n;
              }
              async unconfirmed(k, v) {
                await this.ctx.storage.put(k, v, { allowUnconfirmed: true });
                await this.ctx.storage.sync();
                return 'synced';
              }
              async list(opts) { return [...(await this.ctx.storage.list(opts)).keys()]; }
              async get(k) { return (await this.ctx.storage.get(k)) ?? null; }
              async put(k, v) { await this.ctx.storage.put(k, v); return 'ok'; }
              async block(ms) {
                this.log.push('block-start');
                await this.ctx.blockConcurrencyWhile(async () => {
                  await new Promise((r) => setTimeout(r, ms));
                  this.log.push('block-end');
                });
                return 'done';
              }
              async blockForever() {
                try { await this.ctx.blockConcurrencyWhile(() => new Promise(() => {})); } catch (e) { return e.message; }
              }
              async blockThrows() {
                try { await this.ctx.blockConcurrencyWhile(async () => { throw new Error('boom'); }); } catch (e) { return e.message; }
              }
              note(s) { this.log.push(s); return this.log.slice(); }
              constructed() { return constructed; }
              // A write SQLite accepts but whose commit fails (a deferred foreign key check).
              badCommit() {
                const sql = this.ctx.storage.sql;
                sql.exec('PRAGMA defer_foreign_keys = ON');
                sql.exec('CREATE TABLE IF NOT EXISTS p (id INTEGER PRIMARY KEY)');
                sql.exec('CREATE TABLE IF NOT EXISTS c (pid INTEGER REFERENCES p(id))');
                sql.exec('INSERT INTO c VALUES (42)');
                return 'written';
              }
              // The same failing write, then a call to another object: it must never be delivered.
              async badCommitThenCall(other) {
                this.badCommit();
                return await this.env.OBJ.getByName(other).note('called by ' + this.ctx.id.name);
              }
              async badCommitThenWait() {
                this.badCommit();
                await new Promise((r) => setTimeout(r, 50));
                return 'late answer';
              }
              tables() { return this.ctx.storage.sql.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").toArray().map((r) => r.name); }
              abort() { this.ctx.abort('stop'); }
              async fetch(req) { return new Response(String(await this.rmw())); }
            }
            export default {
              async fetch(req, env) {
                const url = new URL(req.url);
                const obj = env.OBJ.getByName(url.searchParams.get('id') ?? 'a');
                const arg = url.searchParams.get('arg');
                const op = url.pathname.slice(1);
                if (op === 'fetch') return obj.fetch('http://do/');
                try {
                  const r = await obj[op](...(arg === null ? [] : JSON.parse(arg)));
                  return Response.json(r ?? null);
                } catch (e) {
                  return new Response(`${e.constructor.name}: ${e.message}`, { status: 500 });
                }
              }
            };
            """;

    private Path storage;
    private TestNode node;

    @BeforeEach
    void setUp() throws Exception {
        storage = Files.createTempDirectory("jworkers-do");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (node != null) node.close();
        TestNode.deleteTree(storage);
    }

    private TestNode start(ActorSettings settings) throws Exception {
        node = TestNode.workers(2, 30_000, settings, List.of(),
                new Spec("w", WORKER, List.of(), 0, List.of(new DurableObjectBinding("OBJ", "Obj", null))));
        return node;
    }

    /** GET with the JSON after "arg=" URL-encoded. */
    private HttpResponse<String> get(String path) throws Exception {
        int at = path.indexOf("arg=");
        if (at >= 0) path = path.substring(0, at + 4) + java.net.URLEncoder.encode(path.substring(at + 4), java.nio.charset.StandardCharsets.UTF_8);
        return node.get(path);
    }

    private ActorSettings onDisk() { return ActorSettings.IN_MEMORY.withStorage(storage); }

    private Path fileOf(String name) {
        return storage.resolve("w-Obj").resolve(new ActorIds("w-Obj").idFromName(name) + ".sqlite");
    }

    private List<HttpResponse<String>> concurrently(int n, String path) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(node.client.sendAsync(java.net.http.HttpRequest.newBuilder(node.uri(path)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> out = new ArrayList<>();
        for (var f : all) out.add(f.get());
        return out;
    }

    @Test
    void concurrentReadModifyWritesDoNotInterleave() throws Exception {
        start(onDisk());
        for (var r : concurrently(5, "/rmw")) assertEquals(200, r.statusCode(), r.body());
        assertEquals("5", get("/get?arg=[\"n\"]").body());
        for (var r : concurrently(50, "/fetch")) assertEquals(200, r.statusCode(), r.body());
        assertEquals("55", get("/get?arg=[\"n\"]").body());
    }

    @Test
    void aWriteIsCommittedToTheFileBeforeTheResponseLeaves() throws Exception {
        start(onDisk());
        for (int i = 1; i <= 20; i++) {
            assertEquals("\"ok\"", get("/put?id=disk&arg=[\"x\"," + i + "]").body());
            // Another connection to the file sees the value as soon as the response is here.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fileOf("disk"));
                 ResultSet rs = c.createStatement().executeQuery("SELECT hex(value) FROM _cf_KV WHERE key = 'x'")) {
                assertTrue(rs.next());
                assertEquals(String.format("FF0F49%02X", i * 2), rs.getString(1), "V8 bytes of int " + i);
            }
        }
    }

    @Test
    void anUnconfirmedWriteIsDurableOnceSyncResolves() throws Exception {
        start(onDisk());
        assertEquals("\"synced\"", get("/unconfirmed?id=u&arg=[\"x\",7]").body());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + fileOf("u"));
             ResultSet rs = c.createStatement().executeQuery("SELECT hex(value) FROM _cf_KV WHERE key = 'x'")) {
            assertTrue(rs.next());
            assertEquals("FF0F490E", rs.getString(1));
        }
    }

    @Test
    void listBoundsCompareKeysAsSqliteOrdersThem() throws Exception {
        start(ActorSettings.IN_MEMORY);
        for (String k : new String[] {"\\uffff", "\\uffffa", "\\ud83d\\ude00"}) get("/put?id=l&arg=[\"" + k + "\",1]");
        // U+1F600 sorts after U+FFFF (UTF-8 bytes), although its first UTF-16 unit is smaller.
        assertEquals("[\"\uffff\",\"\uffffa\",\"\ud83d\ude00\"]", get("/list?id=l&arg=[{}]").body());
        assertEquals("[]", get("/list?id=l&arg=[{\"prefix\":\"\\uffff\",\"start\":\"\\ud83d\\ude00\"}]").body());
        assertEquals("[\"\uffff\",\"\uffffa\"]", get("/list?id=l&arg=[{\"prefix\":\"\\uffff\",\"end\":\"\\ud83d\\ude00\"}]").body());
    }

    @Test
    void writesWithoutAnAwaitBetweenThemCommitTogether() throws Exception {
        start(onDisk());
        get("/put?id=burst&arg=[\"warm\",1]");
        Shard owner = ownerOf("burst");
        long before = commitsOn(owner);
        assertEquals("100", get("/burst?id=burst&arg=[100]").body());
        assertEquals(1, commitsOn(owner) - before, "100 puts in one transaction");
        assertEquals("99", get("/get?id=burst&arg=[\"k99\"]").body());
    }

    private Shard ownerOf(String name) {
        return node.node.shards().shards().get(0).shardForActor("w", new ActorIds("w-Obj").idFromName(name));
    }

    private static long commitsOn(Shard s) throws Exception {
        return s.loop.submit(() -> s.commits().commits()).get();
    }

    @Test
    void blockConcurrencyWhileHoldsOtherEventsBack() throws Exception {
        start(ActorSettings.IN_MEMORY);
        var blocking = node.client.sendAsync(java.net.http.HttpRequest.newBuilder(node.uri("/block?id=b&arg=[300]")).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        // Arrives while the object is blocked: it runs only after the callback settled.
        String log = get("/note?id=b&arg=[\"during\"]").body();
        assertEquals("[\"block-start\",\"block-end\",\"during\"]", log);
        assertEquals("\"done\"", blocking.get().body());
    }

    @Test
    void aThrowingBlockConcurrencyWhileOrAbortResetsTheObject() throws Exception {
        start(ActorSettings.IN_MEMORY);
        get("/note?id=r&arg=[\"x\"]");
        long first = Long.parseLong(get("/constructed?id=r").body());
        assertEquals("\"boom\"", get("/blockThrows?id=r").body());
        assertEquals("[\"y\"]", get("/note?id=r&arg=[\"y\"]").body(), "a new instance after the reset");
        assertEquals(first + 1, Long.parseLong(get("/constructed?id=r").body()));
        var aborted = get("/abort?id=r");
        assertEquals(500, aborted.statusCode());
        assertEquals("Error: stop", aborted.body());
        assertEquals("[\"z\"]", get("/note?id=r&arg=[\"z\"]").body());
    }

    @Test
    void aFailedCommitFailsTheResponseAndResetsTheObject() throws Exception {
        start(onDisk());
        assertEquals("\"ok\"", get("/put?id=bad&arg=[\"before\",1]").body());
        long constructed = Long.parseLong(get("/constructed?id=bad").body());
        var r = get("/badCommit?id=bad");
        assertEquals(500, r.statusCode(), "the answer never claims the write: " + r.body());
        assertEquals("Error: Durable Object storage failed; the object was reset.", r.body());
        assertEquals("[\"_cf_KV\"]", get("/tables?id=bad").body(), "the failed transaction left nothing");
        assertEquals("1", get("/get?id=bad&arg=[\"before\"]").body(), "earlier writes are kept");
        assertEquals(constructed + 1, Long.parseLong(get("/constructed?id=bad").body()), "a new instance");
    }

    @Test
    void aBlockConcurrencyWhileOverItsLimitResetsTheObject() throws Exception {
        start(ActorSettings.IN_MEMORY.withBlockLimit(Duration.ofMillis(300)));
        get("/note?id=t&arg=[\"x\"]");
        long constructed = Long.parseLong(get("/constructed?id=t").body());
        assertEquals("\"A call to blockConcurrencyWhile() in a Durable Object waited for too long. The call was canceled and the "
                + "Durable Object was reset.\"", get("/blockForever?id=t").body());
        assertEquals("[\"y\"]", get("/note?id=t&arg=[\"y\"]").body(), "a new instance after the reset");
        assertEquals(constructed + 1, Long.parseLong(get("/constructed?id=t").body()));
    }

    @Test
    void anOutgoingCallWaitsForTheWritesBeforeIt() throws Exception {
        start(onDisk());
        var r = get("/badCommitThenCall?id=sender&arg=[\"receiver\"]");
        assertEquals(500, r.statusCode(), r.body());
        assertEquals("Error: Durable Object storage failed; the object was reset.", r.body());
        assertEquals("[\"checked\"]", get("/note?id=receiver&arg=[\"checked\"]").body(), "the call never reached the receiver");
        var late = get("/badCommitThenWait?id=late");
        assertEquals(500, late.statusCode(), "an answer made after the failure, by the broken instance: " + late.body());
    }

    @Test
    void idleObjectsAreEvictedAndComeBackFromStorage() throws Exception {
        start(onDisk().withIdleTimeout(Duration.ofMillis(200)));
        assertEquals("\"ok\"", get("/put?id=e&arg=[\"v\",\"kept\"]").body());
        long constructed = Long.parseLong(get("/constructed?id=e").body());
        assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> liveObjects() == 0), "evicted");
        assertEquals("\"kept\"", get("/get?id=e&arg=[\"v\"]").body());
        assertEquals(constructed + 1, Long.parseLong(get("/constructed?id=e").body()), "constructed again");
    }

    @Test
    void openDatabasesAreBounded() throws Exception {
        start(new ActorSettings(storage, Duration.ofSeconds(60), 2));
        for (int i = 0; i < 8; i++) assertEquals("\"ok\"", get("/put?id=o" + i + "&arg=[\"v\"," + i + "]").body());
        for (int i = 0; i < 8; i++) assertEquals(String.valueOf(i), get("/get?id=o" + i + "&arg=[\"v\"]").body());
        for (Shard s : node.node.shards().shards()) {
            int open = s.loop.submit(() -> s.worker("w").actors().openCount()).get();
            assertTrue(open <= 2, "open databases on shard " + s.index + ": " + open);
        }
    }

    @Test
    void aUniqueKeyFromTheRuntimeConfigNamesTheFolderAndDerivesTheIds() throws Exception {
        node = TestNode.workers(2, 30_000, onDisk(), List.of(),
                new Spec("w", WORKER, List.of(), 0, List.of(new DurableObjectBinding("OBJ", "Obj", null)), java.util.Map.of("Obj", "counters-v2")));
        assertEquals("\"ok\"", get("/put?id=k&arg=[\"v\",1]").body());
        assertTrue(Files.exists(storage.resolve("counters-v2").resolve(new ActorIds("counters-v2").idFromName("k") + ".sqlite")));
        assertTrue(Files.notExists(storage.resolve("w-Obj")));
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        start(onDisk());
        assertEquals("\"ok\"", get("/put?id=p&arg=[\"v\",{\"deep\":[1,2,3]}]").body());
        node.close();
        node = null;
        start(onDisk());
        assertEquals("{\"deep\":[1,2,3]}", get("/get?id=p&arg=[\"v\"]").body());
    }

    private int liveObjects() {
        int n = 0;
        for (Shard s : node.node.shards().shards()) {
            try {
                n += s.loop.submit(() -> s.worker("w").actors().liveCount()).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return n;
    }
}
