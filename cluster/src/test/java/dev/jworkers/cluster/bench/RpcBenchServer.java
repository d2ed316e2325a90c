package dev.jworkers.cluster.bench;

import dev.jworkers.cluster.api.CallResult;
import dev.jworkers.cluster.api.Services;
import dev.jworkers.cluster.rpc.Client;
import dev.jworkers.cluster.rpc.RpcHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The benchmark's server process: a Node whose actors answer call() with their args, on a Unix
 * socket and on loopback TCP. Prints "listening <tcp port>" and serves until stdin closes.
 */
public final class RpcBenchServer {
  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    Files.deleteIfExists(socket);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    ChannelInitializer<Channel> init = new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        RpcHandler.install(ch, Client.local(new Node()));
      }
    };
    new ServerBootstrap().group(group).channel(NioServerDomainSocketChannel.class).childHandler(init)
        .bind(UnixDomainSocketAddress.of(socket)).sync();
    Channel tcp = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class).childHandler(init)
        .childOption(io.netty.channel.ChannelOption.TCP_NODELAY, true)
        .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    System.out.println("listening " + ((InetSocketAddress) tcp.localAddress()).getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // serve until the parent goes away
    }
    group.shutdownGracefully();
  }

  static final class Node extends Services.NodeService {
    @Override
    protected CompletionStage<Client> getActor(String namespace, String id, String name) {
      return CompletableFuture.completedFuture(Client.local(new Services.ActorService() {
        @Override
        protected CompletionStage<Client> fetch(dev.jworkers.cluster.api.HttpHead.Request request, Client responder) {
          responder.close();
          return CompletableFuture.failedFuture(new UnsupportedOperationException("not in this benchmark"));
        }

        @Override
        protected CompletionStage<CallResult> call(String method, byte[] args) {
          return CompletableFuture.completedFuture(new CallResult(args, false));
        }
      }));
    }
  }
}
