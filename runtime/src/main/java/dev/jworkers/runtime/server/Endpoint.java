package dev.jworkers.runtime.server;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/** One listener as its connections see it: where a request goes, and what its URL is. */
final class Endpoint {
    final HostRoutes routes;

    Endpoint(HostRoutes routes) {
        this.routes = routes;
    }

    /** The request's absolute URL: origin-form targets get the Host header (or the address the client connected to). */
    static String urlOf(HttpRequest req, Channel ch) {
        String uri = req.uri();
        if (isAbsolute(uri)) return uri;
        String host = req.headers().get(HttpHeaderNames.HOST);
        if (host == null || host.isEmpty()) {
            InetSocketAddress local = (InetSocketAddress) ch.localAddress();
            String h = local.getAddress().getHostAddress();
            host = (h.contains(":") ? "[" + h + "]" : h) + ":" + local.getPort();
        }
        return "http://" + host + (uri.startsWith("/") ? uri : "/" + uri);
    }

    /** The Worker name for {@code req}, or null when no route matches. An absolute-form target's authority wins over Host (RFC 9112). */
    String workerFor(HttpRequest req) {
        if (routes.fixed()) return routes.route(null);
        String uri = req.uri();
        if (isAbsolute(uri)) {
            int start = uri.indexOf("//") + 2;
            int end = start;
            while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) end++;
            int at = uri.lastIndexOf('@', end - 1);
            return routes.route(uri.substring(Math.max(start, at + 1), end));
        }
        return routes.route(req.headers().get(HttpHeaderNames.HOST));
    }

    private static boolean isAbsolute(String uri) {
        return uri.startsWith("http://") || uri.startsWith("https://");
    }
}
