package dev.jworkers.cluster.api;

import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.Pending;
import dev.jworkers.cluster.rpc.Request;
import dev.jworkers.cluster.rpc.Response;
import java.util.concurrent.CompletableFuture;

/**
 * Calls on cluster.capnp's capabilities. Methods returning {@link Pending} let the caller
 * pipeline on the capability in the results (its {@code pipeline(0)}) before they arrive.
 */
public final class ClusterCalls {
  private ClusterCalls() {}

  /** Node.getActor; the actor is {@code pipeline(0)}. */
  public static Pending getActor(Client node, String namespace, String id, String name) {
    Request r = node.newCall(ClusterSchema.NODE, ClusterSchema.NODE_GET_ACTOR);
    ClusterSchema.PtrsBuilder p = r.params(ClusterSchema.GET_ACTOR_PARAMS);
    p.setText(0, namespace);
    p.setText(1, id);
    p.setText(2, name == null ? "" : name);
    return r.send();
  }

  /** Actor.call. */
  public static CompletableFuture<CallResult> call(Client actor, String method, byte[] args) {
    Request r = actor.newCall(ClusterSchema.ACTOR, ClusterSchema.ACTOR_CALL);
    ClusterSchema.PtrsBuilder p = r.params(ClusterSchema.TWO_POINTERS);
    p.setText(0, method);
    p.setData(1, args);
    return r.send().response().thenApply(response -> {
      try (response) {
        ClusterSchema.Ptrs results = response.content(ClusterSchema.CALL_RESULTS);
        return new CallResult(results.data(0), results.bool(0));
      }
    });
  }

  /** Actor.fetch; the request body stream is {@code pipeline(0)}. The call borrows {@code responder}. */
  public static Pending fetch(Client actor, HttpHead.Request request, Client responder) {
    Request r = actor.newCall(ClusterSchema.ACTOR, ClusterSchema.ACTOR_FETCH);
    ClusterSchema.PtrsBuilder p = r.params(ClusterSchema.TWO_POINTERS);
    request.write(p.initStruct(0, ClusterSchema.HTTP_REQUEST));
    p.setCap(1, r.cap(responder));
    return r.send();
  }

  /** Responder.start; the response body stream is {@code pipeline(0)}. */
  public static Pending start(Client responder, HttpHead.Response response) {
    Request r = responder.newCall(ClusterSchema.RESPONDER, ClusterSchema.RESPONDER_START);
    response.write(r.params(ClusterSchema.ONE_POINTER).initStruct(0, ClusterSchema.HTTP_RESPONSE));
    return r.send();
  }

  /** ByteStream.write: completes when the stream has taken the bytes. */
  public static CompletableFuture<Void> write(Client stream, byte[] bytes, int offset, int length) {
    Request r = stream.newCall(ClusterSchema.BYTE_STREAM, ClusterSchema.BYTE_STREAM_WRITE);
    r.params(ClusterSchema.ONE_POINTER).setData(0, bytes, offset, length);
    return r.send().response().thenAccept(Response::close);
  }

  public static CompletableFuture<Void> write(Client stream, byte[] bytes) {
    return write(stream, bytes, 0, bytes.length);
  }

  /** ByteStream.end. */
  public static CompletableFuture<Void> end(Client stream) {
    Request r = stream.newCall(ClusterSchema.BYTE_STREAM, ClusterSchema.BYTE_STREAM_END);
    r.params(ClusterSchema.EMPTY);
    return r.send().response().thenAccept(Response::close);
  }
}
