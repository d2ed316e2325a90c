package dev.jworkers.cluster.lock;

import java.io.IOException;

/** A failed libc call; the message names the call, the file and the errno (e.g. "EBADF"). */
public final class ErrnoException extends IOException {
  private final int errno;

  ErrnoException(String call, String file, int errno) {
    super(call + " " + file + ": " + Errno.name(errno) + " (" + errno + ")");
    this.errno = errno;
  }

  /** The raw errno value. */
  public int errno() {
    return errno;
  }

  /** The symbolic errno name, such as "ENOENT". */
  public String errnoName() {
    return Errno.name(errno);
  }
}
