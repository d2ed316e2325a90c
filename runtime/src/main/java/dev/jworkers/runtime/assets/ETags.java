package dev.jworkers.runtime.assets;

/** If-None-Match against an asset's ETag. */
final class ETags {
    private ETags() {}

    /**
     * Whether {@code ifNoneMatch} (null when absent) is exactly the strong {@code "etag"} or the weak
     * {@code W/"etag"} of {@code etag} (unquoted). As Cloudflare's asset Worker compares it: a list
     * of tags, or {@code *}, does not match (the client gets the whole file).
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        String strong = '"' + etag + '"';
        return ifNoneMatch.equals(strong) || ifNoneMatch.equals("W/" + strong);
    }
}
