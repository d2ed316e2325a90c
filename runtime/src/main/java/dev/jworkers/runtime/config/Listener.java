package dev.jworkers.runtime.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP listener and which Worker answers its requests.
 *
 * @param address where it binds
 * @param worker  the Worker for requests no {@code hosts} entry matches, or null (they get 404)
 * @param hosts   Host-header routes, in config order: an exact host name, or {@code *.suffix} for
 *                any name under {@code suffix}; lower case; each maps to a Worker name
 */
public record Listener(ListenAddress address, String worker, Map<String, String> hosts) {
    public Listener {
        hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    /** The single-Worker case: every request goes to {@code worker}. */
    public static Listener of(String host, int port, String worker) {
        return new Listener(new ListenAddress(host, port), worker, Map.of());
    }
}
