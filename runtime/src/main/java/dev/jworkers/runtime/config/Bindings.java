package dev.jworkers.runtime.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads wrangler's {@code services} and {@code durable_objects} bindings. */
final class Bindings {
    private static final Set<String> SERVICE_KEYS = Set.of("binding", "service", "entrypoint", "environment");
    private static final Set<String> DO_KEYS = Set.of("name", "class_name", "script_name", "environment");

    private Bindings() {}

    /** {@code services}: an array of { binding, service, entrypoint? }. */
    static List<WorkerConfig.ServiceBinding> services(JsonNode node, String file, String field, Consumer<String> warn) throws ConfigException {
        return Fields.objects(node, file, field, "expected an array of { binding, service, entrypoint }",
                "expected an object with 'binding' and 'service'", (s, at) -> {
                    String binding = Fields.requiredString(s, "binding", file, at + ".binding", "the name the Worker sees in env");
                    String service = Fields.requiredString(s, "service", file, at + ".service", "the name of the Worker to reach");
                    String entrypoint = Fields.string(s, "entrypoint", file, at + ".entrypoint");
                    warnEnvironment(s, file, at, warn);
                    Fields.warnUnknown(s, SERVICE_KEYS, file, at + ".", warn);
                    return new WorkerConfig.ServiceBinding(binding, service, entrypoint);
                });
    }

    /** {@code durable_objects}: an object whose {@code bindings} is an array of { name, class_name, script_name? }. */
    static List<WorkerConfig.DurableObjectBinding> durableObjects(JsonNode node, String file, String field, Consumer<String> warn) throws ConfigException {
        if (node == null || node.isNull()) return List.of();
        if (!node.isObject()) throw Fields.error(file, field, "expected an object with 'bindings': [{ name, class_name, script_name }]");
        Fields.warnUnknown(node, Set.of("bindings"), file, field + ".", warn);
        return Fields.objects(node.get("bindings"), file, field + ".bindings", "expected an array of { name, class_name, script_name }",
                "expected an object with 'name' and 'class_name'", (b, at) -> {
                    String name = Fields.requiredString(b, "name", file, at + ".name", "the name the Worker sees in env");
                    String className = Fields.requiredString(b, "class_name", file, at + ".class_name", "the exported Durable Object class");
                    String script = Fields.string(b, "script_name", file, at + ".script_name");
                    warnEnvironment(b, file, at, warn);
                    Fields.warnUnknown(b, DO_KEYS, file, at + ".", warn);
                    return new WorkerConfig.DurableObjectBinding(name, className, script);
                });
    }

    /** Wrangler's {@code environment} picks another Worker's env section; here Workers are reached by their name. */
    private static void warnEnvironment(JsonNode binding, String file, String at, Consumer<String> warn) {
        if (binding.has("environment")) {
            warn.accept(file + ": field '" + at + ".environment' is not supported and is ignored: bindings reach the Worker"
                    + " loaded under that name (a Worker loaded with an environment is named <name>-<env>)");
        }
    }

    /** The names in {@code env}: vars, secrets and bindings share them, so each may be used once. */
    static final class Names {
        private final String file;
        private final Map<String, String> owners = new HashMap<>();

        Names(String file) { this.file = file; }

        /** Records that {@code name} is defined by {@code owner} (a field path or a description). */
        void add(String name, String owner) { owners.putIfAbsent(name, owner); }

        /** Claims {@code name} for the binding at {@code field}; an earlier use of it is an error naming both. */
        void claim(String name, String field) throws ConfigException {
            String earlier = owners.putIfAbsent(name, "'" + field + "'");
            if (earlier != null) {
                throw Fields.error(file, field, "the name '" + name + "' is already used by " + earlier
                        + " (vars, secrets and bindings share the Worker's env)");
            }
        }
    }
}
