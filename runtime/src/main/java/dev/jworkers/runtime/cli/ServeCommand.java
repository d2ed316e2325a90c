package dev.jworkers.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.jworkers.runtime.RuntimeNode;
import dev.jworkers.runtime.config.ConfigException;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.config.WranglerConfigLoader;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.server.ServerLimits;
import dev.jworkers.runtime.worker.WorkerLoadException;
import sun.misc.Signal;

/** {@code runtime serve [PATH] [options]}: serves one Worker over HTTP until SIGINT/SIGTERM. */
public final class ServeCommand {
    static final String HELP = """
            Usage: runtime serve [PATH] [options]

            Serves a Worker over HTTP/1.1.

            PATH is a .js/.mjs entry file, a wrangler.jsonc / wrangler.json / wrangler.toml, or a
            directory holding one of those. Without PATH, the current directory's wrangler config.

            Options:
              --port N           port to listen on (default 8787; 0 picks a free one)
              --host H           address to listen on (default 127.0.0.1)
              --shards N         event-loop threads, each with its own JS contexts (default: cores)
              --storage DIR      directory for Durable Object storage (kept for the Durable Objects
                                 work; nothing is stored there yet)
              --env NAME, -e     use the wrangler config's env.NAME section (and .dev.vars.NAME)
              --cpu-limit-ms N   longest uninterrupted JS run before the request fails with 503
                                 (default 30000, or the config's limits.cpu_ms)
              --no-jit           run JavaScript interpreter-only (no Graal compiler)
              --log-level L      debug, info, warn or error (default info)
              --help             this text
            """;

    private static final Log LOG = Log.get("serve");

    record Args(Path path, String host, int port, int shards, Path storage, Long cpuLimit, boolean noJit, Log.Level level, String env) {}

    static Args parse(List<String> argv) throws UsageException {
        Path path = null;
        String host = "127.0.0.1";
        int port = 8787;
        int shards = Runtime.getRuntime().availableProcessors();
        Path storage = null;
        Long cpu = null;
        boolean noJit = false;
        Log.Level level = Log.Level.INFO;
        String env = null;
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--port" -> port = intArg(a, value != null ? value : next(argv, ++i, a), 0, 65535);
                case "--host" -> host = value != null ? value : next(argv, ++i, a);
                case "--shards" -> shards = intArg(a, value != null ? value : next(argv, ++i, a), 1, 1024);
                case "--storage" -> storage = Path.of(value != null ? value : next(argv, ++i, a));
                case "--cpu-limit-ms" -> cpu = (long) intArg(a, value != null ? value : next(argv, ++i, a), 1, Integer.MAX_VALUE);
                case "--no-jit" -> noJit = true;
                case "--env", "-e" -> env = value != null ? value : next(argv, ++i, a);
                case "--log-level" -> {
                    String l = value != null ? value : next(argv, ++i, a);
                    level = Log.parseLevel(l);
                    if (level == null) throw new UsageException("--log-level: expected debug, info, warn or error, got '" + l + "'");
                }
                default -> {
                    if (a.startsWith("-")) throw new UsageException("unknown option '" + a + "'");
                    if (path != null) throw new UsageException("unexpected argument '" + a + "': only one PATH is accepted");
                    path = Path.of(a);
                }
            }
        }
        return new Args(path, host, port, shards, storage, cpu, noJit, level, env);
    }

    private static String next(List<String> argv, int i, String flag) throws UsageException {
        if (i >= argv.size()) throw new UsageException(flag + " needs a value");
        return argv.get(i);
    }

    private static int intArg(String flag, String v, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + ": expected an integer from " + min + " to " + max + ", got '" + v + "'");
        }
    }

    /** Turns PATH (or the current directory) into a Worker config. */
    static WorkerConfig resolve(Path path, String env) throws UsageException, ConfigException {
        if (path == null) {
            Path cfg = WranglerConfigLoader.find(Path.of("").toAbsolutePath());
            if (cfg == null) throw new UsageException("no PATH given and no wrangler.jsonc, wrangler.json or wrangler.toml in the current directory");
            return WranglerConfigLoader.load(cfg, env, LOG::warn);
        }
        if (!Files.exists(path)) throw new UsageException("no such file or directory: " + path);
        if (Files.isDirectory(path)) {
            Path cfg = WranglerConfigLoader.find(path);
            if (cfg == null) throw new UsageException(path + ": no wrangler.jsonc, wrangler.json or wrangler.toml in this directory");
            return WranglerConfigLoader.load(cfg, env, LOG::warn);
        }
        String name = path.getFileName().toString();
        if (WranglerConfigLoader.FILE_NAMES.contains(name)) return WranglerConfigLoader.load(path, env, LOG::warn);
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            if (env != null) throw new UsageException("--env needs a wrangler config, not a script");
            return WranglerConfigLoader.forScript(path);
        }
        throw new UsageException(path + ": expected a .js/.mjs file, a wrangler config or a directory");
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.print(HELP);
            return 0;
        }
        Args args = parse(argv);
        Log.setLevel(args.level());
        if (args.storage() != null && Files.exists(args.storage()) && !Files.isDirectory(args.storage())) {
            throw new UsageException("--storage: not a directory: " + args.storage());
        }
        WorkerConfig worker;
        try {
            worker = resolve(args.path(), args.env());
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        if (args.cpuLimit() != null) worker = worker.withCpuLimit(args.cpuLimit());
        RuntimeNode node;
        try {
            node = RuntimeNode.start(new RuntimeNode.Options(List.of(worker), args.host(), args.port(), args.shards(),
                    args.noJit(), ServerLimits.DEFAULT, null));
        } catch (WorkerLoadException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            return 1;
        }
        String host = node.address().getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        long startedMs = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
        out.println("Listening on http://" + host + ":" + node.port() + "/ (worker \"" + worker.name() + "\", "
                + args.shards() + " shard" + (args.shards() == 1 ? "" : "s") + ", ready " + startedMs + " ms after launch)");
        out.flush();

        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), s -> stop.countDown());
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        try {
            stop.await();
            LOG.info("stopping: no new connections; waiting up to 10 s for " + node.inFlight() + " request(s) in flight");
            boolean drained = node.shutdown(Duration.ofSeconds(10));
            if (!drained) LOG.warn("some requests did not finish within 10 s and were cut off");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
