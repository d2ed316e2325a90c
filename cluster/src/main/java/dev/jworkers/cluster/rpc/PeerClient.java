package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.rpc.wire.Rpc;

/**
 * A capability the peer hosts, addressed either by import id or as a pipelined answer: calls go
 * over the connection until a resolution (a Resolve, or the answer's Return) names what it
 * became; later calls go there.
 */
abstract class PeerClient extends Client {
  final RpcConnection connection;
  /** Event-loop state. */
  Client resolution;
  boolean sentCalls;

  PeerClient(RpcConnection connection) {
    this.connection = connection;
  }

  /** How a Call (or Disembargo) addresses this capability. */
  abstract void writeTarget(Rpc.MessageTarget.Builder target);

  @Override
  final Pending deliver(OutCall call) {
    return connection.onLoop(call, () -> {
      if (resolution != null) {
        return resolution.deliver(call);
      }
      sentCalls = true;
      return connection.sendCall(call, this::writeTarget);
    });
  }

  @Override
  final Client settled() {
    return resolution == null ? this : resolution.settled();
  }
}
