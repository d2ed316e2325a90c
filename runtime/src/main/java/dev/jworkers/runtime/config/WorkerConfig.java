package dev.jworkers.runtime.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Worker as the runtime runs it.
 *
 * @param name               the Worker's name (tags its console lines; what service bindings name)
 * @param root               the bundle root: imports cannot reach outside it
 * @param main               the entry module, inside {@code root}
 * @param compatibilityDate  as configured, or null
 * @param compatibilityFlags as configured (validated against {@code CompatibilityFlags})
 * @param vars               the {@code env} bindings from {@code vars}: strings or JSON values (as JSON text)
 * @param cpuLimitMillis     longest uninterrupted JS run before the request is failed
 * @param rules              module rules in effect (the config's, then wrangler's defaults)
 * @param services           service bindings ({@code services})
 * @param durableObjects     Durable Object namespace bindings ({@code durable_objects.bindings})
 * @param migrations         Durable Object class migrations, in file order
 * @param crons              cron triggers ({@code triggers.crons}): when the scheduled handler runs (UTC)
 * @param shards             load the Worker on the first {@code shards} shards only (0: on every shard);
 *                           calls from other shards cross to them. Only for Workers reached by bindings.
 * @param uniqueKeys         Durable Object class -> namespace unique key, where the runtime config sets
 *                           one; other classes use {@code <name>-<class>}
 * @param assets             static assets ({@code assets}), or null. With assets, {@code main} may be null:
 *                           an assets-only Worker, which has no script
 */
