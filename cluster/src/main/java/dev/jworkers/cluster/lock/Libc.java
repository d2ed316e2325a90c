package dev.jworkers.cluster.lock;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few libc calls OFD locking needs, bound through the FFM API with errno captured. Constants
 * are Linux's (the same on amd64 and aarch64); {@link OfdLock#requireSupported()} checks the
 * platform before this class is loaded.
 */
final class Libc {
  static final int O_RDONLY = 0;
  static final int O_RDWR = 2;
  static final int O_CREAT = 0100;
  static final int O_EXCL = 0200;
  static final int O_CLOEXEC = 02000000;

  static final int F_OFD_GETLK = 36;
  static final int F_OFD_SETLK = 37;
  static final short F_RDLCK = 0;
  static final short F_WRLCK = 1;
  static final short F_UNLCK = 2;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option ERRNO_OPTION = Linker.Option.captureCallState("errno");
  // open and fcntl are variadic: the mode / the flock pointer are the first variadic argument.
  private static final Linker.Option VARIADIC_AT_2 = Linker.Option.firstVariadicArg(2);

  private static final MethodHandle OPEN = bind("open",
      FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), VARIADIC_AT_2);
  private static final MethodHandle FCNTL = bind("fcntl",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS), VARIADIC_AT_2);
  private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle PREAD = bind("pread",
      FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
  private static final MethodHandle PWRITE = bind("pwrite",
      FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
  private static final MethodHandle FTRUNCATE = bind("ftruncate",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG));
  private static final MethodHandle FSYNC = bind("fsync", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

  /** struct flock: l_type short @0, l_whence short @2, l_start @8, l_len @16, l_pid int @24. */
  private static final long FLOCK_SIZE = 32;

  private Libc() {}

  private static MethodHandle bind(String name, FunctionDescriptor descriptor, Linker.Option... extra) {
    MemorySegment symbol = LINKER.defaultLookup().find(name)
        .orElseThrow(() -> new UnsupportedOperationException("libc has no " + name));
    Linker.Option[] options = new Linker.Option[extra.length + 1];
    options[0] = ERRNO_OPTION;
    System.arraycopy(extra, 0, options, 1, extra.length);
    return LINKER.downcallHandle(symbol, descriptor, options);
  }

  static int open(String path, int flags, int mode) throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      MemorySegment cPath = arena.allocateFrom(path);
      while (true) {
        int fd = (int) OPEN.invokeExact(state, cPath, flags, mode);
        if (fd >= 0) {
          return fd;
        }
        int errno = errno(state);
        if (errno != Errno.EINTR) {
          throw new ErrnoException("open", path, errno);
        }
      }
    } catch (ErrnoException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * fcntl with a whole-file struct flock of {@code type}. Returns the struct's l_type afterwards
   * (what F_OFD_GETLK reports), or -1 when F_OFD_SETLK met a conflicting lock (EAGAIN/EACCES).
   */
  static int fcntlLock(int fd, int command, short type, String file) throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      MemorySegment flock = arena.allocate(FLOCK_SIZE, 8); // zeroed: SEEK_SET, start 0, len 0, pid 0
      flock.set(JAVA_SHORT, 0, type);
      int rc = (int) FCNTL.invokeExact(state, fd, command, flock);
      if (rc == -1) {
        int errno = errno(state);
        if (command == F_OFD_SETLK && (errno == Errno.EAGAIN || errno == Errno.EACCES)) {
          return -1;
        }
        throw new ErrnoException(command == F_OFD_GETLK ? "fcntl(F_OFD_GETLK)" : "fcntl(F_OFD_SETLK)", file, errno);
      }
      return flock.get(JAVA_SHORT, 0);
    } catch (ErrnoException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  static void close(int fd, String file) throws ErrnoException {
    // Never retried: on Linux the descriptor is gone even when close reports an error.
    call1(CLOSE, "close", fd, file, false);
  }

  static void fsync(int fd, String file) throws ErrnoException {
    call1(FSYNC, "fsync", fd, file, true);
  }

  static void ftruncate(int fd, long size, String file) throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      while ((int) FTRUNCATE.invokeExact(state, fd, size) == -1) {
        int errno = errno(state);
        if (errno != Errno.EINTR) {
          throw new ErrnoException("ftruncate", file, errno);
        }
      }
    } catch (ErrnoException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Reads up to {@code max} bytes from offset 0 (stops at end of file). */
  static byte[] pread(int fd, int max, String file) throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      MemorySegment buffer = arena.allocate(Math.max(1, max));
      long done = 0;
      while (done < max) {
        long n = (long) PREAD.invokeExact(state, fd, buffer.asSlice(done), (long) max - done, done);
        if (n == 0) {
          break;
        }
        if (n < 0) {
          int errno = errno(state);
          if (errno == Errno.EINTR) {
            continue;
          }
          throw new ErrnoException("pread", file, errno);
        }
        done += n;
      }
      return buffer.asSlice(0, done).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    } catch (ErrnoException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Writes all of {@code data} at {@code offset}. */
  static void pwrite(int fd, byte[] data, long offset, String file) throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      MemorySegment buffer = arena.allocate(Math.max(1, data.length));
      MemorySegment.copy(data, 0, buffer, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, data.length);
      long done = 0;
      while (done < data.length) {
        long n = (long) PWRITE.invokeExact(state, fd, buffer.asSlice(done), data.length - done, offset + done);
        if (n < 0) {
          int errno = errno(state);
          if (errno == Errno.EINTR) {
            continue;
          }
          throw new ErrnoException("pwrite", file, errno);
        }
        done += n;
      }
    } catch (ErrnoException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static void call1(MethodHandle handle, String name, int fd, String file, boolean retry)
      throws ErrnoException {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = arena.allocate(CAPTURE);
      while ((int) handle.invokeExact(state, fd) == -1) {
        int errno = errno(state);
        if (!retry || errno != Errno.EINTR) {
          throw new ErrnoException(name, file, errno);
        }
      }
    } catch (ErrnoException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static int errno(MemorySegment state) {
    return (int) ERRNO.get(state, 0L);
  }
}
