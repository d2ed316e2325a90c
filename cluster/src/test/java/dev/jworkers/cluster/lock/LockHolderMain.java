package dev.jworkers.cluster.lock;

import dev.jworkers.cluster.testing.Stdin;
import java.nio.file.Path;

/** Child process: locks args[0] (mode args[1]), prints "locked" or "busy", holds until stdin ends. */
public final class LockHolderMain {
  public static void main(String[] args) throws Exception {
    LockMode mode = LockMode.valueOf(args[1]);
    try (OfdLock lock = mode == LockMode.SHARED ? OfdLock.openReadOnly(Path.of(args[0])) : OfdLock.create(Path.of(args[0]))) {
      Stdin.print(lock.tryLock(mode) ? "locked" : "busy");
      while (Stdin.next() != null) {
        // hold until stdin closes or the parent kills us
      }
    }
  }
}
