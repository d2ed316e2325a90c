package dev.jworkers.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a runtime config ({@code runtime.jsonc} / {@code runtime.json}, JSONC syntax): several
 * Workers, each from its own wrangler config, and the listeners that route to them. Paths are
 * relative to the file. Errors read {@code <file>: field '<path>': <what is expected>}; errors in
 * a Worker's own wrangler config name that file. Schema and example: docs/CONFIG.md.
 */
public final class RuntimeConfigLoader {
    public static final Set<String> FILE_NAMES = Set.of("runtime.jsonc", "runtime.json");
    private static final Set<String> KEYS = Set.of("workers", "listeners", "storage", "shards", "$schema");
    private static final Set<String> WORKER_KEYS = Set.of("config", "env", "name", "shards", "uniqueKeys");
    /** A unique key names a storage folder: plain characters, no path tricks. */
    private static final java.util.regex.Pattern UNIQUE_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Set<String> LISTENER_KEYS = Set.of("address", "worker", "hosts");
    /** An exact host name or {@code *.suffix} (lower case by now), or a bracketed IPv6 literal. */
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9_-]+(\\.[a-z0-9_-]+)*|\\[[0-9a-f:.]+]");

    private RuntimeConfigLoader() {}

    /** Whether {@code file} is a runtime config: by its name, or a .json/.jsonc file whose top level has "workers". */
    public static boolean isRuntimeConfig(Path file) throws ConfigException {
        String name = file.getFileName().toString();
        if (FILE_NAMES.contains(name)) return true;
        if (!name.endsWith(".json") && !name.endsWith(".jsonc")) return false;
        return ConfigFiles.readObject(file).has("workers");
    }

    public static RuntimeConfig load(Path file, Consumer<String> warn) throws ConfigException {
        String where = file.toString();
        JsonNode root = ConfigFiles.readObject(file);
        Fields.warnUnknown(root, KEYS, where, "", warn);
        Path dir = file.toAbsolutePath().getParent();

        Map<String, String> sources = new LinkedHashMap<>(); // Worker name -> the file it came from
        List<WorkerConfig> workers = workers(root.get("workers"), dir, where, sources, warn);
        for (WorkerConfig w : workers) WorkerReferences.check(w, sources.get(w.name()), sources.keySet());
        List<Listener> listeners = listeners(root.get("listeners"), where, sources.keySet(), warn);

        Path storage = null;
        String s = Fields.string(root, "storage", where, "storage");
        if (s != null) {
            storage = dir.resolve(s).normalize();
            if (Files.exists(storage) && !Files.isDirectory(storage)) throw Fields.error(where, "storage", "not a directory: " + s);
        }
        Integer shards = shardCount(root, where, "shards");
        checkPlacement(workers, listeners, root.get("workers"), where);
        return new RuntimeConfig(List.copyOf(workers), List.copyOf(listeners), storage, shards);
    }

    private static List<WorkerConfig> workers(JsonNode node, Path dir, String where, Map<String, String> sources,
                                              Consumer<String> warn) throws ConfigException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw Fields.error(where, "workers", "expected a non-empty array of { config, env, name }");
        }
        Map<String, String> firstUse = new HashMap<>();
        return Fields.objects(node, where, "workers", null, "expected an object with 'config' (the path of a wrangler config)", (w, at) -> {
            Fields.warnUnknown(w, WORKER_KEYS, where, at + ".", warn);
            String config = Fields.requiredString(w, "config", where, at + ".config",
                    "the path of the Worker's wrangler config (or its directory, or a .js entry file)");
            String env = Fields.string(w, "env", where, at + ".env");
            String name = Fields.string(w, "name", where, at + ".name");
            if (name != null && name.isEmpty()) throw Fields.error(where, at + ".name", "must not be empty");
            Path source = source(dir.resolve(config).normalize(), config, env, where, at);
            WorkerConfig worker = isScript(source) ? WranglerConfigLoader.forScript(source) : WranglerConfigLoader.load(source, env, warn);
            if (name != null) worker = worker.withName(name);
            Integer placed = shardCount(w, where, at + ".shards");
            if (placed != null) worker = worker.withShards(placed);
            Map<String, String> keys = uniqueKeys(w.get("uniqueKeys"), where, at + ".uniqueKeys");
            if (!keys.isEmpty()) worker = worker.withUniqueKeys(keys);
            String earlier = firstUse.putIfAbsent(worker.name(), at);
            if (earlier != null) {
                throw Fields.error(where, at, "Worker name '" + worker.name() + "' is already used by " + earlier
                        + " (set \"name\" on one of them)");
            }
            sources.put(worker.name(), source.toString());
            return worker;
        });
    }

    /** {@code "uniqueKeys": { "<Class>": "<key>" }}: the Durable Object namespaces' unique keys. */
    private static Map<String, String> uniqueKeys(JsonNode n, String where, String field) throws ConfigException {
        if (n == null || n.isNull()) return Map.of();
        if (!n.isObject()) throw Fields.error(where, field, "expected an object of Durable Object class name -> unique key");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String key = e.getValue().isTextual() ? e.getValue().asText() : null;
            if (key == null || !UNIQUE_KEY.matcher(key).matches()) {
                throw Fields.error(where, field + "." + e.getKey(), "expected a unique key of letters, digits, '.', '_' and '-' "
                        + "(at most 128, not starting with '.' or '-'): it names the class's storage folder");
            }
            out.put(e.getKey(), key);
        }
        return out;
    }

    private static Integer shardCount(JsonNode obj, String where, String field) throws ConfigException {
        JsonNode n = obj.get("shards");
        if (n == null || n.isNull()) return null;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 1024) {
            throw Fields.error(where, field, "expected an integer from 1 to 1024");
        }
        return n.asInt();
    }

    /** Only Workers reached through bindings may run on fewer shards: listeners hand requests to every shard. */
    private static void checkPlacement(List<WorkerConfig> workers, List<Listener> listeners, JsonNode node, String where) throws ConfigException {
        for (int i = 0; i < workers.size(); i++) {
            WorkerConfig w = workers.get(i);
            if (w.shards() == 0) continue;
            for (Listener l : listeners) {
                if (w.name().equals(l.worker()) || l.hosts().containsValue(w.name())) {
                    throw Fields.error(where, "workers[" + i + "].shards", "Worker '" + w.name() + "' is served by the listener on "
                            + l.address() + ", so it runs on every shard; only Workers reached through bindings may be placed on fewer shards");
                }
            }
        }
    }

    /** The wrangler config (or entry script) that {@code config} names. */
    private static Path source(Path p, String config, String env, String where, String at) throws ConfigException {
        if (!Files.exists(p)) throw Fields.error(where, at + ".config", "no such file or directory: " + config);
        if (Files.isDirectory(p)) {
            Path found = WranglerConfigLoader.find(p);
            if (found == null) throw Fields.error(where, at + ".config", "no wrangler.jsonc, wrangler.json or wrangler.toml in " + config);
            return found;
        }
        if (isScript(p) && env != null) throw Fields.error(where, at + ".env", "an environment needs a wrangler config, not a script");
        return p;
    }

    private static boolean isScript(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".js") || n.endsWith(".mjs");
    }

    private static List<Listener> listeners(JsonNode node, String where, Set<String> loaded, Consumer<String> warn) throws ConfigException {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw Fields.error(where, "listeners", "expected a non-empty array of { address, worker, hosts }");
        }
        Map<ListenAddress, String> bound = new HashMap<>();
        return Fields.objects(node, where, "listeners", null, "expected an object with 'address' and 'worker' or 'hosts'", (l, at) -> {
            Fields.warnUnknown(l, LISTENER_KEYS, where, at + ".", warn);
            String text = Fields.requiredString(l, "address", where, at + ".address", "host:port to listen on");
            ListenAddress address;
            try {
                address = ListenAddress.parse(text);
            } catch (IllegalArgumentException e) {
                throw Fields.error(where, at + ".address", e.getMessage());
            }
            ListenAddress key = new ListenAddress(address.host().toLowerCase(Locale.ROOT), address.port());
            String earlier = address.port() == 0 ? null : bound.putIfAbsent(key, at);
            if (earlier != null) throw Fields.error(where, at + ".address", address + " is already used by " + earlier);
            String worker = Fields.string(l, "worker", where, at + ".worker");
            if (worker != null) requireLoaded(worker, loaded, where, at + ".worker");
            Map<String, String> hosts = hosts(l.get("hosts"), where, at + ".hosts", loaded);
            if (worker == null && hosts.isEmpty()) {
                throw Fields.error(where, at, "needs 'worker' (the Worker that answers) or 'hosts' (Host header to Worker)");
            }
            return new Listener(address, worker, hosts);
        });
    }

    private static Map<String, String> hosts(JsonNode node, String where, String field, Set<String> loaded) throws ConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) return out;
        if (!node.isObject()) throw Fields.error(where, field, "expected an object of host names (or *.suffix) to Worker names");
        Map<String, String> spelled = new HashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String at = field + "[\"" + e.getKey() + "\"]";
            String pattern = e.getKey().toLowerCase(Locale.ROOT);
            if (pattern.endsWith(".")) pattern = pattern.substring(0, pattern.length() - 1);
            if (!HOST.matcher(pattern).matches()) {
                throw Fields.error(where, at, "expected a host name such as api.example.com, or *.example.com for every name"
                        + " under example.com (no scheme, port or path)");
            }
            String earlier = spelled.putIfAbsent(pattern, e.getKey());
            if (earlier != null) throw Fields.error(where, at, "host '" + pattern + "' is already routed by " + field + "[\"" + earlier + "\"]");
            if (!e.getValue().isTextual()) throw Fields.error(where, at, "expected the name of a Worker");
            requireLoaded(e.getValue().asText(), loaded, where, at);
            out.put(pattern, e.getValue().asText());
        }
        return out;
    }

    private static void requireLoaded(String worker, Set<String> loaded, String where, String field) throws ConfigException {
        if (!loaded.contains(worker)) {
            throw Fields.error(where, field, "no Worker named '" + worker + "' is loaded (loaded Workers: " + String.join(", ", loaded) + ")");
        }
    }
}
