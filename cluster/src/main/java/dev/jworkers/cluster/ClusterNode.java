package dev.jworkers.cluster;

import dev.jworkers.cluster.link.NodeLink;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.node.PeerAddress;
import dev.jworkers.cluster.ownership.ObjectOwnership;
import dev.jworkers.cluster.ownership.OwnedLock;
import dev.jworkers.cluster.ownership.Ownership;
import dev.jworkers.cluster.ownership.OwnershipOptions;
import dev.jworkers.cluster.ownership.OwnershipTimeoutException;
import dev.jworkers.cluster.registry.CidrRegistry;
import dev.jworkers.cluster.registry.Registry;
import dev.jworkers.cluster.registry.RegistryOptions;
import dev.jworkers.cluster.registry.UnixRegistry;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.transport.HandshakeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One node of a cluster: its registry entry in the shared directory, its RPC endpoint (a Unix
 * socket that is the entry itself, or a TCP port inside the configured CIDR), and the ownership
 * of Durable Objects through lock files. {@link #route} says where an object's calls go.
 */
public final class ClusterNode implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ClusterNode.class.getName());

  /** Cluster settings; {@code cidr} null means Unix sockets (all nodes on one machine). */
  public record Options(Path sharedDir, String registryName, String cidr, byte[] secret,
      RegistryOptions registry, OwnershipOptions ownership, Duration idleTimeout) {
    public static Options unix(Path sharedDir, byte[] secret) {
      return new Options(sharedDir, "nodes", null, secret, RegistryOptions.defaults(), OwnershipOptions.defaults(), Duration.ofSeconds(60));
    }

    public Options withCidr(String cidr) {
      return new Options(sharedDir, registryName, cidr, secret, registry, ownership, idleTimeout);
    }

  }

  /** Where an object's calls go. */
  public sealed interface Route {
    /** This node owns the object (until the lock is released or lost). */
    record Local(OwnedLock lock) implements Route {}

    /** Another node owns it: its Node capability (a connection is made or reused). */
    record Remote(String ownerNodeId, CompletableFuture<Client> node) implements Route {}
  }

  private final NodeIdentity me;
  private final Registry registry;
  private final NodeLink link;
  private final ObjectOwnership ownership;
  private volatile String lost;

  private ClusterNode(NodeIdentity me, Registry registry, NodeLink link, ObjectOwnership ownership) {
    this.me = me;
    this.registry = registry;
    this.link = link;
    this.ownership = ownership;
  }

  /** Joins the cluster, serving {@code bootstrap} (this node's Node) to its peers. */
  public static ClusterNode start(NodeIdentity me, Options options, Client bootstrap) throws IOException {
    HandshakeConfig handshake = HandshakeConfig.of(me, options.secret());
    Registry registry;
    NodeLink link;
    if (options.cidr() == null) {
      UnixRegistry unix = Registry.unix(options.sharedDir(), options.registryName(), me, options.registry());
      Path socket = unix.prepareEntry();
      link = NodeLink.start(new PeerAddress.Unix(socket), handshake, bootstrap, options.idleTimeout());
      unix.announce();
      registry = unix;
    } else {
      CidrRegistry cidr = Registry.cidr(options.sharedDir(), options.registryName(), me, options.registry());
      InetSocketAddress listen = new InetSocketAddress(Registry.pickAddress(options.cidr()), 0);
      link = NodeLink.start(new PeerAddress.Tcp(listen), handshake, bootstrap, options.idleTimeout());
      cidr.announce(((PeerAddress.Tcp) link.address()).address());
      registry = cidr;
    }
    ObjectOwnership ownership = new ObjectOwnership(options.sharedDir(), me, registry, options.ownership());
    ClusterNode node = new ClusterNode(me, registry, link, ownership);
    registry.setLostListener(node::lost);
    return node;
  }

  /** The registry entry or its lock is gone: another node may take our objects, so drop them. */
  private void lost(String reason) {
    lost = reason;
    LOG.log(System.Logger.Level.ERROR, "cluster node {0} lost its registry entry ({1}); it stops serving objects", me.id(), reason);
    try {
      ownership.releaseAll();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "releasing object locks failed: " + e);
    }
  }

  public String id() {
    return me.id();
  }

  public PeerAddress address() {
    return link.address();
  }

  /**
   * Owns the object here or finds its owner (blocking, with backoff, up to the ownership
   * deadline). A peer that cannot be reached is dropped from the liveness cache, so the next
   * route checks it afresh.
   */
  public Route route(String namespace, String id) throws IOException, InterruptedException, OwnershipTimeoutException {
    if (lost != null) {
      throw new IOException("this node stopped serving objects: " + lost);
    }
    Ownership o = ownership.acquireOrRoute(namespace, id);
    if (o instanceof Ownership.Owned owned) {
      return new Route.Local(owned.lock());
    }
    Ownership.Routed routed = (Ownership.Routed) o;
    CompletableFuture<Client> node = link.node(routed.ownerNodeId(), routed.address());
    node.whenComplete((c, error) -> {
      if (error != null) {
        registry.invalidate(routed.ownerNodeId());
      }
    });
    return new Route.Remote(routed.ownerNodeId(), node);
  }

  /** True while this node holds the object's lock. */
  public boolean owns(String namespace, String id) {
    return ownership.held(namespace, id).isPresent();
  }

  @Override
  public void close() throws IOException {
    link.close();
    try {
      ownership.close();
    } finally {
      registry.close();
    }
  }
}
