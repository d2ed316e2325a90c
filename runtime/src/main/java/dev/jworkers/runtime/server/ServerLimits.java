package dev.jworkers.runtime.server;

import java.time.Duration;

/**
 * Limits on what clients may send.
 *
 * @param maxHeaderBytes total size of the request's header fields (over it: 431)
 * @param maxLineBytes   the request line (over it: 414)
 * @param maxBodyBytes   the request body (over it: 413)
 * @param idleTimeout    a connection with no complete request to work on for this long is closed
 */
public record ServerLimits(int maxHeaderBytes, int maxLineBytes, long maxBodyBytes, Duration idleTimeout) {
    public static final ServerLimits DEFAULT = new ServerLimits(32 * 1024, 16 * 1024, 100L * 1024 * 1024, Duration.ofSeconds(60));

    public ServerLimits withMaxBodyBytes(long n) { return new ServerLimits(maxHeaderBytes, maxLineBytes, n, idleTimeout); }

    public ServerLimits withIdleTimeout(Duration d) { return new ServerLimits(maxHeaderBytes, maxLineBytes, maxBodyBytes, d); }
}
