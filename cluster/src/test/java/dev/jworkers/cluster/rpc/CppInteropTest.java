package dev.jworkers.cluster.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.api.HttpHead;
import dev.jworkers.cluster.rpc.interop.CppPeer;
import dev.jworkers.cluster.rpc.interop.CppServer;
import dev.jworkers.cluster.rpc.interop.InteropScenario;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our RPC against the reference C++ implementation (capnp's EzRpc, built from
 * cluster/src/test/cpp/interop.c++): its client calls our server, our client calls its server,
 * with promise pipelining, capabilities passed both ways and streamed bodies. Plain framing, no
 * handshake. Skipped only when the C++ toolchain cannot be installed.
 */
class CppInteropTest {
  @TempDir Path dir;
  CppPeer peer;
  final RpcTestNet net = new RpcTestNet();

  @BeforeEach
  void build() {
    peer = CppPeer.build();
  }

  @AfterEach
  void stop() {
    net.close();
  }

  @Test
  void theCppClientPassesAgainstOurServerOverAUnixSocket() throws Exception {
    Path socket = dir.resolve("java.sock");
    net.listen(socket, () -> Client.local(new EchoNode()));
    InteropScenario.assertClientPassed(peer.client("unix:" + socket));
  }

  @Test
  void theCppClientPassesAgainstOurServerOverTcp() throws Exception {
    InetSocketAddress address = (InetSocketAddress) net.listen(null, () -> Client.local(new EchoNode()));
    InteropScenario.assertClientPassed(peer.client("127.0.0.1:" + address.getPort()));
  }

  @Test
  void ourClientPassesAgainstTheCppServerOverAUnixSocket() throws Exception {
    try (CppServer server = peer.serveUnix(dir)) {
      runScenarios(connect(server.socketPath().orElseThrow(), -1));
    }
  }

  @Test
  void ourClientPassesAgainstTheCppServerOverTcp() throws Exception {
    try (CppServer server = peer.serveTcp()) {
      runScenarios(connect(null, server.port()));
    }
  }

  private RpcConnection connect(Path socket, int port) throws Exception {
    return socket != null ? net.connectTo(java.net.UnixDomainSocketAddress.of(socket), true)
        : net.connectTo(new InetSocketAddress("127.0.0.1", port), false);
  }

  /** The C++ client's scenarios, from Java, with the same expectations. */
  private static void runScenarios(RpcConnection connection) throws Exception {
    Client node = connection.bootstrap();
    String ns = InteropScenario.NAMESPACE, id = InteropScenario.ID, name = InteropScenario.NAME;
    Pending got = ClusterCalls.getActor(node, ns, id, name);
    assertEquals("greet:hello", text(ClusterCalls.call(got.pipeline(0), "greet", utf8("hello")).get(10, TimeUnit.SECONDS).value()));
    Response response = got.response().get(10, TimeUnit.SECONDS);
    Client actor = response.cap(0);
    response.close();
    assertEquals(ns + "/" + id + "/" + name, text(ClusterCalls.call(actor, "whoami", new byte[0]).get(10, TimeUnit.SECONDS).value()));
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> ClusterCalls.call(actor, "throw", new byte[0]).get(10, TimeUnit.SECONDS));
    RpcException e = assertInstanceOf(RpcException.class, thrown.getCause());
    assertTrue(e.getMessage().contains(InteropScenario.THROWN), e.getMessage());

    // Everything pipelined: getActor -> fetch -> requestBody.write, with our Responder passed in.
    CollectingResponder responder = new CollectingResponder();
    Pending fetch = ClusterCalls.fetch(ClusterCalls.getActor(node, ns, id, name).pipeline(0),
        new HttpHead.Request("POST", "https://example.com/path", List.of(new HttpHead.Header("foo", "bar"))), Client.local(responder));
    Client body = fetch.pipeline(0);
    ClusterCalls.write(body, utf8("hello "));
    ClusterCalls.write(body, utf8("streaming "));
    ClusterCalls.write(body, utf8("world"));
    ClusterCalls.end(body).get(10, TimeUnit.SECONDS);
    HttpHead.Response head = responder.head.get(10, TimeUnit.SECONDS);
    assertEquals(200, head.status());
    assertEquals("OK", head.statusText());
    assertEquals(List.of(new HttpHead.Header("x-method", "POST"), new HttpHead.Header("x-url", "https://example.com/path"),
        new HttpHead.Header("x-echo-foo", "bar")), head.headers());
    assertEquals("hello streaming world", responder.bodyText());
    assertEquals(2, responder.writes);

    CollectingResponder empty = new CollectingResponder();
    Pending get = ClusterCalls.fetch(actor, new HttpHead.Request("GET", "https://example.com/empty", List.of()), Client.local(empty));
    ClusterCalls.end(get.pipeline(0)).get(10, TimeUnit.SECONDS);
    assertEquals(200, empty.head.get(10, TimeUnit.SECONDS).status());
    assertEquals("", empty.bodyText());
    assertEquals(0, empty.writes);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
