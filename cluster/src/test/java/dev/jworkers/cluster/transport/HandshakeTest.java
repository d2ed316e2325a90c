package dev.jworkers.cluster.transport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.transport.HandshakeKeys.Role;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who gets through the handshake, and who does not. */
class HandshakeTest extends TransportFixture {
  private static final int REPLY_BYTES = HandshakeKeys.HELLO_BYTES + HandshakeKeys.PROOF_BYTES;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void nodesSharingTheSecretShakeHandsAndThenExchangeBytes(AddressKind kind) throws Exception {
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(kind.listenAddress(dir), serverConfig(), serverReady));
    ByteCollector echoed = new ByteCollector();
    byte[] first = "written in onReady, right behind the proof".getBytes(UTF_8);
    ReadyRecorder clientReady = new ReadyRecorder(ch -> {
      ch.pipeline().addLast(echoed);
      ch.writeAndFlush(Unpooled.wrappedBuffer(first));
    });
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), clientReady));

    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    assertEquals(serverNode.id(), clientReady.next(WAIT).peerNodeId());
    ReadyRecorder.Ready atServer = serverReady.next(WAIT);
    assertEquals(clientNode.id(), atServer.peerNodeId());
    assertArrayEquals(first, echoed.await(first.length, WAIT));
    byte[] second = " and a later write".getBytes(UTF_8);
    channel.writeAndFlush(Unpooled.wrappedBuffer(second));
    assertEquals(new String(first, UTF_8) + new String(second, UTF_8),
        new String(echoed.await(first.length + second.length, WAIT), UTF_8));
    assertNull(channel.pipeline().get(HandshakeHandler.class));
    assertNull(atServer.channel().pipeline().get(HandshakeHandler.class));
    assertEquals(List.of(), log.warnings());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aClientWithAnotherClusterSecretIsTurnedAway(AddressKind kind) throws Exception {
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(kind.listenAddress(dir), serverConfig(), serverReady));
    ReadyRecorder clientReady = ReadyRecorder.nothing();
    PeerConnections peers = closeLater(new PeerConnections(config(clientNode, randomSecret(), WAIT), clientReady));

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS));

    assertInstanceOf(HandshakeException.class, failed.getCause());
    assertTrue(failed.getCause().getMessage().contains("wrong proof"), failed.getCause().getMessage());
    // The server sees the client hang up before a proof: it closes too, and says so.
    log.await("from node " + HandshakeHandler.shortId(clientNode.id()), WAIT);
    assertEquals(0, serverReady.count());
    assertEquals(0, clientReady.count());
  }

  @Test
  void aHandWrittenClientWithTheRightSecretIsLetIn() throws Exception {
    // The control for the forged-client tests below: the hand-written client itself is correct.
    NodeServer server = closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), ReadyRecorder.echo()));
    try (RawPeer raw = RawPeer.connect(server.address())) {
      byte[] hello = ForgedHandshake.hello(clientNode.publicKey());
      raw.write(hello);
      byte[] serverHello = Arrays.copyOf(raw.read(REPLY_BYTES, WAIT), HandshakeKeys.HELLO_BYTES);
      raw.write(ForgedHandshake.proof(Role.INITIATOR, clientNode, secret, serverHello, hello, serverHello),
          "ping".getBytes(UTF_8));
      assertEquals("ping", new String(raw.read(4, WAIT), UTF_8));
    }
  }

  @Test
  void aProofWithAnotherSecretLetsNoApplicationBytesThrough() throws Exception {
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), serverReady));
    try (RawPeer raw = RawPeer.connect(server.address())) {
      byte[] hello = ForgedHandshake.hello(clientNode.publicKey());
      raw.write(hello);
      byte[] serverHello = Arrays.copyOf(raw.read(REPLY_BYTES, WAIT), HandshakeKeys.HELLO_BYTES);
      raw.write(ForgedHandshake.proof(Role.INITIATOR, clientNode, randomSecret(), serverHello, hello, serverHello),
          "ping".getBytes(UTF_8));

      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    assertTrue(log.await("wrong proof", WAIT).getMessage().contains("from node " + HandshakeHandler.shortId(clientNode.id())));
    assertEquals(0, serverReady.count());
  }

  @Test
  void aClientClaimingAnotherNodesKeyIsTurnedAway() throws Exception {
    NodeIdentity victim = NodeIdentity.generate();
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), serverReady));
    try (RawPeer raw = RawPeer.connect(server.address())) {
      // Knows the secret and the victim's public key, but holds only its own private key.
      byte[] hello = ForgedHandshake.hello(victim.publicKey());
      raw.write(hello);
      byte[] serverHello = Arrays.copyOf(raw.read(REPLY_BYTES, WAIT), HandshakeKeys.HELLO_BYTES);
      raw.write(ForgedHandshake.proof(Role.INITIATOR, clientNode, secret, serverHello, hello, serverHello),
          "ping".getBytes(UTF_8));

      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    String line = log.await("wrong proof", WAIT).getMessage();
    assertTrue(line.contains("no private key for node " + HandshakeHandler.shortId(victim.id())), line);
    assertEquals(0, serverReady.count());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aServerClaimingAnotherNodesKeyIsTurnedAway(AddressKind kind) throws Exception {
    NodeIdentity victim = NodeIdentity.generate();
    RawListener listener = closeLater(RawListener.open(kind, dir));
    var accepted = listener.acceptLater();
    ReadyRecorder clientReady = ReadyRecorder.nothing();
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), clientReady));

    var connected = peers.connect(victim.id(), listener.address());
    try (RawPeer raw = RawListener.await(accepted, WAIT)) {
      byte[] clientHello = raw.read(HandshakeKeys.HELLO_BYTES, WAIT);
      byte[] hello = ForgedHandshake.hello(victim.publicKey());
      raw.write(hello, ForgedHandshake.proof(Role.RESPONDER, serverNode, secret, clientHello, clientHello, hello));

      // The client hangs up without sending its own proof.
      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    ExecutionException failed = assertThrows(ExecutionException.class, () -> connected.get(5, TimeUnit.SECONDS));
    assertTrue(failed.getCause().getMessage().contains("wrong proof"), failed.getCause().getMessage());
    assertEquals(0, clientReady.count());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aClientExpectingOneNodeRefusesToTalkToAnother(AddressKind kind) throws Exception {
    NodeIdentity expected = NodeIdentity.generate();
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(kind.listenAddress(dir), serverConfig(), serverReady));
    ReadyRecorder clientReady = ReadyRecorder.nothing();
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), clientReady));

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> peers.connect(expected.id(), server.address()).get(5, TimeUnit.SECONDS));

    String message = failed.getCause().getMessage();
    assertTrue(message.contains("expected node " + HandshakeHandler.shortId(expected.id())
        + " but it is node " + HandshakeHandler.shortId(serverNode.id())), message);
    log.await("from node " + HandshakeHandler.shortId(clientNode.id()), WAIT);
    assertEquals(0, serverReady.count());
    assertEquals(0, clientReady.count());
  }

  @Test
  void aHandWrittenServerWithTheRightKeyAndSecretIsAccepted() throws Exception {
    // The control for the forged-server tests: the same raw server, telling the truth.
    RawListener listener = closeLater(RawListener.open(AddressKind.UNIX, dir));
    var accepted = listener.acceptLater();
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing()));

    var connected = peers.connect(serverNode.id(), listener.address());
    try (RawPeer raw = RawListener.await(accepted, WAIT)) {
      byte[] clientHello = raw.read(HandshakeKeys.HELLO_BYTES, WAIT);
      byte[] hello = ForgedHandshake.hello(serverNode.publicKey());
      raw.write(hello, ForgedHandshake.proof(Role.RESPONDER, serverNode, secret, clientHello, clientHello, hello));

      byte[] clientProof = raw.read(HandshakeKeys.PROOF_BYTES, WAIT);
      assertArrayEquals(
          ForgedHandshake.proof(Role.INITIATOR, serverNode, secret, clientHello, clientHello, hello), clientProof);
      assertTrue(connected.get(5, TimeUnit.SECONDS).isActive());
    }
  }

  @Test
  void aClientReflectingTheServersProofIsTurnedAway() throws Exception {
    NodeIdentity victim = NodeIdentity.generate();
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), serverReady));
    try (RawPeer raw = RawPeer.connect(server.address())) {
      // Holds neither the victim's key nor the secret: sends the server's own proof back.
      raw.write(ForgedHandshake.hello(victim.publicKey()));
      byte[] reply = raw.read(REPLY_BYTES, WAIT);
      raw.write(Arrays.copyOfRange(reply, HandshakeKeys.HELLO_BYTES, REPLY_BYTES), "ping".getBytes(UTF_8));

      assertArrayEquals(new byte[0], raw.readUntilClosed(WAIT));
    }
    log.await("wrong proof", WAIT);
    assertEquals(0, serverReady.count());
  }
}
