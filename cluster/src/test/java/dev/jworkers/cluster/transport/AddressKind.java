package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/** The two transports, so one test can run over both. */
enum AddressKind {
  UNIX, TCP;

  /** Somewhere to listen: a socket file in {@code dir}, or any free loopback port. */
  PeerAddress listenAddress(Path dir) {
    return switch (this) {
      case UNIX -> new PeerAddress.Unix(dir.resolve("node.sock"));
      case TCP -> new PeerAddress.Tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    };
  }
}
