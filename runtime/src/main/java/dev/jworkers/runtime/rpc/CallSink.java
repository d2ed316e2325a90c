package dev.jworkers.runtime.rpc;

import dev.jworkers.runtime.io.ResponseSink;
import io.netty.buffer.ByteBuf;

/**
 * The "response" side of an RPC call's request on the callee: results go through
 * {@link RpcOps#reply}; this only turns host-side failures (CPU limit, an error escaping the
 * dispatcher) into a rejection for the caller.
 */
final class CallSink implements ResponseSink {
    final RpcOps.Call call;

    CallSink(RpcOps.Call call) {
        this.call = call;
    }

    @Override
    public void error(int status, String body) {
        call.settle(RpcOps.MESSAGE, body.strip(), new RpcExport[0]);
    }

    // An RPC call never produces an HTTP response.
    @Override public void full(int status, String reason, String headersBlob, ByteBuf body) { if (body != null) body.release(); }
    @Override public void start(int status, String reason, String headersBlob) {}
    @Override public int write(ByteBuf chunk) { chunk.release(); return GONE; }
    @Override public void whenWritable(Runnable task) {}
    @Override public void end() {}
}
