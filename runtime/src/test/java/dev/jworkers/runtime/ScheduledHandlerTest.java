package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.runtime.cron.CronTriggers;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduled event: fired through wrangler's test endpoint (/__scheduled?cron=...) and by the
 * cron triggers themselves (with a clock set just before a matching minute).
 */
class ScheduledHandlerTest {
  static final String RECORDING = """
      const runs = [];
      export default {
        async fetch(request) {
          return Response.json(runs);
        },
        async scheduled(controller, env, ctx) {
          ctx.waitUntil(Promise.resolve());
          runs.push({ cron: controller.cron, time: controller.scheduledTime, type: typeof controller.noRetry,
                      tag: Object.prototype.toString.call(controller) });
        },
      };
      """;

  @Test
  void theTestEndpointRunsTheScheduledHandlerWithTheGivenCron() throws Exception {
    try (TestNode node = TestNode.scheduled(RECORDING)) {
      HttpResponse<String> r = node.get("/__scheduled?cron=*/5+*+*+*+*&time=1700000000000");
      assertEquals(200, r.statusCode());
      assertEquals("Ran scheduled event", r.body());
      assertEquals("[{\"cron\":\"*/5 * * * *\",\"time\":1700000000000,\"type\":\"function\",\"tag\":\"[object ScheduledController]\"}]",
          node.get("/").body());
      assertEquals(200, node.get("/cdn-cgi/handler/scheduled").statusCode());
      assertTrue(node.get("/").body().contains("{\"cron\":\"\""), "no cron given: empty string");
    }
  }

  @Test
  void withoutTheFlagTheEndpointIsAnOrdinaryRequest() throws Exception {
    try (TestNode node = TestNode.module(RECORDING, 1)) {
      assertEquals("[]", node.get("/__scheduled?cron=*+*+*+*+*").body());
    }
  }

  @Test
  void aHandlerThatThrowsAnswers500AndNoHandlerIsAnError() throws Exception {
    try (TestNode node = TestNode.scheduled("""
        export default {
          fetch() { return new Response('ok'); },
          async scheduled() { throw new Error('cron broke'); },
        };
        """)) {
      HttpResponse<String> r = node.get("/__scheduled");
      assertEquals(500, r.statusCode());
    }
    try (TestNode node = TestNode.scheduled("export default { fetch() { return new Response('ok'); } };")) {
      HttpResponse<String> r = node.get("/__scheduled");
      assertEquals(500, r.statusCode());
      assertTrue(TestNode.output().contains("Handler does not export a scheduled() function."), TestNode.output());
    }
  }

  @Test
  void entrypointClassesAndServiceWorkerListenersGetTheEventToo() throws Exception {
    try (TestNode node = TestNode.scheduled("""
        import { WorkerEntrypoint } from 'cloudflare:workers';
        let seen = 'none';
        export default class extends WorkerEntrypoint {
          fetch() { return new Response(seen); }
          scheduled(controller) { seen = 'class ' + controller.cron + ' ' + (this.env !== undefined); }
        }
        """)) {
      assertEquals(200, node.get("/__scheduled?cron=0+0+*+*+*").statusCode());
      assertEquals("class 0 0 * * * true", node.get("/").body());
    }
    try (TestNode node = TestNode.scheduled("""
        let seen = 'none';
        addEventListener('fetch', (e) => e.respondWith(new Response(seen)));
        addEventListener('scheduled', (e) => {
          e.waitUntil(Promise.resolve());
          seen = 'listener ' + e.cron + ' ' + (e instanceof ScheduledEvent) + ' ' + e.scheduledTime;
        });
        """)) {
      assertEquals(200, node.get("/__scheduled?cron=1+2+3+4+5&time=42").statusCode());
      assertEquals("listener 1 2 3 4 5 true 42", node.get("/").body());
    }
  }

  @Test
  void cronTriggersFireAtTheMatchingMinute() throws Exception {
    try (TestNode node = TestNode.scheduled(RECORDING)) {
      // A clock 1.5 s before 12:00 UTC: "0 12 * * *" fires about 1.5 s from now, with 12:00 as its time.
      Instant noon = Instant.parse("2026-11-21T12:00:00Z");
      Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon.minusMillis(1500)));
      CronTriggers.start(node.node.shards(), List.of(configWithCrons(node, "0 12 * * *", "30 12 * * *")), clock);
      assertTrue(TestNode.eventually(Duration.ofSeconds(10), () -> body(node).contains("\"cron\":\"0 12 * * *\"")), body(node));
      assertEquals("[{\"cron\":\"0 12 * * *\",\"time\":" + noon.toEpochMilli() + ",\"type\":\"function\",\"tag\":\"[object ScheduledController]\"}]",
          body(node));
    }
  }

  private static dev.jworkers.runtime.config.WorkerConfig configWithCrons(TestNode node, String... crons) throws Exception {
    java.nio.file.Path dir = node.dir;
    return new dev.jworkers.runtime.config.WorkerConfig("test", dir.toRealPath(), dir.resolve("worker.js").toRealPath(), null,
        java.util.Map.of(), 30_000).withCrons(List.of(crons));
  }

  private static String body(TestNode node) {
    try {
      return node.get("/").body();
    } catch (Exception e) {
      return e.toString();
    }
  }
}
