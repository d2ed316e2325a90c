package dev.jworkers.runtime.assets;

import java.io.IOException;
import java.util.function.Consumer;

import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.config.WorkerConfig.NotFoundHandling;
import dev.jworkers.runtime.worker.WorkerLoadException;

/**
 * One Worker's static assets: its scanned files and its {@code assets} settings. Shared by every
 * shard (it holds no mutable state). For a request from a listener, {@link #route} decides, in
 * Cloudflare's order, whether the assets answer or the Worker runs:
 * <ol>
 * <li>{@code run_worker_first} patterns: a negative match goes to the assets, a positive one to the Worker;</li>
 * <li>{@code run_worker_first: true}: the Worker;</li>
 * <li>an assets-only Worker: the assets, always;</li>
 * <li>a path that some file answers under {@code html_handling} (served, redirected, or 405 for a
 *     method other than GET and HEAD): the assets. With route patterns, {@code not_found_handling}
 *     counts too (so the Worker runs only where a pattern sends it, when there is a not-found
 *     page); without them, it counts for a navigation request only, unless the compatibility date
 *     or flags turn that off;</li>
 * <li>anything else: the Worker.</li>
 * </ol>
 * {@link #fetch} answers the assets binding ({@code env.ASSETS.fetch}), which always applies
 * {@code html_handling} and {@code not_found_handling} and never reaches the Worker.
 */
public final class AssetServer {
    private final WorkerConfig.Assets config;
    private final boolean hasScript;
    private final AssetManifest files;
    private final AssetResolver resolver;
    private final WorkerFirstRoutes routes;

    private AssetServer(WorkerConfig.Assets config, boolean hasScript, AssetManifest files) {
        this.config = config;
        this.hasScript = hasScript;
        this.files = files;
        this.resolver = new AssetResolver(files, config.htmlHandling());
        this.routes = config.workerFirstRoutes().isEmpty() ? null : new WorkerFirstRoutes(config.workerFirstRoutes());
    }

    /** Scans the assets directory of {@code worker} (which has {@code assets}); {@code warn} hears about skipped files. */
    public static AssetServer load(WorkerConfig worker, Consumer<String> warn) throws WorkerLoadException {
        WorkerConfig.Assets a = worker.assets();
        try {
            return new AssetServer(a, worker.hasScript(), AssetManifest.scan(a.directory(), warn));
        } catch (AssetManifest.ScanException e) {
            throw new WorkerLoadException(e.getMessage());
        } catch (IOException e) {
            throw new WorkerLoadException(a.directory() + ": cannot read the assets: " + e);
        }
    }

    /** Whether the Worker has a script; false for an assets-only Worker. */
    public boolean hasScript() { return hasScript; }

    /** How many files are served. */
    public int fileCount() { return files.size(); }

    /** A request from a listener: the assets' answer, or null when the Worker should handle it. */
    public AssetResponse route(AssetRequest r) {
        if (routes != null) {
            if (routes.toAssets(r.pathname())) return answer(r, config.notFoundHandling());
            if (routes.toWorker(r.pathname())) return null;
        }
        if (config.runWorkerFirst()) return null;
        if (!hasScript) return answer(r, config.notFoundHandling());
        // Would the assets answer? not_found_handling counts with route patterns, else for a navigation request.
        boolean notFoundCounts = routes != null || (r.navigation() && config.navigationPrefersAssets());
        NotFoundHandling probe = notFoundCounts ? config.notFoundHandling() : NotFoundHandling.NONE;
        String decoded = AssetPath.decode(r.pathname());
        AssetResolver.Intent found = resolver.resolve(decoded, probe);
        if (found == null) return null;
        // The probe is the answer when it ran with the Worker's own not_found_handling (the default none).
        NotFoundHandling notFound = config.notFoundHandling();
        return answer(r, decoded, probe == notFound ? found : resolver.resolve(decoded, notFound));
    }

    /** A request through the assets binding: always answered from the assets. */
    public AssetResponse fetch(AssetRequest r) {
        return answer(r, config.notFoundHandling());
    }

    private AssetResponse answer(AssetRequest r, NotFoundHandling notFound) {
        String decoded = AssetPath.decode(r.pathname());
        return answer(r, decoded, resolver.resolve(decoded, notFound));
    }

    private AssetResponse answer(AssetRequest r, String decoded, AssetResolver.Intent intent) {
        if (intent == null) return AssetResponse.NOT_FOUND;
        if (!r.readOnly()) return AssetResponse.METHOD_NOT_ALLOWED;
        // The canonical spelling: a redirect's destination, or the request's own path re-encoded.
        String canonical = AssetPath.encode(intent instanceof AssetResolver.Redirect rd ? rd.to() : decoded);
        if (intent instanceof AssetResolver.Redirect || !canonical.equals(r.pathname())) {
            return new AssetResponse.Empty(307, canonical + r.search());
        }
        AssetResolver.Serve s = (AssetResolver.Serve) intent;
        return new AssetResponse.File(s.asset(), s.status(), ETags.matches(r.ifNoneMatch(), s.asset().etag()));
    }
}
