package dev.jworkers.runtime.shard;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.worker.WorkerInstance;

/**
 * Interrupts a JS slice that has run longer than its Worker's CPU limit (a runaway loop). The
 * interrupted Context stays usable; the shard fails the request the slice belonged to.
 */
final class Watchdog implements Runnable {
    private static final Log LOG = Log.get("watchdog");
    private final List<Shard> shards;
    private final long periodMillis;
    private volatile boolean stopped;
    private final Thread thread;

    Watchdog(List<Shard> shards, long smallestLimitMillis) {
        this.shards = shards;
        this.periodMillis = Math.max(2, Math.min(100, smallestLimitMillis / 10));
        this.thread = Thread.ofPlatform().name("js-watchdog").daemon(true).unstarted(this);
    }

    void start() { thread.start(); }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Shard s : shards) {
                long start = s.sliceStartNanos;
                WorkerInstance w = s.sliceWorker;
                long seq = s.sliceSeq;
                if (start == 0 || w == null || s.interruptedSeq == seq) continue;
                if (now - start < w.cpuLimitMillis() * 1_000_000L) continue;
                s.interruptedSeq = seq;
                try {
                    w.context().interrupt(Duration.ofSeconds(10));
                } catch (TimeoutException e) {
                    LOG.error("shard " + s.index + ": a runaway script did not stop within 10 s of its interrupt");
                } catch (RuntimeException e) {
                    LOG.debug("interrupt on shard " + s.index + ": " + e);
                }
            }
        }
    }
}
