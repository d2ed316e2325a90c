package dev.jworkers.cluster.transport;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/** Where a node listens: a Unix socket file on this machine, or a TCP address. */
public sealed interface PeerAddress {

  /** A Unix domain socket at {@code socket}. */
  record Unix(Path socket) implements PeerAddress {
    public Unix {
      Objects.requireNonNull(socket, "socket");
    }
  }

  /** A TCP address; port 0 asks {@link NodeServer} for any free port. */
  record Tcp(InetSocketAddress address) implements PeerAddress {
    public Tcp {
      Objects.requireNonNull(address, "address");
    }
  }
}
