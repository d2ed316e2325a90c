package dev.jworkers.runtime.shard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.PolyglotException;

import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.actor.DurableCommits;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.io.ResponseSink;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.outbound.OutboundClient;
import dev.jworkers.runtime.worker.WorkerInstance;
import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * One event-loop thread and everything it owns: a Context per Worker and the requests in flight on
 * it. Every call into one of its Contexts happens on {@link #loop}; work finishing elsewhere posts
 * back with {@code loop.execute}. The watchdog reads the volatile slice fields from its own thread.
 */
public final class Shard {
    private static final Log LOG = Log.get("shard");
    private static final FastThreadLocal<Shard> CURRENT = new FastThreadLocal<>();

    public final int index;
    public final EventLoop loop;
    private final ShardGroup group;
    private final Map<String, WorkerInstance> workers = new LinkedHashMap<>();
    private final IntObjectHashMap<RequestContext> requests = new IntObjectHashMap<>();
    private int nextRequestId = 1;
    private final DurableCommits commits;
    private OutboundClient outbound;

    // The JS slice now running (read by the watchdog).
    volatile long sliceStartNanos;
    volatile long sliceSeq;
    volatile WorkerInstance sliceWorker;
    volatile long interruptedSeq = -1;
    private RequestContext sliceRequest;
    private int depth;

    Shard(int index, EventLoop loop, ShardGroup group) {
        this.index = index;
        this.loop = loop;
        this.group = group;
        this.commits = new DurableCommits(loop);
    }

    /** Where this shard's Durable Objects commit their writes (one group commit per shard). */
    public DurableCommits commits() { return commits; }

    public ActorSettings actorSettings() { return group.actorSettings; }

    /** This shard's outbound HTTP connections (global fetch()), made on first use. */
    public OutboundClient outbound() {
        if (outbound == null) outbound = new OutboundClient(group.outbound, loop);
        return outbound;
    }

    public static final String CPU_LIMIT_BODY = "Worker exceeded CPU time limit.\n";

    /** True while the running slice is being interrupted by the watchdog. */
    public boolean interrupting() { return depth > 0 && interruptedSeq == sliceSeq; }

    /** The shard whose thread this is, or null on other threads. */
    public static Shard current() { return CURRENT.get(); }

    void bindThread() { CURRENT.set(this); }

    void addWorker(WorkerInstance w) { workers.put(w.name(), w); }

    /** The static assets of Worker {@code name} (shared by every shard), or null when it has none. */
    public AssetServer assets(String name) { return group.assets.get(name); }

    /** The Worker named {@code name} on this shard, or null (not loaded here yet, or no such Worker). */
    public WorkerInstance worker(String name) { return workers.get(name); }

    /** RPC calls and service-binding fetches queued for this shard and not yet started. */
    private final AtomicInteger queuedCalls = new AtomicInteger();

    /**
     * Queues a call for this shard (from any thread). Returns false, and counts a rejection, when
     * {@link #maxQueuedCalls()} calls are already waiting: an overloaded target pushes back on its
     * callers instead of growing its queue without bound.
     */
    public boolean offerCall(Runnable call) {
        if (queuedCalls.incrementAndGet() > group.maxQueuedCalls) {
            queuedCalls.decrementAndGet();
            group.rejectedCalls.increment();
            return false;
        }
        loop.execute(() -> {
            queuedCalls.decrementAndGet();
            call.run();
        });
        return true;
    }

    public int maxQueuedCalls() { return group.maxQueuedCalls; }

    /** Where calls from this shard to {@code worker} run (another shard when the Worker is not loaded here). */
    public Shard shardFor(String worker) { return group.shardFor(worker, this); }

    /** The shard that owns Durable Object {@code actorId} of {@code worker}: the same for every caller. */
    public Shard shardForActor(String worker, String actorId) { return group.shardForActor(worker, actorId); }

    /** The unique key of the namespace of class {@code className} exported by {@code worker}. */
    public String uniqueKey(String worker, String className) { return group.uniqueKey(worker, className); }

    /** Counts a call that leaves this shard for another. */
    public void countCrossShard() { group.crossShardCalls.increment(); }

    /** Counts objects exported to other contexts (RPC stubs' targets) that are still referenced. */
    public void liveExports(int delta) { group.liveExports.add(delta); }

    /** Registers a new incoming request; it is counted in flight until it finishes. */
    public RequestContext newRequest(String method, String url, String headersBlob, byte[] body, ResponseSink sink) {
        int id = nextRequestId++;
        if (nextRequestId == Integer.MAX_VALUE) nextRequestId = 1;
        RequestContext rc = new RequestContext(id, method, url, headersBlob, body, sink, this::requestFinished);
        requests.put(id, rc);
        group.inFlight.incrementAndGet();
        return rc;
    }

    private void requestFinished(int id) {
        if (requests.remove(id) != null) group.inFlight.decrementAndGet();
    }

    /** A request still in flight on this shard, or null. */
    public RequestContext request(int id) { return requests.get(id); }

    /** The request the running JS slice works for, if known (timers inherit it). */
    public RequestContext currentRequest() { return sliceRequest; }

    /**
     * Runs one slice of JS for {@code rc} (may be null) under the watchdog. An interrupted slice fails
     * its request; other escaping errors are logged. Microtasks drain before the outermost call returns.
     */
    public void runJs(WorkerInstance w, RequestContext rc, Runnable body) {
        boolean outer = depth++ == 0;
        RequestContext saved = sliceRequest;
        sliceRequest = rc;
        if (outer) {
            sliceWorker = w;
            sliceSeq++;
            sliceStartNanos = System.nanoTime();
        }
        try {
            body.run();
        } catch (PolyglotException e) {
            if (e.isInterrupted() || e.isCancelled()) {
                String what = rc == null ? "JS outside any request" : (rc.method + " " + rc.url);
                w.log().error(what + " exceeded the CPU time limit of " + w.cpuLimitMillis() + " ms and was interrupted");
                if (rc != null) rc.fail(503, CPU_LIMIT_BODY);
            } else if (rc != null) {
                w.log().error("Uncaught " + WorkerInstance.describe(e));
                rc.fail(500, "Internal Server Error\n");
            } else {
                w.log().error("Uncaught " + WorkerInstance.describe(e));
            }
        } finally {
            sliceRequest = saved;
            if (--depth == 0) {
                sliceStartNanos = 0;
                sliceWorker = null;
            }
        }
    }

    /** Fails everything still in flight (shutdown). Runs on the shard thread. */
    void abandonAll() {
        for (RequestContext rc : requests.values().toArray(new RequestContext[0])) rc.abandon();
    }

    void closeWorkers() {
        for (WorkerInstance w : workers.values()) {
            try {
                w.close();
            } catch (RuntimeException e) {
                LOG.debug("closing " + w.name() + " on shard " + index + ": " + e);
            }
        }
        workers.clear();
    }
}
