package dev.jworkers.runtime.rpc;

import java.nio.charset.StandardCharsets;

import dev.jworkers.runtime.io.ResponseSink;
import dev.jworkers.runtime.shard.Shard;
import io.netty.buffer.ByteBuf;

/**
 * Where the response to a service-binding fetch goes: back to the calling context as a Response,
 * its body streamed chunk by chunk with a window of {@link #WINDOW} unconsumed bytes. The callee's
 * dispatcher calls this on the callee's shard; everything for the caller is posted to its shard, and
 * the caller's acknowledgements are posted back here.
 */
final class BindingResponse implements ResponseSink {
    static final int WINDOW = 64 * 1024;

    private final RpcOps caller;
    private final int callId;
    private final int callerRequest;
    private final Shard callee;
    // Callee-shard state.
    private boolean started;
    private int streamId;
    private long outstanding;
    private boolean cancelled;
    private Runnable waiter;

    BindingResponse(RpcOps caller, int callId, int callerRequest, Shard callee) {
        this.caller = caller;
        this.callId = callId;
        this.callerRequest = callerRequest;
        this.callee = callee;
    }

    @Override
    public void full(int status, String reason, String headersBlob, ByteBuf body) {
        String text = null;
        if (body != null) {
            text = body.toString(StandardCharsets.ISO_8859_1);
            body.release();
        }
        String b = text;
        toCaller(() -> caller.fetchDone(callId, callerRequest, 0, status, reason, headersBlob, b, 0));
    }

    @Override
    public void start(int status, String reason, String headersBlob) {
        started = true;
        streamId = caller.newStreamId();
        caller.streams.put(streamId, this);
        int id = streamId;
        toCaller(() -> caller.fetchDone(callId, callerRequest, 1, status, reason, headersBlob, null, id));
    }

    @Override
    public int write(ByteBuf chunk) {
        if (cancelled) {
            chunk.release();
            return GONE;
        }
        int n = chunk.readableBytes();
        String data = chunk.toString(StandardCharsets.ISO_8859_1);
        chunk.release();
        outstanding += n;
        int id = streamId;
        toCaller(() -> caller.streamEvent(id, 0, data));
        return outstanding > WINDOW ? FULL : WRITABLE;
    }

    @Override
    public void whenWritable(Runnable task) {
        if (cancelled || outstanding <= WINDOW) callee.loop.execute(task);
        else waiter = task;
    }

    @Override
    public void end() {
        int id = streamId;
        caller.streams.remove(id);
        toCaller(() -> caller.streamEvent(id, 1, null));
    }

    @Override
    public void error(int status, String body) {
        String message = body.strip();
        if (!started) {
            toCaller(() -> caller.fetchDone(callId, callerRequest, 2, status, null, null, message, 0));
        } else {
            int id = streamId;
            caller.streams.remove(id);
            toCaller(() -> caller.streamEvent(id, 2, message));
        }
    }

    /** The fetch handler threw before responding: the caller's fetch() rejects with this error. */
    void threw(String serialized) {
        toCaller(() -> caller.fetchDone(callId, callerRequest, 3, 0, null, null, serialized, 0));
    }

    /** From the caller's shard: it consumed {@code bytes}. */
    void ack(int bytes) {
        callee.loop.execute(() -> {
            outstanding -= bytes;
            wake();
        });
    }

    /** From the caller's shard: it does not want the rest. */
    void cancel() {
        callee.loop.execute(() -> {
            cancelled = true;
            wake();
        });
    }

    private void wake() {
        if (waiter != null && (cancelled || outstanding <= WINDOW)) {
            Runnable w = waiter;
            waiter = null;
            w.run();
        }
    }

    private void toCaller(Runnable r) {
        caller.shard.loop.execute(r);
    }
}
