package dev.jworkers.runtime.cli;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.jworkers.runtime.RuntimeNode;
import dev.jworkers.runtime.actor.ActorSettings;
import dev.jworkers.runtime.config.ConfigException;
import dev.jworkers.runtime.config.ListenAddress;
import dev.jworkers.runtime.config.Listener;
import dev.jworkers.runtime.config.WorkerConfig;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.outbound.OutboundSettings;
import dev.jworkers.runtime.server.ServerLimits;
import dev.jworkers.runtime.worker.WorkerLoadException;
import sun.misc.Signal;

/** {@code runtime serve [PATH] [options]}: serves one Worker, or a runtime config's Workers, until SIGINT/SIGTERM. */
public final class ServeCommand {
    static final String HELP = """
            Usage: runtime serve [PATH] [options]

            Serves Workers over HTTP/1.1.

            PATH is a .js/.mjs entry file, a wrangler config (wrangler.jsonc / wrangler.json /
            wrangler.toml, or any .json/.jsonc/.toml file), a runtime config (runtime.jsonc /
            runtime.json, or a .json/.jsonc file with a "workers" list) that serves several Workers
            on its own listeners (docs/CONFIG.md), or a directory holding one of those (a runtime
            config first). Without PATH, the current directory's.

            Options:
              --port N           port to listen on (default 8787; 0 picks a free one); not with a
                                 runtime config, whose listeners say where to listen
              --host H           address to listen on (default 127.0.0.1); not with a runtime config
              --shards N         event-loop threads, each with its own JS contexts (default: the
                                 runtime config's "shards", else one per core)
              --storage DIR      directory for Durable Object storage (overrides the runtime config's
                                 "storage"); without one, Durable Objects keep their data in memory
              --env NAME, -e     use the wrangler config's env.NAME section (and .dev.vars.NAME);
                                 a runtime config sets "env" per Worker instead
              --idle-timeout-ms N evict a Durable Object after N ms without events (default 10000)
              --cpu-limit-ms N   longest uninterrupted JS run before the request fails with 503
                                 (default 30000, or the config's limits.cpu_ms), for every Worker
              --no-jit           run JavaScript interpreter-only (no Graal compiler)
              --test-scheduled   GET /__scheduled?cron=... runs the scheduled handler (as wrangler's flag)
              --global-outbound HOST:PORT
                                 send every outbound fetch() there as plain HTTP (Host header kept),
                                 whatever the URL: an egress proxy, or a stub in tests
              --outbound-ca FILE PEM file of CA certificates trusted for outbound HTTPS besides the
                                 system's
              --log-level L      debug, info, warn or error (default info)
              --help             this text
            """;

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8787;
    private static final Log LOG = Log.get("serve");

    /** The command line; null means "not given" for options a runtime config may also set. */
    record Args(Path path, String host, Integer port, Integer shards, Path storage, Long cpuLimit, boolean noJit, Log.Level level, String env,
                Integer idleTimeoutMs, boolean testScheduled, ListenAddress globalOutbound, Path outboundCa) {
        Args(Path path, String host, Integer port, Integer shards, Path storage, Long cpuLimit, boolean noJit, Log.Level level, String env) {
            this(path, host, port, shards, storage, cpuLimit, noJit, level, env, null, false, null, null);
        }
    }

