package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A capability the peer exports (its export id is our import id). {@code remoteRefs} counts the
 * times the peer sent it to us: that is what one Release gives back when our last local
 * reference is closed.
 */
final class ImportClient extends PeerClient {
  final int id;
  /** Announced as a promise (senderPromise): a Resolve will say what it became. */
  final boolean promise;
  /** Event-loop state. */
  int remoteRefs;
  final AtomicInteger localRefs = new AtomicInteger(1);

  ImportClient(RpcConnection connection, int id, boolean promise) {
    super(connection);
    this.id = id;
    this.promise = promise;
  }

  @Override
  void writeTarget(Rpc.MessageTarget.Builder target) {
    target.setImportedCap(id);
  }

  @Override
  public Client retain() {
    localRefs.incrementAndGet();
    return this;
  }

  @Override
  public void close() {
    connection.run(() -> {
      if (localRefs.decrementAndGet() == 0) {
        connection.releaseImport(this);
      }
    });
  }
}
