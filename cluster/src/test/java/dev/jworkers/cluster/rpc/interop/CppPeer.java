package dev.jworkers.cluster.rpc.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * The C++ interop peer: {@code cluster/src/test/cpp/interop.c++}, built against the reference
 * Cap'n Proto implementation (libcapnp-dev) and the cluster schema. Tests check this project's
 * RPC against it: {@link #client} calls a server (scenarios and echo semantics in
 * {@link InteropScenario}), {@link #serve} is a server to call, {@link #bench} and
 * {@link #benchPipelined} measure round trips for reference.
 *
 * <pre>{@code
 * CppPeer peer = CppPeer.build();           // aborts the test when C++ cannot be had
 * try (CppServer server = peer.serveUnix(tempDir)) {
 *     InteropScenario.assertClientPassed(peer.client(server.address()));
 * }
 * }</pre>
 *
 * Addresses are in kj's form: {@code unix:/dir/sock} or {@code 127.0.0.1:PORT}. Call
 * {@link #build()} in {@code @BeforeEach} or the test itself rather than {@code @BeforeAll}:
 * surefire reports an abort in {@code @BeforeAll} as no tests at all instead of skipped ones
 * with the reason. Only the first call per JVM does any work.
 */
public final class CppPeer {

    private static final String SOURCE = "cluster/src/test/cpp/interop.c++";
    private static final String SCHEMA = "cluster/src/main/resources/dev/jworkers/cluster/rpc/cluster.capnp";
    private static final String OUTPUT = "cluster/target/interop";
    private static final Duration INSTALL_LIMIT = Duration.ofMinutes(15), COMPILE_LIMIT = Duration.ofMinutes(5);
    private static final Duration CLIENT_LIMIT = Duration.ofSeconds(60), BENCH_SLACK = Duration.ofSeconds(60);

    private static CppPeer built;
    private static String unavailable;
    private static boolean toolsReady;

    private final Path binary;

    private CppPeer(Path binary) {
        this.binary = binary;
    }

    /**
     * Installs what is missing (tools/lib/ensure-capnp) and compiles the program into
     * cluster/target/interop/, unless the binary there is newer than its source and the schema.
     * Aborts the calling test ("C++ interop skipped: ...") when the compiler or libcapnp-dev
     * cannot be installed; fails it when the build itself fails.
     */
    public static synchronized CppPeer build() {
        if (built != null) return built;
        Path root = requireTools();
        try {
            Path binary = root.resolve(OUTPUT).resolve("interop");
            if (!newerThanInputs(binary, root.resolve(SOURCE), root.resolve(SCHEMA))) compile(root, binary);
            built = new CppPeer(binary);
            return built;
        } catch (IOException e) {
            throw new AssertionError("building the C++ interop peer: " + e, e);
        }
    }

    /**
     * Installs the capnp tool, libcapnp-dev and the compiler when missing (once per JVM) and
     * returns the project root; aborts the calling test with the reason when that cannot be done.
     */
    public static synchronized Path requireTools() {
        if (unavailable != null) Assumptions.abort(unavailable);
        Path root = projectRoot();
        if (!toolsReady) {
            String missing = installTools(root);
            if (missing != null) {
                unavailable = "C++ interop skipped: " + missing;
                Assumptions.abort(unavailable);
            }
            toolsReady = true;
        }
        return root;
    }

    public Path binary() {
        return binary;
    }

    /** Starts {@code interop serve bindAddress} and waits until it listens. */
    public CppServer serve(String bindAddress) {
        try {
            return CppServer.start(binary, bindAddress);
        } catch (IOException e) {
            throw new AssertionError("starting " + binary + ": " + e, e);
        }
    }

    /** Serves on the unix socket {@code dir/interop.sock} (dir must exist; keep its path short). */
    public CppServer serveUnix(Path dir) {
        return serve("unix:" + dir.resolve("interop.sock"));
    }

    /** Serves on a free TCP port of 127.0.0.1. */
    public CppServer serveTcp() {
        return serve("127.0.0.1:0");
    }

    /** Runs {@code interop client address}: the scenarios of {@link InteropScenario}. */
    public CppRun client(String address) {
        return run(CLIENT_LIMIT, "client", address);
    }

    /** Runs {@code interop bench address seconds}; {@link BenchResult#of} reads the result. */
    public CppRun bench(String address, double seconds) {
        return run(benchLimit(seconds), "bench", address, Double.toString(seconds));
    }

    /** Runs {@code interop bench-pipelined address seconds}. */
    public CppRun benchPipelined(String address, double seconds) {
        return run(benchLimit(seconds), "bench-pipelined", address, Double.toString(seconds));
    }

    /** Runs the program with {@code args}, killed after {@code limit}. */
    public CppRun run(Duration limit, String... args) {
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        command.addAll(List.of(args));
        try {
            return exec(command, binary.getParent(), limit);
        } catch (IOException e) {
            throw new AssertionError("running " + command + ": " + e, e);
        }
    }

    private static Duration benchLimit(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000)).plus(BENCH_SLACK);
    }

    // The folder holding tools/lib, found from the working directory (a module folder under Maven).
    private static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tools/lib"))) return dir;
        }
        throw new AssertionError("no tools/lib in " + start + " or above");
    }

    // Returns null when everything is there, else why it could not be installed.
    private static String installTools(Path root) {
        Path script = root.resolve("tools/lib/ensure-capnp");
        CppRun run;
        try {
            run = exec(List.of("bash", script.toString()), root, INSTALL_LIMIT);
        } catch (IOException e) {
            return "cannot run " + script + ": " + e.getMessage();
        }
        if (run.timedOut()) return "tools/lib/ensure-capnp still running after " + INSTALL_LIMIT.toMinutes() + " minutes";
        if (run.exitCode() == 0) return null;
        List<String> said = run.stderr().stream().filter(line -> !line.isBlank()).toList();
        return said.isEmpty() ? "tools/lib/ensure-capnp exited " + run.exitCode() : said.getLast();
    }

    private static boolean newerThanInputs(Path binary, Path... inputs) throws IOException {
        if (!Files.isExecutable(binary)) return false;
        var built = Files.getLastModifiedTime(binary);
        for (Path input : inputs) {
            if (Files.getLastModifiedTime(input).compareTo(built) >= 0) return false;
        }
        return true;
    }

    // Generates the schema's C++ code and compiles into a private folder (parallel test JVMs
    // may build at once), then moves the binary into place in one step.
    private static void compile(Path root, Path binary) throws IOException {
        Path out = Files.createDirectories(binary.getParent());
        Path work = Files.createTempDirectory(out, "build-");
        try {
            Path schema = root.resolve(SCHEMA);
            check(exec(List.of("capnp", "compile", "-oc++:" + work, "--src-prefix=" + schema.getParent(), schema.toString()),
                    root, COMPILE_LIMIT), "capnp compile");
            CppRun flags = exec(List.of("pkg-config", "--cflags", "--libs", "capnp-rpc"), root, COMPILE_LIMIT);
            check(flags, "pkg-config capnp-rpc");
            List<String> command = new ArrayList<>(List.of("g++", "-std=c++17", "-O2", "-Wall", "-I" + work,
                    "-o", work.resolve("interop").toString(),
                    root.resolve(SOURCE).toString(), work.resolve("cluster.capnp.c++").toString()));
            for (String line : flags.stdout()) {
                for (String flag : line.trim().split("\\s+")) if (!flag.isEmpty()) command.add(flag);
            }
            check(exec(command, root, COMPILE_LIMIT), "g++");
            Files.move(work.resolve("interop"), binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteTree(work);
        }
    }

    private static void check(CppRun run, String step) {
        if (run.timedOut() || run.exitCode() != 0) {
            throw new AssertionError(step + " failed building the C++ interop peer: " + run.describe());
        }
    }

    // Runs a command with its output in files (no reader threads to stall), killed after `limit`.
    static CppRun exec(List<String> command, Path dir, Duration limit) throws IOException {
        Path out = Files.createTempFile("interop-", ".out"), err = Files.createTempFile("interop-", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished;
            try {
                finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted running " + command, e);
            }
            return new CppRun(finished ? process.exitValue() : -1, !finished, lines(out), lines(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        // Decoded leniently: compiler output need not be valid UTF-8.
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
        }
    }
}
