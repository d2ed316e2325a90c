package dev.jworkers.cluster.registry;

import dev.jworkers.cluster.node.PeerAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.lock.LockMode;
import dev.jworkers.cluster.lock.OfdLock;
import dev.jworkers.cluster.node.NodeIdentity;
import dev.jworkers.cluster.testing.ChildJvm;
import dev.jworkers.cluster.testing.Listener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CidrRegistryTest {
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

  private CidrRegistry registry(RegistryOptions options) throws IOException {
    CidrRegistry registry = Registry.cidr(shared, "nodes", NodeIdentity.generate(), options);
    open.add(registry);
    return registry;
  }

  /** A node in this JVM: a TCP listener on loopback announced in the registry. */
  private CidrRegistry node(RegistryOptions options) throws Exception {
    CidrRegistry registry = registry(options);
    Listener listener = Listener.tcp(Registry.pickAddress("127.0.0.0/8"));
    open.add(listener);
    registry.announce((InetSocketAddress) listener.address());
    return registry;
  }

  @Test
  void pickAddressFindsAnInterfaceAddressInTheCidr() throws Exception {
    assertEquals(InetAddress.ofLiteral("127.0.0.1"), Registry.pickAddress("127.0.0.0/8"));
    assertEquals(InetAddress.ofLiteral("127.0.0.1"), Registry.pickAddress("127.0.0.1/32"));
    // 240.0.0.0/4 is reserved: no machine has such an address.
    IOException none = assertThrows(IOException.class, () -> Registry.pickAddress("240.0.0.0/8"));
    assertTrue(none.getMessage().contains("240.0.0.0/8") && none.getMessage().contains("127.0.0.1"), none.getMessage());
    for (NetworkInterface ni : NetworkInterface.networkInterfaces().filter(CidrRegistryTest::isUp).toList()) {
      for (InetAddress address : ni.inetAddresses().filter(a -> !a.isLinkLocalAddress()).toList()) {
        int bits = address.getAddress().length * 8;
        assertEquals(address, Registry.pickAddress(address.getHostAddress() + "/" + bits), ni.getName());
      }
    }
    for (String bad : List.of("10.0.0.0", "10.0.0.0/33", "example.com/8", "10.0.0.0/x", "::/129")) {
      assertThrows(IllegalArgumentException.class, () -> Registry.pickAddress(bad), bad);
    }
    boolean ipv6Loopback = NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses).anyMatch(a -> a.equals(InetAddress.ofLiteral("::1")));
    Assumptions.assumeTrue(ipv6Loopback, "no ::1 on this machine");
    assertEquals(InetAddress.ofLiteral("::1"), Registry.pickAddress("::1/128"));
    assertEquals(InetAddress.ofLiteral("::1"), Registry.pickAddress("::/64"));
  }

  private static boolean isUp(NetworkInterface ni) {
    try {
      return ni.isUp();
    } catch (java.net.SocketException e) {
      return false;
    }
  }

  @Test
  void tcpEntryText() {
    PeerAddress.Tcp v6 = PeerAddress.Tcp.parse("[::1]:8080");
    assertEquals(new InetSocketAddress(InetAddress.ofLiteral("::1"), 8080), v6.address());
    assertEquals("[0:0:0:0:0:0:0:1]:8080", v6.text());
    assertEquals(v6, PeerAddress.Tcp.parse(v6.text()));
    assertEquals("10.1.2.3:1", PeerAddress.Tcp.parse("10.1.2.3:1").text());
    for (String bad : List.of("::1:80", "10.0.0.1", "10.0.0.1:0", "10.0.0.1:70000", "localhost:80", ":80")) {
      assertThrows(IllegalArgumentException.class, () -> PeerAddress.Tcp.parse(bad), bad);
    }
  }

  @Test
  void announceWritesALockedEntryThatPeersFind() throws Exception {
    CidrRegistry a = node(FRESH);
    CidrRegistry b = node(FRESH);
    PeerAddress.Tcp aAddress = (PeerAddress.Tcp) a.address(a.nodeId()).orElseThrow();
    assertEquals(aAddress.text(), Files.readString(a.entryPath()));
    assertEquals("127.0.0.1", aAddress.address().getAddress().getHostAddress());
    try (OfdLock probe = OfdLock.openReadOnly(a.entryPath())) {
      assertFalse(probe.tryLock(LockMode.SHARED), "the entry is exclusively locked");
    }
    assertEquals(List.of(new Peer(a.nodeId(), aAddress)), b.peers());
    assertEquals(Optional.of(aAddress), b.address(a.nodeId()));
    assertTrue(b.isAlive(a.nodeId()));
    try (var names = Files.list(a.directory())) {
      assertEquals(2, names.count(), "no temporary files are left");
    }
  }

  @Test
  void anUnlockedEntryIsAliveDuringTheGracePeriodThenDeadAndRemoved() throws Exception {
    CidrRegistry watcher = registry(FRESH.withGracePeriod(Duration.ofMillis(400)));
    String id = NodeIdentity.generate().id();
    Path entry = watcher.directory().resolve(id);
    Files.writeString(entry, "127.0.0.1:9");
    assertTrue(watcher.isAlive(id), "new entry");
    assertEquals(Optional.of(PeerAddress.Tcp.parse("127.0.0.1:9")), watcher.address(id));
    Thread.sleep(500);
    assertFalse(watcher.isAlive(id));
    assertFalse(Files.exists(entry));

    Files.writeString(entry, "127.0.0.1:9");
    Files.setLastModifiedTime(entry, FileTime.from(Instant.now().minusSeconds(10)));
    assertFalse(registry(FRESH).isAlive(id), "older than the default 5 s grace");
    assertFalse(Files.exists(entry));
    assertFalse(watcher.isAlive(NodeIdentity.generate().id()), "missing entry");
  }

  @Test
  void aRemovedOrReplacedEntryIsReportedOnce() throws Exception {
    for (boolean replace : new boolean[] {false, true}) {
      CidrRegistry a = node(FRESH);
      List<String> reasons = new CopyOnWriteArrayList<>();
      a.setLostListener(reasons::add);
      assertTrue(a.verifyNow());
      if (replace) {
        Path other = a.directory().resolve("replacement");
        Files.writeString(other, "127.0.0.1:9");
        Files.move(other, a.entryPath(), StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.delete(a.entryPath());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (reasons.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
      assertEquals(1, reasons.size(), reasons.toString());
      assertTrue(reasons.get(0).contains(replace ? "replaced" : "removed"), reasons.get(0));
      assertFalse(a.isAlive(a.nodeId()));
    }
  }

  @Test
  void aLostLockIsReportedAndAnotherNodeSeesTheEntryDead() throws Exception {
    CidrRegistry a = node(FRESH);
    CidrRegistry b = registry(FRESH.withGracePeriod(Duration.ZERO));
    List<String> reasons = new CopyOnWriteArrayList<>();
    a.setLostListener(reasons::add);
    assertTrue(b.isAlive(a.nodeId()));
    a.entryLock().unlock(); // as when an NFS lease expires: the file stays, the lock is gone
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (reasons.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(1, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).contains("lost the lock"), reasons.get(0));
    assertFalse(b.isAlive(a.nodeId()));
  }

  @Test
  void cleanCloseRemovesTheEntryAndReleasesTheLock() throws Exception {
    CidrRegistry a = node(FRESH);
    CidrRegistry b = node(FRESH);
    try (OfdLock held = OfdLock.openReadOnly(b.entryPath())) {
      b.close();
      assertFalse(Files.exists(b.entryPath()));
      assertTrue(held.tryLock(LockMode.SHARED), "the unlinked entry is no longer locked");
    }
    assertFalse(a.isAlive(b.nodeId()));
    assertEquals(List.of(), a.peers());
  }

  @Test
  void aSecondProcessWithTheSameIdIsRefused() throws Exception {
    NodeIdentity id = NodeIdentity.generate();
    CidrRegistry first = Registry.cidr(shared, "nodes", id, FRESH);
    open.add(first);
    first.announce(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 9));
    CidrRegistry twin = Registry.cidr(shared, "nodes", id, FRESH);
    open.add(twin);
    IOException e = assertThrows(IOException.class,
        () -> twin.announce(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 10)));
    assertTrue(e.getMessage().contains("live process"), e.getMessage());
    assertEquals("127.0.0.1:9", Files.readString(first.entryPath()));
  }

  @Test
  void aSigkilledChildIsDeadAfterTheGracePeriodAndAnExitedOneRemovedItsEntry() throws Exception {
    CidrRegistry a = registry(FRESH.withGracePeriod(Duration.ofMillis(200)));
    try (ChildJvm killed = ChildJvm.start(RegistryNodeMain.class, shared.toString(), "nodes", "cidr");
        ChildJvm exits = ChildJvm.start(RegistryNodeMain.class, shared.toString(), "nodes", "cidr")) {
      String killedId = killed.readLine(Duration.ofSeconds(30)).substring("ready ".length());
      String exitsId = exits.readLine(Duration.ofSeconds(30)).substring("ready ".length());
      assertTrue(a.isAlive(killedId));
      assertTrue(a.address(killedId).orElseThrow() instanceof PeerAddress.Tcp);
      assertEquals(2, a.peers().size());

      killed.kill();
      long start = System.nanoTime();
      while (a.isAlive(killedId)) {
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "still alive 5 s after SIGKILL");
        Thread.sleep(20);
      }
      assertFalse(Files.exists(a.directory().resolve(killedId)));

      exits.send("exit");
      assertEquals("closed", exits.readLine(Duration.ofSeconds(30)));
      assertEquals(0, exits.waitForExit(Duration.ofSeconds(10)));
      assertFalse(Files.exists(a.directory().resolve(exitsId)));
      assertEquals(List.of(), a.peers());
    }
  }
}
