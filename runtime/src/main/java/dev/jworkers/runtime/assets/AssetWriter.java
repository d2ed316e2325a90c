package dev.jworkers.runtime.assets;

import java.util.concurrent.Executor;

import dev.jworkers.runtime.io.ResponseSink;
import io.netty.buffer.Unpooled;

/**
 * Writes an {@link AssetResponse} into a {@link ResponseSink} (an HTTP exchange, or the answer to
 * an assets-binding fetch), with the headers Cloudflare's asset server sends: {@code ETag} (the
 * content hash in quotes), {@code Content-Type} when the extension is known, and
 * {@code Cache-Control: public, max-age=0, must-revalidate} unless the request carried
 * Authorization or Range. A 304 carries the same headers. Files kept in memory go out in one
 * piece; others stream from disk in chunks read off the event loop ({@link FileStream}).
 */
public final class AssetWriter {
    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";

    private AssetWriter() {}

    /**
     * Writes {@code resp} (the answer to {@code req}) to {@code sink}, then runs {@code done}. Call
     * on the sink's event loop {@code loop}. {@code http}: the sink is an HTTP exchange, which
     * frames the body and drops it for HEAD; otherwise a HEAD answer is given without a body.
     */
    public static void write(AssetResponse resp, AssetRequest req, ResponseSink sink, boolean http, Executor loop, Runnable done) {
        switch (resp) {
            case AssetResponse.Empty e -> {
                String headers = e.location() == null ? "" : "location\n" + e.location() + "\n";
                sink.full(e.status(), reason(e.status()), headers, null);
                done.run();
            }
            case AssetResponse.File f when f.notModified() -> {
                sink.full(304, reason(304), headers(f.asset(), req), null);
                done.run();
            }
            case AssetResponse.File f -> {
                Asset a = f.asset();
                String headers = headers(a, req);
                if (req.head() && !http) {
                    sink.full(f.status(), reason(f.status()), headers, null);
                    done.run();
                } else if (a.bytes() != null) {
                    sink.full(f.status(), reason(f.status()), headers, Unpooled.wrappedBuffer(a.bytes()));
                    done.run();
                } else if (req.head()) {
                    sink.startSized(f.status(), reason(f.status()), headers, a.size());
                    sink.end();
                    done.run();
                } else {
                    sink.startSized(f.status(), reason(f.status()), headers, a.size());
                    new FileStream(a.file(), a.size(), sink, loop, done).start();
                }
            }
        }
    }

    private static String headers(Asset a, AssetRequest req) {
        StringBuilder h = new StringBuilder(160);
        h.append("etag\n\"").append(a.etag()).append("\"\n");
        if (a.contentType() != null) h.append("content-type\n").append(a.contentType()).append('\n');
        if (req.cacheable()) h.append("cache-control\n").append(CACHE_CONTROL).append('\n');
        return h.toString();
    }

    /** The status text Cloudflare's asset server gives (none for 200, as {@code new Response()} has). */
    private static String reason(int status) {
        return switch (status) {
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "";
        };
    }
}
