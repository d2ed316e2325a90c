package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.testing.ChildJvm;
import dev.jworkers.cluster.testing.Listener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixRegistryTest {
  private static final RegistryOptions FRESH = RegistryOptions.defaults()
      .withLivenessTtl(Duration.ZERO).withRescanInterval(Duration.ZERO).withVerifyInterval(Duration.ofMillis(50));

  @TempDir Path shared;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open.reversed()) {
      c.close();
    }
  }

  /** A node in this JVM: a registry plus a listening socket at its entry. */
  private UnixRegistry node(RegistryOptions options) throws Exception {
    UnixRegistry registry = Registry.unix(shared, "nodes", NodeIdentity.generate(), options);
    open.add(registry);
    open.add(Listener.unix(registry.prepareEntry()));
    registry.announce();
    return registry;
  }

  @Test
  void nodesFindEachOther() throws Exception {
    UnixRegistry a = node(FRESH);
    UnixRegistry b = node(FRESH);
    assertEquals(List.of(new Peer(b.nodeId(), new PeerAddress.Unix(b.entryPath()))), a.peers());
    assertEquals(List.of(new Peer(a.nodeId(), new PeerAddress.Unix(a.entryPath()))), b.peers());
    assertTrue(a.isAlive(b.nodeId()));
    assertTrue(a.isAlive(a.nodeId()));
    assertEquals(Optional.of(new PeerAddress.Unix(b.entryPath())), a.address(b.nodeId()));
    assertEquals(shared.resolve("nodes").resolve(a.nodeId()), a.entryPath());
  }

  @Test
  void aRefusingSocketIsDeadAndRemoved() throws Exception {
    UnixRegistry a = node(FRESH);
    UnixRegistry gone = Registry.unix(shared, "nodes", NodeIdentity.generate(), FRESH);
    Listener listener = Listener.unix(gone.prepareEntry());
    listener.close(); // the socket file stays and refuses, as after a crash
    assertTrue(Files.exists(gone.entryPath()));
    assertFalse(a.isAlive(gone.nodeId()));
    assertEquals(Optional.empty(), a.address(gone.nodeId()));
    assertFalse(Files.exists(gone.entryPath()), "the dead entry is removed");
    assertEquals(List.of(), a.peers());
  }

  @Test
  void aNonSocketEntryIsDeadAndRemoved() throws Exception {
    UnixRegistry a = node(FRESH);
    Path fake = a.directory().resolve(NodeIdentity.generate().id());
    Files.writeString(fake, "not a socket");
    assertFalse(a.isAlive(fake.getFileName().toString()));
    assertFalse(Files.exists(fake));
  }

  @Test
  void namesThatAreNotNodeIdsAreIgnored() throws Exception {
    UnixRegistry a = node(FRESH);
    String upper = NodeIdentity.generate().id().toUpperCase();
    for (String name : List.of("junk", upper, "." + a.nodeId() + ".tmp")) {
      Files.writeString(a.directory().resolve(name), "x");
      assertFalse(a.isAlive(name));
      assertTrue(Files.exists(a.directory().resolve(name)), "not ours to remove: " + name);
    }
    assertEquals(List.of(), a.peers());
    assertFalse(a.isAlive("../nodes/" + a.nodeId()));
  }

  @Test
  void livenessIsCachedForItsTtl() throws Exception {
    UnixRegistry a = node(FRESH.withLivenessTtl(Duration.ofHours(1)));
    UnixRegistry b = Registry.unix(shared, "nodes", NodeIdentity.generate(), FRESH);
    Listener listener = Listener.unix(b.prepareEntry());
    b.announce();
    assertTrue(a.isAlive(b.nodeId()));
    listener.close();
    assertTrue(a.isAlive(b.nodeId()), "cached");
    a.invalidate(b.nodeId());
    assertFalse(a.isAlive(b.nodeId()));
    b.close();
  }

  @Test
  void discoveryRescansAtMostEveryInterval() throws Exception {
    UnixRegistry lazy = node(FRESH.withRescanInterval(Duration.ofHours(1)));
    UnixRegistry eager = node(FRESH);
    assertEquals(1, lazy.peers().size());
    UnixRegistry late = node(FRESH);
    assertEquals(1, lazy.peers().size(), "the listing is reused");
    assertTrue(lazy.isAlive(late.nodeId()), "a direct question needs no listing");
    assertEquals(2, eager.peers().size());
  }

  @Test
  void cleanCloseRemovesTheEntry() throws Exception {
    UnixRegistry a = node(FRESH);
    UnixRegistry b = node(FRESH);
    b.close();
    assertFalse(Files.exists(b.entryPath()));
    assertFalse(a.isAlive(b.nodeId()));
    assertFalse(b.isAlive(b.nodeId()));
  }

  @Test
  void prepareEntryRefusesALiveTwinAndClearsALeftover() throws Exception {
    NodeIdentity id = NodeIdentity.generate();
    UnixRegistry first = Registry.unix(shared, "nodes", id, FRESH);
    open.add(first);
    Listener listener = Listener.unix(first.prepareEntry());
    UnixRegistry twin = Registry.unix(shared, "nodes", id, FRESH);
    assertTrue(assertThrows(java.io.IOException.class, twin::prepareEntry).getMessage().contains("live process"));
    listener.close();
    assertEquals(twin.entryPath(), twin.prepareEntry());
    assertFalse(Files.exists(twin.entryPath()), "the leftover socket was removed so bind can succeed");
  }

  @Test
  void aRemovedOrReplacedEntryIsReportedOnce() throws Exception {
    for (boolean replace : new boolean[] {false, true}) {
      UnixRegistry a = node(FRESH);
      List<String> reasons = new CopyOnWriteArrayList<>();
      a.setLostListener(reasons::add);
      assertTrue(a.verifyNow());
      if (replace) { // atomically, so the watcher never sees the entry missing
        Path other = a.directory().resolve("replacement");
        open.add(Listener.unix(other));
        Files.move(other, a.entryPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.delete(a.entryPath());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (reasons.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200); // several more watch rounds
      assertEquals(1, reasons.size(), reasons.toString());
      assertTrue(reasons.get(0).contains(replace ? "replaced" : "removed"), reasons.get(0));
      assertFalse(a.verifyNow());
      assertFalse(a.isAlive(a.nodeId()));
      assertEquals(Optional.of(reasons.get(0)), a.lostReason());
    }
  }

  @Test
  void aSigkilledChildIsDeadAndAnExitedOneRemovedItsEntry() throws Exception {
    UnixRegistry a = node(FRESH);
    try (ChildJvm killed = ChildJvm.start(RegistryNodeMain.class, shared.toString(), "nodes", "unix");
        ChildJvm exits = ChildJvm.start(RegistryNodeMain.class, shared.toString(), "nodes", "unix")) {
      String killedId = killed.readLine(Duration.ofSeconds(30)).substring("ready ".length());
      String exitsId = exits.readLine(Duration.ofSeconds(30)).substring("ready ".length());
      assertTrue(a.isAlive(killedId));
      assertTrue(a.isAlive(exitsId));
      assertEquals(2, a.peers().size());

      killed.kill();
      assertTrue(Files.exists(a.directory().resolve(killedId)), "SIGKILL leaves the socket file");
      assertFalse(a.isAlive(killedId));
      assertFalse(Files.exists(a.directory().resolve(killedId)));

      exits.send("exit");
      assertEquals("closed", exits.readLine(Duration.ofSeconds(30)));
      assertEquals(0, exits.waitForExit(Duration.ofSeconds(10)));
      assertFalse(Files.exists(a.directory().resolve(exitsId)));
      assertFalse(a.isAlive(exitsId));
      assertEquals(List.of(), a.peers());
    }
  }

  @Test
  void badRegistryNamesAreRejected() {
    for (String name : new String[] {"", "..", "../x", "a/b", ".hidden"}) {
      assertThrows(IllegalArgumentException.class, () -> Registry.unix(shared, name, NodeIdentity.generate()), name);
    }
  }
}
