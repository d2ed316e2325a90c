package dev.jworkers.cluster.bench;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.ownership.ObjectOwnership;
import dev.jworkers.cluster.ownership.OwnedLock;
import dev.jworkers.cluster.ownership.Ownership;
import dev.jworkers.cluster.ownership.OwnershipOptions;
import dev.jworkers.cluster.registry.CidrRegistry;
import dev.jworkers.cluster.registry.Registry;
import dev.jworkers.cluster.registry.RegistryOptions;
import dev.jworkers.cluster.testing.Listener;
import dev.jworkers.cluster.testing.UnixNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Latency of Durable Object ownership operations, one thread, nodes in this JVM:
 * acquire (new id: file created, key written, file and folder fsynced), acquire of an existing
 * empty lock file, release, and route (the file names a live node) with liveness cached or
 * probed each time (unix: a socket connect; cidr: a shared-lock attempt on the entry file).
 * Every held lock is an open file, and two nodes hold n each, so 2n must fit the fd limit.
 * Usage: LockBench [operations per case, default 5000] [shared dir, default a new temp dir]
 */
public final class LockBench {
  private static final String NS = "bench";

  private interface Op {
    void run(int i) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    long fdLimit = ((com.sun.management.UnixOperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
    if (2L * n + 200 > fdLimit) {
      throw new IllegalArgumentException(n + " operations per case need about " + (2L * n + 200)
          + " open files; the limit is " + fdLimit);
    }
    Path shared = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("lockbench");
    System.out.printf("lock benchmark: %d operations per case, shared dir on %s%n", n,
        Files.getFileStore(shared).type());
    RegistryOptions cached = RegistryOptions.defaults().withLivenessTtl(Duration.ofHours(1));
    RegistryOptions uncached = RegistryOptions.defaults().withLivenessTtl(Duration.ZERO);
    OwnershipOptions ownership = OwnershipOptions.defaults();
    NodeIdentity cidrCallerId = NodeIdentity.generate();
    try (UnixNode owner = new UnixNode(shared, cached, ownership);
        UnixNode caller = new UnixNode(shared, cached, ownership);
        UnixNode prober = new UnixNode(shared, uncached, ownership);
        Listener tcp = Listener.tcp(Registry.pickAddress("127.0.0.0/8"));
        CidrRegistry ownerCidr = Registry.cidr(shared, "cidr-nodes", owner.identity, uncached);
        CidrRegistry callerCidr = Registry.cidr(shared, "cidr-nodes", cidrCallerId, uncached)) {
      ownerCidr.announce((InetSocketAddress) tcp.address());
      ObjectOwnership cidrCaller = new ObjectOwnership(shared, cidrCallerId, callerCidr, ownership);
      // Warm-up round (JIT, class loading, FFM stubs), then the measured one on fresh ids.
      for (boolean measured : new boolean[] {false, true}) {
        String[] fresh = ids(n);
        String[] owned = ids(n);
        OwnedLock[] locks = new OwnedLock[n];
        for (String id : owned) {
          owned(owner.ownership, id);
        }
        List<String> rows = new ArrayList<>();
        rows.add(time("acquire (new id)", n, i -> locks[i] = owned(caller.ownership, fresh[i])));
        rows.add(time("release", n, i -> locks[i].release()));
        rows.add(time("acquire (existing empty file)", n, i -> locks[i] = owned(caller.ownership, fresh[i])));
        rows.add(time("route (liveness cached)", n, i -> routed(caller.ownership, owned[i])));
        rows.add(time("route (unix probe each time)", n, i -> routed(prober.ownership, owned[i])));
        rows.add(time("route (cidr lock probe each time)", n, i -> routed(cidrCaller, owned[i])));
        if (measured) {
          System.out.printf("%-36s %10s %10s %10s%n", "operation", "ops/s", "p50 us", "p99 us");
          rows.forEach(System.out::println);
        }
        caller.ownership.releaseAll();
        owner.ownership.releaseAll();
      }
    } finally {
      if (args.length <= 1) {
        deleteTree(shared);
      }
    }
  }

  private static String row(String name, int n, long totalNanos, long[] nanos) {
    Arrays.sort(nanos);
    return String.format("%-36s %10.0f %10.1f %10.1f", name, n / (totalNanos / 1e9),
        nanos[n / 2] / 1e3, nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e3);
  }

  private static String time(String name, int n, Op op) throws Exception {
    long[] nanos = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      op.run(i);
      nanos[i] = System.nanoTime() - t;
    }
    return row(name, n, System.nanoTime() - start, nanos);
  }

  private static OwnedLock owned(ObjectOwnership ownership, String id) throws Exception {
    if (ownership.acquireOrRoute(NS, id) instanceof Ownership.Owned(OwnedLock lock)) {
      return lock;
    }
    throw new IllegalStateException("expected to own " + id);
  }

  private static void routed(ObjectOwnership ownership, String id) throws Exception {
    if (!(ownership.acquireOrRoute(NS, id) instanceof Ownership.Routed)) {
      throw new IllegalStateException("expected a route for " + id);
    }
  }

  private static final Random RANDOM = new Random();

  private static String[] ids(int n) {
    String[] ids = new String[n];
    byte[] raw = new byte[32];
    for (int i = 0; i < n; i++) {
      RANDOM.nextBytes(raw);
      ids[i] = HexFormat.of().formatHex(raw);
    }
    return ids;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
