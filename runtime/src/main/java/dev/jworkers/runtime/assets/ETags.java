package dev.jworkers.runtime.assets;

/** If-None-Match against an asset's ETag. */
final class ETags {
    private ETags() {}

    /**
     * Whether {@code ifNoneMatch} (null when absent) names {@code etag} (unquoted): as the strong
     * {@code "etag"} or the weak {@code W/"etag"} (a weak comparison, as for GET), in a
     * comma-separated list, or {@code *}.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        int i = 0, n = ifNoneMatch.length();
        while (i < n) {
            char c = ifNoneMatch.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            if (c == '*') return true;
            int start = i;
            if (ifNoneMatch.startsWith("W/", i)) start += 2;
            if (start < n && ifNoneMatch.charAt(start) == '"') {
                int close = ifNoneMatch.indexOf('"', start + 1);
                if (close < 0) return false;
                if (close - start - 1 == etag.length() && ifNoneMatch.startsWith(etag, start + 1)) return true;
                i = close + 1;
            } else {
                int comma = ifNoneMatch.indexOf(',', i);
                i = comma < 0 ? n : comma + 1;
            }
        }
        return false;
    }
}
