package dev.jworkers.cluster.rpc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A call or bootstrap we sent to the peer, until its Return arrives. */
final class Question implements Pending {
  final RpcConnection connection;
  final int id;
  final boolean bootstrap;
  final CompletableFuture<Response> response = new CompletableFuture<>();
  /** Exports made for the params' cap table (released if the Return says releaseParamCaps). */
  final List<RpcConnection.Export> paramExports = new ArrayList<>(0);
  private Map<List<Integer>, PipelineClient> pipelines;
  /** Set once the Return has arrived; pipelines made later resolve at once. */
  private Response result;
  private RpcException error;
  private boolean settled;

  Question(RpcConnection connection, int id, boolean bootstrap) {
    this.connection = connection;
    this.id = id;
    this.bootstrap = bootstrap;
  }

  @Override
  public CompletableFuture<Response> response() {
    return response;
  }

  @Override
  public synchronized Client pipeline(int... path) {
    if (settled) {
      return result != null ? result.capAt(path).retain() : new BrokenClient(error);
    }
    if (pipelines == null) {
      pipelines = new HashMap<>();
    }
    List<Integer> key = java.util.Arrays.stream(path).boxed().toList();
    PipelineClient existing = pipelines.get(key);
    if (existing != null) {
      return existing.retain();
    }
    PipelineClient fresh = new PipelineClient(connection, this, path);
    pipelines.put(key, fresh);
    return fresh;
  }

  /** Marks the question answered and hands back the pipelines to resolve. */
  synchronized List<PipelineClient> settle(Response result, RpcException error) {
    this.settled = true;
    this.result = result;
    this.error = error;
    List<PipelineClient> out = pipelines == null ? List.of() : new ArrayList<>(pipelines.values());
    pipelines = null;
    return out;
  }
}
