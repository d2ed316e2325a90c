package dev.jworkers.cluster.registry;

/** A registered node that answered as alive. */
public record Peer(String nodeId, PeerAddress address) {}
