package dev.jworkers.cluster.transport;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** An onReady that installs a test application on the channel and remembers each call. */
final class ReadyRecorder implements ReadyCallback {
  record Ready(Channel channel, String peerNodeId) {}

  private final Consumer<Channel> install;
  private final BlockingQueue<Ready> calls = new LinkedBlockingQueue<>();
  private final AtomicInteger count = new AtomicInteger();

  ReadyRecorder(Consumer<Channel> install) {
    this.install = install;
  }

  /** Servers in these tests echo. */
  static ReadyRecorder echo() {
    return new ReadyRecorder(ch -> ch.pipeline().addLast(new EchoHandler()));
  }

  static ReadyRecorder nothing() {
    return new ReadyRecorder(ch -> {});
  }

  @Override
  public void onReady(Channel channel, String peerNodeId) {
    install.accept(channel);
    count.incrementAndGet();
    calls.add(new Ready(channel, peerNodeId));
  }

  Ready next(Duration timeout) throws InterruptedException {
    Ready ready = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (ready == null) {
      throw new AssertionError("onReady was not called within " + timeout);
    }
    return ready;
  }

  int count() {
    return count.get();
  }
}
