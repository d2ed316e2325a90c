package dev.jworkers.runtime.actor;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.io.ResponseSink;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;

/**
 * {@code ops.actors}: the Durable Objects one Worker hosts on one shard (the ids that hash to it),
 * by class and id. It opens their storage, evicts idle ones and bounds the open databases. The JS
 * side (actors.js) keeps the instances; the host tells it when one is evicted or reset.
 */
public final class Actors {
    final Shard shard;
    private final WorkerInstance worker;
    private final WorkerConfig config;
    final ActorSettings settings;
    final DurableCommits commits;
    final Log log;
    private final Map<String, Actor> live = new HashMap<>();
    /** Actors with an open database, least recently used first. */
    private final LinkedHashMap<Actor, Boolean> open = new LinkedHashMap<>(16, 0.75f, true);
    private Value raiseFn, dropFn, alarmFn;
    private final Map<String, AlarmIndex> alarmIndexes = new HashMap<>();
    private final Map<String, ScheduledFuture<?>> alarmTimers = new HashMap<>();
    /** workerd's retry policy: up to six retries, 2 s doubling. */
    static final int ALARM_RETRIES = 6;

    public Actors(Shard shard, WorkerInstance worker, WorkerConfig config) {
        this.shard = shard;
        this.worker = worker;
        this.config = config;
        this.settings = shard.actorSettings();
        this.commits = shard.commits();
        this.log = Log.get(config.name());
    }

    /** actors.js hands over how to throw a JS error from the host and how to drop an instance. */
    @HostAccess.Export
    public void init(Value raise, Value drop, Value alarm) {
        if (raiseFn != null) throw new IllegalStateException("actors already initialised");
        this.raiseFn = raise;
        this.dropFn = drop;
        this.alarmFn = alarm;
    }

    /** The live object {@code id} of {@code className}, made if needed (its JS instance is made by actors.js). */
    public Actor get(String className, String id, String name) {
        String key = key(className, id);
        Actor a = live.get(key);
        if (a == null) {
            a = new Actor(this, className, id, name, config.sqlStorage(className));
            live.put(key, a);
        }
        return a;
    }

    /** How the maps here name an object (as actors.js does). */
    private static String key(String className, String id) { return className + ":" + id; }

    /** For actors.js, when it constructs an instance: its host side. */
    @HostAccess.Export
    public Actor actor(String className, String id, String name) {
        return get(className, id, name);
    }

    /** How long blockConcurrencyWhile() may hold an object, for actors.js. */
    @HostAccess.Export
    public double blockLimitMillis() { return settings.blockLimit().toMillis(); }

    /** Objects live now (tests and the heap benchmark). */
    public int liveCount() { return live.size(); }

    /** Open databases now. */
    public int openCount() { return open.size(); }

    /** The folder of {@code className}'s databases: {@code <storage>/<unique key>}, or null in memory. */
    Path folder(String className) {
        return settings.storage() == null ? null : settings.storage().resolve(config.uniqueKey(className));
    }

    void opened(Actor a) {
        open.put(a, Boolean.TRUE);
        if (open.size() <= settings.maxOpenDatabases()) return;
        for (Actor old : open.keySet().toArray(new Actor[0])) {
            if (open.size() <= settings.maxOpenDatabases()) break;
            if (old != a) old.closeIfIdle();
        }
    }

    void used(Actor a) { open.get(a); }

    void closed(Actor a) { open.remove(a); }

    /** Idle for the timeout: the instance is dropped and storage closed; the next event starts afresh. */
    void evict(Actor a) {
        a.evicted = true;
        live.remove(key(a.className, a.id), a);
        a.shutdown();
        if (dropFn != null && !worker.closed()) runJs(() -> dropFn.executeVoid(a.className, a.id));
    }

    /** A broken object: it and its instance are dropped so the next event constructs them again. */
    void reset(Actor a) {
        live.remove(key(a.className, a.id), a);
        if (dropFn != null && !worker.closed()) runJs(() -> dropFn.executeVoid(a.className, a.id));
    }

    void runJs(Runnable r) { shard.runJs(worker, null, r); }

    /**
     * Throws a JS error of class {@code ctor} into the JS that called the host: calling actors.js's
     * raise function throws, and the exception travels back into JS as the original error.
     */
    RuntimeException raise(String ctor, String message) {
        try {
            raiseFn.executeVoid(ctor, message);
        } catch (PolyglotException e) {
            return e;
        }
        return new IllegalStateException(message);
    }

    // --- alarms ---

    AlarmIndex alarmIndex(String className) {
        return alarmIndexes.computeIfAbsent(className, c -> AlarmIndex.of(folder(c)));
    }

    /** The Durable Object classes this Worker exports: its migrations' classes and the bindings to its own classes. */
    private Set<String> ownClasses() {
        Set<String> out = new LinkedHashSet<>();
        for (var m : config.migrations()) {
            out.addAll(m.newClasses());
            out.addAll(m.newSqliteClasses());
            for (var r : m.renamedClasses()) out.add(r.to());
        }
        for (var b : config.durableObjects()) if (b.scriptName() == null || b.scriptName().equals(config.name())) out.add(b.className());
        return out;
    }

