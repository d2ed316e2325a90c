package dev.jworkers.cluster.api;

import dev.jworkers.cluster.rpc.CallContext;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.RpcException;
import dev.jworkers.cluster.rpc.Server;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Server-side bases for cluster.capnp's interfaces: each dispatches to typed methods. */
public final class Services {
  private Services() {}

  static CompletionStage<?> unimplemented(String iface, long interfaceId, int methodId) {
    return CompletableFuture.failedFuture(new RpcException(RpcException.Type.UNIMPLEMENTED,
        iface + " does not implement method " + methodId + " of interface " + Long.toHexString(interfaceId)));
  }

  /** Node: hands out the actors this node hosts. */
  public abstract static class NodeService implements Server {
    /** The actor, or a failed stage with the reason it cannot be had here. */
    protected abstract CompletionStage<Client> getActor(String namespace, String id, String name);

    @Override
    public final CompletionStage<?> call(long interfaceId, int methodId, CallContext context) {
      if (interfaceId != ClusterSchema.NODE || methodId != ClusterSchema.NODE_GET_ACTOR) {
        return unimplemented("Node", interfaceId, methodId);
      }
      ClusterSchema.Ptrs p = context.params(ClusterSchema.GET_ACTOR_PARAMS);
      return getActor(p.text(0), p.text(1), p.text(2)).thenAccept(actor -> {
        ClusterSchema.PtrsBuilder results = context.results(ClusterSchema.ONE_POINTER);
        results.setCap(0, context.resultCap(actor));
      });
    }
  }

  /** Actor: one Durable Object's HTTP and JS RPC entry points. */
  public abstract static class ActorService implements Server {
    /**
     * Starts a request; returns the stream the caller writes the request body to. The service
     * owns {@code responder} (close it when done).
     */
    protected abstract CompletionStage<Client> fetch(HttpHead.Request request, Client responder);

    protected abstract CompletionStage<CallResult> call(String method, byte[] args);

    @Override
    public final CompletionStage<?> call(long interfaceId, int methodId, CallContext context) {
      if (interfaceId == ClusterSchema.ACTOR && methodId == ClusterSchema.ACTOR_FETCH) {
        ClusterSchema.Ptrs p = context.params(ClusterSchema.TWO_POINTERS);
        HttpHead.Request head = HttpHead.Request.read(p.struct(0, ClusterSchema.HTTP_REQUEST));
        return fetch(head, context.paramCap(p.capIndex(1))).thenAccept(body ->
            context.results(ClusterSchema.ONE_POINTER).setCap(0, context.resultCap(body)));
      }
      if (interfaceId == ClusterSchema.ACTOR && methodId == ClusterSchema.ACTOR_CALL) {
        ClusterSchema.Ptrs p = context.params(ClusterSchema.TWO_POINTERS);
        return call(p.text(0), p.data(1)).thenAccept(result -> {
          ClusterSchema.PtrsBuilder results = context.results(ClusterSchema.CALL_RESULTS);
          results.setData(0, result.value());
          results.setBool(0, result.threw());
        });
      }
      return unimplemented("Actor", interfaceId, methodId);
    }
  }

  /** Responder: receives a response head and hands back the stream for its body. */
  public abstract static class ResponderService implements Server {
    protected abstract CompletionStage<Client> start(HttpHead.Response response);

    @Override
    public final CompletionStage<?> call(long interfaceId, int methodId, CallContext context) {
      if (interfaceId != ClusterSchema.RESPONDER || methodId != ClusterSchema.RESPONDER_START) {
        return unimplemented("Responder", interfaceId, methodId);
      }
      ClusterSchema.Ptrs p = context.params(ClusterSchema.ONE_POINTER);
      HttpHead.Response head = HttpHead.Response.read(p.struct(0, ClusterSchema.HTTP_RESPONSE));
      return start(head).thenAccept(body -> context.results(ClusterSchema.ONE_POINTER).setCap(0, context.resultCap(body)));
    }
  }

  /** ByteStream: a body's bytes; a write completes when the bytes were taken (flow control). */
  public abstract static class ByteStreamService implements Server {
    protected abstract CompletionStage<?> write(byte[] bytes);

    protected abstract CompletionStage<?> end();

    @Override
    public final CompletionStage<?> call(long interfaceId, int methodId, CallContext context) {
      if (interfaceId == ClusterSchema.BYTE_STREAM && methodId == ClusterSchema.BYTE_STREAM_WRITE) {
        return write(context.params(ClusterSchema.ONE_POINTER).data(0));
      }
      if (interfaceId == ClusterSchema.BYTE_STREAM && methodId == ClusterSchema.BYTE_STREAM_END) {
        return end();
      }
      return unimplemented("ByteStream", interfaceId, methodId);
    }
  }
}
