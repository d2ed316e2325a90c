package dev.jworkers.cluster.lock;

/** Whole-file lock kinds: shared locks coexist; an exclusive lock excludes every other lock. */
public enum LockMode {
  SHARED(Libc.F_RDLCK),
  EXCLUSIVE(Libc.F_WRLCK);

  final short type;

  LockMode(short type) {
    this.type = type;
  }
}
