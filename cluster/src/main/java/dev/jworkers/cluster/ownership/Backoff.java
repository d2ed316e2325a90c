package dev.jworkers.cluster.ownership;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so nodes racing for one lock spread out their retries. */
final class Backoff {
  private final long maxNanos;
  private long nextNanos;

  Backoff(OwnershipOptions options) {
    this.nextNanos = options.firstBackoff().toNanos();
    this.maxNanos = options.maxBackoff().toNanos();
  }

  /** Sleeps 50-100% of the current step (never past {@code remainingNanos}), then doubles the step. */
  void sleep(long remainingNanos) throws InterruptedException {
    long nanos = nextNanos / 2 + ThreadLocalRandom.current().nextLong(nextNanos / 2 + 1);
    nextNanos = Math.min(maxNanos, nextNanos * 2);
    nanos = Math.min(nanos, remainingNanos);
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }
}
