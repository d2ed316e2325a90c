package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.testing.Listener;
import dev.jworkers.cluster.testing.Stdin;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Child process: a node that announces itself in a registry (args: shared dir, registry name,
 * "unix" or "cidr"), prints "ready <node id>", and on "exit" (or end of stdin) closes cleanly
 * and prints "closed".
 */
public final class RegistryNodeMain {
  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args[0]);
    NodeIdentity me = NodeIdentity.generate();
    Registry registry;
    Listener listener;
    if (args[2].equals("unix")) {
      UnixRegistry unix = Registry.unix(shared, args[1], me);
      listener = Listener.unix(unix.prepareEntry());
      unix.announce();
      registry = unix;
    } else {
      CidrRegistry cidr = Registry.cidr(shared, args[1], me, RegistryOptions.defaults());
      listener = Listener.tcp(Registry.pickAddress("127.0.0.0/8"));
      cidr.announce((InetSocketAddress) listener.address());
      registry = cidr;
    }
    Stdin.print("ready " + me.id());
    for (String line; (line = Stdin.next()) != null && !line.equals("exit"); ) {
      // wait
    }
    registry.close();
    listener.close();
    Stdin.print("closed");
  }
}
