package dev.jworkers.cluster.link;

import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.RpcConnection;
import dev.jworkers.cluster.rpc.RpcHandler;
import dev.jworkers.cluster.transport.HandshakeConfig;
import dev.jworkers.cluster.transport.NodeServer;
import dev.jworkers.cluster.node.PeerAddress;
import dev.jworkers.cluster.transport.PeerConnections;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A node's RPC endpoint: serves its bootstrap capability (a Node) to peers that pass the
 * handshake, and reaches other nodes' Nodes over one cached connection per peer, closed when
 * idle and quiet (nothing in flight, no capability held but the bootstraps).
 */
public final class NodeLink implements AutoCloseable {
  private static final AttributeKey<Client> PEER_BOOTSTRAP = AttributeKey.valueOf("jworkers.peerBootstrap");

  private final NodeServer server;
  private final PeerConnections peers;

  private NodeLink(NodeServer server, PeerConnections peers) {
    this.server = server;
    this.peers = peers;
  }

  /** Listens at {@code listen} (a Unix socket path or a TCP address, port 0 allowed). */
  public static NodeLink start(PeerAddress listen, HandshakeConfig config, Client bootstrap, Duration idleTimeout) throws IOException {
    NodeServer server = NodeServer.start(listen, config, (ch, peerId) -> RpcHandler.install(ch, bootstrap));
    PeerConnections peers = new PeerConnections(config, (ch, peerId) -> ready(ch, bootstrap), idleTimeout);
    return new NodeLink(server, peers);
  }

  private static void ready(Channel ch, Client bootstrap) {
    RpcConnection connection = RpcHandler.install(ch, bootstrap);
    ch.attr(PeerConnections.MAY_CLOSE_WHEN_IDLE).set(connection::isQuiet);
    ch.attr(PEER_BOOTSTRAP).set(connection.bootstrap());
  }

  /** Where this node listens (the port actually bound for TCP port 0). */
  public PeerAddress address() {
    return server.address();
  }

  /**
   * The Node of peer {@code nodeId} at {@code address}, over the cached connection (made, with
   * the handshake proving the peer holds that id's key, when there is none).
   */
  public CompletableFuture<Client> node(String nodeId, PeerAddress address) {
    return peers.connect(nodeId, address).thenApply(ch -> ch.attr(PEER_BOOTSTRAP).get());
  }

  @Override
  public void close() {
    peers.close();
    server.close();
  }
}
