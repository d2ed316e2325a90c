package dev.jworkers.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of config fields. Every message has the same shape, so users learn one format:
 * {@code <file>: field '<path>': <what is wrong or expected>}, where the path carries indexes
 * ({@code services[1].binding}).
 */
final class Fields {
    private Fields() {}

    static ConfigException error(String file, String field, String message) {
        return new ConfigException(file + ": field '" + field + "': " + message);
    }

    /** {@code obj.key} as a string, or null when absent; {@code field} is the key's full path. */
    static String string(JsonNode obj, String key, String file, String field) throws ConfigException {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw error(file, field, "expected a string");
        return n.asText();
    }

    /** {@code obj.key} as a non-empty string; {@code what} says what it is for. */
    static String requiredString(JsonNode obj, String key, String file, String field, String what) throws ConfigException {
        String s = string(obj, key, file, field);
        if (s == null) throw error(file, field, "required: " + what);
        if (s.isEmpty()) throw error(file, field, "must not be empty: " + what);
        return s;
    }

    /** An optional array of strings (absent: empty). */
    static List<String> strings(JsonNode node, String file, String field) throws ConfigException {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw error(file, field, "expected an array of strings");
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            if (!s.isTextual()) throw error(file, field + "[" + i + "]", "expected a string");
            out.add(s.asText());
        }
        return out;
    }

    /** Reads one element of an array of objects; {@code at} is its path, such as {@code services[2]}. */
    interface Item<T> {
        T read(JsonNode obj, String at) throws ConfigException;
    }

    /**
     * An optional array of objects (absent: empty), each read by {@code item}. {@code expectArray}
     * and {@code expectObject} say what the field and each element should be ({@code expectArray}
     * may be null when the caller has already checked that {@code node} is an array).
     */
    static <T> List<T> objects(JsonNode node, String file, String field, String expectArray, String expectObject, Item<T> item)
            throws ConfigException {
        List<T> out = new ArrayList<>();
        if (node == null || node.isNull()) return out;
        if (!node.isArray()) throw error(file, field, expectArray);
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            if (!node.get(i).isObject()) throw error(file, at, expectObject);
            out.add(item.read(node.get(i), at));
        }
        return out;
    }

    /** Warns about each key of {@code obj} not in {@code known}: ignored, never silently dropped. */
    static void warnUnknown(JsonNode obj, Set<String> known, String file, String prefix, Consumer<String> warn) {
        obj.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) warn.accept(file + ": field '" + prefix + f + "' is not supported yet and is ignored");
        });
    }
}
