package dev.jworkers.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A runtime serving one workspace on a free loopback port; closing stops it (and its children). */
public final class Server implements AutoCloseable {
    private final Process process;
    private final Path log;
    public final int port;

    private Server(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public String origin() { return "http://127.0.0.1:" + port; }

    /** This runtime, through tools/runtime (which builds it first when its sources changed). */
    public static Server jworkers(Path root, Path dir, boolean testScheduled, int stubPort) throws IOException {
        int port = freePort();
        Path runtime = dir.resolve("runtime.jsonc");
        List<String> cmd;
        if (Files.isRegularFile(runtime)) {
            // A runtime config names its listeners: point its first one at our port.
            com.fasterxml.jackson.databind.node.ObjectNode config = (com.fasterxml.jackson.databind.node.ObjectNode) WorkerdConfig.JSONC.readTree(runtime.toFile());
            com.fasterxml.jackson.databind.node.ObjectNode listener = config.putArray("listeners").addObject();
            listener.put("address", "127.0.0.1:" + port);
            listener.put("worker", WorkerdConfig.JSONC.readTree(runtime.toFile()).path("listeners").path(0).path("worker").asText());
            Files.writeString(runtime, config.toPrettyString());
            cmd = new java.util.ArrayList<>(List.of(root.resolve("tools/runtime").toString(), "serve", runtime.toString()));
        } else {
            cmd = new java.util.ArrayList<>(List.of(root.resolve("tools/runtime").toString(), "serve", dir.toString(),
                    "--host", "127.0.0.1", "--port", Integer.toString(port)));
        }
        if (testScheduled) cmd.add("--test-scheduled");
        cmd.addAll(List.of("--global-outbound", "127.0.0.1:" + stubPort));
        // The first run may build the project: allow for that.
        return start(cmd, dir, dir.resolve("jworkers.log"), port, Duration.ofMinutes(5));
    }

    /**
     * workerd, serving a config generated from the same wrangler.jsonc. The scheduled test endpoint
     * needs Fetcher.scheduled(), which workerd keeps behind an experimental flag. {@code workersShared}:
     * the dist folder of @cloudflare/workers-shared for a Worker with static assets, else null.
     */
    public static Server workerd(Path workerd, Path dir, boolean testScheduled, int stubPort, Path workersShared) throws IOException {
        int port = freePort();
        Path config = WorkerdConfig.write(dir, port, stubPort, testScheduled, workersShared);
        List<String> cmd = new java.util.ArrayList<>(List.of(workerd.toString(), "serve", config.getFileName().toString()));
        if (testScheduled) cmd.add("--experimental");
        return start(cmd, dir, dir.resolve("workerd.log"), port, Duration.ofSeconds(30));
    }

    private static Server start(List<String> cmd, Path dir, Path log, int port, Duration ready) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Server s = new Server(p, log, port);
        try {
            s.awaitListening(ready);
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void awaitListening(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("exited with " + process.exitValue() + ": " + logTail());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IOException("not listening on port " + port + " after " + limit.toSeconds() + " s: " + logTail());
    }

    /** The last lines the server printed (for failure messages). */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
