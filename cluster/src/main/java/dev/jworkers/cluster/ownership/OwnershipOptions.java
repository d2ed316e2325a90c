package dev.jworkers.cluster.ownership;

import java.time.Duration;
import java.util.Objects;

/**
 * How long acquireOrRoute keeps retrying ({@code deadline}) and its backoff: it starts at
 * {@code firstBackoff} and doubles up to {@code maxBackoff}, each sleep jittered to 50-100%.
 */
public record OwnershipOptions(Duration deadline, Duration firstBackoff, Duration maxBackoff) {
  public OwnershipOptions {
    Objects.requireNonNull(deadline);
    if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0 || deadline.isNegative()) {
      throw new IllegalArgumentException("need 0 < firstBackoff <= maxBackoff and deadline >= 0");
    }
  }

  public static OwnershipOptions defaults() {
    return new OwnershipOptions(Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofSeconds(1));
  }

  public OwnershipOptions withDeadline(Duration d) {
    return new OwnershipOptions(d, firstBackoff, maxBackoff);
  }
}
