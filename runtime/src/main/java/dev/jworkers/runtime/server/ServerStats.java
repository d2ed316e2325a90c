package dev.jworkers.runtime.server;

import java.util.concurrent.atomic.AtomicInteger;

/** Counters that show what the server holds right now; tests use them to prove nothing leaks. */
public final class ServerStats {
    final AtomicInteger openConnections = new AtomicInteger();
    final AtomicInteger bufferedBodies = new AtomicInteger();

    public int openConnections() { return openConnections.get(); }

    /** Request bodies being received or queued, whose buffers are still held. */
    public int bufferedBodies() { return bufferedBodies.get(); }
}
