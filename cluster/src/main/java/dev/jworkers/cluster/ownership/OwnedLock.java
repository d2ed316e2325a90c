package dev.jworkers.cluster.ownership;

import dev.jworkers.cluster.lock.OfdLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** This node's ownership of one object: the exclusive lock on its lock file, which names us. */
public final class OwnedLock {
  private final String namespace;
  private final String id;
  private final OfdLock lock;
  private final Consumer<OwnedLock> onRelease;
  private boolean released;

  OwnedLock(String namespace, String id, OfdLock lock, Consumer<OwnedLock> onRelease) {
    this.namespace = namespace;
    this.id = id;
    this.lock = lock;
    this.onRelease = onRelease;
  }

  public String namespace() {
    return namespace;
  }

  /** The object id, lower-case hex. */
  public String id() {
    return id;
  }

  public Path file() {
    return lock.path();
  }

  /**
   * True while the kernel (or NFS server) confirms the lock (see {@link OfdLock#verifyHeld()})
   * and the lock file's name still leads to the locked inode.
   */
  public synchronized boolean verifyHeld() throws IOException {
    if (released || !lock.verifyHeld()) {
      return false;
    }
    try {
      return Files.getAttribute(lock.path(), "unix:ino").equals(lock.inode());
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  public synchronized boolean isReleased() {
    return released;
  }

  /**
   * Gives the object up: forgets it, empties the lock file (so nobody routes here) and unlocks.
   * Idempotent.
   */
  public void release() throws IOException {
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
    }
    onRelease.accept(this); // first, so this node does not hand out a lock being released
    try {
      lock.truncate(0);
    } finally {
      lock.close();
    }
  }

  @Override
  public String toString() {
    return "OwnedLock[" + namespace + "/" + id + "]";
  }
}
