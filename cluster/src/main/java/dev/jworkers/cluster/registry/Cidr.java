package dev.jworkers.cluster.registry;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An IPv4 or IPv6 network such as "10.0.0.0/8" or "fd00::/8", and picking a local address in it. */
final class Cidr {
  private final String text;
  private final byte[] network;
  private final int prefix;

  private Cidr(String text, byte[] network, int prefix) {
    this.text = text;
    this.network = network;
    this.prefix = prefix;
  }

  static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR (address/prefix): " + text);
    }
    byte[] network;
    try {
      network = InetAddress.ofLiteral(text.substring(0, slash)).getAddress();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a CIDR (the address is not an IP literal): " + text);
    }
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR (bad prefix length): " + text);
    }
    if (prefix < 0 || prefix > network.length * 8) {
      throw new IllegalArgumentException("prefix length out of range in " + text);
    }
    return new Cidr(text, network, prefix);
  }

  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The first address inside this network of the up interfaces, in interface index order. */
  InetAddress pick() throws IOException {
    List<NetworkInterface> interfaces = new ArrayList<>(NetworkInterface.networkInterfaces().toList());
    interfaces.sort(Comparator.comparingInt(NetworkInterface::getIndex));
    List<String> seen = new ArrayList<>();
    for (NetworkInterface ni : interfaces) {
      if (!ni.isUp()) {
        continue;
      }
      for (InetAddress address : ni.inetAddresses().toList()) {
        if (contains(address)) {
          return address;
        }
        seen.add(address.getHostAddress());
      }
    }
    throw new IOException("no address of this machine is inside " + text + " (its addresses: " + String.join(", ", seen) + ")");
  }

  @Override
  public String toString() {
    return text;
  }
}
