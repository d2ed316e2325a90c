package dev.jworkers.cluster.ownership;

import dev.jworkers.cluster.node.PeerAddress;
import dev.jworkers.cluster.registry.RegistryOptions;
import dev.jworkers.cluster.testing.Stdin;
import dev.jworkers.cluster.testing.UnixNode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process: a node (args: shared dir, liveness TTL ms, deadline ms) that prints
 * "ready <node id>" and then answers stdin commands with one line each:
 * "acquire ns id" -> "owned ns id" | "routed <owner id> <socket>" | "timeout ..." | "invalid ...";
 * "release ns id" -> "released" | "not-held"; "exit" -> releases everything, "closed".
 */
public final class OwnershipNodeMain {
  public static void main(String[] args) throws Exception {
    RegistryOptions registryOptions = RegistryOptions.defaults()
        .withLivenessTtl(Duration.ofMillis(Long.parseLong(args[1]))).withRescanInterval(Duration.ZERO);
    OwnershipOptions ownershipOptions = OwnershipOptions.defaults().withDeadline(Duration.ofMillis(Long.parseLong(args[2])));
    try (UnixNode node = new UnixNode(Path.of(args[0]), registryOptions, ownershipOptions)) {
      Stdin.print("ready " + node.id());
      for (String line; (line = Stdin.next()) != null && !line.equals("exit"); ) {
        String[] words = line.split(" ");
        Stdin.print(switch (words[0]) {
          case "acquire" -> acquire(node.ownership, words[1], words[2]);
          case "release" -> node.ownership.held(words[1], words[2]).map(lock -> {
            try {
              lock.release();
              return "released";
            } catch (java.io.IOException e) {
              return "error " + e.getMessage();
            }
          }).orElse("not-held");
          default -> "unknown command " + line;
        });
      }
    }
    Stdin.print("closed");
  }

  private static String acquire(ObjectOwnership ownership, String namespace, String id) throws Exception {
    try {
      return switch (ownership.acquireOrRoute(namespace, id)) {
        case Ownership.Owned owned -> "owned " + owned.lock().namespace() + " " + owned.lock().id();
        case Ownership.Routed(String owner, PeerAddress.Unix(Path socket)) -> "routed " + owner + " " + socket;
        case Ownership.Routed routed -> "routed " + routed.ownerNodeId() + " " + routed.address();
      };
    } catch (OwnershipTimeoutException e) {
      return "timeout " + e.getMessage();
    } catch (IllegalArgumentException e) {
      return "invalid " + e.getMessage();
    }
  }
}
