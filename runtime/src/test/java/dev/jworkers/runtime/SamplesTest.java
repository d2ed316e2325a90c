package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The samples in samples/workers answer what their READMEs say (crdt-lww: CrdtLwwSampleTest). */
class SamplesTest {
  static HttpResponse<String> call(TestNode node, String method, String path, String body) throws Exception {
    return node.send(HttpRequest.newBuilder(node.uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  @Test
  void hello() throws Exception {
    try (TestNode node = TestNode.samples("hello")) {
      assertEquals("Hello World!", node.get("/").body());
    }
  }

  @Test
  void counter() throws Exception {
    try (TestNode node = TestNode.samples("counter")) {
      assertEquals("{\"name\":\"apples\",\"value\":1}", call(node, "POST", "/apples", null).body());
      assertEquals("{\"name\":\"apples\",\"value\":6}", call(node, "POST", "/apples?by=5", null).body());
      assertEquals("{\"name\":\"apples\",\"value\":6}", node.get("/apples").body());
      assertEquals("{\"name\":\"pears\",\"value\":0}", node.get("/pears").body());
      assertEquals("{\"name\":\"apples\",\"value\":0}", call(node, "DELETE", "/apples", null).body());
      HttpResponse<String> patch = call(node, "PATCH", "/apples", null);
      assertEquals(405, patch.statusCode());
      assertEquals("GET, POST, DELETE", patch.headers().firstValue("allow").orElse(""));
      assertEquals(400, call(node, "POST", "/apples?by=x", null).statusCode());
    }
  }

  @Test
  void storageKv() throws Exception {
    try (TestNode node = TestNode.samples("storage-kv")) {
      assertEquals(204, call(node, "PUT", "/fruit/apple", "red").statusCode());
      call(node, "PUT", "/fruit/banana", "yellow");
      call(node, "PUT", "/fruit/lime", "green");
      assertEquals("red", node.get("/fruit/apple").body());
      assertEquals("{\"banana\":\"yellow\",\"lime\":\"green\"}", node.get("/fruit?start=b").body());
      assertEquals("{\"lime\":\"green\"}", node.get("/fruit?reverse=true&limit=1").body());
      assertEquals("{\"apple\":\"red\"}", node.get("/fruit?prefix=ap").body());
      assertEquals("{\"apple\":\"red\",\"banana\":\"yellow\"}", node.get("/fruit?end=c").body());
      assertEquals("{\"deleted\":true}", call(node, "DELETE", "/fruit/apple", null).body());
      assertEquals(404, node.get("/fruit/apple").statusCode());
      HttpResponse<String> tooLong = call(node, "PUT", "/fruit/" + "k".repeat(3000), "x");
      assertEquals(400, tooLong.statusCode());
      assertTrue(tooLong.body().startsWith("RangeError: Keys cannot be larger than 2048 bytes."), tooLong.body());
    }
  }

  @Test
  void alarms() throws Exception {
    try (TestNode node = TestNode.samples("alarms")) {
      String set = call(node, "POST", "/tea?in=1&text=tea+is+ready", null).body();
      assertTrue(set.startsWith("{\"text\":\"tea is ready\",\"due\":") && set.endsWith(",\"pending\":true,\"fired\":[]}"), set);
      assertTrue(TestNode.eventually(Duration.ofSeconds(10), () -> body(node, "/tea").contains("\"fired\":[{\"text\":\"tea is ready\"")),
          body(node, "/tea"));
      String after = body(node, "/tea");
      assertTrue(after.startsWith("{\"text\":null,\"due\":null,\"pending\":false,\"fired\":[{\"text\":\"tea is ready\",\"at\":"), after);
      assertTrue(after.endsWith(",\"retry\":0}]}"), after);
      call(node, "POST", "/later?in=60&text=never", null);
      assertEquals("{\"text\":null,\"due\":null,\"pending\":false,\"fired\":[]}", call(node, "DELETE", "/later", null).body());
    }
  }

  @Test
  void rpcBetweenTwoWorkers() throws Exception {
    try (TestNode node = TestNode.samples("rpc/front", "rpc/greeter")) {
      assertEquals("Hello, Ada! (from the greeter Worker)", node.get("/greet?name=Ada").body());
      assertEquals("{\"total\":6}", node.get("/tally").body());
      assertEquals("{\"name\":\"RangeError\",\"message\":\"the greeter refuses\",\"isRangeError\":true}", node.get("/fail").body());
      assertEquals("greeter saw GET /anything\n", node.get("/anything").body());
    }
  }

  private static String body(TestNode node, String path) {
    try {
      return node.get(path).body();
    } catch (Exception e) {
      return e.toString();
    }
  }
}
