package dev.jworkers.runtime.io;

import io.netty.buffer.ByteBuf;

/** Where a request's response goes: implemented by the HTTP connection that received the request. */
public interface ResponseSink {
    /** Result of {@link #write}: more may be written now. */
    int WRITABLE = 1;
    /** Result of {@link #write}: wait for {@link #whenWritable} before writing more. */
    int FULL = 0;
    /** Result of {@link #write}: the client is gone; stop producing. */
    int GONE = -1;

    /** A complete response with a known body (or none); takes ownership of {@code body}. */
    void full(int status, String reason, String headersBlob, ByteBuf body);

    /** Starts a streamed (chunked) response. */
    void start(int status, String reason, String headersBlob);

    /**
     * Starts a streamed response whose body will be exactly {@code length} bytes, so the sink may
     * frame it with Content-Length rather than chunks; by default, as {@link #start}.
     */
    default void startSized(int status, String reason, String headersBlob, long length) {
        start(status, reason, headersBlob);
    }

    /** Writes one chunk of a streamed response; takes ownership of {@code chunk}. */
    int write(ByteBuf chunk);

    /** Runs {@code task} on the shard once the connection can take more data (or is closed). */
    void whenWritable(Runnable task);

    /** Ends a streamed response. */
    void end();

    /** A failure: before the response started, an error response; after, the connection is closed. */
    void error(int status, String body);
}
