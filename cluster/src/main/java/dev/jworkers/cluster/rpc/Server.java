package dev.jworkers.cluster.rpc;

import java.util.concurrent.CompletionStage;

/**
 * The implementation behind a capability. {@link #call} reads the params from the context,
 * fills in its results and completes the stage (or fails it, which the caller sees as an
 * exception). It runs on the thread that delivered the call: a connection's event loop for
 * remote calls; it may complete the stage later from any thread.
 */
@FunctionalInterface
public interface Server {
  CompletionStage<?> call(long interfaceId, int methodId, CallContext context);

  /** Called when the last reference to the capability is gone. */
  default void released() {}
}
