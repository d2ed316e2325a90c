package dev.jworkers.cluster.ownership;

import java.time.Duration;

/** acquireOrRoute found neither a live owner nor a free lock before its deadline. */
public final class OwnershipTimeoutException extends Exception {
  private final String object;
  private final Duration waited;

  OwnershipTimeoutException(String object, Duration waited, int attempts, String obstacle) {
    super("could not acquire or route Durable Object " + object + " within " + waited.toMillis() + " ms ("
        + attempts + " attempts): " + obstacle);
    this.object = object;
    this.waited = waited;
  }

  /** "namespace/id". */
  public String object() {
    return object;
  }

  public Duration waited() {
    return waited;
  }
}
