package dev.jworkers.runtime.cron;

import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.io.ResponseSink;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.shard.ShardGroup;
import dev.jworkers.runtime.worker.WorkerInstance;
import io.netty.buffer.ByteBuf;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cron triggers: each Worker's {@code triggers.crons} fire its scheduled handler at the
 * matching minutes (UTC), on one shard of the Worker. A timer per cron on that shard's event
 * loop; the group's shutdown cancels them.
 */
public final class CronTriggers {
    private static final Log LOG = Log.get("cron");

    private CronTriggers() {}

    /** Arms every cron of every Worker; {@code clock} tells the time (tests move it). */
    public static void start(ShardGroup group, List<WorkerConfig> workers, Clock clock) {
        Shard first = group.shards().get(0);
        for (WorkerConfig w : workers) {
            if (w.crons().isEmpty()) continue;
            Shard shard = first.shardFor(w.name());
            for (String text : w.crons()) {
                CronExpression cron = CronExpression.parse(text);
                shard.loop.execute(() -> arm(shard, w.name(), cron, clock.instant(), clock));
            }
        }
    }

    private static void arm(Shard shard, String worker, CronExpression cron, Instant after, Clock clock) {
        Instant next = cron.next(after);
        if (next == null) {
            LOG.warn("Worker '" + worker + "': cron \"" + cron + "\" never matches; it is not scheduled");
            return;
        }
        long delay = Math.max(0, next.toEpochMilli() - clock.millis());
        shard.loop.schedule(() -> {
            fire(shard, worker, cron, next);
            arm(shard, worker, cron, next, clock);
        }, delay, TimeUnit.MILLISECONDS);
    }

    private static void fire(Shard shard, String worker, CronExpression cron, Instant time) {
        WorkerInstance w = shard.worker(worker);
        if (w == null || w.closed()) return;
        RequestContext rc = shard.newRequest("SCHEDULED", "cron:" + cron, "", null, new Outcome(worker, cron.toString()));
        w.dispatchScheduled(rc, time.toEpochMilli(), cron.toString());
    }

    /** Where a cron run's answer goes: nowhere but the log when it failed. */
    private record Outcome(String worker, String cron) implements ResponseSink {
        @Override
        public void full(int status, String reason, String headersBlob, ByteBuf body) {
            if (body != null) body.release();
        }

        @Override
        public void start(int status, String reason, String headersBlob) {}

        @Override
        public int write(ByteBuf chunk) {
            chunk.release();
            return WRITABLE;
        }

        @Override
        public void whenWritable(Runnable task) {
            task.run();
        }

        @Override
        public void end() {}

        @Override
        public void error(int status, String body) {
            LOG.error("Worker '" + worker + "': scheduled handler for cron \"" + cron + "\" failed: " + body.strip());
        }
    }
}
