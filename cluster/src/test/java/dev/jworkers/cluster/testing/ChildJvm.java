package dev.jworkers.cluster.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test main class run in a child JVM with this test's class path. Its stdout is read line by
 * line; stdin carries commands. close() kills it (SIGKILL) through its Process handle.
 */
public final class ChildJvm implements AutoCloseable {
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Path stderr;
  private final PrintStream stdin;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::pump, "child-" + process.pid() + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  public static ChildJvm start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile("child-jvm", ".err");
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
        .start();
    return new ChildJvm(process, stderr);
  }

  private void pump() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process died; EOF below tells the reader
    }
    lines.add(EOF);
  }

  /** The next stdout line; fails (with the child's stderr) on timeout or end of output. */
  public String readLine(Duration timeout) throws InterruptedException, IOException {
    String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null || line.equals(EOF)) {
      if (line != null) {
        lines.add(EOF);
      }
      throw new AssertionError("child " + process.pid() + (line == null ? " printed nothing within " + timeout
          : " ended its output") + "; stderr:\n" + Files.readString(stderr));
    }
    return line;
  }

  /** Sends one command line to the child's stdin. */
  public void send(String line) {
    stdin.println(line);
  }

  public long pid() {
    return process.pid();
  }

  public Process process() {
    return process;
  }

  /** SIGKILL, then waits for the process to be gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("child " + process.pid() + " survived SIGKILL for 10 s");
    }
  }

  /** Waits for a normal exit (after e.g. an "exit" command); returns the exit code. */
  public int waitForExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child " + process.pid() + " did not exit within " + timeout);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (process.isAlive()) {
        kill();
      }
    } finally {
      stdin.close();
      Files.deleteIfExists(stderr);
    }
  }
}
