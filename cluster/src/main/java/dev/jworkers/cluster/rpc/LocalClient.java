package dev.jworkers.cluster.rpc;

import dev.jworkers.cluster.capnp.Framing;
import dev.jworkers.cluster.rpc.wire.Rpc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A capability served in this process: calls go straight to its {@link Server}. */
final class LocalClient extends Client {
  final Server server;
  private final AtomicInteger refs = new AtomicInteger(1);

  LocalClient(Server server) {
    this.server = server;
  }

  @Override
  Pending deliver(OutCall out) {
    Rpc.Payload.Reader params = Framing.reader(out.message()).getRoot(Rpc.Message.TYPE).call().params();
    return dispatch(out.interfaceId(), out.methodId(), new CallContext(params, out.caps()), null);
  }

  /** Runs the call; {@code after} (if any) runs once it has finished, e.g. to release param caps. */
  Pending dispatch(long interfaceId, int methodId, CallContext context, Runnable after) {
    CompletableFuture<Response> response = new CompletableFuture<>();
    CompletionStage<?> stage;
    try {
      stage = server.call(interfaceId, methodId, context);
      if (stage == null) {
        stage = CompletableFuture.completedFuture(null);
      }
    } catch (Throwable t) {
      stage = CompletableFuture.failedFuture(t);
    }
    stage.whenComplete((ignored, error) -> {
      if (after != null) {
        after.run();
      }
      if (error != null) {
        response.completeExceptionally(RpcException.of(error));
      } else {
        response.complete(context.response());
      }
    });
    return new LocalPending(response);
  }

  @Override
  public Client retain() {
    refs.incrementAndGet();
    return this;
  }

  @Override
  public void close() {
    if (refs.decrementAndGet() == 0) {
      server.released();
    }
  }

  /** A local call's response; pipelined capabilities wait for it. */
  private record LocalPending(CompletableFuture<Response> response) implements Pending {
    @Override
    public Client pipeline(int... path) {
      PromiseClient promise = new PromiseClient();
      response.whenComplete((r, error) -> promise.resolve(error != null
          ? new BrokenClient(RpcException.of(error)) : r.capAt(path).retain()));
      return promise;
    }
  }
}
