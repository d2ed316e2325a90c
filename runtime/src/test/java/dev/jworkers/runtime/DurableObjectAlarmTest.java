package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.TestNode.Spec;
import dev.jworkers.runtime.actor.ActorIds;
import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.config.WorkerConfig.DurableObjectBinding;

/**
 * Alarms: the handler runs at the set time with workerd's view of the alarm, is retried with
 * {@code retryCount}/{@code isRetry} when it throws, can set the next alarm, and an alarm set
 * before a restart fires after it (kept in metadata.sqlite and the object's _cf_METADATA).
 */
class DurableObjectAlarmTest {
    static final String WORKER = """
            import { DurableObject } from 'cloudflare:workers';
            export class Obj extends DurableObject {
              async alarm(info) {
                const runs = (await this.ctx.storage.get('runs')) ?? [];
                runs.push({ retryCount: info.retryCount, isRetry: info.isRetry, alarmDuring: await this.ctx.storage.getAlarm() });
                await this.ctx.storage.put('runs', runs);
                const mode = await this.ctx.storage.get('mode');
                if (mode === 'fail-once' && runs.length === 1) throw new Error('first run fails');
                if (mode === 'repeat' && runs.length < 3) await this.ctx.storage.setAlarm(Date.now() + 50);
              }
              async arm(mode, ms) {
                await this.ctx.storage.put('mode', mode);
                await this.ctx.storage.setAlarm(Date.now() + ms);
                return await this.ctx.storage.getAlarm() !== null;
              }
              async runs() { return { runs: (await this.ctx.storage.get('runs')) ?? [], alarm: await this.ctx.storage.getAlarm() }; }
            }
            export default {
              async fetch(req, env) {
                const url = new URL(req.url);
                const obj = env.OBJ.getByName(url.searchParams.get('id'));
                if (url.pathname === '/arm') return Response.json(await obj.arm(url.searchParams.get('mode'), Number(url.searchParams.get('ms'))));
                return Response.json(await obj.runs());
              }
            };
            """;

    private Path storage;
    private TestNode node;

    @BeforeEach
    void setUp() throws Exception {
        storage = Files.createTempDirectory("jworkers-alarms");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (node != null) node.close();
        TestNode.deleteTree(storage);
    }

    private void start() throws Exception {
        node = TestNode.workers(2, 30_000, ActorSettings.IN_MEMORY.withStorage(storage), List.of(),
                new Spec("w", WORKER, List.of(), 0, List.of(new DurableObjectBinding("OBJ", "Obj", null))));
    }

    private String runs(String id) throws Exception {
        return node.get("/runs?id=" + id).body();
    }

    @Test
    void theHandlerRunsOnceAtTheSetTimeAndTheAlarmIsThenCleared() throws Exception {
        start();
        assertEquals("true", node.get("/arm?id=a&mode=once&ms=200").body());
        assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> body("a").contains("retryCount")), body("a"));
        Thread.sleep(300);
        assertEquals("{\"runs\":[{\"retryCount\":0,\"isRetry\":false,\"alarmDuring\":null}],\"alarm\":null}", runs("a"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve("w-Obj/metadata.sqlite"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM _cf_ALARM")) {
            assertEquals(0, rs.getInt(1), "no alarm left in the index");
        }
    }

    @Test
    void aThrowingHandlerIsRetriedWithItsRetryCount() throws Exception {
        start();
        node.get("/arm?id=f&mode=fail-once&ms=10");
        // workerd's backoff: the first retry comes 2 s after the failure.
        assertTrue(TestNode.eventually(Duration.ofSeconds(8), () -> body("f").contains("\"retryCount\":1")), body("f"));
        assertEquals("{\"runs\":[{\"retryCount\":0,\"isRetry\":false,\"alarmDuring\":null},"
                + "{\"retryCount\":1,\"isRetry\":true,\"alarmDuring\":null}],\"alarm\":null}", runs("f"));
    }

    @Test
    void aHandlerCanSetTheNextAlarm() throws Exception {
        start();
        node.get("/arm?id=r&mode=repeat&ms=10");
        assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> body("r").split("retryCount").length == 4), body("r"));
        Thread.sleep(200);
        assertTrue(runs("r").endsWith("\"alarm\":null}"), "no fourth alarm: " + runs("r"));
    }

    @Test
    void anAlarmSetBeforeARestartFiresAfterIt() throws Exception {
        start();
        assertEquals("true", node.get("/arm?id=s&mode=once&ms=1500").body());
        node.close();
        node = null;
        // Stored as workerd stores it: nanoseconds, in the object's _cf_METADATA and the namespace index.
        String id = new ActorIds("w-Obj").idFromName("s");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storage.resolve("w-Obj/" + id + ".sqlite"));
             ResultSet rs = c.createStatement().executeQuery("SELECT value FROM _cf_METADATA WHERE key = 1")) {
            assertTrue(rs.next());
            assertTrue(rs.getLong(1) > System.currentTimeMillis() * 1_000_000L, "a future time in ns");
        }
        start();
        assertTrue(TestNode.eventually(Duration.ofSeconds(6), () -> body("s").contains("retryCount")), body("s"));
    }

    private String body(String id) {
        try {
            return runs(id);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
