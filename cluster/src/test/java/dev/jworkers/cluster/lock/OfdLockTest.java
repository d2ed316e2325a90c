package dev.jworkers.cluster.lock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.cluster.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfdLockTest {
  @TempDir Path dir;

  @Test
  void twoDescriptionsInOneJvmExcludeEachOther() throws Exception {
    Path file = dir.resolve("a");
    try (OfdLock first = OfdLock.create(file); OfdLock second = OfdLock.create(file)) {
      assertTrue(first.created());
      assertFalse(second.created());
      assertTrue(first.tryLock(LockMode.EXCLUSIVE));
      assertFalse(second.tryLock(LockMode.EXCLUSIVE));
      assertFalse(second.tryLock(LockMode.SHARED));
      assertEquals(null, second.held());
    }
  }

  @Test
  void sharedLocksCoexistButExcludeExclusive() throws Exception {
    Path file = dir.resolve("s");
    Files.createFile(file);
    try (OfdLock a = OfdLock.openReadOnly(file); OfdLock b = OfdLock.openReadOnly(file);
        OfdLock w = OfdLock.openReadWrite(file)) {
      assertTrue(a.tryLock(LockMode.SHARED));
      assertTrue(b.tryLock(LockMode.SHARED));
      assertFalse(w.tryLock(LockMode.EXCLUSIVE));
      a.unlock();
      b.unlock();
      assertTrue(w.tryLock(LockMode.EXCLUSIVE));
      assertFalse(a.tryLock(LockMode.SHARED));
    }
  }

  @Test
  void closeAndUnlockRelease() throws Exception {
    Path file = dir.resolve("c");
    try (OfdLock other = OfdLock.create(file)) {
      OfdLock holder = OfdLock.create(file);
      assertTrue(holder.tryLock(LockMode.EXCLUSIVE));
      holder.unlock();
      assertTrue(other.tryLock(LockMode.EXCLUSIVE));
      other.unlock();
      assertTrue(holder.tryLock(LockMode.EXCLUSIVE));
      assertFalse(other.tryLock(LockMode.EXCLUSIVE));
      holder.close();
      holder.close(); // idempotent
      assertTrue(other.tryLock(LockMode.EXCLUSIVE));
    }
  }

  @Test
  void verifyHeldFollowsTheKernelsView() throws Exception {
    Path file = dir.resolve("v");
    try (OfdLock lock = OfdLock.create(file); OfdLock other = OfdLock.create(file)) {
      assertFalse(lock.verifyHeld());
      assertTrue(lock.tryLock(LockMode.EXCLUSIVE));
      assertTrue(lock.verifyHeld());
      Files.delete(file); // the lock belongs to the inode, not the name
      assertTrue(lock.verifyHeld());
      lock.unlock();
      assertFalse(lock.verifyHeld());
    }
  }

  @Test
  void verifyHeldDetectsADescriptorClosedBehindItsBack() throws Exception {
    Path file = dir.resolve("lost");
    try (OfdLock other = OfdLock.create(file)) { // opened first, so it cannot reuse the closed number
      OfdLock lock = OfdLock.create(file);
      assertTrue(lock.tryLock(LockMode.EXCLUSIVE));
      assertTrue(lock.verifyHeld());
      // Simulates losing the lock: the descriptor (and so the lock) goes away without close().
      Libc.close(lock.fd(), "test");
      ErrnoException e = assertThrows(ErrnoException.class, lock::verifyHeld);
      assertTrue(e.getMessage().contains("/proc/self/fd/"), e.getMessage());
      assertTrue(other.tryLock(LockMode.EXCLUSIVE));
    }
  }

  @Test
  void verifyHeldDoesNotRetakeALostLockThatNobodyHolds() throws Exception {
    Path file = dir.resolve("retake");
    OfdLock lock = OfdLock.create(file);
    assertTrue(lock.tryLock(LockMode.EXCLUSIVE));
    Libc.close(lock.fd(), "test"); // lost, and nobody else holds it
    try (OfdLock reused = OfdLock.create(file)) {
      // Linux hands out the lowest free number, so `lock` now points at an unlocked description.
      Assumptions.assumeTrue(reused.fd() == lock.fd(), "descriptor number was not reused");
      assertFalse(lock.verifyHeld(), "re-asserting alone would take the free lock and call it held");
    }
  }

  @Test
  void readWriteTruncateFsync() throws Exception {
    Path file = dir.resolve("rw");
    try (OfdLock lock = OfdLock.create(file)) {
      lock.write("hello world".getBytes(StandardCharsets.US_ASCII), 0);
      lock.write("W".getBytes(StandardCharsets.US_ASCII), 6);
      lock.fsync();
      assertEquals("hello World", Files.readString(file));
      assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), lock.read(5));
      assertEquals(11, lock.read(100).length);
      lock.truncate(0);
      assertEquals(0, lock.read(100).length);
      assertEquals(0, Files.size(file));
      assertEquals(Files.getAttribute(file, "unix:ino"), lock.inode());
    }
    OfdLock.fsyncDirectory(dir);
  }

  @Test
  void errorsCarryErrnoNames() throws Exception {
    ErrnoException missing = assertThrows(ErrnoException.class, () -> OfdLock.openReadOnly(dir.resolve("missing")));
    assertEquals("ENOENT", missing.errnoName());
    assertTrue(missing.getMessage().contains("ENOENT") && missing.getMessage().contains("missing"), missing.getMessage());
    Files.createFile(dir.resolve("ro"));
    try (OfdLock readOnly = OfdLock.openReadOnly(dir.resolve("ro"))) {
      ErrnoException badf = assertThrows(ErrnoException.class, () -> readOnly.tryLock(LockMode.EXCLUSIVE));
      assertEquals("EBADF", badf.errnoName());
    }
    OfdLock closed = OfdLock.create(dir.resolve("closed"));
    closed.close();
    assertEquals("EBADF", assertThrows(ErrnoException.class, () -> closed.tryLock(LockMode.SHARED)).errnoName());
  }

  @Test
  void supportCheckPassesHere() throws Exception {
    OfdLock.requireSupported(dir);
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "the probe file is removed");
    }
  }

  @Test
  void sigkillOfTheHolderReleasesTheLock() throws Exception {
    Path file = dir.resolve("k");
    try (ChildJvm child = ChildJvm.start(LockHolderMain.class, file.toString(), "EXCLUSIVE");
        OfdLock lock = OfdLock.create(file)) {
      assertEquals("locked", child.readLine(Duration.ofSeconds(30)));
      assertFalse(lock.tryLock(LockMode.EXCLUSIVE));
      assertFalse(lock.tryLock(LockMode.SHARED));
      child.process().destroyForcibly(); // SIGKILL
      long start = System.nanoTime();
      while (!lock.tryLock(LockMode.EXCLUSIVE)) {
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "lock still held 5 s after SIGKILL");
        Thread.sleep(1);
      }
      System.out.printf("OFD lock acquired %.1f ms after SIGKILL of pid %d%n", (System.nanoTime() - start) / 1e6, child.pid());
    }
  }

  @Test
  void anotherProcessSeesOurLock() throws Exception {
    Path file = dir.resolve("p");
    try (OfdLock lock = OfdLock.create(file)) {
      assertTrue(lock.tryLock(LockMode.EXCLUSIVE));
      try (ChildJvm child = ChildJvm.start(LockHolderMain.class, file.toString(), "SHARED")) {
        assertEquals("busy", child.readLine(Duration.ofSeconds(30)));
      }
      lock.unlock();
      try (ChildJvm child = ChildJvm.start(LockHolderMain.class, file.toString(), "SHARED")) {
        assertEquals("locked", child.readLine(Duration.ofSeconds(30)));
        assertTrue(lock.tryLock(LockMode.SHARED));
        assertFalse(lock.tryLock(LockMode.EXCLUSIVE));
      }
    }
  }
}
