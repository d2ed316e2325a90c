package dev.jworkers.runtime;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.config.Listener;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.cron.CronTriggers;
import dev.jworkers.runtime.js.JsEngine;
import dev.jworkers.runtime.outbound.OutboundSettings;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.server.HttpServer;
import dev.jworkers.runtime.server.ServerLimits;
import dev.jworkers.runtime.server.ServerStats;
import dev.jworkers.runtime.shard.ShardGroup;
import dev.jworkers.runtime.worker.WorkerBundle;
import dev.jworkers.runtime.worker.WorkerLoadException;

/**
 * A running runtime: the JS engine, the shards with their Workers, and the HTTP listeners.
 * {@code tools/runtime serve} runs one; tests start them in-process on ephemeral ports.
 */
public final class RuntimeNode implements AutoCloseable {
    private static final Log LOG = Log.get("node");

    /**
     * What to run and where. Every Worker is loaded on every shard; each listener routes to them by
     * name. {@code engine} may be shared between nodes (tests); null makes a new one.
     */
    public record Options(List<WorkerConfig> workers, List<Listener> listeners, int shards, boolean noJit,
                          ServerLimits limits, JsEngine engine, ActorSettings actors, boolean testScheduled,
                          OutboundSettings outbound) {
        public Options {
            if (actors == null) actors = ActorSettings.IN_MEMORY;
            if (outbound == null) outbound = OutboundSettings.DIRECT;
            workers = List.copyOf(workers);
            listeners = List.copyOf(listeners);
            Set<String> names = new HashSet<>();
            for (WorkerConfig w : workers) {
                if (!names.add(w.name())) throw new IllegalArgumentException("two Workers are named '" + w.name() + "'");
            }
            if (listeners.isEmpty()) throw new IllegalArgumentException("no listener");
            for (Listener l : listeners) {
                for (String t : served(l)) {
                    if (!names.contains(t)) throw new IllegalArgumentException("listener " + l.address() + " routes to Worker '" + t + "', which is not loaded");
                }
            }
            for (WorkerConfig w : workers) {
                if (w.shards() != 0 && servedNames(listeners).contains(w.name())) {
                    throw new IllegalArgumentException("Worker '" + w.name() + "' is served by a listener, so it must run on every shard "
                            + "(only Workers reached through bindings may be placed on fewer shards)");
                }
            }
        }

        /** The Workers some listener sends requests to: they need a fetch handler. */
        public Set<String> servedNames() {
            return servedNames(listeners);
        }

        private static Set<String> servedNames(List<Listener> listeners) {
            Set<String> out = new HashSet<>();
            for (Listener l : listeners) out.addAll(served(l));
            return out;
        }

        private static List<String> served(Listener l) {
            List<String> targets = new ArrayList<>(l.hosts().values());
            if (l.worker() != null) targets.add(l.worker());
            return targets;
        }

        /** One Worker on one address: every request goes to it. */
        public Options(List<WorkerConfig> workers, String host, int port, int shards, boolean noJit, ServerLimits limits, JsEngine engine) {
            this(workers, List.of(Listener.of(host, port, workers.get(0).name())), shards, noJit, limits, engine, null, false, null);
        }

        /** Durable Objects kept in memory. */
        public Options(List<WorkerConfig> workers, List<Listener> listeners, int shards, boolean noJit, ServerLimits limits, JsEngine engine) {
            this(workers, listeners, shards, noJit, limits, engine, null, false, null);
        }

        public Options withActors(ActorSettings a) {
            return new Options(workers, listeners, shards, noJit, limits, engine, a, testScheduled, outbound);
        }

        /** wrangler's --test-scheduled: GET /__scheduled?cron=... runs the scheduled handler. */
        public Options withTestScheduled(boolean on) {
            return new Options(workers, listeners, shards, noJit, limits, engine, actors, on, outbound);
        }

        /** Where global fetch() connects (see {@link OutboundSettings}). */
        public Options withOutbound(OutboundSettings o) {
            return new Options(workers, listeners, shards, noJit, limits, engine, actors, testScheduled, o);
        }
    }

    private final JsEngine engine;
    private final boolean ownsEngine;
    private final ShardGroup shards;
    private final HttpServer server;
    private final List<InetSocketAddress> addresses;

