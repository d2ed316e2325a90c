package dev.jworkers.runtime.config;

import dev.jworkers.runtime.cron.CronExpression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads {@code wrangler.jsonc}, {@code wrangler.json} and {@code wrangler.toml}: {@code name},
 * {@code main}, {@code compatibility_date}, {@code compatibility_flags} (checked against
 * {@link CompatibilityFlags}), {@code vars}, {@code limits.cpu_ms}, {@code rules},
 * {@code services}, {@code durable_objects.bindings}, {@code migrations}, {@code triggers.crons},
 * {@code assets} (see {@link AssetsSection}), and {@code env.<name>}
 * sections; secrets come from {@code .dev.vars}. Every other field is warned about by name, never
 * silently dropped. Errors read {@code <file>: field '<path>': <what is expected>}.
 */
public final class WranglerConfigLoader {
    public static final Set<String> FILE_NAMES = Set.of("wrangler.jsonc", "wrangler.json", "wrangler.toml");
    private static final Set<String> SUPPORTED = Set.of("name", "main", "compatibility_date", "compatibility_flags", "vars",
            "limits", "rules", "services", "durable_objects", "migrations", "triggers", "assets", "env", "$schema");
    /** Keys an {@code env.<name>} section may hold. */
    private static final Set<String> ENV_SUPPORTED = Set.of("name", "main", "compatibility_date", "compatibility_flags", "vars",
            "limits", "rules", "services", "durable_objects", "migrations", "triggers", "assets");
    /** As in wrangler, an env section does not inherit these from the top level: it brings its own or has none. */
    private static final List<String> NON_INHERITABLE = List.of("vars", "services", "durable_objects");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private WranglerConfigLoader() {}

