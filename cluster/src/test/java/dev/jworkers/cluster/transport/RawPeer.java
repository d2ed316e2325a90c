package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Arrays;

/**
 * One end of a plain socket that speaks (or breaks) the handshake by hand: the misbehaving peer in
 * the tests. Reads wait on a selector so that a test cannot hang.
 */
final class RawPeer implements AutoCloseable {
  private final SocketChannel channel;
  private final Selector selector;

  RawPeer(SocketChannel channel) throws IOException {
    this.channel = channel;
    channel.configureBlocking(false);
    selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
  }

  static RawPeer connect(PeerAddress address) throws IOException {
    return new RawPeer(SocketChannel.open(Transports.socketAddress(address)));
  }

  /**
   * Writes the parts as one buffer: sent part by part, a peer that rejects the first part and
   * closes could make the write of the next one fail (EPIPE) before the test reads the outcome.
   */
  void write(byte[]... parts) throws IOException {
    int size = 0;
    for (byte[] part : parts) {
      size += part.length;
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    for (byte[] part : parts) {
      buf.put(part);
    }
    buf.flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  /** Exactly {@code count} bytes; EOFException if the other end closes first. */
  byte[] read(int count, Duration timeout) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(count);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (buf.hasRemaining()) {
      if (readSome(buf, deadline) < 0) {
        throw new EOFException("closed after " + buf.position() + " of " + count + " bytes");
      }
    }
    return buf.array();
  }

  /**
   * Waits for the other end to close the connection and returns what it sent meanwhile; fails if
   * it stays open for {@code timeout}.
   */
  byte[] readUntilClosed(Duration timeout) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (readSome(buf, deadline) >= 0) {
        // keep reading until end of stream
      }
    } catch (SocketException reset) {
      // A close with unread data arrives as a reset: still a close.
    }
    return Arrays.copyOf(buf.array(), buf.position());
  }

  /** True if nothing arrives and the connection stays open for {@code period}. */
  boolean staysOpenAndSilent(Duration period) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1);
    long deadline = System.nanoTime() + period.toNanos();
    try {
      readSome(buf, deadline);
      return false;
    } catch (AssertionError timedOut) {
      return true;
    }
  }

  private int readSome(ByteBuffer buf, long deadline) throws IOException {
    while (true) {
      int n = channel.read(buf);
      if (n != 0) {
        return n;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the other end neither sent nor closed in time");
      }
      selector.select(Math.max(1, left / 1_000_000));
      selector.selectedKeys().clear();
    }
  }

  @Override
  public void close() throws IOException {
    selector.close();
    channel.close();
  }
}
