package dev.jworkers.runtime.assets;

/** What the assets answer a request with; {@link AssetWriter} writes it. */
public sealed interface AssetResponse {
    /** A response without a body: 404 (nothing matched), 405 (a method other than GET or HEAD), or a 307 redirect. */
    record Empty(int status, String location) implements AssetResponse {}

    /** A file with {@code status} (200, or 404 for a 404 page), or 304 when the client's copy is current. */
    record File(Asset asset, int status, boolean notModified) implements AssetResponse {}

    Empty NOT_FOUND = new Empty(404, null);
    Empty METHOD_NOT_ALLOWED = new Empty(405, null);
}
