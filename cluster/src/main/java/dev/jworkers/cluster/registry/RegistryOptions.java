package dev.jworkers.cluster.registry;

import java.time.Duration;
import java.util.Objects;

/**
 * Registry timings. {@code rescanInterval}: how old the directory listing behind peers() may be;
 * {@code livenessTtl}: how long an alive/dead answer is reused; {@code verifyInterval}: how often
 * our own entry (and its lock) is re-checked; {@code gracePeriod}: how long a new, unlocked CIDR
 * entry counts as alive (by its mtime), e.g. while an NFS server's lock recovery runs.
 */
public record RegistryOptions(Duration rescanInterval, Duration livenessTtl, Duration verifyInterval,
    Duration gracePeriod) {
  public RegistryOptions {
    requireNotNegative(rescanInterval, "rescanInterval");
    requireNotNegative(livenessTtl, "livenessTtl");
    requireNotNegative(gracePeriod, "gracePeriod");
    requireNotNegative(verifyInterval, "verifyInterval");
    if (verifyInterval.isZero()) {
      throw new IllegalArgumentException("verifyInterval must be positive");
    }
  }

  public static RegistryOptions defaults() {
    return new RegistryOptions(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(5));
  }

  public RegistryOptions withRescanInterval(Duration d) {
    return new RegistryOptions(d, livenessTtl, verifyInterval, gracePeriod);
  }

  public RegistryOptions withLivenessTtl(Duration d) {
    return new RegistryOptions(rescanInterval, d, verifyInterval, gracePeriod);
  }

  public RegistryOptions withVerifyInterval(Duration d) {
    return new RegistryOptions(rescanInterval, livenessTtl, d, gracePeriod);
  }

  public RegistryOptions withGracePeriod(Duration d) {
    return new RegistryOptions(rescanInterval, livenessTtl, verifyInterval, d);
  }

  private static void requireNotNegative(Duration d, String name) {
    if (Objects.requireNonNull(d, name).isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + d);
    }
  }
}
