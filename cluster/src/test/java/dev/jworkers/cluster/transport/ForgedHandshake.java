package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.transport.HandshakeKeys.Role;
import java.security.GeneralSecurityException;

/**
 * The handshake messages as a hand-written peer builds them: it may claim any public key, but it
 * can only agree keys with the identity it really holds and only knows the secret it is given.
 */
final class ForgedHandshake {
  private ForgedHandshake() {}

  static byte[] hello(byte[] claimedPublicKey) {
    return HandshakeKeys.hello(claimedPublicKey);
  }

  /** The proof for {@code role}, computed with {@code realIdentity}'s private key. */
  static byte[] proof(Role role, NodeIdentity realIdentity, byte[] secret, byte[] peerHello,
      byte[] helloInitiator, byte[] helloResponder) throws GeneralSecurityException {
    byte[] dh = realIdentity.agree(HandshakeKeys.publicKeyOf(peerHello));
    byte[] key = HandshakeKeys.sessionKey(secret, dh, helloInitiator, helloResponder);
    return HandshakeKeys.proof(key, role, helloInitiator, helloResponder);
  }
}
