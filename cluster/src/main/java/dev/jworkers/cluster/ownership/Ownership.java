package dev.jworkers.cluster.ownership;

import dev.jworkers.cluster.node.PeerAddress;

/** The answer of {@link ObjectOwnership#acquireOrRoute}: this node owns the object, or who does. */
public sealed interface Ownership {
  record Owned(OwnedLock lock) implements Ownership {}

  record Routed(String ownerNodeId, PeerAddress address) implements Ownership {}
}
