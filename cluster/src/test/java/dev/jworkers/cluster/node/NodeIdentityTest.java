package dev.jworkers.cluster.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeIdentityTest {
  @TempDir Path dir;

  @Test
  void idIsTheRawPublicKeyInHex() {
    NodeIdentity node = NodeIdentity.generate();
    assertEquals(64, node.id().length());
    assertTrue(NodeIdentity.isNodeId(node.id()));
    assertEquals(java.util.HexFormat.of().formatHex(node.publicKey()), node.id());
    assertNotEquals(node.id(), NodeIdentity.generate().id());
  }

  @Test
  void bothSidesAgreeOnTheSameSecret() throws Exception {
    NodeIdentity a = NodeIdentity.generate();
    NodeIdentity b = NodeIdentity.generate();
    NodeIdentity c = NodeIdentity.generate();
    assertArrayEquals(a.agree(b.publicKey()), b.agree(a.publicKey()));
    assertFalse(java.util.Arrays.equals(a.agree(b.publicKey()), c.agree(b.publicKey())));
  }

  @Test
  void aStoredKeyKeepsTheIdAcrossRestarts() throws Exception {
    Path file = dir.resolve("node.key");
    NodeIdentity first = NodeIdentity.loadOrCreate(file);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    NodeIdentity again = NodeIdentity.loadOrCreate(file);
    assertEquals(first.id(), again.id());
    NodeIdentity peer = NodeIdentity.generate();
    assertArrayEquals(first.agree(peer.publicKey()), again.agree(peer.publicKey()));
  }

  @Test
  void nodeIdsAreExactly64HexDigits() {
    assertTrue(NodeIdentity.isNodeId("0123456789abcdef".repeat(4)));
    assertFalse(NodeIdentity.isNodeId("0123456789abcdef".repeat(4) + "0"));
    assertFalse(NodeIdentity.isNodeId("../" + "0".repeat(61)));
    assertFalse(NodeIdentity.isNodeId(null));
  }
}
