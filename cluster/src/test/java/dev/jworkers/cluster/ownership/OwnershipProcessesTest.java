package dev.jworkers.cluster.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ownership between real processes: each child JVM is a node with its own key and socket. */
class OwnershipProcessesTest {
  private static final Duration LINE = Duration.ofSeconds(30);
  private static final String NS = "counters";

  @TempDir Path shared;
  private final List<ChildJvm> children = new ArrayList<>();
  private final List<String> ids = new ArrayList<>();

  @AfterEach
  void stopChildren() throws Exception {
    for (ChildJvm child : children) {
      child.close();
    }
  }

  /** Starts n nodes (liveness cached for ttlMs) and waits until each has announced itself. */
  private void startNodes(int n, long ttlMs) throws Exception {
    for (int i = 0; i < n; i++) {
      children.add(ChildJvm.start(OwnershipNodeMain.class, shared.toString(), Long.toString(ttlMs), "10000"));
    }
    for (ChildJvm child : children) {
      String line = child.readLine(LINE);
      assertTrue(line.startsWith("ready "), line);
      ids.add(line.substring("ready ".length()));
    }
  }

  private static String newObjectId() {
    byte[] raw = new byte[32];
    ThreadLocalRandom.current().nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }

  private String named(String objectId) throws Exception {
    return HexFormat.of().formatHex(Files.readAllBytes(shared.resolve(NS).resolve("locks").resolve(objectId)));
  }

  private Path socketOf(String nodeId) {
    return shared.resolve("nodes").resolve(nodeId);
  }

  @Test
  void concurrentAcquisitionsHaveExactlyOneWinnerAndTheOthersRouteToIt() throws Exception {
    startNodes(4, 1000);
    for (int round = 0; round < 5; round++) {
      String objectId = newObjectId();
      for (ChildJvm child : children) {
        child.send("acquire " + NS + " " + objectId);
      }
      List<String> lines = new ArrayList<>();
      for (ChildJvm child : children) {
        lines.add(child.readLine(LINE));
      }
      List<Integer> winners = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).equals("owned " + NS + " " + objectId)) {
          winners.add(i);
        }
      }
      assertEquals(1, winners.size(), "round " + round + ": " + lines);
      String winner = ids.get(winners.get(0));
      for (int i = 0; i < lines.size(); i++) {
        if (i != winners.get(0)) {
          assertEquals("routed " + winner + " " + socketOf(winner), lines.get(i), "round " + round);
        }
      }
      assertEquals(winner, named(objectId), "the lock file holds the winner's key");
    }
  }

  @Test
  void whenTheOwnerIsKilledAnotherNodeTakesOver() throws Exception {
    startNodes(3, 100);
    String objectId = newObjectId();
    children.get(0).send("acquire " + NS + " " + objectId);
    assertEquals("owned " + NS + " " + objectId, children.get(0).readLine(LINE));
    children.get(1).send("acquire " + NS + " " + objectId);
    assertEquals("routed " + ids.get(0) + " " + socketOf(ids.get(0)), children.get(1).readLine(LINE));

    children.get(0).kill(); // SIGKILL: the kernel drops its lock; its socket file stays and refuses
    long start = System.nanoTime();
    String line;
    int routed = -1;
    do {
      routed++;
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "no takeover within 5 s");
      children.get(1).send("acquire " + NS + " " + objectId);
      line = children.get(1).readLine(LINE);
    } while (!line.startsWith("owned"));
    System.out.printf("takeover %.0f ms after SIGKILL of the owner (%d answers from the cached liveness first)%n",
        (System.nanoTime() - start) / 1e6, routed);
    assertEquals(ids.get(1), named(objectId));
    assertFalse(Files.exists(socketOf(ids.get(0))), "the dead node's registry entry was removed");
    children.get(2).send("acquire " + NS + " " + objectId);
    assertEquals("routed " + ids.get(1) + " " + socketOf(ids.get(1)), children.get(2).readLine(LINE));
  }

  @Test
  void releaseEmptiesTheFileAndAnotherNodeAcquires() throws Exception {
    startNodes(2, 0);
    String objectId = newObjectId();
    children.get(0).send("acquire " + NS + " " + objectId);
    assertEquals("owned " + NS + " " + objectId, children.get(0).readLine(LINE));
    children.get(1).send("acquire " + NS + " " + objectId);
    assertTrue(children.get(1).readLine(LINE).startsWith("routed " + ids.get(0)));
    children.get(0).send("release " + NS + " " + objectId);
    assertEquals("released", children.get(0).readLine(LINE));
    assertEquals(0, Files.size(shared.resolve(NS).resolve("locks").resolve(objectId)));
    children.get(1).send("acquire " + NS + " " + objectId);
    assertEquals("owned " + NS + " " + objectId, children.get(1).readLine(LINE));
    assertEquals(ids.get(1), named(objectId));
    children.get(0).send("release " + NS + " " + objectId);
    assertEquals("not-held", children.get(0).readLine(LINE));
    children.get(0).send("acquire " + NS + " " + objectId);
    assertTrue(children.get(0).readLine(LINE).startsWith("routed " + ids.get(1)));
    for (ChildJvm child : children) {
      child.send("exit");
      assertEquals("closed", child.readLine(LINE));
      assertEquals(0, child.waitForExit(Duration.ofSeconds(10)));
    }
    assertEquals(0, Files.size(shared.resolve(NS).resolve("locks").resolve(objectId)), "a clean exit releases");
  }
}
