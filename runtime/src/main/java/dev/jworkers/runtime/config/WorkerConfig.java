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
 */
public record WorkerConfig(String name, Path root, Path main, String compatibilityDate, List<String> compatibilityFlags,
                           Map<String, VarValue> vars, long cpuLimitMillis, List<ModuleRule> rules,
                           List<ServiceBinding> services, List<DurableObjectBinding> durableObjects,
                           List<Migration> migrations, int shards, Map<String, String> uniqueKeys, List<String> crons) {

    public WorkerConfig {
        uniqueKeys = Map.copyOf(uniqueKeys);
        crons = List.copyOf(crons);
    }

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
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, millis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
    }

    public WorkerConfig withServices(List<ServiceBinding> services) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
    }

    public WorkerConfig withDurableObjects(List<DurableObjectBinding> durableObjects) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
    }

    /** Cron triggers ({@code triggers.crons}), each a valid 5-field expression. */
    public WorkerConfig withCrons(List<String> crons) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
    }

    public WorkerConfig withShards(int shards) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
    }

    public WorkerConfig withName(String name) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
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
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, keys, crons);
    }

    public WorkerConfig withMigrations(List<Migration> migrations) {
        return new WorkerConfig(name, root, main, compatibilityDate, compatibilityFlags, vars, cpuLimitMillis, rules, services, durableObjects, migrations, shards, uniqueKeys, crons);
    }
}
