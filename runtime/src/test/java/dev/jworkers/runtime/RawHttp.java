package dev.jworkers.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain socket for what an HTTP client library would refuse to send: malformed, huge or stalled requests. */
final class RawHttp implements AutoCloseable {
    final Socket socket;
    final OutputStream out;
    final InputStream in;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    RawHttp send(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Reads until the peer closes (or the timeout); returns what arrived. */
    String readAll() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) b.write(buf, 0, n);
        } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
            // What arrived so far is the answer.
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads whatever is available within {@code millis}, at least one byte. */
    String readSome(int millis) throws IOException {
        socket.setSoTimeout(millis);
        byte[] buf = new byte[65536];
        int n = in.read(buf);
        socket.setSoTimeout(10_000);
        return n < 0 ? "" : new String(buf, 0, n, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
