package dev.jworkers.cluster.rpc;

import java.util.concurrent.CompletableFuture;

/** A sent call: its response to come, and the capabilities in it for promise pipelining. */
public interface Pending {
  CompletableFuture<Response> response();

  /**
   * The capability the results will hold at this path of pointer fields (from the results
   * struct; empty for a results content that is itself a capability). Calls made on it before
   * the results arrive travel with the call (promise pipelining).
   */
  Client pipeline(int... path);
}
