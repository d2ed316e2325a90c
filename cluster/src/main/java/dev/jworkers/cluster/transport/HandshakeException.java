package dev.jworkers.cluster.transport;

import java.io.IOException;

/** The peer could not be trusted, broke the handshake protocol or did not finish it in time. */
public final class HandshakeException extends IOException {
  public HandshakeException(String message) {
    super(message);
  }

  public HandshakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
