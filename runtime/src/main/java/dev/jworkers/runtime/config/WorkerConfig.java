package dev.jworkers.runtime.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Worker as the runtime runs it.
 *
 * @param name              the Worker's name (tags its console lines)
 * @param root              the bundle root: imports cannot reach outside it
 * @param main              the entry module, inside {@code root}
 * @param compatibilityDate as configured, or null
 * @param vars              the {@code env} bindings from {@code vars}: strings or JSON values (as JSON text)
 * @param cpuLimitMillis    longest uninterrupted JS run before the request is failed
 * @param rules             module rules in effect (the config's, then wrangler's defaults)
 */
public record WorkerConfig(String name, Path root, Path main, String compatibilityDate,
                           Map<String, VarValue> vars, long cpuLimitMillis, List<ModuleRule> rules) {

    public WorkerConfig(String name, Path root, Path main, String compatibilityDate, Map<String, VarValue> vars, long cpuLimitMillis) {
        this(name, root, main, compatibilityDate, vars, cpuLimitMillis, ModuleRule.DEFAULTS);
    }

    public static final long DEFAULT_CPU_LIMIT_MILLIS = 30_000;

    /** A {@code vars} entry: plain text, or a JSON value kept as its JSON text. */
    public record VarValue(String text, boolean json) {}

    public WorkerConfig withCpuLimit(long millis) {
        return new WorkerConfig(name, root, main, compatibilityDate, vars, millis, rules);
    }
}
