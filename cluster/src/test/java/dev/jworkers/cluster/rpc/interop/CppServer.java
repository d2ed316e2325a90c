package dev.jworkers.cluster.rpc.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running {@code interop serve}: the C++ echo Node (see {@link InteropScenario}) served at
 * {@link #address()}. Its stdin is a pipe from this JVM, so it exits if the JVM dies;
 * {@link #close()} kills it and waits.
 */
public final class CppServer implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final Process process;
    private final String address;
    private final int port;
    private final Optional<Path> socketPath;
    private final List<String> stdout = new ArrayList<>(), stderr = new ArrayList<>();

    private CppServer(Process process, String bindAddress) {
        this.process = process;
        CompletableFuture<String> listening = new CompletableFuture<>();
        drain(process.getInputStream(), stdout, listening, "interop-serve-stdout");
        Thread errors = drain(process.getErrorStream(), stderr, null, "interop-serve-stderr");
        String where;
        try {
            where = listening.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            close();
            joinQuietly(errors);
            throw new AssertionError("interop serve " + bindAddress + " did not report listening ("
                    + e + ")\nstderr:\n  " + String.join("\n  ", stderr()), e);
        }
        if (where.matches("\\d+")) {
            // TCP: the bound port replaces the one asked for (":0" in particular).
            port = Integer.parseInt(where);
            address = bindAddress.substring(0, bindAddress.lastIndexOf(':') + 1) + port;
            socketPath = Optional.empty();
        } else {
            port = 0;
            address = bindAddress;
            socketPath = Optional.of(Path.of(where));
        }
    }

    static CppServer start(Path binary, String bindAddress) throws IOException {
        Process process = new ProcessBuilder(binary.toString(), "serve", bindAddress).start();
        return new CppServer(process, bindAddress);
    }

    /** The address to connect to, in the form the C++ program takes ({@code unix:PATH} or {@code HOST:PORT}). */
    public String address() {
        return address;
    }

    /** The bound TCP port, or 0 when serving on a unix socket. */
    public int port() {
        return port;
    }

    /** The unix socket's path, when serving on one. */
    public Optional<Path> socketPath() {
        return socketPath;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the server wrote to stderr so far (kj logs errors there). */
    public List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // Collects lines; the first stdout line ("listening ...") completes `first`.
    private static Thread drain(InputStream in, List<String> lines, CompletableFuture<String> first, String name) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (first != null && !first.isDone()) {
                        if (line.startsWith("listening ")) first.complete(line.substring("listening ".length()));
                        else first.completeExceptionally(new IllegalStateException("unexpected first line: " + line));
                    }
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException ignored) {
                // The process is gone; what was read is kept.
            }
            if (first != null) first.completeExceptionally(new IllegalStateException("exited before listening"));
        });
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
