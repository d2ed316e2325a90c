package dev.jworkers.cluster.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.KeyAgreement;

/**
 * A node's X25519 key pair. The node id is the raw 32-byte public key in lower-case hex (64
 * digits); peers prove who they are by key agreement with it (see the RPC handshake).
 */
public final class NodeIdentity {
  /** DER prefix of an X.509 X25519 public key; the raw 32 key bytes follow. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");

  private final PrivateKey privateKey;
  private final byte[] publicKey;
  private final String id;

  private NodeIdentity(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    byte[] encoded = publicKey.getEncoded();
    this.publicKey = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    this.id = HexFormat.of().formatHex(this.publicKey);
  }

  /** A fresh key pair. */
  public static NodeIdentity generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
      return new NodeIdentity(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is not available in this JDK", e);
    }
  }

  /**
   * The key pair stored in {@code file} (PKCS#8), or a new one written there (mode 0600) when the
   * file does not exist, so a node keeps its id across restarts.
   */
  public static NodeIdentity loadOrCreate(Path file) throws IOException {
    try {
      KeyFactory factory = KeyFactory.getInstance("X25519");
      if (Files.exists(file)) {
        PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
        return new NodeIdentity(key, publicOf(factory, key));
      }
      NodeIdentity fresh = generate();
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(Set.of(
          java.nio.file.attribute.PosixFilePermission.OWNER_READ,
          java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
      Files.write(tmp, fresh.privateKey.getEncoded(), StandardOpenOption.TRUNCATE_EXISTING);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return fresh;
    } catch (GeneralSecurityException e) {
      throw new IOException("not an X25519 private key (PKCS#8): " + file, e);
    }
  }

  private static PublicKey publicOf(KeyFactory factory, PrivateKey key) throws GeneralSecurityException {
    // The JDK derives no public key from an XEC private key; agreeing with the base point u=9 does.
    byte[] base = new byte[32];
    base[0] = 9;
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(key);
    agreement.doPhase(factory.generatePublic(new X509EncodedKeySpec(x509(base))), true);
    return factory.generatePublic(new X509EncodedKeySpec(x509(agreement.generateSecret())));
  }

  /** The 64-hex node id. */
  public String id() {
    return id;
  }

  /** The raw 32-byte public key (a copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The X25519 shared secret with the peer whose raw public key is given: only this node and the
   * holder of the peer's private key can compute it.
   */
  public byte[] agree(byte[] peerPublicKey) throws GeneralSecurityException {
    if (peerPublicKey.length != 32) {
      throw new GeneralSecurityException("an X25519 public key has 32 bytes, got " + peerPublicKey.length);
    }
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(privateKey);
    agreement.doPhase(KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(x509(peerPublicKey))), true);
    return agreement.generateSecret();
  }

  /** True for exactly 64 lower- or upper-case hex digits. */
  public static boolean isNodeId(String s) {
    if (s == null || s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] x509(byte[] raw) {
    byte[] out = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(raw, 0, out, X509_PREFIX.length, 32);
    return out;
  }

  @Override
  public String toString() {
    return "node " + id.substring(0, 12) + "…";
  }
}
