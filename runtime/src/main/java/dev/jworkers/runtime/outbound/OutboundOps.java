package dev.jworkers.runtime.outbound;

import java.util.Locale;
import java.util.Set;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import dev.jworkers.runtime.actor.Actor;
import dev.jworkers.runtime.io.HeaderBlob;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.collection.IntObjectHashMap;

/**
 * {@code ops.outbound}: the global {@code fetch()} to the network (outbound.js builds the request
 * and follows redirects; this sends one HTTP request at a time). Answers come back on the shard:
 * {@code done(callId, kind, status, reason, headers, body)} with kind 0 = whole response (body a
 * Latin-1 string or null), 1 = streamed (chunks follow), 2 = failed (body = message); then
 * {@code stream(callId, event, data)} with event 0 = chunk, 1 = end, 2 = failed.
 */
public final class OutboundOps {
    /** Request headers the connection itself decides (the Host comes from the URL, as in workerd). */
    private static final Set<String> CONNECTION_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "upgrade", "te", "trailer", "proxy-connection");

    private final Shard shard;
    private final WorkerInstance worker;
    private final IntObjectHashMap<Exchange> live = new IntObjectHashMap<>();
    private Value doneFn;
    private Value streamFn;

    public OutboundOps(Shard shard, WorkerInstance worker) {
        this.shard = shard;
        this.worker = worker;
    }

    @HostAccess.Export
    public void init(Value done, Value stream) {
        if (doneFn != null) throw new IllegalStateException("outbound already initialised");
        doneFn = done;
        streamFn = stream;
    }

    /**
     * Sends one request: to {@code host:port} over TLS when {@code https}, {@code target} the path and
     * query, {@code hostHeader} the URL's host (with its port when not the default). Returns null, or
     * why it cannot be sent.
     */
    @HostAccess.Export
    public String send(int callId, boolean https, String host, int port, String target, String hostHeader,
                       String method, String headersBlob, Value body, int length) {
        FullHttpRequest req;
        try {
            req = request(method, target, hostHeader, headersBlob, body, length);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        OutboundClient client = shard.outbound();
        Exchange ex = new Exchange(callId, this, client, client.originFor(https, host, port), req,
                method + " " + (https ? "https://" : "http://") + hostHeader + target);
        live.put(callId, ex);
        RequestContext rc = shard.currentRequest();
        if (rc != null) {
            ex.requestId = rc.id;
            // As in workerd, a subrequest belongs to its request: what is still open when the
            // request is over (response sent, waitUntil settled) is cancelled.
            rc.onFinish(() -> {
                if (live.get(callId) == ex) cancel(callId);
            });
        }
        Actor from = rc == null ? null : rc.actor();
        if (from != null) {
            // A Durable Object's outgoing request waits at its output gate, like its responses.
            from.output(ex::start, () -> done(ex, 2, 0, null, null, Actor.STORAGE_FAILED));
        } else {
            ex.start();
        }
        return null;
    }

    private static FullHttpRequest request(String method, String target, String hostHeader, String headersBlob, Value body, int length) {
        ByteBuf content = Unpooled.EMPTY_BUFFER;
        if (length >= 0) {
            content = Unpooled.buffer(length, length);
            if (length > 0) body.readBuffer(0, content.array(), content.arrayOffset(), length);
            content.writerIndex(length);
        }
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method), target, content);
        var h = req.headers();
        h.set(HttpHeaderNames.HOST, hostHeader);
        HeaderBlob.forEach(headersBlob, (name, value) -> {
            if (!CONNECTION_HEADERS.contains(name.toLowerCase(Locale.ROOT))) h.add(name, value);
        });
        if (length >= 0) h.set(HttpHeaderNames.CONTENT_LENGTH, length);
        return req;
    }

    /** JS consumed {@code bytes} of call {@code callId}'s body. */
    @HostAccess.Export
    public void ack(int callId, int bytes) {
        Exchange ex = live.get(callId);
        if (ex != null) ex.ack(bytes);
    }

    /** JS gave up on call {@code callId} (aborted, or cancelled the body). */
    @HostAccess.Export
    public void cancel(int callId) {
        Exchange ex = live.get(callId);
        forget(callId);
        if (ex != null) ex.cancel();
    }

    private void forget(int callId) {
        live.remove(callId);
    }

    void done(Exchange ex, int kind, int status, String reason, String headers, String body) {
        call(ex, kind != 1, () -> doneFn.executeVoid(ex.callId, kind, status, reason, headers, body));
    }

    void streamEvent(Exchange ex, int event, String data) {
        call(ex, event != 0, () -> streamFn.executeVoid(ex.callId, event, data));
    }

    /** Runs {@code js} for the request that sent {@code ex}; {@code last}: nothing more will come. */
    private void call(Exchange ex, boolean last, Runnable js) {
        if (last) forget(ex.callId);
        if (worker.closed()) {
            ex.cancel();
            return;
        }
        RequestContext rc = ex.requestId == 0 ? null : shard.request(ex.requestId);
        shard.runJs(worker, rc, js);
    }
}
