package dev.jworkers.cluster.testing;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.ownership.ObjectOwnership;
import dev.jworkers.cluster.ownership.OwnershipOptions;
import dev.jworkers.cluster.registry.Registry;
import dev.jworkers.cluster.registry.RegistryOptions;
import dev.jworkers.cluster.registry.UnixRegistry;
import java.io.IOException;
import java.nio.file.Path;

/** A node for tests and the benchmark: unix-mode registry entry "nodes", a listener, ownership. */
public final class UnixNode implements AutoCloseable {
  public final NodeIdentity identity;
  public final UnixRegistry registry;
  public final ObjectOwnership ownership;
  private final Listener listener;

  public UnixNode(Path shared, RegistryOptions registryOptions, OwnershipOptions ownershipOptions) throws IOException {
    this.identity = NodeIdentity.generate();
    this.registry = Registry.unix(shared, "nodes", identity, registryOptions);
    this.listener = Listener.unix(registry.prepareEntry());
    registry.announce();
    this.ownership = new ObjectOwnership(shared, identity, registry, ownershipOptions);
  }

  public String id() {
    return identity.id();
  }

  /** Stops answering on the socket (the entry stays and refuses, as after a crash), keeping locks. */
  public void stopListening() throws IOException, InterruptedException {
    listener.close();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    ownership.close();
    registry.close();
    listener.close();
  }
}
