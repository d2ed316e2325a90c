package dev.jworkers.cluster.lock;

import java.util.Map;

/** Names of the errno values the lock code can meet (asm-generic numbers: amd64 and aarch64). */
final class Errno {
  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int EINTR = 4;
  static final int EIO = 5;
  static final int EBADF = 9;
  static final int EAGAIN = 11;
  static final int EACCES = 13;
  static final int EEXIST = 17;
  static final int EINVAL = 22;
  static final int ENOLCK = 37;

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(EINTR, "EINTR"),
      Map.entry(EIO, "EIO"), Map.entry(EBADF, "EBADF"), Map.entry(EAGAIN, "EAGAIN"),
      Map.entry(12, "ENOMEM"), Map.entry(EACCES, "EACCES"), Map.entry(14, "EFAULT"),
      Map.entry(16, "EBUSY"), Map.entry(EEXIST, "EEXIST"), Map.entry(20, "ENOTDIR"),
      Map.entry(21, "EISDIR"), Map.entry(EINVAL, "EINVAL"), Map.entry(23, "ENFILE"),
      Map.entry(24, "EMFILE"), Map.entry(27, "EFBIG"), Map.entry(28, "ENOSPC"),
      Map.entry(30, "EROFS"), Map.entry(35, "EDEADLK"), Map.entry(36, "ENAMETOOLONG"),
      Map.entry(ENOLCK, "ENOLCK"), Map.entry(40, "ELOOP"), Map.entry(75, "EOVERFLOW"),
      Map.entry(116, "ESTALE"), Map.entry(122, "EDQUOT"));

  private Errno() {}

  static String name(int errno) {
    return NAMES.getOrDefault(errno, "errno " + errno);
  }
}
