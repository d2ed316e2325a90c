package dev.jworkers.runtime.actor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.netty.channel.EventLoop;

/**
 * Group commit for one shard's Durable Objects. Writes open an object's implicit transaction; after
 * the current event-loop task, every open transaction on the shard is committed (into the WAL, no
 * fsync), and each object that committed gets its WAL fsynced on the I/O threads. An object has at
 * most one fsync in flight: commits made meanwhile wait for it and share the next one, so under
 * load one fsync per object covers many requests, while objects do not wait for each other's
 * fsyncs. When an object's fsync is done, its output gate opens up to what that fsync covered.
 */
public final class DurableCommits {
    /** fsyncs run here: blocking calls, never on a shard thread. Shared by the shards. */
    private static final ExecutorService IO = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "storage-sync");
        t.setDaemon(true);
        return t;
    });

    private final EventLoop loop;
    private List<Actor> toCommit = new ArrayList<>();
    private boolean commitScheduled;
    private long commits, syncs;

    public DurableCommits(EventLoop loop) {
        this.loop = loop;
    }

    /** Transactions committed on this shard (read on the shard's thread, or after it is idle). */
    public long commits() { return commits; }

    /** WAL fsyncs started on this shard. */
    public long syncs() { return syncs; }

    /** {@code a} opened a transaction: commit it after the current task. */
    void schedule(Actor a) {
        toCommit.add(a);
        if (!commitScheduled) {
            commitScheduled = true;
            loop.execute(this::commitAll);
        }
    }

    private void commitAll() {
        commitScheduled = false;
        List<Actor> batch = toCommit;
        toCommit = new ArrayList<>();
        for (Actor a : batch) {
            commits++;
            if (a.commit()) sync(a);
        }
    }

    /** Makes {@code a}'s commits so far durable: now, or right after the fsync it has in flight. */
    private void sync(Actor a) {
        if (a.syncing > 0) {
            a.syncQueued = true;
            return;
        }
        ActorDatabase db = a.openDatabase();
        if (db == null) return;
        a.syncing++;
        syncs++;
        long upTo = a.committedSeq;
        IO.execute(() -> {
            IOException failure = null;
            try {
                db.syncWal();
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
            }
            IOException f = failure;
            loop.execute(() -> synced(a, upTo, f));
        });
    }

    private void synced(Actor a, long upTo, IOException failure) {
        a.syncing--;
        if (failure != null) {
            a.syncQueued = false;
            a.storageFailed("fsync of the object's write-ahead log failed: " + failure.getMessage());
            return;
        }
        a.durable(upTo);
        if (a.syncQueued) {
            a.syncQueued = false;
            sync(a);
        }
    }
}