    static Args parse(List<String> argv) throws UsageException {
        Path path = null;
        String host = null;
        Integer port = null;
        Integer shards = null;
        Path storage = null;
        Long cpu = null;
        boolean noJit = false;
        boolean testScheduled = false;
        Log.Level level = Log.Level.INFO;
        String env = null;
        Integer idle = null;
        ListenAddress outbound = null;
        Path outboundCa = null;
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
                case "--idle-timeout-ms" -> idle = intArg(a, value != null ? value : next(argv, ++i, a), 1, Integer.MAX_VALUE);
                case "--no-jit" -> noJit = true;
                case "--test-scheduled" -> testScheduled = true;
                case "--global-outbound" -> {
                    String v = value != null ? value : next(argv, ++i, a);
                    try {
                        outbound = ListenAddress.parse(v);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("--global-outbound: " + e.getMessage());
                    }
                    if (outbound.port() == 0) throw new UsageException("--global-outbound: port 0 cannot be reached");
                }
                case "--outbound-ca" -> outboundCa = Path.of(value != null ? value : next(argv, ++i, a));
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
        if (outboundCa != null && !Files.isRegularFile(outboundCa)) throw new UsageException("--outbound-ca: no such file: " + outboundCa);
        return new Args(path, host, port, shards, storage, cpu, noJit, level, env, idle, testScheduled, outbound, outboundCa);
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

    static int run(List<String> argv, PrintStream out, PrintStream err) throws UsageException {
        if (argv.contains("--help") || argv.contains("-h")) {
            out.print(HELP);
            return 0;
        }
        Args args = parse(argv);
        Log.setLevel(args.level());
        Deployment d;
        try {
            d = Deployment.resolve(args, LOG::warn);
        } catch (ConfigException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        Path storage = args.storage() != null ? args.storage() : d.storage();
        if (storage != null && Files.exists(storage) && !Files.isDirectory(storage)) {
            throw new UsageException("--storage: not a directory: " + storage);
        }
        List<WorkerConfig> workers = d.workers();
        if (args.cpuLimit() != null) workers = workers.stream().map(w -> w.withCpuLimit(args.cpuLimit())).toList();
        int shards = args.shards() != null ? args.shards() : d.shards() != null ? d.shards() : Runtime.getRuntime().availableProcessors();
        RuntimeNode node;
        try {
            node = RuntimeNode.start(new RuntimeNode.Options(workers, d.listeners(), shards, args.noJit(), ServerLimits.DEFAULT, null)
                    .withActors(actorSettings(storage, args.idleTimeoutMs())).withTestScheduled(args.testScheduled())
                    .withOutbound(new OutboundSettings(args.globalOutbound(), args.outboundCa())));
        } catch (WorkerLoadException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            return 1;
        }
        printListening(out, d, node, workers, shards);

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

    private static ActorSettings actorSettings(Path storage, Integer idleMs) {
        ActorSettings s = ActorSettings.IN_MEMORY.withStorage(storage);
        return idleMs == null ? s : s.withIdleTimeout(Duration.ofMillis(idleMs));
    }

    /** One "Listening on" line per listener, the first being the one scripts wait for. */
    private static void printListening(PrintStream out, Deployment d, RuntimeNode node, List<WorkerConfig> workers, int shards) {
        long startedMs = ProcessHandle.current().info().startInstant()
                .map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
        String summary = shards + " shard" + (shards == 1 ? "" : "s") + ", ready " + startedMs + " ms after launch";
        List<InetSocketAddress> bound = node.addresses();
        for (int i = 0; i < bound.size(); i++) {
            Listener l = d.listeners().get(i);
            String host = bound.get(i).getAddress().getHostAddress();
            if (host.contains(":")) host = "[" + host + "]";
            List<String> routes = new ArrayList<>();
            l.hosts().forEach((h, w) -> routes.add(h + " -> \"" + w + "\""));
            String target = routes.isEmpty() ? "worker \"" + l.worker() + "\""
                    : "hosts " + String.join(", ", routes) + "; otherwise " + (l.worker() == null ? "404" : "\"" + l.worker() + "\"");
            out.println("Listening on http://" + host + ":" + bound.get(i).getPort() + "/ (" + target
                    + (d.fromRuntimeConfig() ? "" : ", " + summary) + ")");
        }
        if (d.fromRuntimeConfig()) {
            out.println("Serving " + workers.size() + " Worker" + (workers.size() == 1 ? "" : "s") + " ("
                    + String.join(", ", workers.stream().map(WorkerConfig::name).toList()) + "), " + summary);
        }
        out.flush();
    }
}
