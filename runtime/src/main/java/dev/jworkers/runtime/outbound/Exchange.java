package dev.jworkers.runtime.outbound;

import java.nio.charset.StandardCharsets;

import dev.jworkers.runtime.io.HeaderBlob;
import dev.jworkers.runtime.log.Log;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One outbound request and its response, on the shard's loop. The response head waits until the
 * end of the read that brought it: a response that arrived whole goes to JS in one piece, a longer
 * one becomes a stream whose chunks JS acknowledges as it consumes them (reading pauses while more
 * than {@link #WINDOW} bytes are unconsumed). A kept-alive connection goes back to the pool after
 * its response; a request that fails on a reused connection before any response byte is sent once
 * more on a new one (the server may have closed it while it sat idle).
 */
final class Exchange {
    private static final Log LOG = Log.get("fetch");
    static final int WINDOW = 64 * 1024;
    static final String LOST = "Network connection lost.";

    private enum State { CONNECTING, WAITING, HEAD, STREAMING, DONE }

    final int callId;
    /** The incoming request whose JS sent this (0: none); its callbacks run for it. */
    int requestId;
    private final OutboundOps ops;
    private final OutboundClient client;
    private final OutboundClient.Origin origin;
    private final FullHttpRequest request;
    private final String label;
    private State state = State.CONNECTING;
    private Channel channel;
    private boolean reused;
    private boolean anyResponseByte;
    private boolean interim;
    private HttpResponse head;
    private CompositeByteBuf buffered;
    private boolean keepAlive;
    private long unacked;

    Exchange(int callId, OutboundOps ops, OutboundClient client, OutboundClient.Origin origin, FullHttpRequest request, String label) {
        this.callId = callId;
        this.ops = ops;
        this.client = client;
        this.origin = origin;
        this.request = request;
        this.label = label;
    }

    void start() {
        Channel ch = client.pooled(origin);
        if (ch != null) {
            reused = true;
            attach(ch);
        } else {
            connectNew();
        }
    }

    private void connectNew() {
        reused = false;
        client.connect(origin, this::attach, this::connectFailed);
    }

    private void attach(Channel ch) {
        if (state == State.DONE) {
            client.release(origin, ch);
            return;
        }
        channel = ch;
        state = State.WAITING;
        ch.pipeline().addLast("exchange", new Handler(ch));
        ch.writeAndFlush(request.retainedDuplicate()).addListener(f -> {
            if (!f.isSuccess()) lost(ch, f.cause());
        });
    }

    private void connectFailed(Throwable cause) {
        if (state == State.DONE) return;
        LOG.warn("fetch " + label + ": cannot connect to " + origin.host() + ":" + origin.port() + ": " + describe(cause));
        fail(LOST);
    }

    /** The connection failed or closed before the response was complete. */
    private void lost(Channel ch, Throwable cause) {
        if (ch != channel || state == State.DONE) return;
        if (reused && !anyResponseByte && state == State.WAITING) {
            channel = null;
            ch.close();
            connectNew();
            return;
        }
        if (cause != null) LOG.warn("fetch " + label + ": " + describe(cause));
        fail(LOST);
    }

    private void fail(String message) {
        State was = state;
        finish(false);
        if (was == State.STREAMING) ops.streamEvent(this, 2, message);
        else ops.done(this, 2, 0, null, null, message);
    }

    private void onHead(HttpResponse r) {
        int code = r.status().code();
        if (code >= 100 && code < 200 && code != 101) {
            interim = true; // 100 Continue, 103 Early Hints: the real response follows
            return;
        }
        if (code == 101) {
            LOG.warn("fetch " + label + ": the server switched protocols; upgrades are not supported by fetch()");
            fail(LOST);
            return;
        }
        head = r;
        keepAlive = HttpUtil.isKeepAlive(r) && HttpUtil.isKeepAlive(request);
        state = State.HEAD;
    }

    private void onContent(HttpContent c) {
        if (interim) {
            if (c instanceof LastHttpContent) interim = false;
            return;
        }
        ByteBuf data = c.content();
        boolean last = c instanceof LastHttpContent;
        if (state == State.HEAD) {
            if (data.isReadable()) {
                if (buffered == null) buffered = channel.alloc().compositeBuffer(64);
                buffered.addComponent(true, data.retain());
            }
            if (last) {
                String body = buffered == null ? null : buffered.toString(StandardCharsets.ISO_8859_1);
                HttpResponse h = head;
                finish(keepAlive);
                ops.done(this, 0, h.status().code(), h.status().reasonPhrase(), HeaderBlob.of(h.headers()), body);
            } else if (buffered != null && buffered.readableBytes() > WINDOW) {
                startStreaming();
            }
        } else if (state == State.STREAMING) {
            if (data.isReadable()) send(data.toString(StandardCharsets.ISO_8859_1), data.readableBytes());
            if (last && state == State.STREAMING) {
                finish(keepAlive);
                ops.streamEvent(this, 1, null);
            }
        }
    }

    /** The head goes to JS now, with what has been read so far as the stream's first chunk. */
    private void startStreaming() {
        HttpResponse h = head;
        state = State.STREAMING;
        String first = null;
        int n = 0;
        if (buffered != null) {
            n = buffered.readableBytes();
            first = buffered.toString(StandardCharsets.ISO_8859_1);
            buffered.release();
            buffered = null;
        }
        ops.done(this, 1, h.status().code(), h.status().reasonPhrase(), HeaderBlob.of(h.headers()), null);
        if (first != null && state == State.STREAMING) send(first, n);
    }

    private void send(String latin1, int n) {
        unacked += n;
        if (unacked > WINDOW && channel != null) channel.config().setAutoRead(false);
        ops.streamEvent(this, 0, latin1);
    }

    /** JS consumed {@code n} bytes of the body. */
    void ack(int n) {
        unacked -= n;
        if (unacked <= WINDOW && state == State.STREAMING && channel != null && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    /** JS does not want the response (aborted, or the body was cancelled): the connection is closed. */
    void cancel() {
        if (state == State.DONE) return;
        finish(false);
    }

    private void finish(boolean reuse) {
        state = State.DONE;
        if (buffered != null) {
            buffered.release();
            buffered = null;
        }
        if (request.refCnt() > 0) request.release();
        Channel ch = channel;
        channel = null;
        if (ch == null) return;
        ch.pipeline().remove("exchange");
        if (!ch.config().isAutoRead()) ch.config().setAutoRead(true);
        if (reuse) client.release(origin, ch);
        else ch.close();
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Attached to one connection for this exchange; events from a connection it left are ignored. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private final Channel ch;

        Handler(Channel ch) { this.ch = ch; }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (ch != channel || state == State.DONE) return;
                anyResponseByte = true;
                if (msg instanceof HttpResponse r) {
                    if (r.decoderResult().isFailure()) {
                        LOG.warn("fetch " + label + ": malformed response: " + describe(r.decoderResult().cause()));
                        fail(LOST);
                        return;
                    }
                    onHead(r);
                }
                if (msg instanceof HttpContent c && ch == channel && (state == State.HEAD || state == State.STREAMING || interim)) {
                    if (c.decoderResult().isFailure()) {
                        LOG.warn("fetch " + label + ": malformed response body: " + describe(c.decoderResult().cause()));
                        fail(LOST);
                        return;
                    }
                    onContent(c);
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (ch == channel && state == State.HEAD) startStreaming();
            ctx.fireChannelReadComplete();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost(ch, null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lost(ch, cause);
            ctx.close();
        }
    }
}
