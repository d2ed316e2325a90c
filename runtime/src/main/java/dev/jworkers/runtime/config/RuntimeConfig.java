package dev.jworkers.runtime.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A deployment of several Workers in one process, from {@code runtime.jsonc} (docs/CONFIG.md).
 *
 * @param workers   the Workers, names unique
 * @param listeners the HTTP listeners, addresses unique, each routing to loaded Workers
 * @param storage   the Durable Object storage directory, or null
 * @param shards    event-loop threads, or null for one per core
 */
public record RuntimeConfig(List<WorkerConfig> workers, List<Listener> listeners, Path storage, Integer shards) {}
