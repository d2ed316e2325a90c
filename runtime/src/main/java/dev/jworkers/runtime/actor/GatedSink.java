package dev.jworkers.runtime.actor;

import dev.jworkers.runtime.io.ResponseSink;
import io.netty.buffer.ByteBuf;

/**
 * A Durable Object's response passing its output gate: each part of the response goes out only
 * once the writes the object made before it are durable; if they fail, the response fails.
 */
public final class GatedSink implements ResponseSink {
    private final Actor actor;
    private final ResponseSink inner;
    private int held;   // parts waiting at the gate: later parts queue behind them

    public GatedSink(Actor actor, ResponseSink inner) {
        this.actor = actor;
        this.inner = inner;
    }

    /** The sink behind the gate. */
    public ResponseSink inner() { return inner; }

    private void pass(Runnable send) {
        held++;
        actor.output(() -> {
            held--;
            send.run();
        }, () -> {
            held--;
            inner.error(500, "Internal Server Error\n");
        });
    }

    @Override
    public void full(int status, String reason, String headersBlob, ByteBuf body) {
        pass(() -> inner.full(status, reason, headersBlob, body));
    }

    @Override
    public void start(int status, String reason, String headersBlob) {
        pass(() -> inner.start(status, reason, headersBlob));
    }

    @Override
    public int write(ByteBuf chunk) {
        int[] state = {FULL};
        pass(() -> state[0] = inner.write(chunk));
        return held > 0 ? FULL : state[0];
    }

    @Override
    public void whenWritable(Runnable task) {
        pass(() -> inner.whenWritable(task));
    }

    @Override
    public void end() {
        pass(inner::end);
    }

    @Override
    public void error(int status, String body) {
        pass(() -> inner.error(status, body));
    }
}
