package dev.jworkers.cluster.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * Stands in for a node's transport: a server socket (Unix or TCP) whose thread accepts and
 * closes connections. Closing it leaves a Unix socket file behind, as a killed process does.
 */
public final class Listener implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Thread acceptor;

  private Listener(ServerSocketChannel server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "test-listener");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static Listener unix(Path socket) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return new Listener(server);
  }

  /** An ephemeral TCP port on {@code address}. */
  public static Listener tcp(java.net.InetAddress address) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress(address, 0));
    return new Listener(server);
  }

  public SocketAddress address() throws IOException {
    return server.getLocalAddress();
  }

  private void acceptLoop() {
    try {
      while (true) {
        try (SocketChannel ignored = server.accept()) {
          // registry probes only connect
        }
      }
    } catch (IOException e) {
      // closed
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    server.close();
    acceptor.join(5000);
  }
}
