package dev.jworkers.runtime.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.jworkers.runtime.config.Listener;
import dev.jworkers.runtime.shard.ShardGroup;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The HTTP/1.1 listeners. One acceptor thread, shared by every listener, hands each new connection
 * to the next shard; the connection, and every request on it, then lives on that shard's event
 * loop. Each listener routes its requests to Workers by its own {@link HostRoutes}.
 */
public final class HttpServer implements AutoCloseable {
    final ServerLimits limits;
    final ServerStats stats = new ServerStats();
    /** wrangler's --test-scheduled: /__scheduled?cron=... runs the scheduled handler (see ScheduledTrigger). */
    volatile boolean testScheduled;
    private final ShardGroup shards;
    private final EventLoopGroup acceptor;
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();

    /** Lets requests to /__scheduled (and /cdn-cgi/handler/scheduled) fire the scheduled handler. */
    public void enableTestScheduled() {
        testScheduled = true;
    }

    public HttpServer(ShardGroup shards, ServerLimits limits) {
        this.shards = shards;
        this.limits = limits;
        this.acceptor = new MultiThreadIoEventLoopGroup(1, ShardGroup.threads("acceptor"), ShardGroup.ioHandler());
    }

    /** Binds {@code l} and returns the address actually bound (port 0 picks a free port). */
    public InetSocketAddress bind(Listener l) throws InterruptedException {
        Endpoint endpoint = new Endpoint(new HostRoutes(l));
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxLineBytes())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setMaxChunkSize(64 * 1024);
        ServerBootstrap b = new ServerBootstrap()
                .group(acceptor, shards.eventLoops())
                .channel(ShardGroup.EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 128 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(
                                new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new HttpServerCodec(decoder),
                                new HttpConnectionHandler(HttpServer.this, endpoint));
                    }
                });
        Channel ch = b.bind(l.address().host(), l.address().port()).sync().channel();
        listeners.add(ch);
        return (InetSocketAddress) ch.localAddress();
    }

    public ServerStats stats() { return stats; }

    /** Stops accepting, lets in-flight requests (and their waitUntil work) finish within {@code grace}, then closes. */
    public boolean shutdown(Duration grace) throws InterruptedException {
        for (Channel ch : listeners) ch.close().sync();
        boolean drained = shards.awaitIdle(grace);
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        return drained;
    }

    @Override
    public void close() throws InterruptedException {
        shutdown(Duration.ZERO);
    }
}
