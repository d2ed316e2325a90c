package dev.jworkers.runtime.actor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * One live Durable Object on its owner shard, as the host sees it: its storage (opened on first
 * use), its output gate, and its activity for idle eviction. JS reaches its storage through the
 * exported methods; everything runs on the shard's thread except the WAL syncs.
 *
 * <p>Output gate: every write opens (or joins) the object's implicit transaction, numbered
 * {@link #txnSeq}; a confirmed write raises {@link #writeSeq} to it. Anything leaving the object
 * (a response, an RPC result) is held until {@link #durableSeq} reaches the {@code writeSeq} it
 * saw, i.e. until the writes made before it are on disk.
 */
public final class Actor {
    final Actors home;
    public final String className;
    public final String id;
    public final String name;
    private final boolean sql;

    private ActorDatabase db;
    private KvTable kv;
    private boolean commitDeferred;
    long txnSeq, writeSeq, committedSeq, durableSeq;
    boolean syncQueued;
    int syncing;
    private ArrayDeque<Held> held;   // made on first use: most objects never hold an output
    private String failure;
    /** Storage failed: this object is done; its events still running fail everything they send. */
    private boolean broken;

    /** The alarm as the object sees it (ms), -1 for none, null until read from storage. */
    private Long alarmMs;
    /** An alarm handler is running: the alarm reads as unset unless the handler sets one. */
    boolean alarmRunning;
    boolean alarmSetDuringRun;

    private int active;
    private ScheduledFuture<?> idleTimer;
    boolean evicted;

    private record Held(long seq, Runnable send, Runnable fail) {}

    /** What a caller sees when the object's storage failed. */
    public static final String STORAGE_FAILED = "Durable Object storage failed; the object was reset.";

    Actor(Actors home, String className, String id, String name, boolean sql) {
        this.home = home;
        this.className = className;
        this.id = id;
        this.name = name;
        this.sql = sql;
    }

    // --- output gate ---

    /** Runs {@code send} once the writes made so far are durable; {@code fail} instead if they fail. */
    public void output(Runnable send, Runnable fail) {
        if (broken) {
            fail.run();
            return;
        }
        if ((held == null || held.isEmpty()) && writeSeq <= durableSeq) {
            send.run();
            return;
        }
        hold(new Held(writeSeq, send, fail));
    }

    /** Whether outputs are being held now (tests, and {@code sync()}). */
    boolean gateClosed() { return (held != null && !held.isEmpty()) || writeSeq > durableSeq; }

    private void hold(Held h) {
        if (held == null) held = new ArrayDeque<>(4);
        held.add(h);
    }

    void durable(long seq) {
        if (seq > durableSeq) durableSeq = seq;
        while (held != null && !held.isEmpty() && held.peek().seq <= durableSeq) held.poll().send.run();
        maybeIdle();
    }

    /**
     * A write could not be made durable: the object is broken. Held outputs fail, the JS instance
     * is dropped (the next event constructs it again from what is on disk), storage is reopened.
     */
    void storageFailed(String why) {
        home.log.error("Durable Object " + className + " " + id + ": " + why + "; the object is reset");
        failure = why;
        broken = true;
        while (held != null && !held.isEmpty()) held.poll().fail.run();
        closeDatabase();
        writeSeq = durableSeq = committedSeq = txnSeq;
        // The next event gets a new Actor (and instance); this one's late outputs fail.
        home.reset(this);
    }

    // --- transactions and commits ---

    /** Joins or opens the implicit transaction before a write; {@code confirmed}: outputs wait for it. */
    private void beforeWrite(boolean confirmed) throws SQLException {
        ActorDatabase d = database();
        if (d.begin()) {
            txnSeq++;
            home.commits.schedule(this);
        }
        if (confirmed) writeSeq = txnSeq;
    }

    /** Called by {@link DurableCommits}: true when a commit reached the WAL and needs a sync. */
    boolean commit() {
        if (db == null || !db.inTransaction()) return false;
        if (db.savepointDepth() > 0) {
            // An async transaction() is still open: commit when it ends.
            commitDeferred = true;
            return false;
        }
        try {
            db.commit();
        } catch (SQLException e) {
            storageFailed("commit failed: " + SqlErrors.message(e));
            return false;
        }
        committedSeq = txnSeq;
        if (db.inMemory()) {
            durable(committedSeq);
            return false;
        }
        return true;
    }

    ActorDatabase database() throws SQLException {
        if (broken) throw new SQLException(STORAGE_FAILED);
        if (db == null) {
            try {
                db = ActorDatabase.open(home.folder(className), id);
                kv = new KvTable(db);
            } catch (IOException e) {
                throw new SQLException("cannot open the object's database: " + e.getMessage(), e);
            }
            home.opened(this);
        } else {
            home.used(this);
        }
        return db;
    }

    /** The database if open (for the sync thread, which must not open one). */
    ActorDatabase openDatabase() { return db; }

    /** Closes storage when nothing depends on it; returns whether it did. */
    boolean closeIfIdle() {
        if (db == null || db.inTransaction() || syncing > 0 || syncQueued || gateClosed()) return false;
        closeDatabase();
        return true;
    }

    private void closeDatabase() {
        alarmMs = null;
        if (db == null) return;
        db.close();
        db = null;
        kv = null;
        home.closed(this);
    }

    // --- activity and eviction ---

    /** An event (request, call, alarm) for this object started. */
    public void enter() {
        active++;
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }

    /** That event finished. */
    public void exit() {
        active--;
        maybeIdle();
    }

    private void maybeIdle() {
        if (active > 0 || idleTimer != null || evicted || gateClosed()) return;
        idleTimer = home.shard.loop.schedule(() -> {
            idleTimer = null;
            if (active == 0 && !gateClosed() && syncing == 0 && !syncQueued && (db == null || !db.inTransaction())) home.evict(this);
            else maybeIdle();
        }, home.settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    void shutdown() {
        if (idleTimer != null) idleTimer.cancel(false);
        if (db != null && db.inTransaction() && db.savepointDepth() == 0) {
            try {
                db.commit();
            } catch (SQLException e) {
                home.log.warn("Durable Object " + className + " " + id + ": last commit at close failed: " + SqlErrors.message(e));
            }
        }
        closeDatabase();
    }

    // --- what storage.js calls ---

    /** A storage step that may fail in SQLite. */
    private interface Step<T> {
        T run() throws SQLException;
    }

    /** Runs a step for JS: a SQLite failure becomes a JS Error with workerd's wording. */
    private <T> T js(Step<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            throw home.raise("Error", SqlErrors.message(e));
        }
    }

    @HostAccess.Export
    public boolean sqlEnabled() { return sql; }

    /** The value's V8 bytes as Latin-1 text, or null. */
    @HostAccess.Export
    public String kvGet(String key) {
        return js(() -> {
            database();
            return latin1(kv.get(key));
        });
    }

    @HostAccess.Export
    public void kvPut(String key, Value bytes, int length, boolean confirmed) {
        byte[] b = new byte[length];
        if (length > 0) bytes.readBuffer(0, b, 0, length);
        js(() -> {
            beforeWrite(confirmed);
            kv.put(key, b);
            return null;
        });
    }

    @HostAccess.Export
    public boolean kvDelete(String key, boolean confirmed) {
        return js(() -> {
            beforeWrite(confirmed);
            return kv.delete(key);
        });
    }

    @HostAccess.Export
    public void kvDeleteAll(boolean confirmed) {
        js(() -> {
            beforeWrite(confirmed);
            kv.deleteAll();
            return null;
        });
    }

    /** Alternating keys and values (Latin-1 V8 bytes). */
    @HostAccess.Export
    public ProxyArray kvList(String start, boolean startExclusive, String end, boolean reverse, double limit) {
        return js(() -> {
            database();
            List<Object> rows = kv.list(start, startExclusive, end, reverse, limit < 0 ? -1 : (long) limit);
            for (int i = 1; i < rows.size(); i += 2) rows.set(i, latin1((byte[]) rows.get(i)));
            return ProxyArray.fromList(rows);
        });
    }

    /** {@code sql.exec}: [column names, row values (flat), rows read, rows written]. */
    @HostAccess.Export
    public ProxyArray sqlExec(String query, Value bindings) {
        try {
            List<SqlScript.Part> parts = SqlScript.parse(query);
            ActorDatabase d = database();
            for (SqlScript.Part p : parts) {
                // The runtime's own tables: refused if they exist; if not, SQLite says "no such table", as in workerd.
                for (String name : p.reserved()) if (d.hasTable(name)) throw SqlScript.notAuthorized();
            }
            // SQL cannot reach _cf_KV (refused above), so the key-value cache stays valid.
            for (SqlScript.Part p : parts) if (p.writes()) beforeWrite(true);
            return SqlRunner.run(d, parts, bindings);
        } catch (SqlScript.SqlRejected e) {
            throw home.raise("Error", e.getMessage());
        } catch (SQLException e) {
            throw home.raise("Error", SqlErrors.message(e));
        }
    }

    @HostAccess.Export
    public double databaseSize() {
        return js(() -> database().size());
    }

    /** Starts a nested transaction (transactionSync / transaction). */
    @HostAccess.Export
    public void savepoint() {
        js(() -> {
            beforeWrite(true);
            db.savepoint();
            return null;
        });
    }

    @HostAccess.Export
    public void release() {
        js(() -> {
            db.releaseSavepoint();
            afterSavepoint();
            return null;
        });
    }

    @HostAccess.Export
    public void rollback() {
        js(() -> {
            db.rollbackSavepoint();
            kv.recheck();
            alarmMs = null;
            afterSavepoint();
            return null;
        });
    }

    private void afterSavepoint() {
        if (commitDeferred && db.savepointDepth() == 0) {
            commitDeferred = false;
            home.commits.schedule(this);
        }
    }

    /** {@code storage.sync()}: calls {@code resolve} once every write so far is durable. */
    @HostAccess.Export
    public void whenDurable(Value resolve, Value reject) {
        long upTo = txnSeq;
        Runnable done = () -> home.runJs(() -> resolve.executeVoid());
        Runnable failed = () -> home.runJs(() -> reject.executeVoid(failure == null ? "storage failed" : failure));
        if ((held == null || held.isEmpty()) && upTo <= durableSeq) {
            home.shard.loop.execute(done);
            return;
        }
        hold(new Held(upTo, done, failed));
    }

    // --- alarms: _cf_METADATA row 1 holds the time in nanoseconds, as in workerd ---

    /** The stored alarm in ms, or -1. */
    long storedAlarm() throws SQLException {
        if (alarmMs == null) {
            ActorDatabase d = database();
            long v = -1;
            if (d.hasTable("_cf_METADATA")) {
                try (var rs = d.statement("SELECT value FROM _cf_METADATA WHERE key = 1").executeQuery()) {
                    if (rs.next()) v = Math.floorDiv(rs.getLong(1), 1_000_000L);
                }
            }
            alarmMs = v;
        }
        return alarmMs;
    }

    @HostAccess.Export
    public double getAlarm() {
        return js(() -> alarmRunning && !alarmSetDuringRun ? -1 : storedAlarm());
    }

    /** Sets the alarm (ms since the epoch, already validated and not in the past). */
    @HostAccess.Export
    public void setAlarm(double when) {
        long ms = (long) when;
        js(() -> {
            // The index first: if we stop before the object's write commits, the alarm fires, finds
            // nothing stored, and is dropped; the other order could lose an alarm.
            home.alarmIndex(className).set(id, ms, name);
            writeAlarm(ms);
            if (alarmRunning) alarmSetDuringRun = true;
            home.scheduleAlarm(this, ms, 0);
            return null;
        });
    }

    @HostAccess.Export
    public void deleteAlarm() {
        js(() -> {
            if (storedAlarm() < 0) return null;
            writeAlarm(-1);
            if (alarmRunning) alarmSetDuringRun = false;
            home.cancelAlarm(this);
            home.alarmIndex(className).delete(id);
            return null;
        });
    }

    /** Writes (or with -1 removes) the stored alarm inside the implicit transaction. */
    void writeAlarm(long ms) throws SQLException {
        beforeWrite(true);
        ActorDatabase d = database();
        if (ms < 0) {
            if (d.hasTable("_cf_METADATA")) d.run("DELETE FROM _cf_METADATA WHERE key = 1");
        } else {
            d.run("CREATE TABLE IF NOT EXISTS _cf_METADATA (key INTEGER PRIMARY KEY, value BLOB)");
            var p = d.statement("INSERT INTO _cf_METADATA (key, value) VALUES (1, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            p.setLong(1, ms * 1_000_000L);
            p.executeUpdate();
        }
        alarmMs = ms;
    }

    private static String latin1(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.ISO_8859_1);
    }
}
