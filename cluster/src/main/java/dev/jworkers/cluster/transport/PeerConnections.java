package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import dev.jworkers.cluster.node.NodeIdentity;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * At most one outgoing connection per peer node: {@link #connect} returns the cached channel while
 * it is open, lets concurrent callers share one attempt, and opens a new one once the old channel
 * has closed. A connection without traffic for the idle timeout is closed, unless its
 * {@link #MAY_CLOSE_WHEN_IDLE} says otherwise.
 */
public final class PeerConnections implements AutoCloseable {
  /**
   * Set by the RPC layer on a channel: asked when the channel has been idle; false keeps it open
   * (calls or capabilities still outstanding). Unset means it may be closed.
   */
  public static final AttributeKey<BooleanSupplier> MAY_CLOSE_WHEN_IDLE =
      AttributeKey.valueOf(PeerConnections.class, "MAY_CLOSE_WHEN_IDLE");

  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  private final HandshakeConfig config;
  private final ReadyCallback onReady;
  private final Duration idleTimeout;
  private final IoEventLoopGroup group;
  private final boolean ownsGroup;
  private final ConcurrentHashMap<String, CompletableFuture<Channel>> cache = new ConcurrentHashMap<>();
  private final ChannelGroup channels = new DefaultChannelGroup("cluster-outgoing", GlobalEventExecutor.INSTANCE);
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile boolean closed;

  /** With the default idle timeout and an event loop group of its own. */
  public PeerConnections(HandshakeConfig config, ReadyCallback onReady) {
    this(config, onReady, DEFAULT_IDLE_TIMEOUT);
  }

  /** With an event loop group of its own; an idle timeout of zero never closes idle channels. */
  public PeerConnections(HandshakeConfig config, ReadyCallback onReady, Duration idleTimeout) {
    // Arguments are checked before the group is made, so a bad one leaks no threads.
    this(Objects.requireNonNull(config, "config"), Objects.requireNonNull(onReady, "onReady"),
        checkIdle(idleTimeout), Transports.newGroup(Transports.defaultThreads()), true);
  }

  /** On a shared NIO event loop group, which {@link #close()} leaves running. */
  public PeerConnections(HandshakeConfig config, ReadyCallback onReady, Duration idleTimeout, IoEventLoopGroup group) {
    this(config, onReady, idleTimeout, group, false);
  }

  private PeerConnections(
      HandshakeConfig config, ReadyCallback onReady, Duration idleTimeout, IoEventLoopGroup group, boolean ownsGroup) {
    this.config = Objects.requireNonNull(config, "config");
    this.onReady = Objects.requireNonNull(onReady, "onReady");
    this.idleTimeout = checkIdle(idleTimeout);
    this.group = Objects.requireNonNull(group, "group");
    this.ownsGroup = ownsGroup;
    Transports.requireNio(group);
  }

  private static Duration checkIdle(Duration idleTimeout) {
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("negative idle timeout: " + idleTimeout);
    }
    return idleTimeout;
  }

  /**
   * The open, proven channel to {@code nodeId}, connecting to {@code address} if there is none (an
   * existing channel is reused whatever address is given). The future completes on the channel's
   * event loop after onReady; it fails with the connect error or a {@link HandshakeException},
   * and then the next call tries again.
   */
  public CompletableFuture<Channel> connect(String nodeId, PeerAddress address) {
    if (!NodeIdentity.isNodeId(nodeId)) {
      throw new IllegalArgumentException("not a node id: " + nodeId);
    }
    Objects.requireNonNull(address, "address");
    String id = nodeId.toLowerCase(Locale.ROOT);
    while (true) {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("peer connections are closed"));
      }
      CompletableFuture<Channel> current = cache.get(id);
      if (current == null) {
        CompletableFuture<Channel> attempt = new CompletableFuture<>();
        if (cache.putIfAbsent(id, attempt) == null) {
          open(id, address, attempt);
          return attempt.copy();
        }
      } else if (!current.isDone() || (!current.isCompletedExceptionally() && current.join().isActive())) {
        // copy(): a caller completing its future must not touch the shared attempt.
        return current.copy();
      } else {
        cache.remove(id, current);
      }
    }
  }

  private void open(String id, PeerAddress address, CompletableFuture<Channel> attempt) {
    Bootstrap bootstrap = new Bootstrap()
        .group(group)
        .channel(Transports.channelClass(address))
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis()))
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            channels.add(ch);
            if (closed) {
              ch.close();
              return;
            }
            HandshakeHandler handshake = HandshakeHandler.initiator(config, id, (channel, peerId) -> {
              if (!idleTimeout.isZero()) {
                channel.pipeline().addFirst(new IdleCloser(idleTimeout));
              }
              onReady.onReady(channel, peerId);
            });
            ch.pipeline().addLast(handshake);
            handshake.result().whenComplete((peerId, error) -> finish(id, attempt, ch, error));
          }
        });
    if (address instanceof PeerAddress.Tcp) {
      bootstrap.option(ChannelOption.TCP_NODELAY, true);
    }
    bootstrap.connect(Transports.socketAddress(address)).addListener((ChannelFuture connected) -> {
      if (!connected.isSuccess()) {
        fail(id, attempt, new IOException(
            "cannot connect to node " + HandshakeHandler.shortId(id) + " at " + address, connected.cause()));
      } else if (closed) {
        connected.channel().close();
      }
    });
  }

  private void finish(String id, CompletableFuture<Channel> attempt, Channel channel, Throwable error) {
    if (error != null) {
      fail(id, attempt, error);
      return;
    }
    if (closed) {
      channel.close();
      fail(id, attempt, new IllegalStateException("peer connections are closed"));
      return;
    }
    // Registered before completing, so a channel that is already closed is never served from the cache.
    channel.closeFuture().addListener(f -> cache.remove(id, attempt));
    attempt.complete(channel);
  }

  private void fail(String id, CompletableFuture<Channel> attempt, Throwable error) {
    cache.remove(id, attempt);
    attempt.completeExceptionally(error);
  }

  /** Closes every connection, fails pending attempts, and shuts down an owned event loop group. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    closed = true;
    IllegalStateException closedError = new IllegalStateException("peer connections are closed");
    cache.values().forEach(attempt -> attempt.completeExceptionally(closedError));
    cache.clear();
    channels.close().awaitUninterruptibly();
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
