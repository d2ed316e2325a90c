package dev.jworkers.cluster.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what the transport logs (System.Logger goes to java.util.logging by default), every
 * level included, so tests can check for the one clear line, or its absence.
 */
final class LogRecorder extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger("dev.jworkers.cluster.transport");
  private final Level previousLevel;
  private final List<LogRecord> records = new ArrayList<>();

  LogRecorder() {
    previousLevel = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(this);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    records.add(record);
    notifyAll();
  }

  /** Messages at WARNING or above. */
  synchronized List<String> warnings() {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
        .map(LogRecord::getMessage)
        .toList();
  }

  synchronized List<String> all() {
    return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList();
  }

  /** The first record whose message contains {@code text}, waiting for it up to {@code timeout}. */
  synchronized LogRecord await(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (LogRecord r : records) {
        if (r.getMessage().contains(text)) {
          return r;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no log line containing '" + text + "'; logged: " + all());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(previousLevel);
  }
}
