package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

import java.io.IOException;
import java.util.Optional;

/** What ownership needs from the registry: is a node alive, and where does it listen. */
public interface Liveness {
  /** True when the node's registry entry shows a live process (this node included). */
  boolean isAlive(String nodeId) throws IOException;

  /** The node's address while it is alive; empty when it is dead (one check answers both). */
  Optional<PeerAddress> address(String nodeId) throws IOException;
}
