package dev.jworkers.cluster.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Child-side helpers: command lines from stdin, flushed lines to stdout. */
public final class Stdin {
  private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

  private Stdin() {}

  /** The next command, or null when the parent closed stdin (or died). */
  public static String next() throws IOException {
    return IN.readLine();
  }

  public static void print(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
