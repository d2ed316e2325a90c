package dev.jworkers.runtime.rpc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

import dev.jworkers.runtime.actor.Actor;
import dev.jworkers.runtime.actor.ActorIds;
import dev.jworkers.runtime.actor.GatedSink;
import dev.jworkers.runtime.assets.AssetRequest;
import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.assets.AssetWriter;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.io.ResponseSink;
import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;

/**
 * {@code ops.rpc}: JS RPC and service-binding fetches between Worker contexts of this process.
 * Arguments and results cross as V8-serialized bytes (made and read in JS by rpc.js) plus a table of
 * capabilities: functions and RpcTargets travel as {@link RpcExport}s, and each context that receives
 * one holds it through an {@link RpcImport}. A call always runs on the shard that owns its target:
 * it is queued there (bounded, see {@link Shard#offerCall}), and its result is posted back to the
 * caller's shard. Calls from one context to one shard keep their order (each event loop runs its
 * task queue in order), which gives E-order per stub.
 */
public final class RpcOps {
    static final int VALUE = 0, THROWN = 1, MESSAGE = 2;

    final Shard shard;
    private final WorkerInstance worker;
    private Value deliverFn, settleFn, dropFn, fetchDoneFn, streamFn;
    private final AtomicInteger nextStreamId = new AtomicInteger(1);
    /** Response bodies streaming into this context from another one, by stream id. */
    final ConcurrentHashMap<Integer, BindingResponse> streams = new ConcurrentHashMap<>();

    public RpcOps(Shard shard, WorkerInstance worker) {
        this.shard = shard;
        this.worker = worker;
    }

    /** What rpc.js hands the host: how calls, results, releases and response bodies reach it. */
    @HostAccess.Export
    public void init(Value deliver, Value settle, Value drop, Value fetchDone, Value stream) {
        if (deliverFn != null) throw new IllegalStateException("rpc already initialised");
        this.deliverFn = deliver;
        this.settleFn = settle;
        this.dropFn = drop;
        this.fetchDoneFn = fetchDone;
        this.streamFn = stream;
    }

    /** The handle behind a service binding: Worker {@code service}'s entrypoint, on this shard if it is loaded here. */
    public RpcImport serviceHandle(String service, String entrypoint) {
        return new RpcImport(RpcExport.entrypoint(shard.shardFor(service), service, entrypoint));
    }

    /** The handle behind this Worker's assets binding: its static assets, served on this shard. */
    public RpcImport assetsHandle() {
        return new RpcImport(RpcExport.assets(shard, worker.name()));
    }

    /** The Durable Object namespaces this Worker's env binds, by index (see {@link #addNamespace}). */
    private final List<Namespace> namespaces = new ArrayList<>();

    /** A bound namespace: the class, the Worker that exports it, and its id space. */
    private record Namespace(String worker, String className, ActorIds ids) {}

    /**
     * Registers a namespace binding; returns its index for JS. Its unique key (what ids are derived
     * from, and its storage folder) is {@code <worker>-<class>}, stable for a Wrangler config, unless
     * the runtime config sets one.
     */
    public int addNamespace(String worker, String className) {
        namespaces.add(new Namespace(worker, className, new ActorIds(shard.uniqueKey(worker, className))));
        return namespaces.size() - 1;
    }

    @HostAccess.Export
    public String idFromName(int ns, String name) { return namespaces.get(ns).ids().idFromName(name); }

    @HostAccess.Export
    public String newUniqueId(int ns) { return namespaces.get(ns).ids().newUniqueId(); }

