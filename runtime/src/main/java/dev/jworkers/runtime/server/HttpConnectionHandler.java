package dev.jworkers.runtime.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import dev.jworkers.runtime.assets.AssetRequest;
import dev.jworkers.runtime.assets.AssetResponse;
import dev.jworkers.runtime.assets.AssetServer;
import dev.jworkers.runtime.assets.AssetWriter;
import dev.jworkers.runtime.io.HeaderBlob;
import dev.jworkers.runtime.io.RequestContext;
import dev.jworkers.runtime.io.ResponseSink;
import dev.jworkers.runtime.log.Log;
import dev.jworkers.runtime.shard.Shard;
import dev.jworkers.runtime.worker.WorkerInstance;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One HTTP/1.1 connection on its shard: assembles requests (enforcing the size limits), hands them
 * one at a time to the Worker its listener routes them to (pipelined requests wait their turn), and
 * writes the responses, whole or streamed. Everything runs on the shard's event loop.
 */
final class HttpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Log LOG = Log.get("http");
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final int MAX_QUEUED = 16;
    static final String NO_ROUTE = "No Worker is configured for this host.\n";

    private final HttpServer server;
    private final Endpoint endpoint;
    private ChannelHandlerContext ctx;
    private Shard shard;

    // The request being received.
    private HttpRequest head;
    private CompositeByteBuf body;
    private long bodySize;
    private boolean closing;

    // Complete requests waiting for the one in progress (HTTP pipelining).
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private Exchange active;

    private record Pending(HttpRequest head, byte[] body) {}

    HttpConnectionHandler(HttpServer server, Endpoint endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        this.shard = Shard.current();
        server.stats.openConnections.incrementAndGet();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        server.stats.openConnections.decrementAndGet();
        dropPartial();
        queue.clear();
        if (active != null) active.clientGone();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closing) return;
            if (msg instanceof HttpRequest req) {
                if (req.decoderResult().isFailure()) {
                    reject(req.decoderResult().cause());
                    return;
                }
                if (!startRequest(req)) return;
            }
            if (msg instanceof HttpContent c) {
                if (c.decoderResult().isFailure()) {
                    reject(c.decoderResult().cause());
                    return;
                }
                if (head == null) return;
                addBody(c.content());
                if (closing) return;
                if (c instanceof LastHttpContent) finishRequest();
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private boolean startRequest(HttpRequest req) {
        long declared = HttpUtil.getContentLength(req, -1L);
        if (declared > server.limits.maxBodyBytes()) {
            tooLarge();
            return false;
        }
        if (HttpUtil.is100ContinueExpected(req)) {
            req.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        head = req;
        bodySize = 0;
        return true;
    }

    private void addBody(ByteBuf content) {
        int n = content.readableBytes();
        if (n == 0) return;
        bodySize += n;
        if (bodySize > server.limits.maxBodyBytes()) {
            tooLarge();
            return;
        }
        if (body == null) {
            body = ctx.alloc().compositeBuffer(1024);
            server.stats.bufferedBodies.incrementAndGet();
        }
        body.addComponent(true, content.retain());
    }

    private void finishRequest() {
        byte[] bytes = null;
        if (body != null) {
            bytes = ByteBufUtil.getBytes(body);
            releaseBody();
        }
        queue.add(new Pending(head, bytes));
        head = null;
        if (queue.size() >= MAX_QUEUED) ctx.channel().config().setAutoRead(false);
        if (active == null) next();
    }

    private void next() {
        Pending p = queue.poll();
        if (p == null) return;
        if (!ctx.channel().config().isAutoRead() && queue.size() < MAX_QUEUED / 2) ctx.channel().config().setAutoRead(true);
        HttpRequest req = p.head;
        Exchange ex = new Exchange(req);
        active = ex;
        String name = endpoint.workerFor(req);
        WorkerInstance worker = name == null ? null : shard.worker(name);
        if (worker == null) {
            AssetServer assetsOnly = name == null ? null : shard.assets(name);
            if (assetsOnly != null && !assetsOnly.hasScript()) {
                // An assets-only Worker: no script, every request is answered from its files.
                String url = Endpoint.urlOf(req, ctx.channel());
                fromAssets(assetsOnly, req, url, ex);
                return;
            }
            // No route: a listener without a fallback Worker. A routed name is always a loaded Worker,
            // except on a shard still loading while the listener already accepts.
            if (name == null) ex.error(404, NO_ROUTE);
            else ex.error(503, "Worker '" + name + "' is still loading.\n");
            return;
        }
        String url = Endpoint.urlOf(req, ctx.channel());
        ScheduledTrigger trigger = server.testScheduled ? ScheduledTrigger.of(req.uri()) : null;
        // Static assets come first unless the Worker is to run first (AssetServer.route decides).
        if (trigger == null && worker.assets() != null && fromAssets(worker.assets(), req, url, ex)) return;
        RequestContext rc = shard.newRequest(req.method().name(), url, HeaderBlob.of(req.headers()), p.body, ex);
        ex.rc = rc;
        if (trigger != null) worker.dispatchScheduled(rc, trigger.time(), trigger.cron());
        else worker.dispatch(rc);
    }

    /** Answers {@code req} from {@code assets} when they take it; false when it goes to the Worker. */
    private boolean fromAssets(AssetServer assets, HttpRequest req, String url, Exchange ex) {
        AssetRequest ar = AssetRequest.of(req.method().name(), url, name -> req.headers().get(name));
        AssetResponse answer = assets.route(ar);
        if (answer == null) return false;
        RequestContext rc = shard.newRequest(req.method().name(), url, "", null, ex);
        ex.rc = rc;
        AssetWriter.write(answer, ar, ex, true, shard.loop, rc::responseDone);
        return true;
    }

    /** A malformed request: 400, or 431/414 when a header or the request line is too long. */
    private void reject(Throwable cause) {
        HttpResponseStatus status = HttpResponseStatus.BAD_REQUEST;
        if (cause instanceof TooLongHttpHeaderException) status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        else if (cause instanceof TooLongHttpLineException) status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
        else if (cause instanceof TooLongFrameException) status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        LOG.debug("rejecting request from " + ctx.channel().remoteAddress() + ": " + status + ": " + cause);
        rejectWith(status);
    }

    private void tooLarge() {
        rejectWith(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Answers with an error and closes; a response already in progress is allowed to finish first. */
    private void rejectWith(HttpResponseStatus status) {
        closing = true;
        dropPartial();
        ctx.channel().config().setAutoRead(false);
        if (active == null && queue.isEmpty()) {
            ctx.writeAndFlush(errorResponse(status, status.reasonPhrase() + "\n", false))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            pendingReject = status;
        }
    }

    private HttpResponseStatus pendingReject;

    private void dropPartial() {
        head = null;
        releaseBody();
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
            server.stats.bufferedBodies.decrementAndGet();
        }
    }

    static FullHttpResponse errorResponse(HttpResponseStatus status, String text, boolean keepAlive) {
        ByteBuf b = Unpooled.copiedBuffer(text, java.nio.charset.StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, b, HEADERS, HEADERS);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
        r.headers().set(HttpHeaderNames.CONTENT_LENGTH, b.readableBytes());
        if (!keepAlive) r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return r;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (active == null && queue.isEmpty()) {
                LOG.debug("closing idle connection " + ctx.channel().remoteAddress());
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (active != null && ctx.channel().isWritable()) active.runWritableTasks();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("connection " + ctx.channel().remoteAddress() + ": " + cause);
        ctx.close();
    }

    /** Called when an exchange has written its whole response. */
    private void exchangeDone(Exchange ex, boolean keepAlive) {
        if (active != ex) return;
        active = null;
        if (!keepAlive || (closing && pendingReject == null)) {
            ctx.close();
            return;
        }
        if (!queue.isEmpty()) {
            next();
        } else if (pendingReject != null) {
            HttpResponseStatus s = pendingReject;
            pendingReject = null;
            ctx.writeAndFlush(errorResponse(s, s.reasonPhrase() + "\n", false)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The response side of one request: what the Worker's Response is written through. */
    private final class Exchange implements ResponseSink {
        private final HttpRequest req;
        private final boolean head;
        private final boolean keepAlive;
        private boolean started;
        private boolean done;
        private boolean gone;
        private List<Runnable> writableTasks;
        RequestContext rc;

        Exchange(HttpRequest req) {
            this.req = req;
            this.head = req.method().equals(HttpMethod.HEAD);
            this.keepAlive = HttpUtil.isKeepAlive(req);
        }

        private HttpHeaders headers(String blob) {
            HttpHeaders h = HEADERS.newHeaders();
            HeaderBlob.forEach(blob, (name, value) -> {
                // The server owns framing and connection management.
                if (!name.equals("content-length") && !name.equals("transfer-encoding") && !name.equals("connection")
                        && !name.equals("keep-alive")) {
                    h.add(name, value);
                }
            });
            if (!keepAlive) h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            else if (req.protocolVersion().equals(HttpVersion.HTTP_1_0)) h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            return h;
        }

        private HttpResponseStatus status(int code, String reason) {
            return reason == null || reason.isEmpty() ? HttpResponseStatus.valueOf(code) : new HttpResponseStatus(code, reason);
        }

        @Override
        public void full(int status, String reason, String headersBlob, ByteBuf content) {
            if (started || gone) {
                if (content != null) content.release();
                return;
            }
            started = true;
            done = true;
            ByteBuf b = content == null ? Unpooled.EMPTY_BUFFER : content;
            HttpHeaders h = headers(headersBlob);
            if (content != null || (status != 204 && status != 304)) h.set(HttpHeaderNames.CONTENT_LENGTH, b.readableBytes());
            if (head) {
                b.release();
                b = Unpooled.EMPTY_BUFFER;
            }
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status(status, reason), b, h, HEADERS.newEmptyHeaders());
            boolean ka = keepAlive;
            ctx.writeAndFlush(r).addListener(f -> exchangeDone(this, ka && f.isSuccess()));
        }

        @Override
        public void start(int status, String reason, String headersBlob) {
            if (started || gone) return;
            started = true;
            HttpHeaders h = headers(headersBlob);
            if (!head) h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status(status, reason), h);
            ctx.writeAndFlush(r);
        }

        @Override
        public void startSized(int status, String reason, String headersBlob, long length) {
            if (started || gone) return;
            started = true;
            HttpHeaders h = headers(headersBlob);
            h.set(HttpHeaderNames.CONTENT_LENGTH, length);
            ctx.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, status(status, reason), h));
        }

        @Override
        public int write(ByteBuf chunk) {
            if (gone || done || !started || !ctx.channel().isActive()) {
                chunk.release();
                return GONE;
            }
            if (head) {
                chunk.release();
                return WRITABLE;
            }
            ctx.writeAndFlush(new DefaultHttpContent(chunk));
            return ctx.channel().isWritable() ? WRITABLE : FULL;
        }

        @Override
        public void whenWritable(Runnable task) {
            if (gone || ctx.channel().isWritable()) {
                shard.loop.execute(task);
                return;
            }
            if (writableTasks == null) writableTasks = new ArrayList<>();
            writableTasks.add(task);
        }

        void runWritableTasks() {
            if (writableTasks == null) return;
            List<Runnable> tasks = writableTasks;
            writableTasks = null;
            for (Runnable t : tasks) shard.loop.execute(t);
        }

        @Override
        public void end() {
            if (!started || done || gone) return;
            done = true;
            boolean ka = keepAlive;
            ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> exchangeDone(this, ka && f.isSuccess()));
        }

        @Override
        public void error(int status, String text) {
            if (gone || done) return;
            if (!started) {
                started = true;
                done = true;
                FullHttpResponse r = errorResponse(HttpResponseStatus.valueOf(status), text, keepAlive);
                if (head) r = r.replace(Unpooled.EMPTY_BUFFER);
                boolean ka = keepAlive;
                ctx.writeAndFlush(r).addListener(f -> exchangeDone(this, ka && f.isSuccess()));
            } else {
                // Mid-stream: the client must see a truncated response, not a complete one.
                done = true;
                ctx.close();
            }
        }

        /** The connection closed before the response was complete. */
        void clientGone() {
            gone = true;
            runWritableTasks();
            if (rc != null && !rc.responded()) rc.responseDone();
        }
    }
}
