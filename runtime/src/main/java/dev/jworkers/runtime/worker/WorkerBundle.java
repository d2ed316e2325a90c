package dev.jworkers.runtime.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.config.WorkerConfig;

/**
 * A Worker's code on disk, shared by every shard: its config, its read-only file system, the entry's
 * virtual path and whether it is an ES module or a service-worker script.
 */
public final class WorkerBundle {
    private final WorkerConfig config;
    private final BundleFileSystem fs;
    private final String entry;
    private final ScriptFormat format;
    private final String entryText;
    private final AssetServer assets;
    private boolean needsFetch = true;

    public WorkerBundle(WorkerConfig config) throws WorkerLoadException {
        this(config, null);
    }

    /** With the Worker's static assets (null: none). */
    public WorkerBundle(WorkerConfig config, AssetServer assets) throws WorkerLoadException {
        this.config = config;
        this.assets = assets;
        this.fs = new BundleFileSystem(config.root(), config.rules());
        Path main;
        try {
            main = config.main().toRealPath();
            this.entryText = Files.readString(main, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkerLoadException(config.main() + ": cannot read: " + e.getMessage());
        }
        this.entry = fs.virtualPath(main);
        this.format = ScriptFormat.detect(entryText);
    }

    public WorkerConfig config() { return config; }

    public BundleFileSystem fs() { return fs; }

    /** The Worker's static assets, or null. */
    public AssetServer assets() { return assets; }

    /** The entry module's path as the Worker sees it, e.g. {@code /worker.js}. */
    public String entry() { return entry; }

    public ScriptFormat format() { return format; }

    public String entryText() { return entryText; }

    /** Whether loading fails without a fetch handler: true unless only bindings reach the Worker. */
    public boolean needsFetch() { return needsFetch; }

    /**
     * Marks a Worker that may have no fetch handler: one no listener serves (it may be RPC-only), or
     * one whose static assets answer requests (its script may only handle, say, cron triggers).
     */
    public WorkerBundle reachedOnlyByBindings() {
        needsFetch = false;
        return this;
    }

    /** A path for messages: the real file behind a virtual path, relative to the working directory if inside it. */
    public String displayPath(String virtual) {
        if (virtual == null || !virtual.startsWith("/")) return virtual;
        Path real = fs.root().resolve(virtual.substring(1)).normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return real.startsWith(cwd) ? cwd.relativize(real).toString() : real.toString();
    }
}
