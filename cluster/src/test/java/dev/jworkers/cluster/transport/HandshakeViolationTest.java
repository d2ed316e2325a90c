package dev.jworkers.cluster.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.transport.HandshakeKeys.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Peers that are silent, speak another protocol, or talk out of turn. */
class HandshakeViolationTest extends TransportFixture {
  private static final Duration SHORT = Duration.ofMillis(300);
  /** Long enough that a test passing within WAIT did not pass by timing out. */
  private static final Duration LONG = Duration.ofSeconds(30);

  @TempDir Path dir;

  private ReadyRecorder serverReady;

  private NodeServer server(AddressKind kind, Duration timeout) throws Exception {
    serverReady = ReadyRecorder.echo();
    return closeLater(NodeServer.start(kind.listenAddress(dir), config(serverNode, secret, timeout), serverReady));
  }

  private String failureOfConnect(CompletableFuture<?> connected) {
    ExecutionException failed = assertThrows(ExecutionException.class, () -> connected.get(5, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof HandshakeException, String.valueOf(failed.getCause()));
    return failed.getCause().getMessage();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aSilentClientIsDisconnectedAfterTheTimeout(AddressKind kind) throws Exception {
    NodeServer server = server(kind, SHORT);
    try (RawPeer raw = RawPeer.connect(server.address())) {
      long start = System.nanoTime();
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
      assertTrue(System.nanoTime() - start >= SHORT.toNanos() - 50_000_000, "closed before the timeout");
    }
    log.await("no complete handshake within 300 ms", WAIT);
    assertEquals(0, serverReady.count());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aSilentServerFailsTheConnectAfterTheTimeout(AddressKind kind) throws Exception {
    RawListener listener = closeLater(RawListener.open(kind, dir));
    var accepted = listener.acceptLater();
    PeerConnections peers = closeLater(new PeerConnections(config(clientNode, secret, SHORT), ReadyRecorder.nothing()));
    long start = System.nanoTime();

    var connected = peers.connect(serverNode.id(), listener.address());
    try (RawPeer raw = RawListener.await(accepted, WAIT)) {
      raw.read(HandshakeKeys.HELLO_BYTES, WAIT);
      String message = failureOfConnect(connected);
      assertTrue(message.contains("no complete handshake within 300 ms"), message);
      assertTrue(System.nanoTime() - start >= SHORT.toNanos() - 50_000_000, "failed before the timeout");
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void garbageInsteadOfAHelloIsRejectedAtOnce(AddressKind kind) throws Exception {
    NodeServer server = server(kind, LONG);
    try (RawPeer raw = RawPeer.connect(server.address())) {
      raw.write("GET / HTTP/1.1\r\nHost: node\r\n\r\n".getBytes(US_ASCII));
      // Nothing of ours goes to a stranger, and it does not wait for the timeout.
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    log.await("sent no cluster hello (bad magic)", WAIT);
    assertEquals(0, serverReady.count());
  }

  @Test
  void aHelloOfAnotherVersionIsRejected() throws Exception {
    NodeServer server = server(AddressKind.UNIX, LONG);
    try (RawPeer raw = RawPeer.connect(server.address())) {
      byte[] hello = ForgedHandshake.hello(clientNode.publicKey());
      hello[HandshakeKeys.MAGIC.length] = 2;
      raw.write(hello);
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    log.await("speaks handshake version 2, this node speaks 1", WAIT);
  }

  @Test
  void aPublicKeyOfLowOrderIsRejected() throws Exception {
    NodeServer server = server(AddressKind.UNIX, LONG);
    try (RawPeer raw = RawPeer.connect(server.address())) {
      // u = 0 agrees on an all-zero secret with every key.
      raw.write(ForgedHandshake.hello(new byte[32]));
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    log.await("key agreement failed", WAIT);
  }

  @Test
  void aClientSendingMoreThanItsHelloBeforeTheReplyIsRejected() throws Exception {
    NodeServer server = server(AddressKind.UNIX, LONG);
    try (RawPeer raw = RawPeer.connect(server.address())) {
      // One write on a Unix socket arrives in one read: hello and a would-be proof together.
      raw.write(ForgedHandshake.hello(clientNode.publicKey()), new byte[HandshakeKeys.PROOF_BYTES]);
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    log.await("sent 32 bytes after its hello before our reply", WAIT);
    assertEquals(0, serverReady.count());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aServerAnsweringWithGarbageIsRejected(AddressKind kind) throws Exception {
    RawListener listener = closeLater(RawListener.open(kind, dir));
    var accepted = listener.acceptLater();
    PeerConnections peers = closeLater(new PeerConnections(config(clientNode, secret, LONG), ReadyRecorder.nothing()));

    var connected = peers.connect(serverNode.id(), listener.address());
    try (RawPeer raw = RawListener.await(accepted, WAIT)) {
      raw.read(HandshakeKeys.HELLO_BYTES, WAIT);
      raw.write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(US_ASCII));
      String message = failureOfConnect(connected);
      assertTrue(message.contains("bad magic"), message);
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
  }

  @Test
  void aServerSendingBytesBeforeTheClientsProofIsRejected() throws Exception {
    RawListener listener = closeLater(RawListener.open(AddressKind.UNIX, dir));
    var accepted = listener.acceptLater();
    ReadyRecorder clientReady = ReadyRecorder.nothing();
    PeerConnections peers = closeLater(new PeerConnections(config(clientNode, secret, LONG), clientReady));

    var connected = peers.connect(serverNode.id(), listener.address());
    try (RawPeer raw = RawListener.await(accepted, WAIT)) {
      byte[] clientHello = raw.read(HandshakeKeys.HELLO_BYTES, WAIT);
      byte[] hello = ForgedHandshake.hello(serverNode.publicKey());
      // A correct reply, but RPC bytes right behind it, before the client could have proved itself.
      raw.write(hello, ForgedHandshake.proof(Role.RESPONDER, serverNode, secret, clientHello, clientHello, hello),
          "too early".getBytes(US_ASCII));
      String message = failureOfConnect(connected);
      assertTrue(message.contains("sent 9 bytes after its proof before ours"), message);
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    assertEquals(0, clientReady.count());
  }

  @Test
  void aClientThatStopsHalfwayThroughItsHelloTimesOut() throws Exception {
    NodeServer server = server(AddressKind.UNIX, SHORT);
    try (RawPeer raw = RawPeer.connect(server.address())) {
      raw.write(Arrays.copyOf(ForgedHandshake.hello(clientNode.publicKey()), 40));
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    log.await("no complete handshake within 300 ms", WAIT);
  }
}
