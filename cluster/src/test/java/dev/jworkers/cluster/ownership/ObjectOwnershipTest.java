package dev.jworkers.cluster.ownership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.lock.LockMode;
import dev.jworkers.cluster.lock.OfdLock;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.node.PeerAddress;
import dev.jworkers.cluster.registry.RegistryOptions;
import dev.jworkers.cluster.testing.UnixNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ownership between nodes in one JVM (OFD locks exclude descriptions, not processes). */
class ObjectOwnershipTest {
  private static final RegistryOptions FRESH = RegistryOptions.defaults().withLivenessTtl(Duration.ZERO);
  private static final String NS = "rooms";

  @TempDir Path shared;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  private UnixNode node(Duration deadline) throws Exception {
    UnixNode node = new UnixNode(shared, FRESH, OwnershipOptions.defaults().withDeadline(deadline));
    open.add(node);
    return node;
  }

  private static String newObjectId() {
    byte[] raw = new byte[32];
    ThreadLocalRandom.current().nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  private Path lockFile(String id) {
    return shared.resolve(NS).resolve("locks").resolve(id);
  }

  @Test
  void theOwnerWritesItsKeyAndOthersRouteToIt() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    UnixNode b = node(Duration.ofSeconds(5));
    String id = newObjectId();
    OwnedLock lock = assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id)).lock();
    assertEquals(id, lock.id());
    assertArrayEquals(a.identity.publicKey(), Files.readAllBytes(lockFile(id)));
    assertEquals(new Ownership.Routed(a.id(), new PeerAddress.Unix(a.registry.entryPath())), b.ownership.acquireOrRoute(NS, id));
    assertSame(lock, assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id)).lock());
    assertTrue(lock.verifyHeld());
  }

  @Test
  void upperCaseIdsAreTheSameObject() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    String id = newObjectId();
    OwnedLock lock = assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id.toUpperCase())).lock();
    assertEquals(id, lock.id());
    assertTrue(Files.exists(lockFile(id)));
    assertSame(lock, a.ownership.held(NS, id).orElseThrow());
  }

  @Test
  void badIdsAndNamespacesAreRejectedWithoutTouchingTheFileSystem() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    String good = newObjectId();
    List<String> badIds = new ArrayList<>(List.of("", "abc", good.substring(1), good + "0",
        "g" + good.substring(1), "../" + good.substring(3), good.substring(2) + "/x",
        "\u0661" + good.substring(1), " " + good.substring(1), good.substring(1) + "\n"));
    badIds.add(null);
    for (String id : badIds) {
      assertThrows(IllegalArgumentException.class, () -> a.ownership.acquireOrRoute(NS, id), String.valueOf(id));
    }
    List<String> badNamespaces = new ArrayList<>(List.of("", ".", "..", "../x", "a/b", "a\\b", "-x", ".hidden",
        "a\u0000b", "x".repeat(129), "with space", "caf\u00e9", "nodes/.."));
    badNamespaces.add(null);
    for (String ns : badNamespaces) {
      assertThrows(IllegalArgumentException.class, () -> a.ownership.acquireOrRoute(ns, good), String.valueOf(ns));
    }
    try (Stream<Path> files = Files.list(shared)) {
      assertEquals(List.of(shared.resolve("nodes")), files.toList(), "nothing but the registry was created");
    }
    assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute("x".repeat(128), good));
    assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute("_a.b-c", good));
  }

  @Test
  void staleKeysOfDeadNodesAreTakenOver() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    UnixNode crashed = node(Duration.ofSeconds(5));
    crashed.stopListening(); // its entry stays but refuses, as after a crash
    NodeIdentity neverSeen = NodeIdentity.generate();
    for (NodeIdentity dead : List.of(crashed.identity, neverSeen)) {
      String id = newObjectId();
      Files.createDirectories(lockFile(id).getParent());
      Files.write(lockFile(id), dead.publicKey());
      assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id));
      assertArrayEquals(a.identity.publicKey(), Files.readAllBytes(lockFile(id)));
    }
    assertFalse(Files.exists(crashed.registry.entryPath()), "the dead entry was removed");
  }

  @Test
  void ourOwnKeyFromAnEarlierRunIsStale() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    String id = newObjectId();
    Files.createDirectories(lockFile(id).getParent());
    Files.write(lockFile(id), a.identity.publicKey());
    assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id));
    assertEquals(1, a.ownership.heldCount());
  }

  @Test
  void releaseEmptiesTheFileUnlocksAndIsIdempotent() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    UnixNode b = node(Duration.ofSeconds(5));
    String id = newObjectId();
    OwnedLock lock = assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id)).lock();
    lock.release();
    lock.release();
    assertTrue(lock.isReleased());
    assertFalse(lock.verifyHeld());
    assertEquals(0, Files.size(lockFile(id)));
    assertEquals(0, a.ownership.heldCount());
    OwnedLock bLock = assertInstanceOf(Ownership.Owned.class, b.ownership.acquireOrRoute(NS, id)).lock();
    assertArrayEquals(b.identity.publicKey(), Files.readAllBytes(lockFile(id)));
    assertInstanceOf(Ownership.Routed.class, a.ownership.acquireOrRoute(NS, id));
    b.ownership.close();
    assertTrue(bLock.isReleased());
    assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id));
  }

  @Test
  void verifyHeldNoticesAReplacedLockFile() throws Exception {
    UnixNode a = node(Duration.ofSeconds(5));
    String id = newObjectId();
    OwnedLock lock = assertInstanceOf(Ownership.Owned.class, a.ownership.acquireOrRoute(NS, id)).lock();
    Path other = lockFile(id).resolveSibling("other");
    Files.createFile(other);
    Files.move(other, lockFile(id), StandardCopyOption.ATOMIC_MOVE);
    assertFalse(lock.verifyHeld());
  }

  @Test
  void theDeadlineEndsWithAClearError() throws Exception {
    UnixNode a = node(Duration.ofMillis(300));
    String dead = NodeIdentity.generate().id();
    for (String content : new String[] {null, dead}) {
      String id = newObjectId();
      Files.createDirectories(lockFile(id).getParent());
      try (OfdLock other = OfdLock.create(lockFile(id))) { // someone holds it and never writes / a dead key
        if (content != null) {
          other.write(HexFormat.of().parseHex(content), 0);
        }
        assertTrue(other.tryLock(LockMode.EXCLUSIVE));
        long start = System.nanoTime();
        OwnershipTimeoutException e = assertThrows(OwnershipTimeoutException.class, () -> a.ownership.acquireOrRoute(NS, id));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 300 && elapsedMs < 3000, elapsedMs + " ms");
        assertEquals(NS + "/" + id, e.object());
        assertTrue(e.getMessage().contains(NS + "/" + id) && e.getMessage().contains("within 3"), e.getMessage());
        assertTrue(e.getMessage().contains(content == null ? "has not written" : "does not report alive"), e.getMessage());
      }
    }
  }

  @Test
  void threadsOfOneNodeShareOneLockAndTwoNodesNeverBothWin() throws Exception {
    UnixNode a = node(Duration.ofSeconds(10));
    UnixNode b = node(Duration.ofSeconds(10));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int round = 0; round < 20; round++) {
        String id = newObjectId();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Ownership>> aResults = new ArrayList<>();
        List<Future<Ownership>> bResults = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          aResults.add(pool.submit(race(go, a, id)));
          bResults.add(pool.submit(race(go, b, id)));
        }
        go.countDown();
        List<Ownership> all = new ArrayList<>();
        for (Future<Ownership> f : aResults) {
          all.add(f.get());
        }
        for (Future<Ownership> f : bResults) {
          all.add(f.get());
        }
        UnixNode winner = all.get(0) instanceof Ownership.Owned ? a : b;
        UnixNode loser = winner == a ? b : a;
        OwnedLock lock = winner.ownership.held(NS, id).orElseThrow();
        List<Ownership> winnerResults = all.subList(winner == a ? 0 : 8, winner == a ? 8 : 16);
        List<Ownership> loserResults = all.subList(winner == a ? 8 : 0, winner == a ? 16 : 8);
        for (Ownership o : winnerResults) {
          assertSame(lock, assertInstanceOf(Ownership.Owned.class, o, "round " + round).lock());
        }
        for (Ownership o : loserResults) {
          assertEquals(winner.id(), assertInstanceOf(Ownership.Routed.class, o, "round " + round).ownerNodeId());
        }
        assertTrue(loser.ownership.held(NS, id).isEmpty());
      }
      assertEquals(20, a.ownership.heldCount() + b.ownership.heldCount());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Ownership> race(CountDownLatch go, UnixNode node, String id) {
    return () -> {
      go.await();
      return node.ownership.acquireOrRoute(NS, id);
    };
  }
}