    private RuntimeNode(JsEngine engine, boolean ownsEngine, ShardGroup shards, HttpServer server, List<InetSocketAddress> addresses) {
        this.engine = engine;
        this.ownsEngine = ownsEngine;
        this.shards = shards;
        this.server = server;
        this.addresses = addresses;
    }

    public static RuntimeNode start(Options o) throws WorkerLoadException, InterruptedException {
        long t0 = System.nanoTime();
        // The Engine takes a few hundred ms to build; the event loops and bundles are made meanwhile.
        CompletableFuture<JsEngine> engineFuture = o.engine() != null ? CompletableFuture.completedFuture(o.engine())
                : CompletableFuture.supplyAsync(() -> new JsEngine(o.noJit()), r -> Thread.ofPlatform().name("engine-init").start(r));
        boolean owns = o.engine() == null;
        List<WorkerBundle> bundles = new ArrayList<>();
        ShardGroup shards = null;
        HttpServer server = null;
        JsEngine engine = null;
        try {
            Set<String> served = o.servedNames();
            Map<String, AssetServer> assets = new HashMap<>();
            for (WorkerConfig w : o.workers()) {
                AssetServer a = w.assets() == null ? null : AssetServer.load(w, m -> LOG.warn(w.name() + ": " + m));
                if (a != null) {
                    assets.put(w.name(), a);
                    LOG.debug(w.name() + ": " + a.fileCount() + " static asset(s) from " + w.assets().directory());
                }
                if (!w.hasScript()) continue;   // assets only: no code to load
                WorkerBundle b = new WorkerBundle(w, a);
                // With assets, a script may have no fetch handler (say, only scheduled()): the files answer requests.
                bundles.add(served.contains(w.name()) && a == null ? b : b.reachedOnlyByBindings());
            }
            shards = new ShardGroup(o.shards(), bundles, assets, o.actors(), o.outbound());
            server = new HttpServer(shards, o.limits());
            if (o.testScheduled()) server.enableTestScheduled();
            engine = engineFuture.join();
            long t1 = System.nanoTime();
            shards.loadFirst(engine, bundles);
            long t2 = System.nanoTime();
            // Connections can be accepted now: those handed to shards still loading wait their turn.
            List<InetSocketAddress> bound = bind(server, o);
            shards.loadRest(engine, bundles);
            CronTriggers.start(shards, o.workers(), java.time.Clock.systemUTC());
            LOG.debug("engine ready after " + (t1 - t0) / 1_000_000 + " ms; first shard loaded in " + (t2 - t1) / 1_000_000
                    + " ms, the other " + (o.shards() - 1) + " in " + (System.nanoTime() - t2) / 1_000_000 + " ms");
            return new RuntimeNode(engine, owns, shards, server, bound);
        } catch (WorkerLoadException | RuntimeException e) {
            if (server != null) server.close();
            if (shards != null) shards.close();
            if (owns) {
                if (engine == null) engine = engineFuture.exceptionally(x -> null).join();
                if (engine != null) engine.close();
            }
            throw e;
        }
    }

    private static List<InetSocketAddress> bind(HttpServer server, Options o) throws InterruptedException {
        List<InetSocketAddress> bound = new ArrayList<>();
        for (Listener l : o.listeners()) {
            try {
                bound.add(server.bind(l));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot listen on " + l.address() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(bound);
    }

    /** The address each listener bound, in the order of {@code Options.listeners}. */
    public List<InetSocketAddress> addresses() { return addresses; }

    /** The first listener's address. */
    public InetSocketAddress address() { return addresses.get(0); }

    public int port() { return address().getPort(); }

    public ServerStats stats() { return server.stats(); }

    public JsEngine engine() { return engine; }

    /** The shards (tests read their counters and set the RPC queue limit). */
    public ShardGroup shards() { return shards; }

    /** Requests in flight, including those whose waitUntil work still runs. */
    public int inFlight() { return shards.inFlight(); }

    /** Graceful stop: no new connections, in-flight work gets {@code grace}; returns whether it all finished. */
    public boolean shutdown(Duration grace) throws InterruptedException {
        boolean drained = server.shutdown(grace);
        shards.close();
        if (ownsEngine) engine.close();
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ZERO);
    }
}
