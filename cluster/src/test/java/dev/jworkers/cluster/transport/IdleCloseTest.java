package dev.jworkers.cluster.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Peer connections close when idle, unless the RPC layer still needs them. */
class IdleCloseTest extends TransportFixture {
  private static final Duration IDLE = Duration.ofMillis(200);

  @TempDir Path dir;

  private ReadyRecorder serverReady;

  private NodeServer server() throws Exception {
    serverReady = ReadyRecorder.echo();
    return closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), serverReady));
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    NodeServer server = server();
    // The idle clock starts just before onReady, which notes the time.
    AtomicLong readyAt = new AtomicLong();
    ReadyRecorder clientReady = new ReadyRecorder(ch -> readyAt.set(System.nanoTime()));
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), clientReady, IDLE));
    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);
    Channel atServer = serverReady.next(WAIT).channel();

    assertTrue(channel.closeFuture().await(5, TimeUnit.SECONDS), "closed when idle");
    long idleFor = System.nanoTime() - readyAt.get();
    assertTrue(idleFor >= IDLE.toNanos() - 10_000_000, "closed after " + idleFor / 1_000_000 + " ms");
    assertTrue(atServer.closeFuture().await(5, TimeUnit.SECONDS), "the server side sees the close");
  }

  @Test
  void trafficKeepsAConnectionOpen() throws Exception {
    NodeServer server = server();
    // A longer idle time than the others: a loaded machine may oversleep between writes.
    Duration idle = Duration.ofMillis(600);
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing(), idle));
    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    for (int i = 0; i < 30; i++) {
      channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {1}));
      Thread.sleep(50);
    }

    assertTrue(channel.isActive(), "open after 1500 ms of traffic");
    assertTrue(channel.closeFuture().await(5, TimeUnit.SECONDS), "closed once the traffic stops");
  }

  @Test
  void theRpcLayerCanVetoTheIdleClose() throws Exception {
    NodeServer server = server();
    AtomicBoolean mayClose = new AtomicBoolean(false);
    ReadyRecorder clientReady = new ReadyRecorder(
        ch -> ch.attr(PeerConnections.MAY_CLOSE_WHEN_IDLE).set(mayClose::get));
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), clientReady, IDLE));
    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    assertFalse(channel.closeFuture().await(4 * IDLE.toMillis()), "kept open while vetoed");
    mayClose.set(true);

    assertTrue(channel.closeFuture().await(5, TimeUnit.SECONDS), "closed at the next idle check");
  }

  @Test
  void aZeroIdleTimeoutNeverClosesIdleConnections() throws Exception {
    NodeServer server = server();
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing(), Duration.ZERO));
    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    assertFalse(channel.closeFuture().await(3 * IDLE.toMillis()));
  }
}
