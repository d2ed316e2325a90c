package dev.jworkers.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.jworkers.runtime.config.ConfigException;
import dev.jworkers.runtime.config.Listener;
import dev.jworkers.runtime.config.RuntimeConfig;
import dev.jworkers.runtime.config.RuntimeConfigLoader;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.config.WorkerReferences;
import dev.jworkers.runtime.config.WranglerConfigLoader;

/**
 * What {@code serve PATH} runs: one Worker on {@code --host}/{@code --port}, or a runtime config's
 * Workers and listeners.
 *
 * @param storage           the runtime config's storage directory, or null
 * @param shards            the runtime config's shard count, or null
 * @param fromRuntimeConfig whether PATH was a runtime config
 */
record Deployment(List<WorkerConfig> workers, List<Listener> listeners, Path storage, Integer shards, boolean fromRuntimeConfig) {

    /** Turns PATH (or the current directory) into what to serve. */
    static Deployment resolve(ServeCommand.Args a, Consumer<String> warn) throws UsageException, ConfigException {
        Path file = configFile(a.path());
        String name = file.getFileName().toString();
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            if (a.env() != null) throw new UsageException("--env needs a wrangler config, not a script");
            return single(WranglerConfigLoader.forScript(file), a);
        }
        if (RuntimeConfigLoader.isRuntimeConfig(file)) {
            if (a.host() != null || a.port() != null) {
                throw new UsageException("--host and --port do not apply to a runtime config: its \"listeners\" say where to listen");
            }
            if (a.env() != null) throw new UsageException("--env does not apply to a runtime config: set \"env\" on its workers");
            RuntimeConfig rc = RuntimeConfigLoader.load(file, warn);
            return new Deployment(rc.workers(), rc.listeners(), rc.storage(), rc.shards(), true);
        }
        if (name.endsWith(".json") || name.endsWith(".jsonc") || name.endsWith(".toml")) {
            WorkerConfig w = WranglerConfigLoader.load(file, a.env(), warn);
            WorkerReferences.check(w, file.toString(), List.of(w.name()));
            return single(w, a);
        }
        throw new UsageException(a.path() + ": expected a .js/.mjs file, a wrangler or runtime config, or a directory");
    }

    private static Path configFile(Path path) throws UsageException {
        if (path == null) {
            Path cfg = find(Path.of("").toAbsolutePath());
            if (cfg == null) throw new UsageException("no PATH given and no runtime.jsonc, runtime.json, wrangler.jsonc, wrangler.json or wrangler.toml in the current directory");
            return cfg;
        }
        if (!Files.exists(path)) throw new UsageException("no such file or directory: " + path);
        if (!Files.isDirectory(path)) return path;
        Path cfg = find(path);
        if (cfg == null) throw new UsageException(path + ": no runtime.jsonc, runtime.json, wrangler.jsonc, wrangler.json or wrangler.toml in this directory");
        return cfg;
    }

    /** A directory's config: a runtime config (a deployment) before a wrangler config (one Worker). */
    static Path find(Path dir) {
        for (String n : new String[] {"runtime.jsonc", "runtime.json"}) {
            if (Files.isRegularFile(dir.resolve(n))) return dir.resolve(n);
        }
        return WranglerConfigLoader.find(dir);
    }

    private static Deployment single(WorkerConfig w, ServeCommand.Args a) {
        String host = a.host() != null ? a.host() : ServeCommand.DEFAULT_HOST;
        int port = a.port() != null ? a.port() : ServeCommand.DEFAULT_PORT;
        return new Deployment(List.of(w), List.of(Listener.of(host, port, w.name())), null, null, false);
    }
}
