package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A plain listening socket standing in for a misbehaving node server. */
final class RawListener implements AutoCloseable {
  private final ServerSocketChannel server;
  private final PeerAddress address;

  private RawListener(ServerSocketChannel server, PeerAddress address) {
    this.server = server;
    this.address = address;
  }

  static RawListener open(AddressKind kind, Path dir) throws IOException {
    if (kind == AddressKind.UNIX) {
      Path socket = dir.resolve("raw.sock");
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      return new RawListener(server, new PeerAddress.Unix(socket));
    }
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return new RawListener(server, new PeerAddress.Tcp((InetSocketAddress) server.getLocalAddress()));
  }

  PeerAddress address() {
    return address;
  }

  /** The next connection, accepted on another thread so the test can connect meanwhile. */
  CompletableFuture<RawPeer> acceptLater() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        SocketChannel accepted = server.accept();
        return new RawPeer(accepted);
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    });
  }

  static RawPeer await(CompletableFuture<RawPeer> accepted, Duration timeout) throws Exception {
    return accepted.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
