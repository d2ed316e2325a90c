package dev.jworkers.runtime.server;

import java.util.HashMap;
import java.util.Map;

import dev.jworkers.runtime.config.Listener;

/**
 * Which Worker answers a request on one listener. Exact host names win, then the longest
 * {@code *.suffix}, then the listener's fallback Worker. Case and the port in the Host header are
 * ignored. Built once per listener; {@link #route} allocates nothing, as it runs for every request.
 */
final class HostRoutes {
    private final String fallback;
    private final HostTable exact;
    private final HostTable wildcard;

    HostRoutes(Listener listener) {
        Map<String, String> exactHosts = new HashMap<>();
        Map<String, String> suffixes = new HashMap<>();
        for (var e : listener.hosts().entrySet()) {
            if (e.getKey().startsWith("*.")) suffixes.put(e.getKey().substring(2), e.getValue());
            else exactHosts.put(e.getKey(), e.getValue());
        }
        this.fallback = listener.worker();
        this.exact = exactHosts.isEmpty() ? null : new HostTable(exactHosts);
        this.wildcard = suffixes.isEmpty() ? null : new HostTable(suffixes);
    }

    /** True when every request goes to the fallback (no Host routes), so the host need not be read. */
    boolean fixed() { return exact == null && wildcard == null; }

    /** The Worker name for a request whose Host is {@code host} (may be null), or null when none matches. */
    String route(String host) {
        if (fixed() || host == null) return fallback;
        int end = hostEnd(host);
        if (end > 0 && host.charAt(end - 1) == '.') end--; // "example.com." is "example.com"
        if (exact != null) {
            String w = exact.get(host, 0, end);
            if (w != null) return w;
        }
        if (wildcard != null) {
            // Each dot after the first label starts a shorter suffix: the first one found is the longest match.
            for (int i = 1; i < end; i++) {
                if (host.charAt(i) == '.') {
                    String w = wildcard.get(host, i + 1, end);
                    if (w != null) return w;
                }
            }
        }
        return fallback;
    }

    /** Where the name ends: before ":port", or after the "]" of an IPv6 literal. */
    private static int hostEnd(String host) {
        if (!host.isEmpty() && host.charAt(0) == '[') {
            int close = host.indexOf(']');
            return close < 0 ? host.length() : close + 1;
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host.length() : colon;
    }
}
