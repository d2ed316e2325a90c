package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jworkers.runtime.TestNode.Spec;
import dev.jworkers.runtime.config.WorkerConfig.DurableObjectBinding;

/**
 * Durable Object namespaces, ids and stubs (in memory: storage is the next slice): one live
 * instance per id in the process whichever shard the request arrives on, fetch and RPC through
 * stubs, calls from one stub in order, and workerd's id behaviour and messages.
 */
class DurableObjectStubTest {
    private static final String OBJECTS = """
            import { DurableObject } from 'cloudflare:workers';
            export class Counter extends DurableObject {
              n = 0;
              inc(by = 1) { return this.n += by; }
              whoami() { return [this.ctx.id.toString(), this.ctx.id.name ?? null, Object.prototype.toString.call(this.ctx)]; }
              async fetch(req) { return new Response(`counter ${this.ctx.id.name} at ${++this.n}`); }
            }
            export default {
              async fetch(req, env) {
                const url = new URL(req.url);
                const name = url.searchParams.get('name') ?? 'a';
                const stub = env.COUNTER.get(env.COUNTER.idFromName(name));
                if (url.pathname === '/inc') return new Response(String(await stub.inc()));
                if (url.pathname === '/fetch') return stub.fetch('http://do/');
                if (url.pathname === '/order') {
                  const c = env.COUNTER.getByName('ordered');
                  return Response.json(await Promise.all(Array.from({ length: 100 }, () => c.inc())));
                }
                const ns = env.COUNTER;
                const id = ns.idFromName('X');
                const msg = (f) => { try { f(); return 'no error'; } catch (e) { return `${e.constructor.name}: ${e.message}`; } };
                const unique = ns.newUniqueId();
                return Response.json({
                  id: id.toString(), name: id.name, json: JSON.stringify(id), keys: Object.keys(id),
                  tags: [Object.prototype.toString.call(id), Object.prototype.toString.call(ns)],
                  equal: id.equals(ns.idFromName('X')), fromString: ns.idFromString(id.toString().toUpperCase()).equals(id),
                  fromStringName: ns.idFromString(id.toString()).name ?? null,
                  uniqueName: unique.name ?? null, uniqueValid: ns.idFromString(unique.toString()).equals(unique),
                  short: msg(() => ns.idFromString('abc')), badMac: msg(() => ns.idFromString('0'.repeat(64))),
                  notAnId: msg(() => ns.get('X')),
                  whoami: await ns.get(id).whoami(),
                  stubId: ns.get(id).id.toString() === id.toString(), stubName: ns.get(id).name,
                  jurisdiction: ns.jurisdiction('eu').idFromName('X').equals(id),
                });
              },
            };
            """;

    private static final String FRONT = """
            export default {
              async fetch(req, env) {
                return new Response(String(await env.REMOTE.getByName('a').inc(10)));
              },
            };
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneInstancePerIdAcrossShardsWithFetchRpcAndOrder() throws Exception {
        var binding = List.of(new DurableObjectBinding("COUNTER", "Counter", null));
        try (TestNode n = TestNode.workers(2, new Spec("objects", OBJECTS, List.of(), 0, binding));
             HttpClient c1 = HttpClient.newHttpClient(); HttpClient c2 = HttpClient.newHttpClient()) {
            // Two clients, two connections: one per shard. Each increment reaches the same object.
            for (int i = 1; i <= 6; i++) {
                HttpClient c = i % 2 == 0 ? c1 : c2;
                assertEquals(String.valueOf(i), get(c, n, "/inc?name=a"));
            }
            assertTrue(n.node.shards().crossShardCalls() > 0, "requests on the other shard crossed to the owner");
            assertEquals("1", get(c1, n, "/inc?name=b"), "another name is another object");
            assertEquals("counter a at 7", get(c2, n, "/fetch?name=a"), "stub.fetch reaches the same instance");

            JsonNode order = JSON.readTree(get(c1, n, "/order"));
            for (int i = 0; i < 100; i++) assertEquals(i + 1, order.get(i).asInt(), "calls from one stub arrive in order");

            JsonNode r = JSON.readTree(get(c2, n, "/"));
            assertEquals(new dev.jworkers.runtime.actor.ActorIds("objects-Counter").idFromName("X"), r.get("id").asText());
            assertEquals("X", r.get("name").asText());
            assertEquals("{\"name\":\"X\"}", r.get("json").asText());
            assertEquals("[\"jurisdiction\",\"name\"]", r.get("keys").toString());
            assertEquals("[\"[object DurableObjectId]\",\"[object DurableObjectNamespace]\"]", r.get("tags").toString());
            assertTrue(r.get("equal").asBoolean() && r.get("fromString").asBoolean() && r.get("uniqueValid").asBoolean());
            assertTrue(r.get("fromStringName").isNull() && r.get("uniqueName").isNull());
            assertEquals("TypeError: Invalid Durable Object ID: must be 64 hex digits", r.get("short").asText());
            assertEquals("TypeError: Durable Object ID is not valid for this namespace.", r.get("badMac").asText());
            assertTrue(r.get("notAnId").asText().startsWith("TypeError: "), r.get("notAnId").asText());
            assertEquals("[\"" + r.get("id").asText() + "\",\"X\",\"[object DurableObjectState]\"]", r.get("whoami").toString());
            assertTrue(r.get("stubId").asBoolean());
            assertEquals("X", r.get("stubName").asText());
            assertTrue(r.get("jurisdiction").asBoolean());
        }
    }

    @Test
    void anotherWorkerReachesTheObjectThroughScriptName() throws Exception {
        try (TestNode n = TestNode.workers(2,
                new Spec("front", FRONT, List.of(), 0, List.of(new DurableObjectBinding("REMOTE", "Counter", "objects"))),
                new Spec("objects", OBJECTS, List.of(), 0, List.of(new DurableObjectBinding("COUNTER", "Counter", null))))) {
            assertEquals("10", n.get("/").body());
            assertEquals("20", n.get("/").body());
        }
    }

    private static String get(HttpClient c, TestNode n, String path) throws Exception {
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(n.uri(path)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body() + "\n" + TestNode.output());
        return r.body();
    }
}
