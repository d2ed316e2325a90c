package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.NodeIdentity;
import java.time.Duration;
import java.util.Objects;

/**
 * What a node needs to run the handshake: its own key pair, the cluster's shared secret and how
 * long a peer may take to complete the handshake.
 */
public final class HandshakeConfig {
  /** Shorter secrets are too easy to guess for an HMAC key. */
  public static final int MIN_SECRET_BYTES = 16;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final NodeIdentity identity;
  private final byte[] clusterSecret;
  private final Duration timeout;

  private HandshakeConfig(NodeIdentity identity, byte[] clusterSecret, Duration timeout) {
    this.identity = Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(clusterSecret, "clusterSecret");
    if (clusterSecret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the cluster secret needs at least " + MIN_SECRET_BYTES + " bytes, got " + clusterSecret.length);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the handshake timeout must be positive: " + timeout);
    }
    this.clusterSecret = clusterSecret.clone();
    this.timeout = timeout;
  }

  /** With the default timeout of 5 s. The secret is copied. */
  public static HandshakeConfig of(NodeIdentity identity, byte[] clusterSecret) {
    return new HandshakeConfig(identity, clusterSecret, DEFAULT_TIMEOUT);
  }

  public HandshakeConfig withTimeout(Duration timeout) {
    return new HandshakeConfig(identity, clusterSecret, timeout);
  }

  public NodeIdentity identity() {
    return identity;
  }

  public Duration timeout() {
    return timeout;
  }

  /** Not cloned: only the handshake reads it. */
  byte[] clusterSecret() {
    return clusterSecret;
  }
}
