package dev.jworkers.runtime.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import dev.jworkers.runtime.actor.Actor;

/**
 * One incoming request while a Worker handles it, on its shard. It lives until the response is
 * complete and every {@code ctx.waitUntil} promise has settled.
 */
public final class RequestContext {
    public final int id;
    public final String method;
    public final String url;
    public final String headersBlob;
    private byte[] body;
    private final ResponseSink sink;
    private final IntConsumer onDone;
    private boolean responded;
    private boolean finished;
    private int waitUntil;
    private List<Runnable> onFinish;
    private Actor actor;

    public RequestContext(int id, String method, String url, String headersBlob, byte[] body,
                          ResponseSink sink, IntConsumer onDone) {
        this.id = id;
        this.method = method;
        this.url = url;
        this.headersBlob = headersBlob;
        this.body = body;
        this.sink = sink;
        this.onDone = onDone;
    }

    public boolean hasBody() { return body != null && body.length > 0; }

    public byte[] body() { return body == null ? new byte[0] : body; }

    public ResponseSink sink() { return sink; }

    /** The Durable Object this request is an event of, or null. */
    public Actor actor() { return actor; }

    /** Makes this request an event of {@code a}: it keeps the object active until it finishes. */
    public void forActor(Actor a) {
        actor = a;
        a.enter();
        onFinish(a::exit);
    }

    public boolean responded() { return responded; }

    public boolean finished() { return finished; }

    /** The response has been handed to the sink in full (or failed). */
    public void responseDone() {
        if (responded) return;
        responded = true;
        body = null;
        maybeFinish();
    }

    public void waitUntilDelta(int delta) {
        waitUntil += delta;
        if (waitUntil < 0) waitUntil = 0;
        maybeFinish();
    }

    /** Fails the request: an error response if none was sent, else only the bookkeeping. */
    public void fail(int status, String text) {
        if (!responded) {
            sink.error(status, text);
            responseDone();
        }
    }

    /** Drops outstanding waitUntil work, e.g. at shutdown or when the Worker is reset. */
    public void abandon() {
        waitUntil = 0;
        if (!responded) fail(503, "Service Unavailable\n");
        maybeFinish();
    }

    /** Runs {@code r} when the request finishes (e.g. releases RPC stubs it received). */
    public void onFinish(Runnable r) {
        if (finished) {
            r.run();
            return;
        }
        if (onFinish == null) onFinish = new ArrayList<>();
        onFinish.add(r);
    }

    private void maybeFinish() {
        if (!finished && responded && waitUntil == 0) {
            finished = true;
            if (onFinish != null) {
                for (Runnable r : onFinish) r.run();
                onFinish = null;
            }
            onDone.accept(id);
        }
    }
}
