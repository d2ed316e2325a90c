package dev.jworkers.cluster.rpc;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A capability that is not known yet: calls queue, in order, until {@link #resolve} names the
 * capability they go to. Used for local pipelining, embargoes and calls handed across threads.
 */
final class PromiseClient extends Client {
  private Client resolution;
  private ArrayDeque<Queued> queue = new ArrayDeque<>();
  private int refs = 1;
  private java.util.List<java.util.function.Consumer<Client>> listeners;

  @Override
  synchronized Pending deliver(OutCall call) {
    if (resolution != null) {
      return resolution.deliver(call);
    }
    Queued q = new Queued(call);
    queue.add(q);
    return q;
  }

  /** Sends the queued calls to {@code target}, in order, and every later call too. */
  synchronized void resolve(Client target) {
    if (resolution != null) {
      target.close();
      return;
    }
    resolution = target;
    if (refs == 0) {
      target.close();
    }
    ArrayDeque<Queued> waiting = queue;
    queue = null;
    for (Queued q : waiting) {
      q.bind(target.deliver(q.call));
    }
    // After the queued calls, so whoever listens (a Resolve to a peer) comes after them.
    if (listeners != null) {
      listeners.forEach(l -> l.accept(target));
      listeners = null;
    }
  }

  /** Runs {@code listener} with the resolution once there is one (at once if there is). */
  synchronized void whenResolved(java.util.function.Consumer<Client> listener) {
    if (resolution != null) {
      listener.accept(resolution);
      return;
    }
    if (listeners == null) {
      listeners = new java.util.ArrayList<>(1);
    }
    listeners.add(listener);
  }

  synchronized boolean isResolved() {
    return resolution != null;
  }

  @Override
  synchronized Client settled() {
    return resolution == null ? this : resolution.settled();
  }

  @Override
  public synchronized Client retain() {
    refs++;
    return this;
  }

  @Override
  public synchronized void close() {
    if (--refs == 0 && resolution != null) {
      resolution.close();
    }
  }

  /**
   * A call whose real destination comes later: its response and pipelined capabilities follow
   * the call it becomes.
   */
  static final class Queued implements Pending {
    final OutCall call;
    private final CompletableFuture<Response> response = new CompletableFuture<>();
    private Pending real;
    private Map<java.util.List<Integer>, PromiseClient> pipelines;

    Queued(OutCall call) {
      this.call = call;
    }

    @Override
    public CompletableFuture<Response> response() {
      return response;
    }

    @Override
    public synchronized Client pipeline(int... path) {
      if (real != null) {
        return real.pipeline(path);
      }
      if (pipelines == null) {
        pipelines = new HashMap<>();
      }
      java.util.List<Integer> key = java.util.Arrays.stream(path).boxed().toList();
      PromiseClient existing = pipelines.get(key);
      if (existing != null) {
        return existing.retain();
      }
      PromiseClient fresh = new PromiseClient();
      pipelines.put(key, fresh);
      return fresh;
    }

    /** The call was delivered; {@code to} is what it became. */
    void bind(Pending to) {
      Map<java.util.List<Integer>, PromiseClient> waiting;
      synchronized (this) {
        real = to;
        waiting = pipelines;
        pipelines = null;
      }
      if (waiting != null) {
        for (Map.Entry<java.util.List<Integer>, PromiseClient> e : waiting.entrySet()) {
          e.getValue().resolve(to.pipeline(e.getKey().stream().mapToInt(Integer::intValue).toArray()));
        }
      }
      to.response().whenComplete((r, error) -> {
        if (error != null) {
          response.completeExceptionally(error);
        } else {
          response.complete(r);
        }
      });
    }
  }
}
