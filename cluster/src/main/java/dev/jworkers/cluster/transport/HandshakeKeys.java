package dev.jworkers.cluster.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The handshake's wire constants, key derivation and proofs (see {@link HandshakeHandler}). */
final class HandshakeKeys {
  static final byte[] MAGIC = "JWCL".getBytes(StandardCharsets.US_ASCII);
  static final byte VERSION = 1;
  static final int KEY_BYTES = 32;
  static final int NONCE_BYTES = 32;
  /** magic, version, public key, nonce. */
  static final int HELLO_BYTES = MAGIC.length + 1 + KEY_BYTES + NONCE_BYTES;
  static final int PROOF_BYTES = 32;

  private static final byte[] KEY_LABEL = "jworkers cluster handshake v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Each role proves with its own label, so a proof cannot be reflected back to its sender. */
  enum Role {
    INITIATOR("jworkers initiator proof"),
    RESPONDER("jworkers responder proof");

    final byte[] label;

    Role(String label) {
      this.label = label.getBytes(StandardCharsets.US_ASCII);
    }

    Role peer() {
      return this == INITIATOR ? RESPONDER : INITIATOR;
    }
  }

  private HandshakeKeys() {}

  /** A hello with a fresh random nonce. */
  static byte[] hello(byte[] publicKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return hello(publicKey, nonce);
  }

  static byte[] hello(byte[] publicKey, byte[] nonce) {
    byte[] hello = new byte[HELLO_BYTES];
    System.arraycopy(MAGIC, 0, hello, 0, MAGIC.length);
    hello[MAGIC.length] = VERSION;
    System.arraycopy(publicKey, 0, hello, MAGIC.length + 1, KEY_BYTES);
    System.arraycopy(nonce, 0, hello, MAGIC.length + 1 + KEY_BYTES, NONCE_BYTES);
    return hello;
  }

  static byte[] publicKeyOf(byte[] hello) {
    return Arrays.copyOfRange(hello, MAGIC.length + 1, MAGIC.length + 1 + KEY_BYTES);
  }

  /**
   * HMAC-SHA256 keyed by the cluster secret over the X25519 secret and both hellos (which carry
   * both public keys and nonces) in initiator, responder order: only a holder of the cluster
   * secret and of one of the two private keys can compute it, and it is fresh per connection.
   */
  static byte[] sessionKey(byte[] clusterSecret, byte[] dhSecret, byte[] helloInitiator, byte[] helloResponder)
      throws GeneralSecurityException {
    return hmac(clusterSecret, KEY_LABEL, dhSecret, helloInitiator, helloResponder);
  }

  static byte[] proof(byte[] sessionKey, Role role, byte[] helloInitiator, byte[] helloResponder)
      throws GeneralSecurityException {
    return hmac(sessionKey, role.label, helloInitiator, helloResponder);
  }

  /** Constant-time, so a forger learns nothing from how fast a wrong proof is refused. */
  static boolean proofMatches(byte[] expected, byte[] received) {
    return MessageDigest.isEqual(expected, received);
  }

  private static byte[] hmac(byte[] key, byte[]... parts) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }
}