    /** Finds a wrangler config in {@code dir}, in the order wrangler prefers, or null. */
    public static Path find(Path dir) {
        for (String n : new String[] {"wrangler.jsonc", "wrangler.json", "wrangler.toml"}) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) return p;
        }
        return null;
    }

    public static WorkerConfig load(Path file, Consumer<String> warn) throws ConfigException {
        return load(file, null, warn);
    }

    /**
     * Loads {@code file}; with {@code envName}, the section {@code env.<envName>} overrides the
     * inheritable keys, brings its own vars and bindings, and the Worker is named
     * {@code <name>-<envName>} unless the section names it. Secrets from {@code .dev.vars.<envName>}
     * or {@code .dev.vars} beside the config join {@code vars} (and win over a var of the same name).
     */
    public static WorkerConfig load(Path file, String envName, Consumer<String> warn) throws ConfigException {
        String where = file.toString();
        JsonNode top = ConfigFiles.readObject(file);
        Fields.warnUnknown(top, SUPPORTED, where, "", warn);
        Layer root = layer(top, envName, where, warn);

        Path dir = file.toAbsolutePath().getParent();
        String name = root.name(where);
        String main = Fields.string(root.node("main"), "main", where, root.field("main"));
        JsonNode assetsNode = root.get("assets");
        boolean hasAssets = assetsNode != null && !assetsNode.isNull();
        if (main == null && !hasAssets) {
            throw new ConfigException(where + ": field 'main' is required: the path of the Worker's entry module"
                    + " (or give 'assets' for a Worker that only serves static files)");
        }
        Path mainPath = main == null ? null : dir.resolve(main).normalize();
        if (mainPath != null && !Files.isRegularFile(mainPath)) throw Fields.error(where, root.field("main"), "file not found: " + main);
        String date = compatibilityDate(root, where);
        String flagsField = root.field("compatibility_flags");
        List<String> flags = Fields.strings(root.get("compatibility_flags"), where, flagsField);
        CompatibilityFlags.validate(flags, date, where, flagsField, warn);
        WorkerConfig.Assets assets = null;
        if (hasAssets) {
            boolean navigation = CompatibilityFlags.enabled("assets_navigation_prefers_asset_serving", date, flags);
            assets = AssetsSection.read(assetsNode, where, root.field("assets"), dir, mainPath != null, navigation, warn);
        }

        Bindings.Names names = new Bindings.Names(where);
        Map<String, WorkerConfig.VarValue> vars = vars(root.get("vars"), where, root.field("vars"));
        for (String v : vars.keySet()) names.add(v, "'" + root.field("vars") + "." + v + "'");
        Path secrets = envName != null && Files.isRegularFile(dir.resolve(".dev.vars." + envName))
                ? dir.resolve(".dev.vars." + envName) : dir.resolve(".dev.vars");
        if (Files.isRegularFile(secrets)) {
            for (var e : DotEnv.parse(secrets).entrySet()) {
                vars.put(e.getKey(), new WorkerConfig.VarValue(e.getValue(), false));
                names.add(e.getKey(), "the secret '" + e.getKey() + "' in " + secrets.getFileName());
            }
        }
        long cpu = cpuLimit(root, where, warn);
        List<ModuleRule> rules = ModuleRule.effective(rules(root.get("rules"), where, root.field("rules")));

        List<WorkerConfig.Migration> migrations = Migrations.parse(root.get("migrations"), where, root.field("migrations"), warn);
        String servicesField = root.field("services");
        List<WorkerConfig.ServiceBinding> services = Bindings.services(root.get("services"), where, servicesField, warn);
        for (int i = 0; i < services.size(); i++) names.claim(services.get(i).binding(), servicesField + "[" + i + "].binding");
        String doField = root.field("durable_objects") + ".bindings";
        List<WorkerConfig.DurableObjectBinding> objects = Bindings.durableObjects(root.get("durable_objects"), where,
                root.field("durable_objects"), warn);
        Set<String> live = Migrations.liveClasses(migrations);
        for (int i = 0; i < objects.size(); i++) {
            WorkerConfig.DurableObjectBinding b = objects.get(i);
            names.claim(b.name(), doField + "[" + i + "].name");
            // wrangler warns too: a class of this Worker that no migration creates cannot be deployed as it is.
            if (b.scriptName() == null && !live.contains(b.className())) {
                warn.accept(where + ": field '" + doField + "[" + i + "].class_name': no migration creates class '" + b.className()
                        + "' (add it to 'new_sqlite_classes' of a 'migrations' entry)");
            }
        }

        if (assets != null && assets.binding() != null) names.claim(assets.binding(), root.field("assets") + ".binding");
        List<String> crons = crons(root, where, warn);
        if (mainPath == null) assetsOnlyChecks(root, where, crons, objects, doField);

        Path bundleRoot = mainPath == null || mainPath.startsWith(dir) ? dir : mainPath.getParent();
        if (name == null) name = dir.getFileName() == null ? "worker" : dir.getFileName().toString();
        return new WorkerConfig(name, bundleRoot, mainPath, date, List.copyOf(flags), vars, cpu, rules,
                List.copyOf(services), List.copyOf(objects), List.copyOf(migrations)).withCrons(crons).withAssets(assets);
    }

    /** An assets-only Worker (no {@code main}) has no code: nothing may need it to run any. */
    private static void assetsOnlyChecks(Layer root, String where, List<String> crons, List<WorkerConfig.DurableObjectBinding> objects,
                                         String doField) throws ConfigException {
        if (!crons.isEmpty()) {
            throw Fields.error(where, root.field("triggers") + ".crons", "cron triggers run the Worker's scheduled() handler,"
                    + " but this Worker has no script ('main'): give it one, or remove the triggers");
        }
        for (int i = 0; i < objects.size(); i++) {
            if (objects.get(i).scriptName() == null) {
                throw Fields.error(where, doField + "[" + i + "].class_name", "this Worker has no script ('main') to export class '"
                        + objects.get(i).className() + "': give it one, or name the Worker that exports it with 'script_name'");
            }
        }
    }

    /** {@code triggers.crons}: 5-field cron expressions, each checked here so a typo fails at load. */
    private static List<String> crons(Layer root, String where, Consumer<String> warn) throws ConfigException {
        JsonNode triggers = root.get("triggers");
        String field = root.field("triggers");
        if (triggers == null) return List.of();
        if (!triggers.isObject()) throw Fields.error(where, field, "expected an object with 'crons'");
        Fields.warnUnknown(triggers, Set.of("crons"), where, field + ".", warn);
        JsonNode crons = triggers.get("crons");
        if (crons == null) return List.of();
        if (!crons.isArray()) throw Fields.error(where, field + ".crons", "expected an array of cron expressions");
        List<String> out = Fields.strings(crons, where, field + ".crons");
        for (int i = 0; i < out.size(); i++) {
            try {
                CronExpression.parse(out.get(i));
            } catch (IllegalArgumentException e) {
                throw Fields.error(where, field + ".crons[" + i + "]", e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** A Worker from a bare entry file: named after the file, its directory is the bundle root. */
    public static WorkerConfig forScript(Path entry) {
        Path abs = entry.toAbsolutePath().normalize();
        String file = abs.getFileName().toString();
        String name = file.replaceFirst("\\.(m?js)$", "");
        return new WorkerConfig(name, abs.getParent(), abs, null, Map.of(), WorkerConfig.DEFAULT_CPU_LIMIT_MILLIS);
    }

    /**
     * The keys in effect: the top level, or with an environment its section over the top level's
     * inheritable keys. {@link #field} names where a key was read, for messages.
     */
    private record Layer(JsonNode top, JsonNode env, String envName) {
        private boolean fromEnv(String key) {
            return env != null && (env.has(key) || NON_INHERITABLE.contains(key));
        }

        JsonNode get(String key) { return fromEnv(key) ? env.get(key) : top.get(key); }

        /** The object holding {@code key} (for reads that take an object and a key). */
        JsonNode node(String key) { return fromEnv(key) ? env : top; }

        String field(String key) { return fromEnv(key) ? "env." + envName + "." + key : key; }

        /** The Worker's name: the section's, else the top level's with {@code -<env>} appended. */
        String name(String where) throws ConfigException {
            String topName = Fields.string(top, "name", where, "name");
            if (env == null) return topName;
            if (env.has("name")) return Fields.string(env, "name", where, field("name"));
            return topName == null ? null : topName + "-" + envName;
        }
    }

    private static Layer layer(JsonNode top, String envName, String where, Consumer<String> warn) throws ConfigException {
        if (envName == null) return new Layer(top, null, null);
        JsonNode envs = top.get("env");
        JsonNode section = envs != null && envs.isObject() ? envs.get(envName) : null;
        if (section == null || !section.isObject()) {
            List<String> known = new ArrayList<>();
            if (envs != null && envs.isObject()) envs.fieldNames().forEachRemaining(known::add);
            throw new ConfigException(where + ": field 'env." + envName + "': no such environment"
                    + (known.isEmpty() ? " (the file defines none)" : " (defined: " + String.join(", ", known) + ")"));
        }
        Fields.warnUnknown(section, ENV_SUPPORTED, where, "env." + envName + ".", warn);
        for (String k : NON_INHERITABLE) {
            if (top.has(k) && !section.has(k)) {
                warn.accept(where + ": '" + k + "' exists at the top level but not in 'env." + envName
                        + "'; it is not inherited (as in wrangler), so this environment has none");
            }
        }
        return new Layer(top, section, envName);
    }

    private static String compatibilityDate(Layer root, String where) throws ConfigException {
        String field = root.field("compatibility_date");
        String date = Fields.string(root.node("compatibility_date"), "compatibility_date", where, field);
        if (date == null) return null;
        if (!DATE.matcher(date).matches()) throw Fields.error(where, field, "expected a date as YYYY-MM-DD, got '" + date + "'");
        try {
            java.time.LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw Fields.error(where, field, "not a calendar date: '" + date + "'");
        }
        // As workerd: a date after today (UTC) cannot be honoured.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        if (date.compareTo(today) > 0) {
            throw Fields.error(where, field, "can't set a compatibility date in the future: \"" + date
                    + "\". Today's date (UTC) is \"" + today + "\".");
        }
        return date;
    }

    private static long cpuLimit(Layer root, String where, Consumer<String> warn) throws ConfigException {
        JsonNode limits = root.get("limits");
        String field = root.field("limits");
        if (limits == null) return WorkerConfig.DEFAULT_CPU_LIMIT_MILLIS;
        if (!limits.isObject()) throw Fields.error(where, field, "expected an object");
        Fields.warnUnknown(limits, Set.of("cpu_ms"), where, field + ".", warn);
        JsonNode c = limits.get("cpu_ms");
        if (c == null) return WorkerConfig.DEFAULT_CPU_LIMIT_MILLIS;
        if (!c.canConvertToLong() || c.asLong() <= 0) throw Fields.error(where, field + ".cpu_ms", "expected a positive integer (milliseconds)");
        return c.asLong();
    }

    private static List<ModuleRule> rules(JsonNode node, String where, String field) throws ConfigException {
        return Fields.objects(node, where, field, "expected an array of { type, globs, fallthrough }",
                "expected an object with 'type' and 'globs'", (r, at) -> {
                    JsonNode t = r.get("type");
                    ModuleRule.Type type = t != null && t.isTextual() ? ModuleRule.Type.parse(t.asText()) : null;
                    if (t != null && t.isTextual() && t.asText().equals("CommonJS")) {
                        throw Fields.error(where, at + ".type", "CommonJS modules are not supported; use ESModule");
                    }
                    if (type == null || type == ModuleRule.Type.JSON) {
                        throw Fields.error(where, at + ".type", "expected one of ESModule, Text, Data, CompiledWasm");
                    }
                    JsonNode globs = r.get("globs");
                    if (globs == null || !globs.isArray() || globs.isEmpty()) {
                        throw Fields.error(where, at + ".globs", "expected a non-empty array of glob strings");
                    }
                    List<String> gl = Fields.strings(globs, where, at + ".globs");
                    JsonNode ft = r.get("fallthrough");
                    if (ft != null && !ft.isBoolean()) throw Fields.error(where, at + ".fallthrough", "expected true or false");
                    return new ModuleRule(type, List.copyOf(gl), ft != null && ft.asBoolean());
                });
    }

    private static Map<String, WorkerConfig.VarValue> vars(JsonNode node, String where, String field) throws ConfigException {
        Map<String, WorkerConfig.VarValue> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw Fields.error(where, field, "expected an object of names to values");
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) out.put(e.getKey(), new WorkerConfig.VarValue(v.asText(), false));
            else {
                try {
                    out.put(e.getKey(), new WorkerConfig.VarValue(ConfigFiles.JSON.writeValueAsString(v), true));
                } catch (JsonProcessingException ex) {
                    throw Fields.error(where, field + "." + e.getKey(), ex.getOriginalMessage());
                }
            }
        }
        return out;
    }
}
