package dev.jworkers.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Reads {@code wrangler.jsonc}, {@code wrangler.json} and {@code wrangler.toml}. This slice supports
 * {@code name}, {@code main}, {@code compatibility_date}, {@code vars} and {@code limits.cpu_ms};
 * every other field is warned about by name, never silently dropped.
 */
public final class WranglerConfigLoader {
    public static final Set<String> FILE_NAMES = Set.of("wrangler.jsonc", "wrangler.json", "wrangler.toml");
    private static final Set<String> SUPPORTED = Set.of("name", "main", "compatibility_date", "vars", "limits", "env", "rules", "$schema");
    /** Keys an `env.<name>` section may hold; `vars` is not inherited from the top level (as in wrangler). */
    private static final Set<String> ENV_SUPPORTED = Set.of("name", "main", "compatibility_date", "vars", "limits", "rules");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper TOML = new TomlMapper();

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
     * inheritable keys, brings its own {@code vars}, and the Worker is named {@code <name>-<envName>}
     * unless the section names it. Secrets from {@code .dev.vars.<envName>} or {@code .dev.vars}
     * beside the config join {@code vars} (and win over a var of the same name).
     */
    public static WorkerConfig load(Path file, String envName, Consumer<String> warn) throws ConfigException {
        String where = file.toString();
        JsonNode root;
        try {
            String text = Files.readString(file);
            root = file.getFileName().toString().endsWith(".toml") ? TOML.readTree(text) : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": not valid " + (where.endsWith(".toml") ? "TOML" : "JSON") + ": "
                    + e.getOriginalMessage() + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new ConfigException(where + ": expected an object at the top level");

        root.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) warn.accept(where + ": field '" + f + "' is not supported yet and is ignored");
        });
        JsonNode top = root;
        String topName = string(top, "name", where, null);
        String varsField = "vars";
        if (envName != null) {
            JsonNode envs = root.get("env");
            JsonNode section = envs != null && envs.isObject() ? envs.get(envName) : null;
            if (section == null || !section.isObject()) {
                List<String> known = new ArrayList<>();
                if (envs != null && envs.isObject()) envs.fieldNames().forEachRemaining(known::add);
                throw new ConfigException(where + ": field 'env." + envName + "': no such environment"
                        + (known.isEmpty() ? " (the file defines none)" : " (defined: " + String.join(", ", known) + ")"));
            }
            section.fieldNames().forEachRemaining(f -> {
                if (!ENV_SUPPORTED.contains(f)) warn.accept(where + ": field 'env." + envName + "." + f + "' is not supported yet and is ignored");
            });
            if (top.has("vars") && !section.has("vars")) {
                warn.accept(where + ": 'vars' exists at the top level but not in 'env." + envName + "'; vars are not inherited, so this environment has none");
            }
            ObjectNode merged = JSON.createObjectNode();
            for (String k : List.of("main", "compatibility_date", "limits", "rules")) {
                JsonNode v = section.has(k) ? section.get(k) : top.get(k);
                if (v != null) merged.set(k, v);
            }
            if (section.has("vars")) merged.set("vars", section.get("vars"));
            if (section.has("name")) merged.set("name", section.get("name"));
            else if (topName != null) merged.put("name", topName + "-" + envName);
            root = merged;
            varsField = "env." + envName + ".vars";
        }

        Path dir = file.toAbsolutePath().getParent();
        String name = string(root, "name", where, null);
        String main = string(root, "main", where, null);
        if (main == null) throw new ConfigException(where + ": field 'main' is required: the path of the Worker's entry module");
        Path mainPath = dir.resolve(main).normalize();
        if (!Files.isRegularFile(mainPath)) {
            throw new ConfigException(where + ": field 'main': file not found: " + main);
        }
        String date = string(root, "compatibility_date", where, null);
        if (date != null && !DATE.matcher(date).matches()) {
            throw new ConfigException(where + ": field 'compatibility_date': expected a date as YYYY-MM-DD, got '" + date + "'");
        }
        if (date != null) {
            // As workerd: a date after today (UTC) cannot be honoured.
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            try {
                java.time.LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                throw new ConfigException(where + ": field 'compatibility_date': not a calendar date: '" + date + "'");
            }
            if (date.compareTo(today) > 0) {
                throw new ConfigException(where + ": field 'compatibility_date': can't set a compatibility date in the future: \""
                        + date + "\". Today's date (UTC) is \"" + today + "\".");
            }
        }
        Map<String, WorkerConfig.VarValue> vars = vars(root.get("vars"), where, varsField);
        Path secrets = envName != null && Files.isRegularFile(dir.resolve(".dev.vars." + envName))
                ? dir.resolve(".dev.vars." + envName) : dir.resolve(".dev.vars");
        if (Files.isRegularFile(secrets)) {
            for (var e : DotEnv.parse(secrets).entrySet()) vars.put(e.getKey(), new WorkerConfig.VarValue(e.getValue(), false));
        }
        long cpu = WorkerConfig.DEFAULT_CPU_LIMIT_MILLIS;
        JsonNode limits = root.get("limits");
        if (limits != null) {
            if (!limits.isObject()) throw new ConfigException(where + ": field 'limits': expected an object");
            limits.fieldNames().forEachRemaining(f -> {
                if (!f.equals("cpu_ms")) warn.accept(where + ": field 'limits." + f + "' is not supported yet and is ignored");
            });
            JsonNode c = limits.get("cpu_ms");
            if (c != null) {
                if (!c.canConvertToLong() || c.asLong() <= 0) throw new ConfigException(where + ": field 'limits.cpu_ms': expected a positive integer (milliseconds)");
                cpu = c.asLong();
            }
        }
        List<ModuleRule> rules = ModuleRule.effective(rules(root.get("rules"), where));
        Path root0 = mainPath.startsWith(dir) ? dir : mainPath.getParent();
        if (name == null) name = dir.getFileName() == null ? "worker" : dir.getFileName().toString();
        return new WorkerConfig(name, root0, mainPath, date, List.of(), vars, cpu, rules, List.of(), List.of(), List.of());
    }

    /** A Worker from a bare entry file: named after the file, its directory is the bundle root. */
    public static WorkerConfig forScript(Path entry) {
        Path abs = entry.toAbsolutePath().normalize();
        String file = abs.getFileName().toString();
        String name = file.replaceFirst("\\.(m?js)$", "");
        return new WorkerConfig(name, abs.getParent(), abs, null, Map.of(), WorkerConfig.DEFAULT_CPU_LIMIT_MILLIS);
    }

    private static List<ModuleRule> rules(JsonNode node, String where) throws ConfigException {
        List<ModuleRule> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw new ConfigException(where + ": field 'rules': expected an array of { type, globs, fallthrough }");
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String at = "rules[" + i + "]";
            if (!r.isObject()) throw new ConfigException(where + ": field '" + at + "': expected an object with 'type' and 'globs'");
            JsonNode t = r.get("type");
            ModuleRule.Type type = t != null && t.isTextual() ? ModuleRule.Type.parse(t.asText()) : null;
            if (t != null && t.isTextual() && t.asText().equals("CommonJS")) {
                throw new ConfigException(where + ": field '" + at + ".type': CommonJS modules are not supported; use ESModule");
            }
            if (type == null || type == ModuleRule.Type.JSON) {
                throw new ConfigException(where + ": field '" + at + ".type': expected one of ESModule, Text, Data, CompiledWasm");
            }
            JsonNode globs = r.get("globs");
            if (globs == null || !globs.isArray() || globs.isEmpty()) throw new ConfigException(where + ": field '" + at + ".globs': expected a non-empty array of glob strings");
            List<String> gl = new ArrayList<>();
            for (JsonNode g : globs) {
                if (!g.isTextual()) throw new ConfigException(where + ": field '" + at + ".globs': expected strings");
                gl.add(g.asText());
            }
            JsonNode ft = r.get("fallthrough");
            if (ft != null && !ft.isBoolean()) throw new ConfigException(where + ": field '" + at + ".fallthrough': expected true or false");
            out.add(new ModuleRule(type, List.copyOf(gl), ft != null && ft.asBoolean()));
        }
        return out;
    }

    private static String string(JsonNode root, String field, String where, String dflt) throws ConfigException {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) return dflt;
        if (!n.isTextual()) throw new ConfigException(where + ": field '" + field + "': expected a string");
        return n.asText();
    }

    private static Map<String, WorkerConfig.VarValue> vars(JsonNode node, String where, String field) throws ConfigException {
        Map<String, WorkerConfig.VarValue> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw new ConfigException(where + ": field '" + field + "': expected an object of names to values");
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) out.put(e.getKey(), new WorkerConfig.VarValue(v.asText(), false));
            else {
                try {
                    out.put(e.getKey(), new WorkerConfig.VarValue(JSON.writeValueAsString(v), true));
                } catch (JsonProcessingException ex) {
                    throw new ConfigException(where + ": field '" + field + "." + e.getKey() + "': " + ex.getOriginalMessage());
                }
            }
        }
        return out;
    }
}
