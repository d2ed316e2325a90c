package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalIoHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-peer connection cache. */
class PeerConnectionsTest extends TransportFixture {
  @TempDir Path dir;

  /** Starts {@code count} calls at the same moment and returns their futures. */
  private List<CompletableFuture<Channel>> concurrently(int count, Supplier<CompletableFuture<Channel>> call)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<java.util.concurrent.Future<CompletableFuture<Channel>>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        started.add(threads.submit(() -> {
          go.await();
          return call.get();
        }));
      }
      go.countDown();
      List<CompletableFuture<Channel>> futures = new ArrayList<>();
      for (var f : started) {
        futures.add(f.get(5, TimeUnit.SECONDS));
      }
      return futures;
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void concurrentCallersShareOneConnection() throws Exception {
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), serverReady));
    ReadyRecorder clientReady = ReadyRecorder.nothing();
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), clientReady));

    List<CompletableFuture<Channel>> futures = concurrently(16, () -> peers.connect(serverNode.id(), server.address()));

    Channel first = futures.get(0).get(5, TimeUnit.SECONDS);
    for (CompletableFuture<Channel> f : futures) {
      assertSame(first, f.get(5, TimeUnit.SECONDS));
    }
    assertSame(first, peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS));
    serverReady.next(WAIT);
    Thread.sleep(100);
    assertEquals(1, serverReady.count());
    assertEquals(1, clientReady.count());
  }

  @Test
  void aConnectionClosedByTheServerIsReplacedOnTheNextCall() throws Exception {
    ReadyRecorder serverReady = ReadyRecorder.echo();
    NodeServer server = closeLater(NodeServer.start(AddressKind.TCP.listenAddress(dir), serverConfig(), serverReady));
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing()));
    Channel first = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    Channel atServer = serverReady.next(WAIT).channel();
    atServer.close();
    assertTrue(first.closeFuture().await(5, TimeUnit.SECONDS));
    Channel second = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    assertNotSame(first, second);
    assertTrue(second.isActive());
    assertNotSame(atServer, serverReady.next(WAIT).channel());
    assertEquals(2, serverReady.count());
  }

  @Test
  void everyWaiterFailsWhenThePeerIsDownAndTheNextCallTriesAgain() throws Exception {
    PeerAddress nobody = AddressKind.UNIX.listenAddress(dir);
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing()));

    List<CompletableFuture<Channel>> futures = concurrently(8, () -> peers.connect(serverNode.id(), nobody));

    for (CompletableFuture<Channel> f : futures) {
      ExecutionException failed = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(IOException.class, failed.getCause());
      assertTrue(failed.getCause().getMessage().contains("cannot connect to node"), failed.getCause().getMessage());
    }
    NodeServer server = closeLater(NodeServer.start(nobody, serverConfig(), ReadyRecorder.echo()));
    assertTrue(peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS).isActive());
  }

  @Test
  void concurrentCallersShareOneFailedAttempt() throws Exception {
    RawListener listener = closeLater(RawListener.open(AddressKind.UNIX, dir));
    var accepted = listener.acceptLater();
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing()));

    List<CompletableFuture<Channel>> futures = concurrently(8, () -> peers.connect(serverNode.id(), listener.address()));
    RawListener.await(accepted, WAIT).close();

    for (CompletableFuture<Channel> f : futures) {
      ExecutionException failed = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertInstanceOf(HandshakeException.class, failed.getCause());
    }
    var another = listener.acceptLater();
    assertThrows(TimeoutException.class, () -> another.get(200, TimeUnit.MILLISECONDS), "only one attempt was made");
    peers.connect(serverNode.id(), listener.address());
    RawListener.await(another, WAIT).close();
  }

  @Test
  void closeClosesEveryConnectionAndRefusesNewOnes() throws Exception {
    NodeServer server = closeLater(NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), ReadyRecorder.echo()));
    PeerConnections peers = new PeerConnections(clientConfig(), ReadyRecorder.nothing());
    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    peers.close();

    assertFalse(channel.isOpen());
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, failed.getCause());
  }

  @Test
  void aSharedEventLoopGroupOutlivesTheConnectionsAndServersOnIt() throws Exception {
    IoEventLoopGroup group = Transports.newGroup(2);
    closeLater(() -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
    NodeServer server = closeLater(
        NodeServer.start(AddressKind.UNIX.listenAddress(dir), serverConfig(), ReadyRecorder.echo(), group));
    PeerConnections peers = new PeerConnections(clientConfig(), ReadyRecorder.nothing(), Duration.ZERO, group);
    Channel channel = peers.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);

    peers.close();

    assertFalse(channel.isOpen(), "close() closed the connection itself");
    assertFalse(group.isShuttingDown());
    PeerConnections again = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing(), Duration.ZERO, group));
    Channel another = again.connect(serverNode.id(), server.address()).get(5, TimeUnit.SECONDS);
    assertTrue(another.isActive());

    server.close();

    assertTrue(another.closeFuture().await(5, TimeUnit.SECONDS), "the server closed its side");
    assertFalse(group.isShuttingDown());
  }

  @Test
  void aGroupThatIsNotNioIsRefused() {
    IoEventLoopGroup local = new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    try {
      assertThrows(IllegalArgumentException.class,
          () -> new PeerConnections(clientConfig(), ReadyRecorder.nothing(), Duration.ZERO, local));
    } finally {
      local.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }
  }

  @Test
  void somethingThatIsNotANodeIdIsRefused() {
    PeerConnections peers = closeLater(new PeerConnections(clientConfig(), ReadyRecorder.nothing()));
    assertThrows(IllegalArgumentException.class,
        () -> peers.connect("node-b", AddressKind.UNIX.listenAddress(dir)));
  }
}
