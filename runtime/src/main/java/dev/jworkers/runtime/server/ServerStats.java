package dev.jworkers.runtime.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counters that show what the server holds right now; tests use them to prove nothing leaks. */
public final class ServerStats {
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger bufferedBodies = new AtomicInteger();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    public int openConnections() { return openConnections.get(); }

    /** Request bodies being received or queued, whose buffers are still held. */
    public int bufferedBodies() { return bufferedBodies.get(); }

    public long requests() { return requests.get(); }

    /** Requests answered by the server itself with 4xx because they were malformed or too large. */
    public long rejected() { return rejected.get(); }
}
