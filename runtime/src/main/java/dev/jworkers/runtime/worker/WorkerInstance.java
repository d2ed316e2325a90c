package dev.jworkers.runtime.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.jworkers.jsapi.JsApi;
import dev.jworkers.runtime.actor.Actors;
import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.io.ConsoleOps;
import dev.jworkers.runtime.io.HttpOps;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.io.TimerOps;
import dev.jworkers.runtime.js.JsEngine;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.outbound.OutboundOps;
import dev.jworkers.runtime.rpc.RpcOps;
import dev.jworkers.runtime.shard.Shard;

/**
 * One Worker loaded into one shard's Context: the web platform, the user's code, and the fetch
 * dispatcher. Only its shard's thread calls into it.
 */
public final class WorkerInstance implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Source DISPATCH = JsApi.source(WorkerInstance.class, "js/dispatch.js", "dispatch.js");
    private static final Source RPC = JsApi.source(WorkerInstance.class, "js/rpc.js", "rpc.js");
    private static final Source ACTORS = JsApi.source(WorkerInstance.class, "js/actors.js", "actors.js");
    private static final Source OUTBOUND = JsApi.source(WorkerInstance.class, "js/outbound.js", "outbound.js");
    private static final Source STORAGE = JsApi.source(WorkerInstance.class, "js/storage.js", "storage.js");

    private final WorkerBundle bundle;
    private final Shard shard;
    private final Context context;
    private final Log log;
    private final TimerOps timers;
    private final RpcOps rpc;
    private final Actors actors;
    private final AssetServer assets;
    private Value dispatchFetch;
    private Value dispatchScheduled;
    private boolean closed;

    private WorkerInstance(JsEngine engine, WorkerBundle bundle, Shard shard) {
        this.bundle = bundle;
        this.shard = shard;
        this.log = Log.get(bundle.config().name());
        this.context = engine.newContext(bundle.fs(), new LineLogger(log, bundle.config().name()));
        this.timers = new TimerOps(shard, this);
        this.rpc = new RpcOps(shard, this);
        this.actors = new Actors(shard, this, bundle.config());
        this.assets = bundle.assets();
    }

    /** Loads the Worker on the calling shard thread; fails with the file, line and reason. */
    public static WorkerInstance load(JsEngine engine, WorkerBundle bundle, Shard shard) throws WorkerLoadException {
        long t0 = System.nanoTime();
        WorkerInstance w = new WorkerInstance(engine, bundle, shard);
        w.contextNanos = System.nanoTime() - t0;
        try {
            w.start();
            return w;
        } catch (WorkerLoadException e) {
            w.close();
            throw e;
        }
    }

    private long contextNanos;

    private void start() throws WorkerLoadException {
        long t0 = System.nanoTime();
        Map<String, Object> ops = Map.of(
                "console", new ConsoleOps(name(), Log.stdout(), Log.stderr()),
                "timers", timers,
                "http", new HttpOps(shard, this),
                "rpc", rpc,
                "actors", actors,
                "outbound", new OutboundOps(shard, this));
        Value internal = JsApi.install(context, ops, List.of(RPC, OUTBOUND, STORAGE, ACTORS, DISPATCH));
        boolean serviceWorker = bundle.format() == ScriptFormat.SERVICE_WORKER;
        internal.invokeMember("setEnv", envJson(), serviceWorker);
        for (WorkerConfig.ServiceBinding s : bundle.config().services()) {
            internal.invokeMember("addServiceBinding", s.binding(), rpc.serviceHandle(s.service(), s.entrypoint()));
        }
        WorkerConfig.Assets a = bundle.config().assets();
        if (a != null && a.binding() != null) internal.invokeMember("addAssetsBinding", a.binding(), rpc.assetsHandle());
        for (WorkerConfig.DurableObjectBinding d : bundle.config().durableObjects()) {
            String owner = d.scriptName() != null ? d.scriptName() : name();
            internal.invokeMember("addNamespaceBinding", d.name(), rpc.addNamespace(owner, d.className()));
        }
        long t1 = System.nanoTime();
        boolean[] hasFetch = new boolean[1];
        WorkerLoadException[] failure = new WorkerLoadException[1];
        shard.runJs(this, null, () -> {
            try {
                if (serviceWorker) {
                    context.eval(Source.newBuilder("js", bundle.entryText(), bundle.entry()).buildLiteral());
                    hasFetch[0] = internal.invokeMember("useServiceWorker").asBoolean();
                } else {
                    String wrapper = "import * as ns from " + ModuleTypes.jsString(bundle.entry()) + "; export { ns };";
                    Value exports = context.eval(Source.newBuilder("js", wrapper, "internal:entry.mjs")
                            .mimeType("application/javascript+module").buildLiteral());
                    hasFetch[0] = internal.invokeMember("useModule", exports.getMember("ns")).asBoolean();
                }
            } catch (PolyglotException e) {
                failure[0] = new WorkerLoadException(loadError(e));
            }
        });
        if (failure[0] != null) throw failure[0];
        if (!hasFetch[0] && bundle.needsFetch()) {
            String file = bundle.displayPath(bundle.entry());
            throw new WorkerLoadException(file + ": no fetch handler: "
                    + (serviceWorker ? "the script did not call addEventListener('fetch', ...)"
                                     : "the module has no default export with a fetch(request, env, ctx) method"));
        }
        this.dispatchFetch = internal.getMember("dispatchFetch");
        this.dispatchScheduled = internal.getMember("dispatchScheduled");
        if (Log.enabled(Log.Level.DEBUG)) {
            log.debug("loaded on shard " + shard.index + ": context " + contextNanos / 1_000_000 + " ms, web APIs "
                    + (t1 - t0) / 1_000_000 + " ms, Worker code " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        }
    }

    private String envJson() {
        ObjectNode env = JSON.createObjectNode();
        try {
            for (var e : bundle.config().vars().entrySet()) {
                if (e.getValue().json()) env.set(e.getKey(), JSON.readTree(e.getValue().text()));
                else env.put(e.getKey(), e.getValue().text());
            }
            return JSON.writeValueAsString(env);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "file:line:column: reason" for an exception thrown while loading the Worker. */
    private String loadError(PolyglotException e) {
        if (e.isInterrupted() || e.isCancelled()) {
            return bundle.displayPath(bundle.entry()) + ": top-level code exceeded the CPU time limit of " + cpuLimitMillis() + " ms";
        }
        SourceSection at = e.getSourceLocation();
        if (at == null || !isUserSource(at)) {
            for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
                if (f.isGuestFrame() && f.getSourceLocation() != null && isUserSource(f.getSourceLocation())) {
                    at = f.getSourceLocation();
                    break;
                }
            }
        }
        String where = at != null && isUserSource(at)
                ? bundle.displayPath(at.getSource().getName().startsWith("/") ? at.getSource().getName() : at.getSource().getPath())
                        + ":" + at.getStartLine() + ":" + at.getStartColumn()
                : bundle.displayPath(bundle.entry());
        String msg = e.getMessage();
        if (e.isSyntaxError()) {
            // GraalJS puts "name:line:col " before the reason; the location is already printed.
            msg = msg.replaceFirst("^\\S+:\\d+:\\d+ ", "");
            return where + ": SyntaxError: " + msg;
        }
        return where + ": Uncaught " + msg;
    }

    private static boolean isUserSource(SourceSection s) {
        String n = s.getSource().getName();
        return n != null && !n.startsWith("internal:");
    }

    /** An error for the log: the JS stack when there is one, else the message. */
    public static String describe(PolyglotException e) {
        if (e.isGuestException()) {
            Value v = e.getGuestObject();
            if (v != null && v.hasMember("stack")) {
                Value stack = v.getMember("stack");
                if (stack.isString()) return stack.asString();
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** Hands a request from a listener to the Worker's fetch handler; runs on this shard's thread. */
    public void dispatch(RequestContext rc) {
        dispatch(rc, null, false);
    }

    /**
     * Hands a request to the fetch handler of {@code entrypoint} (null: the default export). From a
     * service binding ({@code binding}), a thrown error goes back to the calling Worker.
     */
    public void dispatch(RequestContext rc, String entrypoint, boolean binding) {
        dispatch(rc, entrypoint, binding, null, null);
    }

    /** As above, for Durable Object {@code actorId} of class {@code entrypoint} when it is not null. */
    public void dispatch(RequestContext rc, String entrypoint, boolean binding, String actorId, String actorName) {
        shard.runJs(this, rc, () -> dispatchFetch.executeVoid(rc.id, rc.method, rc.url, rc.headersBlob, rc.hasBody(), entrypoint, binding,
                actorId, actorName));
    }

    /**
     * Runs the Worker's scheduled handler for cron {@code cron} at {@code scheduledTime} (epoch
     * ms); {@code rc}'s sink gets 200 "Ran scheduled event" once it settled, or the error.
     */
    public void dispatchScheduled(RequestContext rc, long scheduledTime, String cron) {
        shard.runJs(this, rc, () -> dispatchScheduled.executeVoid(rc.id, (double) scheduledTime, cron));
    }

    public RpcOps rpc() { return rpc; }

    /** The Worker's static assets, or null: requests from listeners try them first (see AssetServer.route). */
    public AssetServer assets() { return assets; }

    /** The Durable Objects this Worker hosts on this shard. */
    public Actors actors() { return actors; }

    public String name() { return bundle.config().name(); }

    public long cpuLimitMillis() { return bundle.config().cpuLimitMillis(); }

    public Context context() { return context; }

    public Log log() { return log; }

    public boolean closed() { return closed; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        timers.cancelAll();
        actors.closeAll();
        context.close(true);
    }

    /** The Context's own stdout and stderr (GraalJS's internal warnings, if any): logged as lines. */
    private static final class LineLogger extends OutputStream {
        private final Log log;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineLogger(Log log, String name) {
            this.log = log;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') flushLine();
            else line.write(b);
        }

        @Override
        public synchronized void flush() { if (line.size() > 0) flushLine(); }

        private void flushLine() {
            log.warn(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
