package dev.jworkers.runtime.assets;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.jworkers.runtime.io.ResponseSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Streams a file that is not kept in memory into a started response: each chunk is read on an
 * {@code asset-io} thread (so a slow disk never stalls an event loop), then written on the sink's
 * event loop, and the next chunk is read only once the sink can take more (backpressure). Exactly
 * {@code size} bytes (the size scanned at start-up) are sent; a file that shrank or fails to read
 * ends the response with an error, which an HTTP connection shows by closing.
 */
final class FileStream {
    static final int CHUNK = 64 * 1024;
    private static final ExecutorService IO = Executors.newFixedThreadPool(2, daemonThreads());

    private final Path file;
    private final long size;
    private final ResponseSink sink;
    private final Executor loop;
    private final Runnable done;
    // Touched by one thread at a time: the I/O thread while reading, the loop while writing.
    private FileChannel channel;
    private long position;

    FileStream(Path file, long size, ResponseSink sink, Executor loop, Runnable done) {
        this.file = file;
        this.size = size;
        this.sink = sink;
        this.loop = loop;
        this.done = done;
    }

    void start() {
        IO.execute(this::read);
    }

    /** On an I/O thread: reads the next chunk and hands it to the loop. */
    private void read() {
        ByteBuf buf = null;
        try {
            if (channel == null) channel = FileChannel.open(file, StandardOpenOption.READ);
            int n = (int) Math.min(CHUNK, size - position);
            buf = ByteBufAllocator.DEFAULT.ioBuffer(n);
            while (buf.readableBytes() < n) {
                int got = buf.writeBytes(channel, position + buf.readableBytes(), n - buf.readableBytes());
                if (got < 0) throw new IOException(file + " is shorter than when it was scanned at start-up");
            }
            position += n;
            ByteBuf chunk = buf;
            buf = null;
            loop.execute(() -> deliver(chunk));
        } catch (IOException | RuntimeException e) {
            if (buf != null) buf.release();
            loop.execute(() -> fail(e));
        }
    }

    /** On the loop: writes a chunk; ends the response or asks for the next chunk when the sink can take it. */
    private void deliver(ByteBuf chunk) {
        int state = sink.write(chunk);
        if (state == ResponseSink.GONE) {
            finish();
        } else if (position >= size) {
            sink.end();
            finish();
        } else if (state == ResponseSink.WRITABLE) {
            IO.execute(this::read);
        } else {
            sink.whenWritable(() -> IO.execute(this::read));
        }
    }

    private void fail(Exception e) {
        dev.jworkers.runtime.log.Log.get("assets").warn("serving " + file + ": " + e.getMessage());
        sink.error(500, "Internal Server Error\n");
        finish();
    }

    private void finish() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to do: the file was only read
            }
        }
        done.run();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "asset-io-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
