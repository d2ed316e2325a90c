package dev.jworkers.runtime.actor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoop;

/**
 * Group commit for one shard's Durable Objects. Writes open an object's implicit transaction; after
 * the current event-loop task, every open transaction on the shard is committed (into the WAL, no
 * fsync), then one sync batch fsyncs the WAL of every object that committed, in parallel on the
 * I/O threads. While a batch is on disk, new commits wait for the next one, so under load one fsync
 * per object covers many requests. When a batch is durable, the objects' output gates open.
 */
public final class DurableCommits {
    /** fsyncs run here: blocking calls, never on a shard thread. */
    private static final ExecutorService IO = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "storage-sync");
        t.setDaemon(true);
        return t;
    });
    private static final int PARALLEL_SYNCS = 8;

    private final EventLoop loop;
    private List<Actor> toCommit = new ArrayList<>();
    private boolean commitScheduled;
    private List<Actor> toSync = new ArrayList<>();
    private boolean syncing;
    private long commits, syncBatches;

    public DurableCommits(EventLoop loop) {
        this.loop = loop;
    }

    /** Transactions committed on this shard (read on the shard's thread, or after it is idle). */
    public long commits() { return commits; }

    /** fsync batches started on this shard. */
    public long syncBatches() { return syncBatches; }

    /** {@code a} opened a transaction: commit it after the current task. */
    void schedule(Actor a) {
        toCommit.add(a);
        if (!commitScheduled) {
            commitScheduled = true;
            loop.execute(this::commitAll);
        }
    }

    /** Commits now (before a savepoint, eviction or alarm bookkeeping needs a settled database). */
    void commitAll() {
        commitScheduled = false;
        List<Actor> batch = toCommit;
        toCommit = new ArrayList<>();
        for (Actor a : batch) {
            commits++;
            if (a.commit() && !a.syncQueued) {
                a.syncQueued = true;
                toSync.add(a);
            }
        }
        startSync();
    }

    private void startSync() {
        if (syncing || toSync.isEmpty()) return;
        syncing = true;
        syncBatches++;
        List<Actor> batch = toSync;
        toSync = new ArrayList<>();
        long[] upTo = new long[batch.size()];
        ActorDatabase[] dbs = new ActorDatabase[batch.size()];
        for (int i = 0; i < upTo.length; i++) {
            Actor a = batch.get(i);
            dbs[i] = a.openDatabase();
            a.syncQueued = false;
            a.syncing++;
            upTo[i] = a.committedSeq;
        }
        IOException[] failures = new IOException[batch.size()];
        int chunks = Math.min(PARALLEL_SYNCS, batch.size());
        AtomicInteger left = new AtomicInteger(chunks);
        for (int c = 0; c < chunks; c++) {
            int first = c;
            IO.execute(() -> {
                for (int i = first; i < failures.length; i += chunks) {
                    try {
                        if (dbs[i] != null) dbs[i].syncWal();
                    } catch (IOException | RuntimeException e) {
                        failures[i] = e instanceof IOException io ? io : new IOException(e);
                    }
                }
                if (left.decrementAndGet() == 0) loop.execute(() -> synced(batch, upTo, failures));
            });
        }
    }

    private void synced(List<Actor> batch, long[] upTo, IOException[] failures) {
        syncing = false;
        for (int i = 0; i < upTo.length; i++) {
            Actor a = batch.get(i);
            a.syncing--;
            if (failures[i] != null) a.storageFailed("fsync of the object's write-ahead log failed: " + failures[i].getMessage());
            else a.durable(upTo[i]);
        }
        startSync();
    }
}
