package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@code import ... from 'cloudflare:workers'}: its exports, and waitUntil keeping the request alive. */
class CloudflareWorkersModuleTest {
    @Test
    void exportsAndWaitUntil() throws Exception {
        String src = """
                import { DurableObject, WorkerEntrypoint, RpcTarget, RpcStub, env, waitUntil } from 'cloudflare:workers';
                import * as all from 'cloudflare:workers';
                class Obj extends DurableObject {}
                export default {
                  async fetch(req, handlerEnv) {
                    if (new URL(req.url).pathname === '/later') {
                      waitUntil(new Promise((resolve) => setTimeout(() => { console.log('waitUntil work done'); resolve(); }, 300)));
                      return new Response('answered first');
                    }
                    const o = new Obj('the ctx', 'the env');
                    return Response.json({
                      names: Object.keys(all).sort(),
                      types: [DurableObject, WorkerEntrypoint, RpcTarget, RpcStub, waitUntil].map((f) => typeof f),
                      sameEnv: env === handlerEnv,
                      durableObject: [o.ctx, o.env],
                    });
                  },
                };
                """;
        try (TestNode n = TestNode.module(src, 1)) {
            var r = n.get("/");
            assertEquals("{\"names\":[\"DurableObject\",\"RpcStub\",\"RpcTarget\",\"WorkerEntrypoint\",\"env\",\"waitUntil\"],"
                    + "\"types\":[\"function\",\"function\",\"function\",\"function\",\"function\"],\"sameEnv\":true,"
                    + "\"durableObject\":[\"the ctx\",\"the env\"]}", r.body());

            var later = n.get("/later");
            assertEquals("answered first", later.body());
            assertEquals(1, n.node.inFlight(), "the request stays in flight while its waitUntil work runs");
            assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> n.node.inFlight() == 0));
            assertTrue(TestNode.output().contains("waitUntil work done"));
        }
    }
}
