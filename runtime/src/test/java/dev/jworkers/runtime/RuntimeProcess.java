package dev.jworkers.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code runtime serve} as users run it, in a child JVM on the test classpath (as in
 * CliProcessTest): started on a free port, it is ready once it printed its "Listening on" line.
 * Closing it kills it if it still runs.
 */
final class RuntimeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("^Listening on http://127\\.0\\.0\\.1:(\\d+)/");

    final Process process;
    final int port;
    private final StringBuffer err;
    private final StringBuffer out = new StringBuffer();

    private RuntimeProcess(Process process, int port, StringBuffer err) {
        this.process = process;
        this.port = port;
        this.err = err;
    }

    /** Starts {@code runtime serve ARGS... --port 0} in {@code dir} and waits until it listens. */
    static RuntimeProcess serve(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("--sun-misc-unsafe-memory-access=allow");
        // The Graal compiler when this JVM has it (as Maven runs the tests), as tools/runtime does.
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.equals("-XX:+UnlockExperimentalVMOptions") || a.equals("-XX:+EnableJVMCI") || a.startsWith("--upgrade-module-path")) cmd.add(a);
        }
        cmd.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.jworkers.runtime.Main");
        cmd.add("serve");
        cmd.addAll(List.of(args));
        cmd.add("--port");
        cmd.add("0");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        StringBuffer err = new StringBuffer();
        drain(p.getErrorStream(), err);
        String line;
        var stdout = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            line = stdout.readLine();
        } catch (IOException e) {
            line = null;
        }
        Matcher m = line == null ? null : LISTENING.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            p.waitFor(20, TimeUnit.SECONDS);
            throw new IllegalStateException("the runtime did not start; first line: " + line + "\nstderr:\n" + err);
        }
        RuntimeProcess r = new RuntimeProcess(p, Integer.parseInt(m.group(1)), err);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (String l; (l = stdout.readLine()) != null; ) r.out.append(l).append('\n');
            } catch (IOException e) {
                // the process is gone
            }
        });
        return r;
    }

    private static void drain(InputStream in, StringBuffer into) {
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process is gone
            }
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** What the process wrote to stderr and stdout so far (for failure messages). */
    String output() {
        return "stderr:\n" + err + "\nstdout:\n" + out;
    }

    /** SIGKILL: no shutdown hook, no close, no last commit. Returns the exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) throw new IllegalStateException("still running after SIGKILL");
        return process.exitValue();
    }

    /** SIGTERM: the runtime finishes what is in flight and exits. Returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not exit within 30 s of SIGTERM\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
