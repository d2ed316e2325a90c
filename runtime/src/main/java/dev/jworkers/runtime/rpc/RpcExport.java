package dev.jworkers.runtime.rpc;

import java.util.concurrent.atomic.AtomicInteger;

import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;

/**
 * Something a Worker context makes callable from other contexts: one of its own objects (a function
 * or an RpcTarget, {@code id > 0}), one of its entrypoints ({@code id == 0}, a service binding's
 * target), or a Durable Object ({@code id == 0} with {@link #actorId}: class {@link #entrypoint}). It lives on {@link #shard}, inside the Worker named {@link #worker}; every call to it runs
 * there. Object exports are reference-counted across contexts: each stub holds one reference, and
 * the owner forgets the object when the last one is released.
 */
public final class RpcExport {
    final Shard shard;
    final String worker;
    final int id;
    final String entrypoint;
    final String actorId;
    final String actorName;
    /** The static assets of {@link #worker} (an assets binding): they take fetch() only. */
    final boolean assets;
    private final AtomicInteger refs;

    private RpcExport(Shard shard, String worker, int id, String entrypoint, String actorId, String actorName, int refs) {
        this(shard, worker, id, entrypoint, actorId, actorName, refs, false);
    }

    private RpcExport(Shard shard, String worker, int id, String entrypoint, String actorId, String actorName, int refs, boolean assets) {
        this.shard = shard;
        this.worker = worker;
        this.id = id;
        this.entrypoint = entrypoint;
        this.actorId = actorId;
        this.actorName = actorName;
        this.refs = new AtomicInteger(refs);
        this.assets = assets;
    }

    /** An object exported by {@code owner}, with one reference (the one being handed over). */
    static RpcExport object(WorkerInstance owner, Shard shard, int id) {
        shard.liveExports(1);
        return new RpcExport(shard, owner.name(), id, null, null, null, 1);
    }

    /** The entrypoint {@code entrypoint} (null: the default export) of Worker {@code worker} on {@code shard}. */
    static RpcExport entrypoint(Shard shard, String worker, String entrypoint) {
        return new RpcExport(shard, worker, 0, entrypoint, null, null, 1);
    }

    /** Durable Object {@code actorId} of class {@code className}, exported by {@code worker}, on its owner shard. */
    static RpcExport actor(Shard shard, String worker, String className, String actorId, String actorName) {
        return new RpcExport(shard, worker, 0, className, actorId, actorName, 1);
    }

    /** The static assets of Worker {@code worker}, served on {@code shard}. */
    static RpcExport assets(Shard shard, String worker) {
        return new RpcExport(shard, worker, 0, null, null, null, 1, true);
    }

    boolean isEntrypoint() { return id == 0; }

    /** Adds a reference for another holder; the caller must hold one already. */
    RpcExport retain() {
        if (!isEntrypoint()) refs.incrementAndGet();
        return this;
    }

    /** Drops one reference; the last one makes the owner forget the object (on the owner's shard). */
    void release() {
        if (isEntrypoint() || refs.decrementAndGet() != 0) return;
        shard.liveExports(-1);
        shard.loop.execute(() -> {
            WorkerInstance w = shard.worker(worker);
            if (w != null && !w.closed()) w.rpc().drop(id);
        });
    }

    @Override
    public String toString() {
        if (actorId != null) return worker + "#" + entrypoint + "/" + actorId;
        if (assets) return worker + " (assets)";
        return isEntrypoint() ? worker + (entrypoint == null ? "" : "#" + entrypoint) : worker + "/export " + id;
    }
}
