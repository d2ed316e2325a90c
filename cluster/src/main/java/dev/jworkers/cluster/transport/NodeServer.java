package dev.jworkers.cluster.transport;

import dev.jworkers.cluster.node.PeerAddress;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Accepts connections from other nodes on a Unix socket or a TCP address, runs the responder side
 * of the {@link HandshakeHandler handshake} on each and hands proven ones to {@code onReady}.
 */
public final class NodeServer implements AutoCloseable {
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private final Channel listener;
  private final ChannelGroup connections;
  private final IoEventLoopGroup group;
  private final boolean ownsGroup;
  private final PeerAddress address;
  private final AtomicBoolean closed;

  private NodeServer(Channel listener, ChannelGroup connections, AtomicBoolean closed, IoEventLoopGroup group,
      boolean ownsGroup, PeerAddress address) {
    this.listener = listener;
    this.closed = closed;
    this.connections = connections;
    this.group = group;
    this.ownsGroup = ownsGroup;
    this.address = address;
  }

  /** Listens on its own event loop group, shut down by {@link #close()}. */
  public static NodeServer start(PeerAddress listen, HandshakeConfig config, ReadyCallback onReady) throws IOException {
    IoEventLoopGroup group = Transports.newGroup(Transports.defaultThreads());
    try {
      return start(listen, config, onReady, group, true);
    } catch (IOException | RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** Listens on a shared NIO event loop group, which {@link #close()} leaves running. */
  public static NodeServer start(PeerAddress listen, HandshakeConfig config, ReadyCallback onReady, IoEventLoopGroup group)
      throws IOException {
    return start(listen, config, onReady, group, false);
  }

  private static NodeServer start(
      PeerAddress listen, HandshakeConfig config, ReadyCallback onReady, IoEventLoopGroup group, boolean ownsGroup)
      throws IOException {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(onReady, "onReady");
    Transports.requireNio(group);
    if (listen instanceof PeerAddress.Unix unix) {
      clearStaleSocket(unix.socket());
    }
    ChannelGroup connections = new DefaultChannelGroup("cluster-peers", GlobalEventExecutor.INSTANCE);
    AtomicBoolean closed = new AtomicBoolean();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(Transports.serverChannelClass(listen))
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel ch) {
            connections.add(ch);
            if (closed.get()) {
              // Accepted while close() ran, possibly after it closed the group.
              ch.close();
              return;
            }
            ch.pipeline().addLast(HandshakeHandler.responder(config, onReady));
          }
        });
    if (listen instanceof PeerAddress.Tcp) {
      bootstrap.childOption(ChannelOption.TCP_NODELAY, true);
    }
    ChannelFuture bound = bootstrap.bind(Transports.socketAddress(listen)).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      Throwable cause = bound.cause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("cannot listen on " + listen, cause);
    }
    Channel listener = bound.channel();
    PeerAddress actual = listen instanceof PeerAddress.Tcp
        ? new PeerAddress.Tcp((InetSocketAddress) listener.localAddress())
        : listen;
    return new NodeServer(listener, connections, closed, group, ownsGroup, actual);
  }

  /**
   * Removes a socket file left by a node that died, but refuses to take over one that still
   * answers or a path that is not a socket. (Two nodes starting on one path at once are kept apart
   * by the registry's lock, not here.)
   */
  private static void clearStaleSocket(Path socket) throws IOException {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    int mode = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    if ((mode & S_IFMT) != S_IFSOCK) {
      throw new IOException("cannot listen on " + socket + ": the path exists and is not a socket");
    }
    boolean live;
    try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      live = true;
    } catch (IOException refused) {
      live = false;
    }
    if (live) {
      throw new BindException("cannot listen on " + socket + ": another process is listening there");
    }
    Files.deleteIfExists(socket);
  }

  /** Where this server listens; for TCP with the port actually bound. */
  public PeerAddress address() {
    return address;
  }

  /** Stops listening (removing the socket file) and closes every accepted connection. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    listener.close().awaitUninterruptibly();
    connections.close().awaitUninterruptibly();
    if (ownsGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
  }
}
