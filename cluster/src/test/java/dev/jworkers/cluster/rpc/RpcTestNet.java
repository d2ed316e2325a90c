package dev.jworkers.cluster.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Plain RPC over real sockets for tests: a server that makes every accepted channel an RPC
 * connection offering a bootstrap capability, and clients connecting to it (no handshake).
 */
final class RpcTestNet implements AutoCloseable {
  final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  final List<RpcConnection> serverSide = new CopyOnWriteArrayList<>();
  private final List<Channel> channels = new CopyOnWriteArrayList<>();
  private Channel server;
  private boolean unix;

  /** Listens on loopback TCP (path null) or on a Unix socket at {@code path}. */
  SocketAddress listen(Path path, Supplier<Client> bootstrap, ChannelHandler... extra) throws InterruptedException {
    unix = path != null;
    ServerBootstrap b = new ServerBootstrap().group(group)
        .channel(unix ? NioServerDomainSocketChannel.class : NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            channels.add(ch);
            RpcConnection c = RpcHandler.install(ch, bootstrap.get());
            for (ChannelHandler h : extra) {
              ch.pipeline().addBefore("rpc", null, h);
            }
            serverSide.add(c);
          }
        });
    server = b.bind(unix ? UnixDomainSocketAddress.of(path) : new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    return server.localAddress();
  }

  /** A client connection to what {@link #listen} bound, offering {@code bootstrap} (may be null). */
  RpcConnection connect(Client bootstrap) throws InterruptedException {
    return connectTo(server.localAddress(), unix, bootstrap);
  }

  /** A client connection to any address (offering no bootstrap). */
  RpcConnection connectTo(SocketAddress address, boolean unixSocket) throws InterruptedException {
    return connectTo(address, unixSocket, null);
  }

  private RpcConnection connectTo(SocketAddress address, boolean unixSocket, Client bootstrap) throws InterruptedException {
    RpcConnection[] made = new RpcConnection[1];
    Channel ch = new Bootstrap().group(group)
        .channel(unixSocket ? NioDomainSocketChannel.class : NioSocketChannel.class)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            made[0] = RpcHandler.install(ch, bootstrap);
          }
        })
        .connect(address).sync().channel();
    channels.add(ch);
    return made[0];
  }

  @Override
  public void close() {
    for (Channel ch : channels) {
      ch.close().awaitUninterruptibly();
    }
    if (server != null) {
      server.close().awaitUninterruptibly();
    }
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
