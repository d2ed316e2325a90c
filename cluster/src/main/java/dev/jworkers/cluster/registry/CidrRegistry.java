package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

import dev.jworkers.cluster.lock.ErrnoException;
import dev.jworkers.cluster.lock.LockMode;
import dev.jworkers.cluster.lock.OfdLock;
import dev.jworkers.cluster.node.NodeIdentity;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CIDR mode, for NFSv4 across machines: a node's entry is a regular file holding its TCP address
 * ("host:port"), exclusively OFD-locked by the node for its lifetime. The entry is written under a
 * temporary name, locked and fsynced before it is renamed into place, so a visible entry is
 * always locked by a live node. A peer is dead when its entry is missing, or when a shared lock
 * on it can be taken and it is older (by mtime, against our clock) than the grace period.
 */
public final class CidrRegistry extends Registry {
  private static final int MAX_ENTRY = 256;

  private OfdLock entryLock;
  private long entryInode;
  private volatile PeerAddress.Tcp self;

  CidrRegistry(Path sharedDir, String registryName, NodeIdentity me, RegistryOptions options) throws IOException {
    super(sharedDir, registryName, me, options);
  }

  /** Publishes our address (see {@link Registry#pickAddress}) and keeps the entry locked until close. */
  public synchronized void announce(InetSocketAddress address) throws IOException {
    if (isAnnounced() || isClosed()) {
      throw new IllegalStateException(isClosed() ? "closed" : "already announced");
    }
    if (address.getAddress() == null || address.getAddress().isAnyLocalAddress() || address.getPort() == 0) {
      throw new IllegalArgumentException("announce the concrete address and port the node listens on, not " + address);
    }
    PeerAddress.Tcp tcp = new PeerAddress.Tcp(address);
    Path entry = entryPath();
    refuseIfLive(entry);
    removeOurTemporaryFiles();
    Path temporary = dir.resolve("." + me.id() + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
    OfdLock lock = OfdLock.create(temporary);
    try {
      if (!lock.tryLock(LockMode.EXCLUSIVE)) {
        throw new IOException("could not lock our fresh registry entry " + temporary);
      }
      lock.write(tcp.text().getBytes(StandardCharsets.US_ASCII), 0);
      lock.fsync();
      Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE); // replaces a dead leftover
      OfdLock.fsyncDirectory(dir);
      entryInode = lock.inode();
    } catch (IOException | RuntimeException e) {
      lock.close();
      Files.deleteIfExists(temporary);
      throw e;
    }
    entryLock = lock;
    self = tcp;
    announced();
  }

  private static void refuseIfLive(Path entry) throws IOException {
    try (OfdLock existing = OfdLock.openReadOnly(entry)) {
      if (!existing.tryLock(LockMode.SHARED)) {
        throw new IOException("a live process already holds the registry entry " + entry + " (this node id runs twice?)");
      }
    } catch (ErrnoException e) {
      if (!e.errnoName().equals("ENOENT")) {
        throw e;
      }
    }
  }

  /** Leftovers of an earlier run with our id that died between create and rename. */
  private void removeOurTemporaryFiles() throws IOException {
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "." + me.id() + ".*.tmp")) {
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Override
  Probe probe(String nodeId, long expires) throws IOException {
    Path entry = dir.resolve(nodeId);
    OfdLock lock;
    try {
      lock = OfdLock.openReadOnly(entry);
    } catch (ErrnoException e) {
      if (e.errnoName().equals("ENOENT")) {
        return new Probe(false, null, expires);
      }
      throw e;
    }
    try (lock) {
      PeerAddress address = parse(lock.read(MAX_ENTRY));
      if (!lock.tryLock(LockMode.SHARED)) {
        return new Probe(true, address, expires); // its owner holds the exclusive lock
      }
      long age = System.currentTimeMillis() - lock.lastModified().toMillis();
      if (age < options.gracePeriod().toMillis()) {
        return new Probe(true, address, expires); // new entry: its lock may not be visible yet
      }
      // Nobody holds it: dead. Our shared lock keeps a new owner of this inode out meanwhile.
      removeIfSame(entry, lock.inode());
      return new Probe(false, null, expires);
    }
  }

  private static PeerAddress parse(byte[] text) {
    try {
      return PeerAddress.Tcp.parse(new String(text, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return null; // alive or not, an unreadable entry gives no address
    }
  }

  @Override
  synchronized String checkOwnEntry() throws IOException {
    if (entryLock == null || isClosed()) {
      return null;
    }
    if (!entryLock.verifyHeld()) {
      return "we lost the lock on our registry entry " + entryPath();
    }
    Long now = inode(entryPath());
    if (now == null) {
      return "our registry entry " + entryPath() + " was removed";
    }
    if (now != entryInode) {
      return "our registry entry " + entryPath() + " was replaced by another file";
    }
    return null;
  }

  /** Our entry's lock, for tests that simulate losing it. */
  synchronized OfdLock entryLock() {
    return entryLock;
  }

  @Override
  PeerAddress selfAddress() {
    return self;
  }

  @Override
  synchronized void removeOwnEntry() throws IOException {
    if (entryLock != null) {
      try {
        removeIfSame(entryPath(), entryInode); // while still locked, so nobody sees it unlocked
        OfdLock.fsyncDirectory(dir);
      } finally {
        entryLock.close();
      }
    }
  }
}
