package dev.jworkers.cluster.node;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Where a node listens: its Unix socket (one machine) or a TCP address (across machines). The
 * registry publishes it; the transport listens on and connects to it.
 */
public sealed interface PeerAddress {
  record Unix(Path socket) implements PeerAddress {
    public Unix {
      java.util.Objects.requireNonNull(socket, "socket");
    }
  }

  record Tcp(InetSocketAddress address) implements PeerAddress {
    /** Port 0 asks the transport's server for any free port. */
    public Tcp {
      java.util.Objects.requireNonNull(address, "address");
      if (address.isUnresolved()) {
        throw new IllegalArgumentException("a peer address needs an IP, not a host name: " + address);
      }
    }

    /** "host:port", an IPv6 host in brackets; the scope of a link-local address is dropped. */
    public String text() {
      byte[] raw = address.getAddress().getAddress();
      String host;
      try {
        host = InetAddress.getByAddress(raw).getHostAddress();
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e); // cannot happen for 4 or 16 bytes
      }
      return (raw.length == 16 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Parses {@link #text()}; the host must be an IP literal (no name lookups). */
    public static Tcp parse(String text) {
      String s = text.strip();
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw new IllegalArgumentException("not host:port: " + text);
      }
      String host = s.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      } else if (host.contains(":")) {
        throw new IllegalArgumentException("an IPv6 host needs brackets: " + text);
      }
      int port;
      try {
        port = Integer.parseInt(s.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad port in " + text);
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("bad port in " + text);
      }
      return new Tcp(new InetSocketAddress(InetAddress.ofLiteral(host), port));
    }
  }
}
