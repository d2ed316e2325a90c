package dev.jworkers.cluster.rpc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A capability the peer hosts (its export id is our import id). {@code remoteRefs} counts the
 * times the peer sent it to us: that is what one Release gives back when our last local
 * reference is closed.
 */
final class ImportClient extends Client {
  final RpcConnection connection;
  final int id;
  /** Announced as a promise (senderPromise): a Resolve will say what it became. */
  final boolean promise;
  /** Event-loop state. */
  int remoteRefs;
  Client resolution;
  boolean sentCalls;
  final AtomicInteger localRefs = new AtomicInteger(1);

  ImportClient(RpcConnection connection, int id, boolean promise) {
    this.connection = connection;
    this.id = id;
    this.promise = promise;
  }

  @Override
  Pending deliver(OutCall call) {
    return connection.onLoop(call, () -> {
      if (resolution != null) {
        return resolution.deliver(call);
      }
      sentCalls = true;
      return connection.sendCall(call, t -> t.setImportedCap(id));
    });
  }

  @Override
  Client settled() {
    return resolution == null ? this : resolution.settled();
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
