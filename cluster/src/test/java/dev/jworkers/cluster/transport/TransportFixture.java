package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.NodeIdentity;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Identities, a cluster secret, log capture and cleanup shared by the transport tests. */
abstract class TransportFixture {
  static final Duration WAIT = Duration.ofSeconds(5);

  final byte[] secret = randomSecret();
  final NodeIdentity serverNode = NodeIdentity.generate();
  final NodeIdentity clientNode = NodeIdentity.generate();
  LogRecorder log;
  private final Deque<AutoCloseable> toClose = new ArrayDeque<>();

  static byte[] randomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  static HandshakeConfig config(NodeIdentity node, byte[] secret, Duration timeout) {
    return HandshakeConfig.of(node, secret).withTimeout(timeout);
  }

  HandshakeConfig serverConfig() {
    return config(serverNode, secret, WAIT);
  }

  HandshakeConfig clientConfig() {
    return config(clientNode, secret, WAIT);
  }

  /** Closed after the test, last opened first. */
  <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.push(closeable);
    return closeable;
  }

  @BeforeEach
  void recordLogs() {
    log = closeLater(new LogRecorder());
  }

  @AfterEach
  void closeAll() throws Exception {
    while (!toClose.isEmpty()) {
      toClose.pop().close();
    }
  }
}
