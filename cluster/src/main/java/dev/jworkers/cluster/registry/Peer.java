package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

/** A registered node that answered as alive. */
public record Peer(String nodeId, PeerAddress address) {}
