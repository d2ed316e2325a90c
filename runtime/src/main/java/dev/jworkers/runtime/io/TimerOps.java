package dev.jworkers.runtime.io;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;
import io.netty.util.collection.IntObjectHashMap;

/**
 * {@code ops.timers}: timers on the shard's event loop. JS keeps the callbacks; the host only holds
 * ids and the one "fire" function. A timer inherits the request that set it, so a runaway timer
 * callback fails that request.
 */
public final class TimerOps {
    private final Shard shard;
    private final WorkerInstance worker;
    private final IntObjectHashMap<Pending> pending = new IntObjectHashMap<>();
    private Value fire;

    private record Pending(ScheduledFuture<?> future, RequestContext request) {}

    public TimerOps(Shard shard, WorkerInstance worker) {
        this.shard = shard;
        this.worker = worker;
    }

    @HostAccess.Export
    public void init(Value fireFunction) {
        if (fire != null) throw new IllegalStateException("timers already initialised");
        this.fire = fireFunction;
    }

    @HostAccess.Export
    public void set(int id, double delayMillis) {
        RequestContext rc = shard.currentRequest();
        long delayMicros = (long) (Math.max(0, delayMillis) * 1000);
        ScheduledFuture<?> f = shard.loop.schedule(() -> due(id), delayMicros, TimeUnit.MICROSECONDS);
        Pending old = pending.put(id, new Pending(f, rc));
        if (old != null) old.future.cancel(false);
    }

    @HostAccess.Export
    public void clear(int id) {
        Pending p = pending.remove(id);
        if (p != null) p.future.cancel(false);
    }

    private void due(int id) {
        Pending p = pending.remove(id);
        if (p == null || worker.closed()) return;
        RequestContext rc = p.request != null && !p.request.finished() ? p.request : null;
        shard.runJs(worker, rc, () -> fire.executeVoid(id));
    }

    /** Cancels every pending timer (the Context is closing). */
    public void cancelAll() {
        for (Pending p : pending.values()) p.future.cancel(false);
        pending.clear();
    }
}