public record WorkerConfig(String name, Path root, Path main, String compatibilityDate, List<String> compatibilityFlags,
                           Map<String, VarValue> vars, long cpuLimitMillis, List<ModuleRule> rules,
                           List<ServiceBinding> services, List<DurableObjectBinding> durableObjects,
                           List<Migration> migrations, int shards, Map<String, String> uniqueKeys, List<String> crons,
                           Assets assets) {

    public WorkerConfig {
        uniqueKeys = Map.copyOf(uniqueKeys);
        crons = List.copyOf(crons);
    }

    /** Without assets. */
    public WorkerConfig(String name, Path root, Path main, String compatibilityDate, List<String> compatibilityFlags,
                        Map<String, VarValue> vars, long cpuLimitMillis, List<ModuleRule> rules,
                        List<ServiceBinding> services, List<DurableObjectBinding> durableObjects,
                        List<Migration> migrations, int shards, Map<String, String> uniqueKeys, List<String> crons) {
        this(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards,
                uniqueKeys, crons, null);
    }

    /** Whether the Worker has a script: false for an assets-only Worker. */
    public boolean hasScript() { return main != null; }

    /** Without unique keys set. */
    public WorkerConfig(String name, Path root, Path main, String compatibilityDate, List<String> compatibilityFlags,
                        Map<String, VarValue> vars, long cpuLimitMillis, List<ModuleRule> rules,
                        List<ServiceBinding> services, List<DurableObjectBinding> durableObjects,
                        List<Migration> migrations, int shards) {
        this(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, Map.of(), List.of());
    }

    /** A Worker on every shard. */
    public WorkerConfig(String name, Path root, Path main, String compatibilityDate, List<String> compatibilityFlags,
                        Map<String, VarValue> vars, long cpuLimitMillis, List<ModuleRule> rules,
                        List<ServiceBinding> services, List<DurableObjectBinding> durableObjects, List<Migration> migrations) {
        this(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, 0, Map.of(), List.of());
    }

    /** A Worker with no bindings but {@code vars} and the default module rules (scripts, tests). */
    public WorkerConfig(String name, Path root, Path main, String compatibilityDate, Map<String, VarValue> vars, long cpuLimitMillis) {
        this(name, root, main, compatibilityDate, List.of(), vars, cpuLimitMillis, ModuleRule.DEFAULTS, List.of(), List.of(), List.of());
    }

    public static final long DEFAULT_CPU_LIMIT_MILLIS = 30_000;

    /**
     * Whether Durable Object class {@code className} has SQL storage: every class does unless a
     * migration made it with {@code new_classes} (the key-value API only), as on Cloudflare.
     */
    public boolean sqlStorage(String className) {
        return !Migrations.keyValueClasses(migrations).contains(className);
    }

    /** With static assets (null: none). */
    public WorkerConfig withAssets(Assets assets) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    /**
     * Static assets, as wrangler's {@code assets} section configures them.
     *
     * @param directory               the folder whose files are served (absolute)
     * @param binding                 the {@code env} name of a Fetcher that serves from the assets only, or null
     * @param htmlHandling            how request paths map to {@code .html} files, and which paths redirect
     * @param notFoundHandling        what answers a path no file matches
     * @param runWorkerFirst          {@code run_worker_first: true}: every request from a listener goes to the Worker
     * @param workerFirstRoutes       {@code run_worker_first} as an array of route patterns ({@code /api/*},
     *                                {@code !/api/docs/*}); empty otherwise
     * @param navigationPrefersAssets whether a navigation request ({@code Sec-Fetch-Mode: navigate}) that matches no
     *                                file gets {@code notFoundHandling} instead of the Worker (compatibility date
     *                                2025-04-01, or flag {@code assets_navigation_prefers_asset_serving})
     */
    public record Assets(Path directory, String binding, HtmlHandling htmlHandling, NotFoundHandling notFoundHandling,
                         boolean runWorkerFirst, List<String> workerFirstRoutes, boolean navigationPrefersAssets) {
        public Assets {
            workerFirstRoutes = List.copyOf(workerFirstRoutes);
        }

        /** Defaults for everything but the directory. */
        public static Assets of(Path directory) {
            return new Assets(directory, null, HtmlHandling.AUTO_TRAILING_SLASH, NotFoundHandling.NONE, false, List.of(), true);
        }

        public Assets withBinding(String b) {
            return new Assets(directory, b, htmlHandling, notFoundHandling, runWorkerFirst, workerFirstRoutes, navigationPrefersAssets);
        }

        public Assets withHtmlHandling(HtmlHandling h) {
            return new Assets(directory, binding, h, notFoundHandling, runWorkerFirst, workerFirstRoutes, navigationPrefersAssets);
        }

        public Assets withNotFoundHandling(NotFoundHandling n) {
            return new Assets(directory, binding, htmlHandling, n, runWorkerFirst, workerFirstRoutes, navigationPrefersAssets);
        }

        public Assets withRunWorkerFirst(boolean first, List<String> routes) {
            return new Assets(directory, binding, htmlHandling, notFoundHandling, first, routes, navigationPrefersAssets);
        }

        public Assets withNavigationPrefersAssets(boolean on) {
            return new Assets(directory, binding, htmlHandling, notFoundHandling, runWorkerFirst, workerFirstRoutes, on);
        }
    }

    /** {@code assets.html_handling}: where HTML files are served and which paths redirect to that place. */
    public enum HtmlHandling {
        AUTO_TRAILING_SLASH("auto-trailing-slash"), FORCE_TRAILING_SLASH("force-trailing-slash"),
        DROP_TRAILING_SLASH("drop-trailing-slash"), NONE("none");

        public final String configName;

        HtmlHandling(String configName) { this.configName = configName; }
    }

    /** {@code assets.not_found_handling}: what answers a path that matches no file. */
    public enum NotFoundHandling {
        NONE("none"), PAGE_404("404-page"), SINGLE_PAGE_APPLICATION("single-page-application");

        public final String configName;

        NotFoundHandling(String configName) { this.configName = configName; }
    }

    /** A {@code vars} entry: plain text, or a JSON value kept as its JSON text. */
    public record VarValue(String text, boolean json) {}

    /** {@code env[binding]} reaches Worker {@code service}, through its export {@code entrypoint} (null: default). */
    public record ServiceBinding(String binding, String service, String entrypoint) {}

    /** {@code env[name]} is the namespace of class {@code className}, exported by {@code scriptName} (null: this Worker). */
    public record DurableObjectBinding(String name, String className, String scriptName) {}

    /** One {@code migrations} entry. */
    public record Migration(String tag, List<String> newClasses, List<String> newSqliteClasses,
                            List<Rename> renamedClasses, List<String> deletedClasses) {}

    /** A {@code renamed_classes} entry. */
    public record Rename(String from, String to) {}

    public WorkerConfig withCpuLimit(long millis) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, millis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    public WorkerConfig withServices(List<ServiceBinding> services) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    public WorkerConfig withDurableObjects(List<DurableObjectBinding> durableObjects) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    /** Cron triggers ({@code triggers.crons}), each a valid 5-field expression. */
    public WorkerConfig withCrons(List<String> crons) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    public WorkerConfig withShards(int shards) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    public WorkerConfig withName(String name) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }

    /**
     * The unique key of class {@code className}'s namespace: what its ids derive from and its
     * storage folder's name. Set in the runtime config, else {@code <worker>-<class>}.
     */
    public String uniqueKey(String className) {
        String k = uniqueKeys.get(className);
        return k != null ? k : name + "-" + className;
    }

    public WorkerConfig withUniqueKeys(Map<String, String> keys) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, keys, crons, assets);
    }

    public WorkerConfig withMigrations(List<Migration> migrations) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons, assets);
    }
}
