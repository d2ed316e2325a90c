package dev.jworkers.cluster.rpc;

import java.util.concurrent.CompletableFuture;

/** A capability that fails every call: a dropped connection, a failed promise, a null pointer. */
final class BrokenClient extends Client {
  final RpcException error;

  BrokenClient(RpcException error) {
    this.error = error;
  }

  @Override
  Pending deliver(OutCall call) {
    return failed(error);
  }

  static Pending failed(RpcException error) {
    CompletableFuture<Response> f = CompletableFuture.failedFuture(error);
    return new Pending() {
      @Override
      public CompletableFuture<Response> response() {
        return f;
      }

      @Override
      public Client pipeline(int... path) {
        return new BrokenClient(error);
      }
    };
  }
}
