package dev.jworkers.cluster.ownership;

import dev.jworkers.cluster.lock.LockMode;
import dev.jworkers.cluster.lock.OfdLock;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.registry.Liveness;
import dev.jworkers.cluster.node.PeerAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides who runs a Durable Object. The lock file {@code <shared>/<namespace>/locks/<id>} is empty
 * or holds the owner's 32-byte public key; the owner holds an exclusive OFD lock on it. A live
 * owner named there gets the request routed to it; otherwise this node tries to take the lock,
 * retrying with backoff while another process holds it, until the deadline. Thread-safe: one
 * node holds at most one lock per object, shared by all its callers. Each owned object keeps one
 * file descriptor open, so the fd limit bounds how many objects a node can own.
 */
public final class ObjectOwnership implements AutoCloseable {
  private static final int KEY_BYTES = 32;

  private final Path sharedDir;
  private final NodeIdentity me;
  private final byte[] myKey;
  private final Liveness liveness;
  private final OwnershipOptions options;
  private final Map<String, OwnedLock> held = new ConcurrentHashMap<>();
  private final Set<Path> knownDirs = ConcurrentHashMap.newKeySet();
  /** Serializes taking a lock per object inside this process (striped by key). */
  private final Object[] stripes = new Object[64];

  public ObjectOwnership(Path sharedDir, NodeIdentity me, Liveness liveness, OwnershipOptions options) {
    this.sharedDir = Objects.requireNonNull(sharedDir);
    this.me = Objects.requireNonNull(me);
    this.myKey = me.publicKey();
    this.liveness = Objects.requireNonNull(liveness);
    this.options = Objects.requireNonNull(options);
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
  }

  /** The lock file of an object (validated as in {@link #acquireOrRoute}). */
  public Path lockFile(String namespace, String id) {
    return sharedDir.resolve(ObjectName.namespace(namespace)).resolve("locks").resolve(ObjectName.objectId(id));
  }

  /**
   * Owns the object here, or names its live owner. Throws IllegalArgumentException for a bad
   * namespace or an id that is not 64 hex digits, and OwnershipTimeoutException when neither a
   * live owner nor a free lock showed up within the deadline.
   */
  public Ownership acquireOrRoute(String namespace, String id)
      throws IOException, InterruptedException, OwnershipTimeoutException {
    String ns = ObjectName.namespace(namespace);
    String oid = ObjectName.objectId(id);
    String key = ns + "/" + oid;
    Path file = sharedDir.resolve(ns).resolve("locks").resolve(oid);
    long start = System.nanoTime();
    long deadline = start + options.deadline().toNanos();
    Backoff backoff = new Backoff(options);
    for (int attempt = 1; ; attempt++) {
      OwnedLock mine = held.get(key);
      if (mine != null) {
        return new Ownership.Owned(mine);
      }
      String named = ownerNamedIn(file);
      if (named != null && !named.equals(me.id())) {
        Optional<PeerAddress> address = liveness.address(named); // present only while it is alive
        if (address.isPresent()) {
          return new Ownership.Routed(named, address.get());
        }
      }
      // Empty, unreadable, naming a dead node or naming us without our lock (an earlier run): take it.
      Ownership taken = tryTake(key, ns, oid, file);
      if (taken != null) {
        return taken;
      }
      long now = System.nanoTime();
      if (now - deadline >= 0) {
        throw new OwnershipTimeoutException(key, Duration.ofNanos(now - start), attempt, obstacle(named));
      }
      backoff.sleep(deadline - now);
    }
  }

  private String obstacle(String named) {
    if (named == null) {
      return "another process holds the lock but has not written its key";
    }
    if (named.equals(me.id())) {
      return "the lock file names this node, but another process holds the lock";
    }
    return "the lock file names node " + named + ", which the registry does not report alive, but its lock is still held";
  }

  /** The node id the lock file names, or null when it is missing, empty or not a key. */
  private static String ownerNamedIn(Path file) throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    }
    return content.length == KEY_BYTES ? HexFormat.of().formatHex(content) : null;
  }

  private Ownership tryTake(String key, String ns, String oid, Path file) throws IOException {
    synchronized (stripes[Math.floorMod(key.hashCode(), stripes.length)]) {
      OwnedLock mine = held.get(key); // another thread of this node may have won meanwhile
      if (mine != null) {
        return new Ownership.Owned(mine);
      }
      ensureDirectory(file.getParent());
      OfdLock lock = OfdLock.create(file);
      boolean kept = false;
      try {
        if (!lock.tryLock(LockMode.EXCLUSIVE) || !sameInode(file, lock)) {
          return null;
        }
        lock.truncate(0);
        lock.write(myKey, 0);
        lock.fsync();
        if (lock.created()) {
          OfdLock.fsyncDirectory(file.getParent());
        }
        OwnedLock owned = new OwnedLock(ns, oid, lock, released -> held.remove(key, released));
        held.put(key, owned);
        kept = true;
        return new Ownership.Owned(owned);
      } finally {
        if (!kept) {
          lock.close();
        }
      }
    }
  }

  /** False when the name was re-pointed at another file after we opened it (the lock guards nothing). */
  private static boolean sameInode(Path file, OfdLock lock) throws IOException {
    try {
      return Files.getAttribute(file, "unix:ino").equals(lock.inode());
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Creates {@code <namespace>/locks} once, fsyncing the parents so the new folders persist. */
  private void ensureDirectory(Path locks) throws IOException {
    if (knownDirs.contains(locks)) {
      return;
    }
    if (!Files.isDirectory(locks)) {
      Files.createDirectories(locks);
      OfdLock.fsyncDirectory(locks.getParent());
      OfdLock.fsyncDirectory(sharedDir);
    }
    knownDirs.add(locks);
  }

  /** This node's lock on the object, if it holds one. */
  public Optional<OwnedLock> held(String namespace, String id) {
    return Optional.ofNullable(held.get(ObjectName.namespace(namespace) + "/" + ObjectName.objectId(id)));
  }

  public int heldCount() {
    return held.size();
  }

  /** Releases every lock this node holds (on shutdown, or when its registry entry was lost). */
  public void releaseAll() throws IOException {
    IOException failure = null;
    for (OwnedLock lock : new ArrayList<>(held.values())) {
      try {
        lock.release();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void close() throws IOException {
    releaseAll();
  }
}
