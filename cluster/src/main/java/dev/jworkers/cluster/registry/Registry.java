package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

import dev.jworkers.cluster.lock.OfdLock;
import dev.jworkers.cluster.node.NodeIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The node registry directory {@code <shared>/<registryName>/}: one entry per node, named by its
 * node id. Discovery lists the directory lazily (at most every rescanInterval); liveness answers
 * are cached for livenessTtl; entries found dead are removed. Once announced, our own entry is
 * re-checked every verifyInterval and a loss is reported once to the {@link LostListener}.
 * Thread-safe.
 */
public abstract sealed class Registry implements Liveness, AutoCloseable permits UnixRegistry, CidrRegistry {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern NODE_ID = Pattern.compile("[0-9a-f]{64}");

  /** A liveness answer and when it expires (System.nanoTime). */
  record Probe(boolean alive, PeerAddress address, long expires) {}

  final Path dir;
  final NodeIdentity me;
  final RegistryOptions options;
  private final Map<String, Probe> cache = new ConcurrentHashMap<>();
  private final Object scanLock = new Object();
  private List<String> scanned = List.of();
  private long scannedAt;
  private boolean everScanned;
  private final AtomicReference<String> lostReason = new AtomicReference<>();
  private volatile LostListener lostListener = reason -> {};
  private volatile boolean announced;
  private volatile boolean closed;
  private volatile ScheduledExecutorService watcher;

  Registry(Path sharedDir, String registryName, NodeIdentity me, RegistryOptions options) throws IOException {
    if (registryName == null || !NAME.matcher(registryName).matches()) {
      throw new IllegalArgumentException("bad registry name: " + registryName);
    }
    this.dir = sharedDir.resolve(registryName);
    this.me = Objects.requireNonNull(me);
    this.options = Objects.requireNonNull(options);
    Files.createDirectories(dir);
  }

  /** Unix mode: entries are the nodes' listening Unix sockets (all nodes on one machine). */
  public static UnixRegistry unix(Path sharedDir, String registryName, NodeIdentity me) throws IOException {
    return unix(sharedDir, registryName, me, RegistryOptions.defaults());
  }

  public static UnixRegistry unix(Path sharedDir, String registryName, NodeIdentity me, RegistryOptions options)
      throws IOException {
    Files.createDirectories(sharedDir);
    OfdLock.requireSupported(sharedDir); // ownership locks files there even when the registry does not
    return new UnixRegistry(sharedDir, registryName, me, options);
  }

  /** CIDR mode: entries are OFD-locked files holding "host:port" (NFSv4 across machines). */
  public static CidrRegistry cidr(Path sharedDir, String registryName, NodeIdentity me, RegistryOptions options)
      throws IOException {
    Files.createDirectories(sharedDir);
    OfdLock.requireSupported(sharedDir);
    return new CidrRegistry(sharedDir, registryName, me, options);
  }

  /** The first address of this machine's up interfaces inside {@code cidr} (IPv4 or IPv6). */
  public static InetAddress pickAddress(String cidr) throws IOException {
    return Cidr.parse(cidr).pick();
  }

  /** True for a canonical (lower-case) node id, the only names the registry accepts. */
  static boolean isEntryName(String name) {
    return name != null && NODE_ID.matcher(name).matches();
  }

  public final Path directory() {
    return dir;
  }

  /** Where this node's entry lives. */
  public final Path entryPath() {
    return dir.resolve(me.id());
  }

  public final String nodeId() {
    return me.id();
  }

  public final void setLostListener(LostListener listener) {
    this.lostListener = Objects.requireNonNull(listener);
  }

  /** Why our entry was found lost, if it was. */
  public final Optional<String> lostReason() {
    return Optional.ofNullable(lostReason.get());
  }

  @Override
  public final boolean isAlive(String nodeId) throws IOException {
    return lookup(nodeId).alive();
  }

  @Override
  public final Optional<PeerAddress> address(String nodeId) throws IOException {
    Probe probe = lookup(nodeId);
    return probe.alive() ? Optional.ofNullable(probe.address()) : Optional.empty();
  }

