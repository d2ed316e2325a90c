package dev.jworkers.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole nodes in separate processes sharing one folder: one owns an object, the others route
 * to it over RPC (Unix sockets, or TCP on loopback in CIDR mode), and when the owner is killed
 * a survivor takes the object over and the rest route to the new owner.
 */
class ClusterNodeTest {
  static final String SECRET = HexFormat.of().formatHex("cluster secret for the test".getBytes(StandardCharsets.UTF_8));
  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir Path shared;
  final List<ChildJvm> nodes = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (ChildJvm n : nodes) {
      n.close();
    }
  }

  @Test
  void overUnixSocketsOneNodeOwnsAndTheOthersRouteToIt() throws Exception {
    ownsRoutesAndFailsOver("unix");
  }

  @Test
  void overTcpInACidrOneNodeOwnsAndTheOthersRouteToIt() throws Exception {
    ownsRoutesAndFailsOver("127.0.0.0/8");
  }

  private void ownsRoutesAndFailsOver(String mode) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ChildJvm n = ChildJvm.start(ClusterNodeChild.class, shared.toString(), SECRET, mode);
      nodes.add(n);
    }
    for (ChildJvm n : nodes) {
      String ready = n.readLine(WAIT);
      assertTrue(ready.startsWith("ready "), ready);
      ids.add(ready.substring(6));
    }
    String object = "7e".repeat(32);
    // All at once: exactly one owns, the others reach it and get its answer.
    nodes.forEach(n -> n.send("get " + object));
    List<String> answers = new ArrayList<>();
    for (ChildJvm n : nodes) {
      answers.add(n.readLine(WAIT));
    }
    int owner = ownerIndex(answers, object);
    for (int i = 0; i < nodes.size(); i++) {
      if (i != owner) {
        assertEquals("routed " + object + " " + ids.get(owner) + " node " + ids.get(owner), answers.get(i));
      }
    }

    // The owner dies; the survivors agree on a new owner within a bounded time.
    nodes.remove(owner).kill();
    ids.remove(owner);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<String> after = new ArrayList<>();
      for (ChildJvm n : nodes) {
        n.send("get " + object);
        after.add(n.readLine(WAIT));
      }
      long owned = after.stream().filter(a -> a.equals("owned " + object)).count();
      if (owned == 1) {
        int next = ownerIndex(after, object);
        int other = 1 - next;
        String routed = after.get(other);
        if (routed.equals("routed " + object + " " + ids.get(next) + " node " + ids.get(next))) {
          return;
        }
      }
      assertTrue(System.nanoTime() < deadline, "no single new owner: " + after);
      Thread.sleep(100);
    }
  }

  private static int ownerIndex(List<String> answers, String object) {
    int owner = -1;
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i).equals("owned " + object)) {
        assertEquals(-1, owner, "two owners: " + answers);
        owner = i;
      }
    }
    assertTrue(owner >= 0, "no owner: " + answers);
    return owner;
  }
}