    /** The canonical id, or (when it is not one) workerd's message for why: callers tell them apart by form. */
    @HostAccess.Export
    public String parseId(int ns, String id) {
        try {
            return namespaces.get(ns).ids().parse(id);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The handle behind a Durable Object stub: the object lives on the shard its id hashes to. */
    @HostAccess.Export
    public RpcImport actorHandle(int ns, String id, String name) {
        Namespace n = namespaces.get(ns);
        return new RpcImport(RpcExport.actor(shard.shardForActor(n.worker(), id), n.worker(), n.className(), id, name));
    }

    /** A stub on one of this context's own objects ({@code new RpcStub(x)}). */
    @HostAccess.Export
    public RpcImport localStub(int exportId) {
        return scoped(new RpcImport(RpcExport.object(worker, shard, exportId)));
    }

    /** {@code stub.dup()}: another reference to the same target. Null if already released. */
    @HostAccess.Export
    public RpcImport dup(RpcImport handle) {
        return handle.released() ? null : scoped(new RpcImport(handle.export.retain()));
    }

    /**
     * Ties a stub made while a request runs to that request, as workerd ties it to the request's
     * I/O context: it is released when the request ends, so forgotten stubs do not pin their targets.
     */
    private RpcImport scoped(RpcImport imp) {
        RequestContext rc = shard.currentRequest();
        if (rc != null) rc.onFinish(imp::release);
        return imp;
    }

    @HostAccess.Export
    public void release(RpcImport handle) {
        handle.release();
    }

    /** The id of the request the running JS works for, 0 outside any. */
    @HostAccess.Export
    public int currentRequest() {
        RequestContext rc = shard.currentRequest();
        return rc == null ? 0 : rc.id;
    }

    /** Sends a call (payload: the serialized path and arguments); null, or why it could not be sent. */
    @HostAccess.Export
    public String call(RpcImport target, Value payload, int length, Value caps, int callId) {
        if (target.released()) return "RPC stub used after being disposed.";
        if (target.export.assets) return "The assets binding has no RPC methods: it takes fetch() only.";
        RpcExport[] exports = exportsOf(caps);
        Call c = new Call(target.export, bytes(payload, length), exports, this, callId, currentRequest());
        Shard to = target.export.shard;
        if (to != shard) shard.countCrossShard();
        Actor from = sendingActor();
        if (from != null) {
            // An outgoing call from a Durable Object waits at its output gate, like a response.
            from.output(() -> {
                if (!to.offerCall(() -> deliver(c))) {
                    releaseAll(exports);
                    c.settle(MESSAGE, queueFull(to), new RpcExport[0]);
                }
            }, () -> {
                releaseAll(exports);
                c.settle(MESSAGE, Actor.STORAGE_FAILED, new RpcExport[0]);
            });
            return null;
        }
        if (!to.offerCall(() -> deliver(c))) {
            releaseAll(exports);
            return queueFull(to);
        }
        return null;
    }

    /** The Durable Object the running JS works for, if any: what it sends passes its output gate. */
    private Actor sendingActor() {
        RequestContext rc = shard.currentRequest();
        return rc == null ? null : rc.actor();
    }

    /** The callee's answer to call {@code requestId}: a value or a thrown error, serialized. */
    @HostAccess.Export
    public void reply(int requestId, int kind, Value payload, int length, Value caps) {
        RpcExport[] exports = exportsOf(caps);
        RequestContext rc = shard.request(requestId);
        if (rc == null || rc.responded() || !(rc.sink() instanceof CallSink sink)) {
            releaseAll(exports);
            return;
        }
        String data = latin1(bytes(payload, length));
        if (rc.actor() == null) sink.call.settle(kind, data, exports);
        // A Durable Object's result waits at its output gate until the writes before it are durable.
        else rc.actor().output(() -> sink.call.settle(kind, data, exports),
                () -> sink.call.settle(MESSAGE, Actor.STORAGE_FAILED, new RpcExport[0]));
        rc.responseDone();
    }

    /** {@code binding.fetch(request)}: runs the target's fetch handler with the request; the body is buffered. */
    @HostAccess.Export
    public String fetch(RpcImport target, String method, String url, String headers, Value body, int length, int callId) {
        if (target.released()) return "RPC stub used after being disposed.";
        byte[] bytes = length < 0 ? null : bytes(body, length);
        RpcExport to = target.export;
        int callerRequest = currentRequest();
        if (to.shard != shard) shard.countCrossShard();
        Runnable start = () -> {
            WorkerInstance w = to.shard.worker(to.worker);
            BindingResponse sink = new BindingResponse(this, callId, callerRequest, to.shard);
            AssetServer assets = to.shard.assets(to.worker);
            // The assets binding, or a service binding to an assets-only Worker: answered from the files, never by a script.
            if (assets != null && (to.assets || (!assets.hasScript() && to.actorId == null))) {
                AssetRequest r = AssetRequest.of(method, url, headers);
                AssetWriter.write(assets.fetch(r), r, sink, false, to.shard.loop, () -> {});
                return;
            }
            if (w == null || w.closed()) {
                sink.error(503, "The Worker \"" + to.worker + "\" is not running.");
                return;
            }
            Actor actor = to.actorId == null ? null : w.actors().get(to.entrypoint, to.actorId, to.actorName);
            RequestContext rc = to.shard.newRequest(method, url, headers, bytes, actor == null ? sink : new GatedSink(actor, sink));
            if (actor != null) rc.forActor(actor);
            w.dispatch(rc, to.entrypoint, true, to.actorId, to.actorName);
        };
        Actor from = sendingActor();
        if (from != null) {
            from.output(() -> {
                if (!to.shard.offerCall(start)) new BindingResponse(this, callId, callerRequest, to.shard).error(503, queueFull(to.shard));
            }, () -> new BindingResponse(this, callId, callerRequest, to.shard).error(500, Actor.STORAGE_FAILED));
            return null;
        }
        return to.shard.offerCall(start) ? null : queueFull(to.shard);
    }

    /** A service-binding fetch handler threw: the caller's fetch() rejects with the (serialized) error. */
    @HostAccess.Export
    public void fetchThrew(int requestId, Value payload, int length) {
        RequestContext rc = shard.request(requestId);
        if (rc == null || rc.responded()) return;
        ResponseSink s = rc.sink() instanceof GatedSink g ? g.inner() : rc.sink();
        if (!(s instanceof BindingResponse sink)) return;
        String error = latin1(bytes(payload, length));
        if (rc.actor() == null) sink.threw(error);
        else rc.actor().output(() -> sink.threw(error), () -> sink.error(500, Actor.STORAGE_FAILED));
        rc.responseDone();
    }

    /** The caller consumed {@code bytes} of a streamed response body: the callee may write more. */
    @HostAccess.Export
    public void streamAck(int streamId, int bytes) {
        BindingResponse r = streams.get(streamId);
        if (r != null) r.ack(bytes);
    }

    /** The caller cancelled a streamed response body. */
    @HostAccess.Export
    public void streamCancel(int streamId) {
        BindingResponse r = streams.remove(streamId);
        if (r != null) r.cancel();
    }

    // --- the callee's side, on its shard ---

    private static void deliver(Call c) {
        WorkerInstance w = c.target.shard.worker(c.target.worker);
        AssetServer assets = c.target.shard.assets(c.target.worker);
        if (w == null && assets != null && !assets.hasScript()) {
            c.settle(MESSAGE, "The Worker \"" + c.target.worker + "\" has no script (it only serves static assets): it takes fetch() only.",
                    new RpcExport[0]);
            return;
        }
        if (w == null || w.closed()) {
            c.settle(MESSAGE, "The Worker \"" + c.target.worker + "\" is not running.", new RpcExport[0]);
            return;
        }
        w.rpc().accept(c);
    }

    private void accept(Call c) {
        RequestContext rc = shard.newRequest("RPC", c.target.toString(), "", null, new CallSink(c));
        if (c.target.actorId != null) rc.forActor(worker.actors().get(c.target.entrypoint, c.target.actorId, c.target.actorName));
        ProxyArray imports = importsOf(c.caps, rc);
        shard.runJs(worker, rc, () -> deliverFn.executeVoid(rc.id, c.target.id, c.target.entrypoint, latin1(c.payload), imports,
                c.target.actorId, c.target.actorName));
    }

    /** The last reference to export {@code id} is gone. */
    void drop(int id) {
        shard.runJs(worker, null, () -> dropFn.executeVoid(id));
    }

    // --- the caller's side, on its shard ---

    void settle(int callId, int callerRequest, int kind, String data, RpcExport[] caps) {
        if (worker.closed()) {
            releaseAll(caps);
            return;
        }
        RequestContext rc = callerRequest == 0 ? null : shard.request(callerRequest);
        boolean gone = callerRequest != 0 && (rc == null || rc.finished());
        ProxyArray imports = importsOf(caps, gone ? null : rc);
        if (gone) {
            // The request that made the call is over: its stubs would never be released.
            for (int i = 0; i < imports.getSize(); i++) ((RpcImport) imports.get(i)).release();
            rc = null;
        }
        RequestContext at = rc;
        shard.runJs(worker, at, () -> settleFn.executeVoid(callId, kind, data, imports));
    }

    int newStreamId() { return nextStreamId.getAndIncrement(); }

    void fetchDone(int callId, int callerRequest, int kind, int status, String reason, String headers, String body, int streamId) {
        if (worker.closed()) {
            if (streamId != 0) streamCancel(streamId);
            return;
        }
        RequestContext rc = callerRequest == 0 ? null : shard.request(callerRequest);
        shard.runJs(worker, rc, () -> fetchDoneFn.executeVoid(callId, kind, status, reason, headers, body, streamId));
    }

    void streamEvent(int streamId, int event, String data) {
        if (worker.closed()) {
            streamCancel(streamId);
            return;
        }
        shard.runJs(worker, null, () -> streamFn.executeVoid(streamId, event, data));
    }

    // --- helpers ---

    private RpcExport[] exportsOf(Value caps) {
        int n = caps == null || caps.isNull() ? 0 : (int) caps.getArraySize();
        RpcExport[] out = new RpcExport[n];
        for (int i = 0; i < n; i++) {
            Value v = caps.getArrayElement(i);
            if (v.isNumber()) out[i] = RpcExport.object(worker, shard, v.asInt());
            else if (v.isHostObject() && v.asHostObject() instanceof RpcImport imp && !imp.released()) out[i] = imp.export.retain();
            else {
                releaseAll(Arrays.copyOf(out, i));
                throw new IllegalArgumentException("not a capability: " + v);
            }
        }
        return out;
    }

    /** Handles for received capabilities; with a request, they are released when it finishes. */
    private static ProxyArray importsOf(RpcExport[] caps, RequestContext rc) {
        Object[] out = new Object[caps.length];
        for (int i = 0; i < caps.length; i++) {
            RpcImport imp = new RpcImport(caps[i]);
            out[i] = imp;
            if (rc != null) rc.onFinish(imp::release);
        }
        return ProxyArray.fromArray(out);
    }

    static void releaseAll(RpcExport[] caps) {
        for (RpcExport e : caps) if (e != null) e.release();
    }

    private static String queueFull(Shard to) {
        return "RPC call rejected: shard " + to.index + " already has " + to.maxQueuedCalls()
                + " calls queued (the limit); the target is overloaded.";
    }

    private static byte[] bytes(Value buffer, int length) {
        byte[] b = new byte[length];
        if (length > 0) buffer.readBuffer(0, b, 0, length);
        return b;
    }

    static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** One call on its way: where it goes, what it carries, and whom to answer. */
    record Call(RpcExport target, byte[] payload, RpcExport[] caps, RpcOps caller, int callId, int callerRequest) {
        /** Posts the result to the caller's shard. */
        void settle(int kind, String data, RpcExport[] results) {
            caller.shard.loop.execute(() -> caller.settle(callId, callerRequest, kind, data, results));
        }
    }
}
