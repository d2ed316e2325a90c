package dev.jworkers.cluster.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;

/**
 * A file opened with its own descriptor (its own open file description) and an optional
 * whole-file OFD lock on it. Two instances exclude each other even inside one JVM; the kernel
 * releases the lock when the instance is closed or the process dies (including SIGKILL).
 * Methods are synchronized so the descriptor is never used after close.
 */
public final class OfdLock implements AutoCloseable {
  private static final Set<String> ARCHES = Set.of("amd64", "x86_64", "aarch64");

  private final Path path;
  private final String name;
  private final boolean created;
  private int fd;
  private LockMode held;

  private OfdLock(Path path, int fd, boolean created) {
    this.path = path;
    this.name = path.toString();
    this.fd = fd;
    this.created = created;
  }

  /**
   * Fails with a clear message unless this is Linux on amd64/aarch64, where OFD locks exist and the
   * fcntl constants above are right. Cluster mode calls it when it starts.
   */
  public static void requireSupported() {
    String os = System.getProperty("os.name", "?");
    String arch = System.getProperty("os.arch", "?");
    if (!os.equals("Linux")) {
      throw new UnsupportedOperationException("cluster mode needs Linux open-file-description locks"
          + " (fcntl F_OFD_SETLK); this system is " + os);
    }
    if (!ARCHES.contains(arch)) {
      throw new UnsupportedOperationException("cluster mode supports Linux on amd64 and aarch64; this is " + arch);
    }
  }

  /**
   * {@link #requireSupported()}, then takes and drops a lock on a scratch file in {@code dir}, so a
   * file system without OFD locks (an old kernel, some FUSE or NFSv3 mounts) fails at start-up.
   */
  public static void requireSupported(Path dir) throws IOException {
    requireSupported();
    Path probe = dir.resolve(".lock-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try (OfdLock lock = create(probe)) {
      if (!lock.tryLock(LockMode.EXCLUSIVE)) {
        throw new IOException("could not lock a fresh file in " + dir);
      }
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** Opens {@code path} read-write, creating it (mode 0644) when missing; see {@link #created()}. */
  public static OfdLock create(Path path) throws IOException {
    requireSupported();
    String file = path.toString();
    int flags = Libc.O_RDWR | Libc.O_CLOEXEC;
    while (true) {
      try {
        return new OfdLock(path, Libc.open(file, flags | Libc.O_CREAT | Libc.O_EXCL, 0644), true);
      } catch (ErrnoException e) {
        if (e.errno() != Errno.EEXIST) {
          throw e;
        }
      }
      try {
        return new OfdLock(path, Libc.open(file, flags, 0), false);
      } catch (ErrnoException e) {
        if (e.errno() != Errno.ENOENT) { // removed between the two opens: try creating again
          throw e;
        }
      }
    }
  }

  /** Opens an existing file read-write. */
  public static OfdLock openReadWrite(Path path) throws IOException {
    requireSupported();
    return new OfdLock(path, Libc.open(path.toString(), Libc.O_RDWR | Libc.O_CLOEXEC, 0), false);
  }

  /** Opens an existing file read-only: enough for shared locks and reads (exclusive gives EBADF). */
  public static OfdLock openReadOnly(Path path) throws IOException {
    requireSupported();
    return new OfdLock(path, Libc.open(path.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC, 0), false);
  }

  /** fsyncs a directory, so a file created or renamed in it survives a crash. */
  public static void fsyncDirectory(Path dir) throws IOException {
    requireSupported();
    int dirFd = Libc.open(dir.toString(), Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
    try {
      Libc.fsync(dirFd, dir.toString());
    } finally {
      Libc.close(dirFd, dir.toString());
    }
  }

  /**
   * Takes (or converts to) a whole-file lock without waiting. Returns false when another open
   * file description holds a conflicting lock (EAGAIN/EACCES); other failures throw.
   */
  public synchronized boolean tryLock(LockMode mode) throws IOException {
    if (Libc.fcntlLock(fd(), Libc.F_OFD_SETLK, mode.type, name) == -1) {
      return false;
    }
    held = mode;
    return true;
  }

  /** Drops the lock but keeps the file open. */
  public synchronized void unlock() throws IOException {
    if (held != null) {
      held = null;
      Libc.fcntlLock(fd(), Libc.F_OFD_SETLK, Libc.F_UNLCK, name);
    }
  }

  /** The lock this instance believes it holds, or null. */
  public synchronized LockMode held() {
    return held;
  }

  /**
   * Asks the kernel (or the NFS server) whether the lock is still ours, in two steps: (1) a second
   * description of the same inode, opened through /proc/self/fd so a renamed or unlinked file
   * still counts, asks F_OFD_GETLK what blocks an exclusive lock: no lock at all, or a shared one
   * while we think we hold an exclusive one, means ours is gone; (2) F_OFD_SETLK re-asserts our
   * lock on our own description, a no-op while we hold it, EAGAIN when another owner has taken it
   * (an expired NFS lease). Returns false when not held; errors such as EIO from a lost NFS lock
   * throw, and callers should treat them as a loss too.
   */
  public synchronized boolean verifyHeld() throws IOException {
    if (fd < 0 || held == null) {
      return false;
    }
    int probe = Libc.open(procPath().toString(), Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
    try {
      int blocking = Libc.fcntlLock(probe, Libc.F_OFD_GETLK, Libc.F_WRLCK, name);
      if (blocking == Libc.F_UNLCK || (held == LockMode.EXCLUSIVE && blocking != Libc.F_WRLCK)) {
        return false;
      }
    } finally {
      Libc.close(probe, name);
    }
    return Libc.fcntlLock(fd, Libc.F_OFD_SETLK, held.type, name) != -1;
  }

  /** Reads up to {@code max} bytes from the start of the file. */
  public synchronized byte[] read(int max) throws IOException {
    return Libc.pread(fd(), max, name);
  }

  /** Writes {@code data} at {@code offset}. */
  public synchronized void write(byte[] data, long offset) throws IOException {
    Libc.pwrite(fd(), data, offset, name);
  }

  public synchronized void truncate(long size) throws IOException {
    Libc.ftruncate(fd(), size, name);
  }

  public synchronized void fsync() throws IOException {
    Libc.fsync(fd(), name);
  }

  /** The inode of the open file (not of whatever the path names now). */
  public synchronized long inode() throws IOException {
    return (Long) Files.getAttribute(procPath(), "unix:ino");
  }

  /** The open file's modification time. */
  public synchronized FileTime lastModified() throws IOException {
    return Files.getLastModifiedTime(procPath());
  }

  /** True when {@link #create} made the file (so its directory needs an fsync). */
  public boolean created() {
    return created;
  }

  public Path path() {
    return path;
  }

  /** The descriptor, for tests that simulate a lost lock. */
  synchronized int fd() throws IOException {
    if (fd < 0) {
      throw new ErrnoException("use of closed lock file", name, Errno.EBADF);
    }
    return fd;
  }

  private Path procPath() throws IOException {
    return Path.of("/proc/self/fd/" + fd());
  }

  public synchronized boolean isOpen() {
    return fd >= 0;
  }

  /** Closes the descriptor, which releases the lock. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (fd >= 0) {
      int old = fd;
      fd = -1;
      held = null;
      Libc.close(old, name);
    }
  }

  @Override
  public String toString() {
    return "OfdLock[" + name + (held == null ? "" : ", " + held) + "]";
  }
}