    /** At start-up: schedules the stored alarms of the objects this shard owns. */
    public void restoreAlarms() {
        if (settings.storage() == null) return;
        for (String c : ownClasses()) {
            try {
                for (AlarmIndex.Entry e : alarmIndex(c).all()) {
                    if (shard.shardForActor(config.name(), e.id()) == shard) schedule(c, e.id(), e.name(), e.timeMillis(), 0);
                }
            } catch (SQLException | IllegalStateException e) {
                log.error("cannot read the stored alarms of class " + c + ": " + e.getMessage());
            }
        }
    }

    void scheduleAlarm(Actor a, long ms, int retry) {
        schedule(a.className, a.id, a.name, ms, retry);
    }

    private void schedule(String className, String id, String name, long ms, int retry) {
        String key = key(className, id);
        ScheduledFuture<?> old = alarmTimers.remove(key);
        if (old != null) old.cancel(false);
        long delay = Math.max(0, ms - System.currentTimeMillis());
        alarmTimers.put(key, shard.loop.schedule(() -> fireAlarm(className, id, name, retry), delay, TimeUnit.MILLISECONDS));
    }

    void cancelAlarm(Actor a) {
        ScheduledFuture<?> old = alarmTimers.remove(key(a.className, a.id));
        if (old != null) old.cancel(false);
    }

    /** An alarm is due: runs the object's alarm() handler as an event, retrying on failure. */
    private void fireAlarm(String className, String id, String name, int retry) {
        alarmTimers.remove(key(className, id));
        if (worker.closed()) return;
        Actor a = get(className, id, name);
        long stored;
        try {
            stored = a.storedAlarm();
        } catch (SQLException e) {
            log.error("Durable Object " + className + " " + id + ": cannot read its alarm: " + SqlErrors.message(e));
            return;
        }
        long now = System.currentTimeMillis();
        if (stored < 0) {
            // Deleted (or never committed): nothing to run.
            try {
                alarmIndex(className).delete(id);
            } catch (SQLException e) {
                log.warn("cannot drop a stale alarm entry: " + SqlErrors.message(e));
            }
            return;
        }
        if (stored > now && retry == 0) {
            schedule(className, id, name, stored, 0);
            return;
        }
        a.alarmRunning = true;
        a.alarmSetDuringRun = false;
        RequestContext rc = shard.newRequest("ALARM", className + "/" + id, "", null, new AlarmSink(this, a, retry));
        rc.forActor(a);
        shard.runJs(worker, rc, () -> alarmFn.executeVoid(rc.id, className, id, name, retry));
    }

    /** The handler settled (JS): done once its writes are durable, or retried later. */
    @HostAccess.Export
    public void alarmDone(int requestId, boolean ok, String error) {
        RequestContext rc = shard.request(requestId);
        if (rc == null || rc.responded() || !(rc.sink() instanceof AlarmSink sink)) return;
        if (ok) sink.actor.output(sink::succeeded, () -> sink.failed("its writes failed"));
        else sink.failed(error);
        rc.responseDone();
    }

    /** Completion of one alarm run. */
    private static final class AlarmSink implements ResponseSink {
        final Actors home;
        final Actor actor;
        final int retry;
        private boolean done;

        AlarmSink(Actors home, Actor actor, int retry) {
            this.home = home;
            this.actor = actor;
            this.retry = retry;
        }

        void succeeded() {
            if (done) return;
            done = true;
            actor.alarmRunning = false;
            if (actor.alarmSetDuringRun) return;
            try {
                actor.writeAlarm(-1);
                home.alarmIndex(actor.className).delete(actor.id);
            } catch (SQLException e) {
                home.log.error("Durable Object " + actor.className + " " + actor.id + ": cannot clear its alarm: " + SqlErrors.message(e));
            }
        }

        void failed(String why) {
            if (done) return;
            done = true;
            actor.alarmRunning = false;
            if (actor.alarmSetDuringRun) return;
            if (retry >= ALARM_RETRIES) {
                home.log.error("Durable Object " + actor.className + " " + actor.id + ": alarm() failed " + (retry + 1)
                        + " times; giving up: " + why);
                succeeded0();
                return;
            }
            long backoff = 2000L << retry;
            home.log.warn("Durable Object " + actor.className + " " + actor.id + ": alarm() failed (" + why + "); retry " + (retry + 1)
                    + " in " + backoff + " ms");
            home.schedule(actor.className, actor.id, actor.name, System.currentTimeMillis() + backoff, retry + 1);
        }

        private void succeeded0() {
            done = false;
            succeeded();
        }

        @Override public void error(int status, String body) { failed(body.strip()); }
        @Override public void full(int status, String reason, String headersBlob, io.netty.buffer.ByteBuf body) { if (body != null) body.release(); }
        @Override public void start(int status, String reason, String headersBlob) {}
        @Override public int write(io.netty.buffer.ByteBuf chunk) { chunk.release(); return GONE; }
        @Override public void whenWritable(Runnable task) {}
        @Override public void end() {}
    }

    /** The Worker is closing: storage is closed (committed transactions stay as they are). */
    public void closeAll() {
        for (ScheduledFuture<?> f : alarmTimers.values()) f.cancel(false);
        alarmTimers.clear();
        for (Actor a : live.values()) a.shutdown();
        live.clear();
    }
}
