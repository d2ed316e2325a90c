package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * samples/workers/crdt-lww: writes through different nodes at once, then every node holds the
 * same version of every key (the last writer's, by timestamp then writer name, for concurrent
 * versions), and growing the cluster loses no key.
 */
class CrdtLwwSampleTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void concurrentWritesThroughDifferentNodesConvergeAndGrowingKeepsEveryKey() throws Exception {
    try (TestNode node = TestNode.samples("crdt-lww")) {
      HttpClient client = HttpClient.newHttpClient();
      int keys = 12;
      List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        for (int n = 0; n < 3; n++) {
          HttpRequest put = HttpRequest.newBuilder(node.uri("/kv/key-" + k + "?via=node-" + n))
              .PUT(HttpRequest.BodyPublishers.ofString("k" + k + "-from-node-" + n)).build();
          writes.add(client.sendAsync(put, HttpResponse.BodyHandlers.ofString()));
        }
      }
      List<JsonNode> versions = new ArrayList<>();
      for (var w : writes) {
        HttpResponse<String> r = w.get();
        assertEquals(200, r.statusCode(), r.body());
        versions.add(JSON.readTree(r.body()));
      }
      awaitConverged(node, keys);
      JsonNode state = JSON.readTree(node.get("/nodes/node-0").body());
      for (int k = 0; k < keys; k++) {
        String key = "key-" + k;
        List<JsonNode> written = versions.stream().filter(v -> v.get("value").asText().startsWith(key.replace("key-", "k") + "-")).toList();
        JsonNode kept = state.get(key);
        assertEquals(winner(written).get("value").asText(), kept.get("value").asText(), key + ": " + kept + " of " + written);
        for (int n = 0; n < 3; n++) {
          assertTrue(kept.get("vv").get("node-" + n).asInt() >= 1, key + " vector has every writer: " + kept);
        }
      }

      assertEquals("{\"count\":5}", send(node, "POST", "/grow?to=5"));
      awaitConverged(node, keys);
      for (int k = 0; k < keys; k++) {
        HttpResponse<String> r = node.get("/kv/key-" + k);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(state.get("key-" + k).get("value").asText(), JSON.readTree(r.body()).get("value").asText());
      }
      JsonNode newNode = JSON.readTree(node.get("/nodes/node-4").body());
      assertEquals(keys, newNode.size());
    }
  }

  /** The register's rule: of the versions no other has seen, the greatest (ts, writer). */
  static JsonNode winner(List<JsonNode> versions) {
    return versions.stream().filter(v -> versions.stream().noneMatch(o -> o != v && dominates(o.get("vv"), v.get("vv"))))
        .max(Comparator.comparingLong((JsonNode v) -> v.get("ts").asLong()).thenComparing(v -> v.get("writer").asText()))
        .orElseThrow();
  }

  static boolean dominates(JsonNode a, JsonNode b) {
    boolean ahead = false;
    for (var it = b.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (a.path(n).asInt(0) < b.get(n).asInt()) return false;
    }
    for (var it = a.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (a.get(n).asInt() > b.path(n).asInt(0)) ahead = true;
    }
    return ahead;
  }

  private static void awaitConverged(TestNode node, int keys) throws Exception {
    String last = "";
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      last = node.get("/converged").body();
      if (last.equals("{\"converged\":true,\"keys\":" + keys + "}")) return;
      Thread.sleep(100);
    }
    throw new AssertionError("not converged: " + last);
  }

  private static String send(TestNode node, String method, String path) throws Exception {
    return node.send(HttpRequest.newBuilder(node.uri(path)).method(method, HttpRequest.BodyPublishers.noBody())).body();
  }
}
