package dev.jworkers.runtime.io;

import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * {@code ops.http}: how the fetch dispatcher hands a Response back to the request's connection.
 * Calls for a request that is gone (client closed, timed out) are ignored. No op calls back into
 * JS synchronously: callbacks are posted to the shard's loop.
 */
public final class HttpOps {
    private final Shard shard;
    private final WorkerInstance worker;

    public HttpOps(Shard shard, WorkerInstance worker) {
        this.shard = shard;
        this.worker = worker;
    }

    private RequestContext open(int id) {
        RequestContext rc = shard.request(id);
        return rc == null || rc.responded() ? null : rc;
    }

    /** The request body as a Latin-1 string (char i = byte i), which JS copies into a Uint8Array. */
    @HostAccess.Export
    public String requestBody(int id) {
        RequestContext rc = shard.request(id);
        return rc == null ? "" : new String(rc.body(), StandardCharsets.ISO_8859_1);
    }

    /** A complete response whose body is null or a string. */
    @HostAccess.Export
    public void respond(int id, int status, String reason, String headers, String body) {
        RequestContext rc = open(id);
        if (rc == null) return;
        ByteBuf buf = body == null ? null : ByteBufUtil.writeUtf8(ByteBufAllocator.DEFAULT, body);
        rc.sink().full(status, reason, headers, buf);
        rc.responseDone();
    }

    /** A complete response whose body is {@code length} bytes of {@code arrayBuffer} from {@code offset}. */
    @HostAccess.Export
    public void respondBytes(int id, int status, String reason, String headers, Value arrayBuffer, int offset, int length) {
        RequestContext rc = open(id);
        if (rc == null) return;
        rc.sink().full(status, reason, headers, copy(arrayBuffer, offset, length));
        rc.responseDone();
    }

    @HostAccess.Export
    public void start(int id, int status, String reason, String headers) {
        RequestContext rc = open(id);
        if (rc != null) rc.sink().start(status, reason, headers);
    }

    /** Writes one chunk; returns {@link ResponseSink#WRITABLE}, {@link ResponseSink#FULL} or {@link ResponseSink#GONE}. */
    @HostAccess.Export
    public int write(int id, Value arrayBuffer, int offset, int length) {
        RequestContext rc = open(id);
        if (rc == null) return ResponseSink.GONE;
        if (length == 0) return ResponseSink.WRITABLE;
        return rc.sink().write(copy(arrayBuffer, offset, length));
    }

    /** Calls {@code resolve} on the shard once the connection drains (or closes). */
    @HostAccess.Export
    public void onWritable(int id, Value resolve) {
        RequestContext rc = open(id);
        if (rc == null) {
            shard.loop.execute(() -> shard.runJs(worker, null, resolve::executeVoid));
            return;
        }
        rc.sink().whenWritable(() -> shard.runJs(worker, rc, resolve::executeVoid));
    }

    @HostAccess.Export
    public void end(int id) {
        RequestContext rc = open(id);
        if (rc == null) return;
        rc.sink().end();
        rc.responseDone();
    }

    /** The body stream failed after the response started: the connection is closed. */
    @HostAccess.Export
    public void abort(int id) {
        RequestContext rc = open(id);
        if (rc != null) rc.fail(500, "Internal Server Error\n");
    }

    /** The handler threw or rejected: logs the error (with its stack) and answers 500. */
    @HostAccess.Export
    public void fail(int id, String description) {
        RequestContext rc = open(id);
        if (shard.interrupting()) {
            // The watchdog's interrupt surfaced in JS as an error: the request failed on the CPU limit.
            if (rc != null) rc.fail(503, Shard.CPU_LIMIT_BODY);
            return;
        }
        worker.log().error("Uncaught (in response) " + description);
        if (rc != null) rc.fail(500, "Internal Server Error\n");
    }

    /** Counts {@code ctx.waitUntil} promises: +1 when added, -1 when settled. */
    @HostAccess.Export
    public void waitUntil(int id, int delta) {
        RequestContext rc = shard.request(id);
        if (rc != null) rc.waitUntilDelta(delta);
    }

    private static ByteBuf copy(Value arrayBuffer, int offset, int length) {
        ByteBuf buf = Unpooled.buffer(length, length);
        arrayBuffer.readBuffer(offset, buf.array(), buf.arrayOffset(), length);
        buf.writerIndex(length);
        return buf;
    }
}
