package dev.jworkers.cluster.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;

/** The application on one end: keeps every byte it receives after the handshake. */
final class ByteCollector extends ChannelInboundHandlerAdapter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf buf = (ByteBuf) msg;
    byte[] copy = new byte[buf.readableBytes()];
    buf.readBytes(copy);
    buf.release();
    synchronized (this) {
      bytes.writeBytes(copy);
      notifyAll();
    }
  }

  synchronized byte[] received() {
    return bytes.toByteArray();
  }

  /** Waits until at least {@code count} bytes have come, and returns the first {@code count}. */
  synchronized byte[] await(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (bytes.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("received " + bytes.size() + " of " + count + " bytes");
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return Arrays.copyOf(bytes.toByteArray(), count);
  }
}
