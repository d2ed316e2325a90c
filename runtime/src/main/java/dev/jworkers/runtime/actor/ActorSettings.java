package dev.jworkers.runtime.actor;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How Durable Objects are kept.
 *
 * @param storage          the storage folder ({@code <storage>/<uniqueKey>/<id>.sqlite}); null keeps
 *                         every object's data in memory, gone when the process stops
 * @param idleTimeout      an object with no events and nothing pending is evicted after this long
 * @param maxOpenDatabases open SQLite databases per shard; beyond it the least recently used idle
 *                         ones are closed (and reopened when used)
 * @param blockLimit       how long {@code blockConcurrencyWhile()} may hold an object before it is
 *                         reset (30 s, as in workerd; tests shorten it)
 */
public record ActorSettings(Path storage, Duration idleTimeout, int maxOpenDatabases, Duration blockLimit) {
    public static final Duration DEFAULT_BLOCK_LIMIT = Duration.ofSeconds(30);

    public ActorSettings(Path storage, Duration idleTimeout, int maxOpenDatabases) {
        this(storage, idleTimeout, maxOpenDatabases, DEFAULT_BLOCK_LIMIT);
    }

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_OPEN_DATABASES = 1000;
    public static final ActorSettings IN_MEMORY = new ActorSettings(null, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_OPEN_DATABASES);

    public ActorSettings {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idle timeout must be positive");
        if (maxOpenDatabases < 1) throw new IllegalArgumentException("maxOpenDatabases must be positive");
        if (blockLimit.isNegative() || blockLimit.isZero()) throw new IllegalArgumentException("block limit must be positive");
    }

    public ActorSettings withStorage(Path dir) { return new ActorSettings(dir, idleTimeout, maxOpenDatabases, blockLimit); }

    public ActorSettings withIdleTimeout(Duration d) { return new ActorSettings(storage, d, maxOpenDatabases, blockLimit); }

    public ActorSettings withBlockLimit(Duration d) { return new ActorSettings(storage, idleTimeout, maxOpenDatabases, d); }
}
