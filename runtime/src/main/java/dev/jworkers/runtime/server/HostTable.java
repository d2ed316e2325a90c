package dev.jworkers.runtime.server;

import java.util.Map;

/**
 * A fixed map from lower-case host names to Worker names that is looked up with a region of a
 * string, ignoring ASCII case, so routing a request copies nothing (open addressing, linear probing).
 */
final class HostTable {
    private final String[] keys;
    private final String[] values;
    private final int mask;

    HostTable(Map<String, String> entries) {
        int size = Integer.highestOneBit(Math.max(2, entries.size() * 2 - 1)) << 1;
        keys = new String[size];
        values = new String[size];
        mask = size - 1;
        for (var e : entries.entrySet()) {
            String k = e.getKey();
            int i = hash(k, 0, k.length()) & mask;
            while (keys[i] != null) i = (i + 1) & mask;
            keys[i] = k;
            values[i] = e.getValue();
        }
    }

    /** The value for {@code s[from, to)}, case-insensitively, or null. */
    String get(String s, int from, int to) {
        int len = to - from;
        for (int i = hash(s, from, to) & mask; keys[i] != null; i = (i + 1) & mask) {
            String k = keys[i];
            if (k.length() == len && k.regionMatches(true, 0, s, from, len)) return values[i];
        }
        return null;
    }

    private static int hash(String s, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return h ^ (h >>> 16);
    }
}
