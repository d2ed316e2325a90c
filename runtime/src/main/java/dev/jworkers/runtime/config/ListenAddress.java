package dev.jworkers.runtime.config;

/**
 * Where a listener binds. Written {@code host:port}, {@code [v6]:port}, {@code *:port} (every IPv4
 * interface, as workerd writes it), or {@code :port} / {@code port} alone, which mean loopback
 * (127.0.0.1): a Worker is only exposed beyond this machine when the config says so.
 * Port 0 binds a free port.
 */
public record ListenAddress(String host, int port) {
    public static final String LOOPBACK = "127.0.0.1";

    /** Parses {@code text}; the message of the exception says what is expected. */
    public static ListenAddress parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') throw invalid(text);
            host = text.substring(1, close);
            port = text.substring(close + 2);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                host = "";
                port = text;
            } else {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
                if (host.contains(":")) throw invalid(text); // a bare IPv6 address needs brackets
            }
        }
        if (host.isEmpty()) host = LOOPBACK;
        else if (host.equals("*")) host = "0.0.0.0";
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        if (p < 0 || p > 65535) throw invalid(text);
        return new ListenAddress(host, p);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("expected host:port, [ipv6]:port, *:port or a port alone (loopback), with a port"
                + " from 0 to 65535, got '" + text + "'");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
