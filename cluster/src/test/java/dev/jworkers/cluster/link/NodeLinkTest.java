package dev.jworkers.cluster.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.api.CallResult;
import dev.jworkers.cluster.api.ClusterCalls;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.EchoNode;
import dev.jworkers.cluster.rpc.RpcException;
import dev.jworkers.cluster.transport.HandshakeConfig;
import dev.jworkers.cluster.transport.HandshakeException;
import dev.jworkers.cluster.node.PeerAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes calling each other's Node through the handshake and the connection cache. */
class NodeLinkTest {
  static final byte[] SECRET = "a cluster secret of some length".getBytes(StandardCharsets.UTF_8);
  static final String ID = "cd".repeat(32);
  @TempDir Path dir;
  final List<AutoCloseable> open = new ArrayList<>();
  final List<Process> children = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Process p : children) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  NodeLink link(NodeIdentity me, byte[] secret, PeerAddress listen) throws Exception {
    NodeLink link = NodeLink.start(listen, HandshakeConfig.of(me, secret), Client.local(new EchoNode()), Duration.ofMinutes(1));
    open.add(link);
    return link;
  }

  static String call(Client node, String method) throws Exception {
    Client actor = ClusterCalls.getActor(node, "ns", ID, "n").pipeline(0);
    return new String(ClusterCalls.call(actor, method, new byte[0]).get(10, TimeUnit.SECONDS).value(), StandardCharsets.UTF_8);
  }

  @Test
  void nodesCallEachOtherOverUnixSocketsAndTcp() throws Exception {
    NodeIdentity a = NodeIdentity.generate(), b = NodeIdentity.generate();
    NodeLink la = link(a, SECRET, new PeerAddress.Unix(dir.resolve("a.sock")));
    NodeLink lb = link(b, SECRET, new PeerAddress.Tcp(new InetSocketAddress("127.0.0.1", 0)));
    assertEquals("hi:", call(la.node(b.id(), lb.address()).get(10, TimeUnit.SECONDS), "hi"));
    assertEquals("yo:", call(lb.node(a.id(), la.address()).get(10, TimeUnit.SECONDS), "yo"));
    // One cached connection: the same Node capability comes back.
    assertTrue(la.node(b.id(), lb.address()).get() == la.node(b.id(), lb.address()).get());
  }

  @Test
  void aPeerWithAnotherSecretGetsNoRpc() throws Exception {
    NodeIdentity a = NodeIdentity.generate(), b = NodeIdentity.generate();
    NodeLink la = link(a, SECRET, new PeerAddress.Unix(dir.resolve("a.sock")));
    NodeLink lb = link(b, "another secret, same length!!!!".getBytes(StandardCharsets.UTF_8), new PeerAddress.Unix(dir.resolve("b.sock")));
    ExecutionException e = assertThrows(ExecutionException.class, () -> la.node(b.id(), lb.address()).get(10, TimeUnit.SECONDS));
    assertInstanceOf(HandshakeException.class, e.getCause());
  }

  @Test
  void aNodeAnsweringForAnotherNodesIdIsRefused() throws Exception {
    // The registry says node C listens here, but node B does (it cannot prove C's key).
    NodeIdentity a = NodeIdentity.generate(), b = NodeIdentity.generate(), c = NodeIdentity.generate();
    NodeLink la = link(a, SECRET, new PeerAddress.Unix(dir.resolve("a.sock")));
    NodeLink lb = link(b, SECRET, new PeerAddress.Unix(dir.resolve("b.sock")));
    ExecutionException e = assertThrows(ExecutionException.class, () -> la.node(c.id(), lb.address()).get(10, TimeUnit.SECONDS));
    assertInstanceOf(HandshakeException.class, e.getCause());
  }

  @Test
  void aPeerKilledMidCallFailsTheCallAndARestartedPeerIsReachedAgain() throws Exception {
    Path key = dir.resolve("child.key"), socket = dir.resolve("child.sock");
    String childId = startChild(key, socket);
    NodeLink la = link(NodeIdentity.generate(), SECRET, new PeerAddress.Unix(dir.resolve("a.sock")));
    PeerAddress childAddress = new PeerAddress.Unix(socket);
    Client node = la.node(childId, childAddress).get(10, TimeUnit.SECONDS);
    assertEquals("before:", call(node, "before"));
    Client actor = ClusterCalls.getActor(node, "ns", ID, "n").pipeline(0);
    CompletableFuture<CallResult> hanging = ClusterCalls.call(actor, "hang", new byte[0]);
    Thread.sleep(200);
    children.removeFirst().destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL
    ExecutionException e = assertThrows(ExecutionException.class, () -> hanging.get(10, TimeUnit.SECONDS));
    assertEquals(RpcException.Type.DISCONNECTED, assertInstanceOf(RpcException.class, e.getCause()).type());

    assertEquals(childId, startChild(key, socket));
    Client again = la.node(childId, childAddress).get(10, TimeUnit.SECONDS);
    assertEquals("after:", call(again, "after"));
  }

  private String startChild(Path key, Path socket) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), NodeLinkChild.class.getName(),
        key.toString(), HexFormat.of().formatHex(SECRET), socket.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    children.add(p);
    String line = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
    if (line == null || !line.startsWith("listening ")) {
      throw new AssertionError("child node did not start: " + line);
    }
    return line.substring("listening ".length());
  }
}
