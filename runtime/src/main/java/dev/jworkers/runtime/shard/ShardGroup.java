package dev.jworkers.runtime.shard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.actor.AlarmIndex;
import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.js.JsEngine;
import dev.jworkers.runtime.outbound.Outbound;
import dev.jworkers.runtime.outbound.OutboundSettings;
import dev.jworkers.runtime.worker.WorkerBundle;
import dev.jworkers.runtime.worker.WorkerInstance;
import dev.jworkers.runtime.worker.WorkerLoadException;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;

/** The shards: N Netty event loops, each owning one Context per Worker, plus the watchdog. */
public final class ShardGroup implements AutoCloseable {
    public static final boolean EPOLL = Epoll.isAvailable();

    private final EventLoopGroup group;
    private final List<Shard> shards = new ArrayList<>();
    private final Watchdog watchdog;
    final AtomicInteger inFlight = new AtomicInteger();
    /** Calls a shard may have queued before new ones are rejected (see {@link Shard#offerCall}). */
    volatile int maxQueuedCalls = DEFAULT_MAX_QUEUED_CALLS;
    final LongAdder rejectedCalls = new LongAdder();
    final LongAdder liveExports = new LongAdder();
    final LongAdder crossShardCalls = new LongAdder();
    /** Worker name -> on how many shards (the first N) it is loaded; 0 means all. */
    private final Map<String, Integer> placement = new HashMap<>();
    /** Every Worker's config, by name (for the unique keys of the Durable Object classes it exports). */
    private final Map<String, WorkerConfig> configs = new HashMap<>();
    public static final int DEFAULT_MAX_QUEUED_CALLS = 10_000;
    final ActorSettings actorSettings;
    final Outbound outbound;
    /** Worker name -> its static assets, for the Workers that have some (assets-only Workers have no bundle). */
    final Map<String, AssetServer> assets;

    /**
     * Starts {@code count} event loops; nothing runs on them until {@link #loadFirst}. {@code assets}:
     * the static assets of the Workers that have some, by Worker name.
     */
    public ShardGroup(int count, List<WorkerBundle> bundles, Map<String, AssetServer> assets, ActorSettings actorSettings,
                      OutboundSettings outbound) {
        this.actorSettings = actorSettings;
        this.outbound = new Outbound(outbound);
        this.assets = Map.copyOf(assets);
        this.group = new MultiThreadIoEventLoopGroup(count, threads("shard"), ioHandler());
        for (WorkerBundle b : bundles) {
            placement.put(b.config().name(), Math.min(count, b.config().shards()));
            configs.put(b.config().name(), b.config());
        }
        int i = 0;
        for (EventExecutor e : group) shards.add(new Shard(i++, (EventLoop) e, this));
        long smallest = bundles.stream().mapToLong(b -> b.config().cpuLimitMillis()).min().orElse(30_000);
        this.watchdog = new Watchdog(shards, smallest);
        watchdog.start();
    }

    /**
     * Loads every Worker on the first shard. It loads alone: it fills the Engine's shared code
     * cache, so the other shards reuse parsed sources instead of all parsing the same files cold
     * at once, and the listener can open as soon as one shard is ready.
     */
    public void loadFirst(JsEngine engine, List<WorkerBundle> bundles) throws WorkerLoadException {
        await(load(shards.subList(0, 1), engine, bundles));
    }

    /** Loads every Worker on the other shards, in parallel; their connections wait meanwhile. */
    public void loadRest(JsEngine engine, List<WorkerBundle> bundles) throws WorkerLoadException {
        await(load(shards.subList(1, shards.size()), engine, bundles));
    }

    private void await(List<Future<?>> loads) throws WorkerLoadException {
        try {
            for (Future<?> f : loads) f.get();
        } catch (ExecutionException e) {
            close();
            if (e.getCause() instanceof WorkerLoadException w) throw w;
            throw new IllegalStateException("loading Workers failed", e.getCause());
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading Workers");
        }
    }

    private List<Future<?>> load(List<Shard> some, JsEngine engine, List<WorkerBundle> bundles) {
        List<Future<?>> loads = new ArrayList<>();
        for (Shard s : some) {
            loads.add(s.loop.submit(() -> {
                s.bindThread();
                for (WorkerBundle b : bundles) {
                    if (s.index < shardsOf(b.config().name())) {
                        WorkerInstance w = WorkerInstance.load(engine, b, s);
                        s.addWorker(w);
                        w.actors().restoreAlarms();
                    }
                }
                return null;
            }));
        }
        return loads;
    }

    public static IoHandlerFactory ioHandler() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** Threads named {@code prefix-N}; FastThreadLocalThread makes Netty's thread-locals fast. */
    public static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new FastThreadLocalThread(r, prefix + "-" + n.getAndIncrement());
            t.setDaemon(false);
            return t;
        };
    }

    public EventLoopGroup eventLoops() { return group; }

    public List<Shard> shards() { return shards; }

    private int shardsOf(String worker) {
        int n = placement.getOrDefault(worker, 0);
        return n == 0 ? shards.size() : n;
    }

    /** The shard that serves calls from {@code from} to {@code worker}: {@code from} itself when it has the Worker. */
    Shard shardFor(String worker, Shard from) {
        int n = shardsOf(worker);
        return from.index < n ? from : shards.get(from.index % n);
    }

    /** The unique key of class {@code className} exported by Worker {@code worker}. */
    String uniqueKey(String worker, String className) {
        WorkerConfig c = configs.get(worker);
        return c != null ? c.uniqueKey(className) : worker + "-" + className;
    }

    /** One owner shard per object, among the shards that load its Worker. */
    Shard shardForActor(String worker, String actorId) {
        return shards.get(Math.floorMod(actorId.hashCode(), shardsOf(worker)));
    }

    /** Calls (RPC and binding fetches) that crossed from one shard to another. */
    public long crossShardCalls() { return crossShardCalls.sum(); }

    /** RPC calls and binding fetches rejected because the target shard's queue was full. */
    public long rejectedCalls() { return rejectedCalls.sum(); }

    /** Objects some context holds an RPC stub to; stubs are released when disposed or when their request ends. */
    public long liveExports() { return liveExports.sum(); }

    public void setMaxQueuedCalls(int n) {
        if (n < 1) throw new IllegalArgumentException("maxQueuedCalls must be positive");
        maxQueuedCalls = n;
    }

    /** Requests in flight, counting those whose waitUntil work is still running. */
    public int inFlight() { return inFlight.get(); }

    /** Waits until nothing is in flight or {@code timeout} passes; returns whether it drained. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        watchdog.stop();
        List<Future<?>> closing = new ArrayList<>();
        for (Shard s : shards) {
            if (s.loop.isShuttingDown()) continue;
            closing.add(s.loop.submit(() -> {
                s.abandonAll();
                s.closeWorkers();
            }));
        }
        for (Future<?> f : closing) {
            try {
                f.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // A shard that cannot close its Contexts in time is left to the JVM's exit.
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        AlarmIndex.closeUnder(actorSettings.storage());
    }
}