  /** Drops a cached answer, e.g. after a connection to that node failed. */
  public final void invalidate(String nodeId) {
    cache.remove(nodeId);
  }

  /** The other registered nodes that are alive and have an address. */
  public final List<Peer> peers() throws IOException {
    List<Peer> peers = new ArrayList<>();
    for (String id : scan()) {
      if (!id.equals(me.id())) {
        Probe probe = lookup(id);
        if (probe.alive() && probe.address() != null) {
          peers.add(new Peer(id, probe.address()));
        }
      }
    }
    return peers;
  }

  private List<String> scan() throws IOException {
    synchronized (scanLock) {
      long now = System.nanoTime();
      if (everScanned && now - scannedAt < options.rescanInterval().toNanos()) {
        return scanned;
      }
      List<String> ids = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          if (isEntryName(name)) { // temporary files, probes and stray names are not nodes
            ids.add(name);
          }
        }
      }
      ids.sort(null);
      scanned = List.copyOf(ids);
      scannedAt = now;
      everScanned = true;
      return scanned;
    }
  }

  private Probe lookup(String nodeId) throws IOException {
    if (!isEntryName(nodeId)) {
      return new Probe(false, null, 0);
    }
    if (nodeId.equals(me.id())) {
      return new Probe(announced && !closed && lostReason.get() == null, selfAddress(), 0);
    }
    long now = System.nanoTime();
    Probe cached = cache.get(nodeId);
    if (cached != null && now - cached.expires() < 0) {
      return cached;
    }
    Probe fresh = probe(nodeId, now + options.livenessTtl().toNanos());
    cache.put(nodeId, fresh);
    return fresh;
  }

  /** Checks a peer's entry now; a dead one is removed (only if the path still names what was checked). */
  abstract Probe probe(String nodeId, long expires) throws IOException;

  /** Null while our entry is fine, else why it is not. */
  abstract String checkOwnEntry() throws IOException;

  /** Our address once announced. */
  abstract PeerAddress selfAddress();

  /** Removes our entry on a clean shutdown. */
  abstract void removeOwnEntry() throws IOException;

  /** Subclasses call this once the entry is visible: starts the periodic re-check. */
  final void announced() {
    announced = true;
    long every = options.verifyInterval().toMillis();
    watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "registry-watch-" + me.id().substring(0, 8));
      t.setDaemon(true);
      return t;
    });
    watcher.scheduleWithFixedDelay(this::verifyNow, every, every, TimeUnit.MILLISECONDS);
  }

  final boolean isAnnounced() {
    return announced;
  }

  final boolean isClosed() {
    return closed;
  }

  /** Re-checks our entry now (the watcher does this periodically); true while it is fine. */
  public final boolean verifyNow() {
    if (closed || lostReason.get() != null) {
      return !closed && lostReason.get() == null;
    }
    String reason;
    try {
      reason = checkOwnEntry();
    } catch (IOException | RuntimeException e) {
      reason = "checking our registry entry failed: " + e.getMessage();
    }
    if (reason != null && !closed && lostReason.compareAndSet(null, reason)) {
      if (watcher != null) {
        watcher.shutdown();
      }
      lostListener.onLost(reason);
    }
    return reason == null;
  }

  /** Removes our entry (releasing its lock) and stops watching. Idempotent. */
  @Override
  public final void close() throws IOException {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (watcher != null) {
      watcher.shutdownNow();
    }
    removeOwnEntry();
  }

  /** The inode a path names now, or null when it does not exist. */
  static Long inode(Path path) throws IOException {
    try {
      return (Long) Files.getAttribute(path, "unix:ino");
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Deletes {@code path} if it still names {@code inode} (a restarted node may have replaced it). */
  static void removeIfSame(Path path, Long inode) throws IOException {
    if (inode != null && inode.equals(inode(path))) {
      Files.deleteIfExists(path);
    }
  }
}
