package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Listening: socket files, bound ports, probes and shutdown. */
class NodeServerTest extends TransportFixture {
  @TempDir Path dir;

  private Channel connectThrough(NodeServer server) throws Exception {
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing()));
    return peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void aProbeThatConnectsAndClosesIsNotLoggedAsAnError(AddressKind kind) throws Exception {
    NodeServer server = closeLater(NodeServer.start(kind.listenAddress(dir), serverConfig(), ReadyRecorder.echo()));

    RawPeer.connect(server.address()).close();

    assertEquals(Level.FINE, log.await("the connection closed during the handshake", WAIT).getLevel());
    assertEquals(List.of(), log.warnings());
    assertTrue(connectThrough(server).isActive(), "the server still serves real peers");
  }

  @Test
  void tcpPortZeroListensOnAFreePortAndReportsIt() throws Exception {
    NodeServer server = closeLater(NodeServer.start(AddressKind.TCP.listenAddress(dir), serverConfig(), ReadyRecorder.echo()));

    InetSocketAddress bound = ((PeerAddress.Tcp) server.address()).address();
    assertNotEquals(0, bound.getPort());
    assertTrue(connectThrough(server).isActive());
  }

  @Test
  void aStaleSocketFileIsReplaced() throws Exception {
    Path socket = dir.resolve("node.sock");
    // A listener that went away without removing its file, as a killed node leaves it.
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket));
    }
    assertTrue(Files.exists(socket));

    NodeServer server = closeLater(NodeServer.start(new PeerAddress.Unix(socket), serverConfig(), ReadyRecorder.echo()));

    assertTrue(connectThrough(server).isActive());
  }

  @Test
  void aSocketThatSomeoneListensOnIsNotTakenOver() throws Exception {
    RawListener other = closeLater(RawListener.open(AddressKind.UNIX, dir));
    var accepted = other.acceptLater();

    assertThrows(BindException.class,
        () -> NodeServer.start(other.address(), serverConfig(), ReadyRecorder.echo()).close());

    // The liveness probe reached the other listener, whose socket file is still in place.
    RawListener.await(accepted, WAIT).close();
    try (RawPeer stillThere = RawPeer.connect(other.address())) {
      assertTrue(stillThere.staysOpenAndSilent(java.time.Duration.ofMillis(50)));
    }
  }

  @Test
  void aPathThatIsNotASocketIsLeftAlone() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "keep me");

    IOException refused = assertThrows(IOException.class,
        () -> NodeServer.start(new PeerAddress.Unix(file), serverConfig(), ReadyRecorder.echo()).close());

    assertTrue(refused.getMessage().contains("not a socket"), refused.getMessage());
    assertEquals("keep me", Files.readString(file, UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(AddressKind.class)
  void closeStopsListeningAndClosesConnections(AddressKind kind) throws Exception {
    NodeServer server = NodeServer.start(kind.listenAddress(dir), serverConfig(), ReadyRecorder.echo());
    Channel channel = connectThrough(server);

    server.close();

    assertTrue(channel.closeFuture().await(5, TimeUnit.SECONDS), "the peer's channel was closed");
    // Refused on TCP; on Unix the socket file is gone ("No such file or directory").
    assertThrows(SocketException.class, () -> RawPeer.connect(server.address()).close());
    if (server.address() instanceof PeerAddress.Unix unix) {
      assertFalse(Files.exists(unix.socket()), "socket file removed");
    }
  }
}
