package dev.jworkers.runtime.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.net.ssl.SSLException;

import dev.jworkers.runtime.config.ListenAddress;
import dev.jworkers.runtime.shard.ShardGroup;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;

/**
 * One shard's outbound HTTP/1.1 connections: opened on the shard's own event loop (so every
 * callback already runs on the thread that owns the Worker's Context), kept alive between requests
 * per scheme, host and port, and closed after {@link #IDLE_SECONDS} unused. Host names are resolved
 * off the loop (the JDK resolver blocks).
 */
public final class OutboundClient {
    static final int IDLE_SECONDS = 30;
    private static final int MAX_IDLE_PER_ORIGIN = 1024;
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final ExecutorService RESOLVER = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("outbound-dns-", 0).factory());

    /** Where a connection goes: the origin, or the global outbound address (then plain HTTP). */
    record Origin(boolean https, String host, int port) {}

    private final Outbound shared;
    private final EventLoop loop;
    private final Map<Origin, ArrayDeque<Channel>> idle = new HashMap<>();

    public OutboundClient(Outbound shared, EventLoop loop) {
        this.shared = shared;
        this.loop = loop;
    }

    /** The origin a request to {@code host:port} really connects to. */
    Origin originFor(boolean https, String host, int port) {
        ListenAddress via = shared.settings.globalOutbound();
        return via == null ? new Origin(https, host, port) : new Origin(false, via.host(), via.port());
    }

    /** A kept-alive connection to {@code o}, or null. */
    Channel pooled(Origin o) {
        ArrayDeque<Channel> q = idle.get(o);
        while (q != null && !q.isEmpty()) {
            Channel ch = q.pollLast();
            if (ch.isActive()) {
                ch.pipeline().remove(IdleCloser.class);
                ch.pipeline().remove(IdleStateHandler.class);
                return ch;
            }
        }
        return null;
    }

    /** Keeps {@code ch} for the next request to {@code o} (its response has been read in full). */
    void release(Origin o, Channel ch) {
        if (!ch.isActive()) return;
        ArrayDeque<Channel> q = idle.computeIfAbsent(o, k -> new ArrayDeque<>());
        if (q.size() >= MAX_IDLE_PER_ORIGIN) {
            ch.close();
            return;
        }
        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS), new IdleCloser());
        q.addLast(ch);
    }

    /** Opens a new connection to {@code o}; exactly one of the callbacks runs, on this loop. */
    void connect(Origin o, Consumer<Channel> connected, Consumer<Throwable> failed) {
        if (NetUtil.isValidIpV4Address(o.host()) || NetUtil.isValidIpV6Address(o.host())) {
            connectTo(o, new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(o.host()), o.port()), connected, failed);
            return;
        }
        RESOLVER.execute(() -> {
            try {
                InetAddress a = InetAddress.getByName(o.host());
                loop.execute(() -> connectTo(o, new InetSocketAddress(a, o.port()), connected, failed));
            } catch (UnknownHostException e) {
                loop.execute(() -> failed.accept(e));
            }
        });
    }

    private void connectTo(Origin o, InetSocketAddress address, Consumer<Channel> connected, Consumer<Throwable> failed) {
        Bootstrap b = new Bootstrap().group(loop)
                .channel(ShardGroup.EPOLL ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) throws SSLException {
                        ChannelPipeline p = ch.pipeline();
                        if (o.https()) p.addLast("tls", shared.tls().newHandler(ch.alloc(), o.host(), o.port()));
                        p.addLast("http", new HttpClientCodec(8192, 64 * 1024, 64 * 1024));
                        p.addLast("inflate", new HttpContentDecompressor());
                    }
                });
        ChannelFuture f = b.connect(address);
        f.addListener(done -> {
            if (!done.isSuccess()) {
                failed.accept(done.cause());
                return;
            }
            Channel ch = f.channel();
            // Runs on this loop: a pooled connection the server closes leaves the pool.
            ch.closeFuture().addListener(x -> {
                ArrayDeque<Channel> q = idle.get(o);
                if (q != null) q.remove(ch);
            });
            connected.accept(ch);
        });
    }

    /** Closes a pooled connection nobody used for {@link #IDLE_SECONDS}. */
    private static final class IdleCloser extends ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) ctx.close();
            else super.userEventTriggered(ctx, evt);
        }
    }
}
