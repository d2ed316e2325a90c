package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A body produced in chunks is sent in chunks, with backpressure, and stops when the client leaves. */
class StreamingTest {
    @Test
    void chunksArriveAsTheyAreProduced() throws Exception {
        try (TestNode n = TestNode.module("""
                export default { fetch() {
                  const enc = new TextEncoder();
                  let i = 0;
                  return new Response(new ReadableStream({
                    async pull(c) {
                      if (i > 0) await new Promise(r => setTimeout(r, 700));
                      if (i === 3) { c.close(); return; }
                      c.enqueue(enc.encode('chunk' + i++ + ';'));
                    }
                  }), { headers: { 'content-type': 'text/plain' } });
                } };
                """); RawHttp c = new RawHttp(n.node.port())) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            StringBuilder got = new StringBuilder();
            while (!got.toString().contains("chunk0;")) got.append(c.readSome(10_000));
            long first = System.nanoTime();
            assertTrue(got.toString().contains("transfer-encoding: chunked"), got.toString());
            assertFalse(got.toString().contains("chunk1;"), "the second chunk is only produced 700 ms later");
            String rest = c.readAll();
            long restMs = (System.nanoTime() - first) / 1_000_000;
            assertTrue(restMs >= 1000, "the first chunk came " + restMs + " ms before the end, not with it");
            assertTrue(rest.contains("chunk1;") && rest.contains("chunk2;") && rest.endsWith("0\r\n\r\n"), rest);
        }
    }

    @Test
    void largeStreamIsDeliveredIntactUnderBackpressure() throws Exception {
        try (TestNode n = TestNode.module("""
                export default { fetch() {
                  let sent = 0;
                  const total = 8 * 1024 * 1024;
                  return new Response(new ReadableStream({
                    pull(c) {
                      if (sent >= total) { c.close(); return; }
                      const chunk = new Uint8Array(64 * 1024);
                      for (let i = 0; i < chunk.length; i += 4096) chunk[i] = (sent / 65536) & 255;
                      sent += chunk.length;
                      c.enqueue(chunk);
                    }
                  }));
                } };
                """)) {
            HttpResponse<InputStream> r = n.client.send(HttpRequest.newBuilder(n.uri("/")).build(), HttpResponse.BodyHandlers.ofInputStream());
            long total = 0;
            int mismatches = 0;
            byte[] buf = new byte[65536];
            try (InputStream in = r.body()) {
                int k;
                while ((k = in.read(buf)) >= 0) {
                    for (int i = 0; i < k; i++) {
                        long pos = total + i;
                        if (pos % 4096 == 0 && buf[i] != (byte) (pos / 65536)) mismatches++;
                    }
                    total += k;
                    if (total < 2 * 1024 * 1024) Thread.sleep(1); // a slow reader at first: the server must wait
                }
            }
            assertEquals(8L * 1024 * 1024, total);
            assertEquals(0, mismatches);
        }
    }

    @Test
    void clientLeavingMidStreamCancelsTheStream() throws Exception {
        try (TestNode n = TestNode.module("""
                let cancelled = 'no';
                export default { fetch(r) {
                  if (r.url.endsWith('/status')) return new Response(cancelled);
                  return new Response(new ReadableStream({
                    async pull(c) { await new Promise(res => setTimeout(res, 20)); c.enqueue(new Uint8Array(1024)); },
                    cancel(reason) { cancelled = 'yes: ' + reason.message; }
                  }));
                } };
                """, 1)) {
            try (RawHttp c = new RawHttp(n.node.port())) {
                c.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
                c.readSome(5000);
            }
            assertTrue(TestNode.eventually(Duration.ofSeconds(5), () -> {
                try {
                    return n.get("/status").body().startsWith("yes");
                } catch (Exception e) {
                    return false;
                }
            }));
            assertEquals("yes: The client disconnected.", n.get("/status").body());
        }
    }
}
