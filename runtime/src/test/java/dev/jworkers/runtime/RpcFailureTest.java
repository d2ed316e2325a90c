package dev.jworkers.runtime;

import static dev.jworkers.runtime.TestNode.binding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.jworkers.runtime.TestNode.Spec;

/** A callee that runs away or is missing fails the call, never the caller. */
class RpcFailureTest {
    private static final String BACK = """
            import { WorkerEntrypoint } from 'cloudflare:workers';
            export default class extends WorkerEntrypoint {
              spin() { for (;;) {} }
              fetch(req) { for (;;) {} }
              ok() { return 'still serving'; }
            }
            """;
    private static final String FRONT = """
            const msg = (p) => p.then(() => 'no error', (e) => `${e.constructor.name}: ${e.message}`);
            export default {
              async fetch(req, env) {
                return Response.json({
                  spin: await msg(env.BACK.spin()),
                  fetch: await msg(env.BACK.fetch('http://back/')),
                  after: await env.BACK.ok(),
                });
              },
            };
            """;

    @Test
    void aRunawayCalleeRejectsTheCallAndKeepsServing() throws Exception {
        try (TestNode n = TestNode.workers(1, 300, new Spec("front", FRONT, List.of(binding("BACK", "back"))), new Spec("back", BACK))) {
            var r = n.get("/");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"spin\":\"Error: Worker exceeded CPU time limit.\",\"fetch\":\"Error: Worker exceeded CPU time limit.\","
                    + "\"after\":\"still serving\"}", r.body());
            assertTrue(TestNode.output().contains("exceeded the CPU time limit of 300 ms"), TestNode.output());
        }
    }
}
