package dev.jworkers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jworkers.runtime.config.ListenAddress;
import dev.jworkers.runtime.outbound.OutboundSettings;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The global fetch() to the network, against a real HTTP origin on loopback. */
class OutboundFetchTest {
  static final String WORKER = """
      const J = (v) => Response.json(v);
      async function attempt(f) {
        try { return 'ok ' + await f(); } catch (e) { return e.constructor.name + ': ' + e.message; }
      }
      export default {
        async fetch(request) {
          const u = new URL(request.url);
          const o = u.searchParams.get('o');
          const to = (code, loc) => o + '/redirect?code=' + code + '&to=' + encodeURIComponent(loc);
          switch (u.pathname) {
            case '/basic': {
              const r = await fetch(o + '/echo?q=1', { method: 'POST', body: 'hello', headers: { 'x-one': '1', host: 'evil.test' } });
              let immutable = 'mutable';
              try { r.headers.set('x-a', '1'); } catch (e) { immutable = e.constructor.name; }
              return J({ status: r.status, statusText: r.statusText, url: r.url, redirected: r.redirected,
                         type: r.headers.get('content-type'), immutable, text: await r.text() });
            }
            case '/request-object': {
              const r = await fetch(new Request(o + '/echo', { method: 'PUT', body: new Uint8Array([104, 105]) }));
              return new Response(await r.text());
            }
            case '/redirects': {
              const out = {};
              let r = await fetch(to(302, '/echo?after=302'), { method: 'POST', body: 'b', headers: { 'x-h': 'v' } });
              out.found = [r.status, r.url, r.redirected, await r.text()];
              r = await fetch(to(307, '/echo?after=307'), { method: 'POST', body: 'kept' });
              out.temporary = [r.status, r.redirected, await r.text()];
              r = await fetch(to(303, '/echo?after=303'), { method: 'PUT', body: 'dropped' });
              out.seeOther = [r.status, await r.text()];
              r = await fetch(to(301, '/echo'), { redirect: 'manual' });
              out.manual = [r.status, r.url, r.redirected, r.headers.get('location')];
              const other = o.replace('127.0.0.1', 'localhost');
              r = await fetch(to(302, other + '/echo?cross=1'), { headers: { authorization: 'secret', 'x-k': 'kept' } });
              out.crossOrigin = await r.text();
              out.loop = await attempt(() => fetch(o + '/loop'));
              return J(out);
            }
            case '/big': {
              const r = await fetch(o + '/big?n=' + u.searchParams.get('n'));
              const reader = r.body.getReader();
              let n = 0, bad = 0;
              for (;;) {
                const { value, done } = await reader.read();
                if (done) break;
                for (let i = 0; i < value.length; i++) if (value[i] !== (n + i) % 251) bad++;
                n += value.length;
              }
              return J({ n, bad });
            }
            case '/unread': {
              await fetch(o + '/big?n=' + u.searchParams.get('n'));
              return new Response('left unread');
            }
            case '/pass-through':
              return fetch(o + '/big?n=' + u.searchParams.get('n'));
            case '/sequential': {
              let s = '';
              for (let i = 0; i < 3; i++) s += (await (await fetch(o + '/echo?i=' + i)).text()).split('\\n')[0] + ';';
              return new Response(s);
            }
            case '/failures':
              return J({
                refused: await attempt(() => fetch('http://127.0.0.1:' + u.searchParams.get('closed') + '/')),
                scheme: await attempt(() => fetch('ftp://example.com/file')),
                invalid: await attempt(() => fetch('not a url')),
                data: await attempt(async () => { const r = await fetch('data:text/plain;base64,aGVsbG8='); return r.headers.get('content-type') + ' ' + await r.text(); }),
                dataPlain: await attempt(async () => { const r = await fetch('data:,a%20b'); return r.headers.get('content-type') + ' ' + await r.text(); }),
                notFound: await attempt(async () => { const r = await fetch(o + '/status?code=404'); return r.status + ' ' + r.ok + ' ' + await r.text(); }),
                odd: await attempt(async () => { const r = await fetch(o + '/status?code=599'); return r.status + ' ' + await r.text(); }),
                gzip: await attempt(async () => (await (await fetch(o + '/gzip')).text()).slice(0, 30)),
                cookies: await attempt(async () => (await fetch(o + '/cookies')).headers.getSetCookie().join('|')),
              });
            case '/abort': {
              const c = new AbortController();
              c.abort();
              const pre = await attempt(() => fetch(o + '/echo', { signal: c.signal }));
              const timeout = await attempt(() => fetch(o + '/slow?ms=2000', { signal: AbortSignal.timeout(100) }));
              const c2 = new AbortController();
              const r = await fetch(o + '/big?n=4000000', { signal: c2.signal });
              const reader = r.body.getReader();
              await reader.read();
              c2.abort(new RangeError('enough'));
              let during = 'not aborted';
              try { for (;;) { const { done } = await reader.read(); if (done) break; } } catch (e) { during = e.constructor.name + ': ' + e.message; }
              const after = await attempt(async () => (await (await fetch(o + '/echo?after')).text()).split('\\n')[0]);
              return J({ pre, timeout, during, after });
            }
            case '/anywhere': {
              const r = await fetch('https://example.com/echo?via=global', { headers: { 'x-q': '1' } });
              return new Response(await r.text());
            }
          }
          return new Response('no test', { status: 404 });
        },
      };
      """;

  static TestOrigin origin;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    origin = TestOrigin.http();
    node = TestNode.withOutbound(WORKER, OutboundSettings.DIRECT);
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
    origin.close();
  }

  static String o() { return "http://127.0.0.1:" + origin.port(); }

  static String call(String path) throws Exception {
    HttpResponse<String> r = node.get(path + (path.contains("?") ? "&" : "?") + "o=" + o());
    assertEquals(200, r.statusCode(), r.body() + "\n" + TestNode.output());
    return r.body();
  }

  @Test
  void sendsMethodHeadersAndBodyAndHostFromTheUrl() throws Exception {
    String host = "127.0.0.1:" + origin.port();
    assertEquals("{\"status\":200,\"statusText\":\"OK\",\"url\":\"" + o() + "/echo?q=1\",\"redirected\":false,"
        + "\"type\":\"text/plain\",\"immutable\":\"TypeError\",\"text\":\"POST /echo?q=1\\nhost: " + host
        + "\\ncontent-length: 5\\nx-one: 1\\nbody: hello\"}", call("/basic"));
    assertEquals("PUT /echo\nhost: " + host + "\ncontent-length: 2\nbody: hi", call("/request-object"));
  }

  @Test
  void followsRedirectsAsTheFetchStandardSays() throws Exception {
    String b = call("/redirects");
    String host = "127.0.0.1:" + origin.port();
    // 302 after POST: GET without a body, headers kept, the final URL and redirected=true.
    assertTrue(b.contains("\"found\":[200,\"" + o() + "/echo?after=302\",true,\"GET /echo?after=302\\nhost: " + host + "\\nx-h: v\\nbody: \"]"), b);
    // 307 keeps the method and the body.
    assertTrue(b.contains("\"temporary\":[200,true,\"POST /echo?after=307\\nhost: " + host + "\\ncontent-length: 4\\nbody: kept\"]"), b);
    // 303 turns anything but GET/HEAD into GET.
    assertTrue(b.contains("\"seeOther\":[200,\"GET /echo?after=303\\nhost: " + host + "\\nbody: \"]"), b);
    assertTrue(b.contains("\"manual\":[301,\"" + o() + "/redirect?code=301&to=%2Fecho\",false,\"/echo\"]"), b);
    // Another origin does not get the Authorization header; other headers go along.
    assertTrue(b.contains("\"crossOrigin\":\"GET /echo?cross=1\\nhost: localhost:" + origin.port() + "\\nx-k: kept\\nbody: \""), b);
    // After 20 redirects: workerd's message, the URLs joined.
    assertTrue(b.contains("\"loop\":\"TypeError: Too many redirects." + o() + "/loop, " + o() + "/loop"), b);
    assertEquals(21, b.split("/loop").length - 1, b);
  }

  @Test
  void streamsLargeBodiesInOrderAndPassesThemThrough() throws Exception {
    int n = 2 * 1024 * 1024 + 7;
    assertEquals("{\"n\":" + n + ",\"bad\":0}", call("/big?n=" + n));
    HttpResponse<byte[]> r = node.client.send(java.net.http.HttpRequest.newBuilder(node.uri("/pass-through?n=" + n + "&o=" + o())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode());
    assertEquals("application/octet-stream", r.headers().firstValue("content-type").orElse(null));
    byte[] body = r.body();
    assertEquals(n, body.length);
    for (int i = 0; i < n; i += 4093) assertEquals((byte) (i % 251), body[i], "byte " + i);
  }

  @Test
  void aBodyLeftUnreadIsCancelledWhenTheRequestEnds() throws Exception {
    int before = origin.bigCutOff.get();
    assertEquals("left unread", call("/unread?n=" + (64 * 1024 * 1024)));
    assertTrue(TestNode.eventually(java.time.Duration.ofSeconds(10), () -> origin.bigCutOff.get() > before),
        "the origin's 64 MiB answer was cut off once the request was over");
  }

  @Test
  void keepsConnectionsAlive() throws Exception {
    origin.clientPorts.clear();
    assertEquals("GET /echo?i=0;GET /echo?i=1;GET /echo?i=2;", call("/sequential"));
    assertEquals(1, origin.clientPorts.size(), "one connection for three requests: " + origin.clientPorts);
  }

  @Test
  void failuresAndOtherSchemesAnswerAsWorkerdDoes() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String b = call("/failures?closed=" + closed);
    assertTrue(b.contains("\"refused\":\"Error: Network connection lost.\""), b);
    assertTrue(b.contains("\"scheme\":\"TypeError: Fetch API cannot load: ftp://example.com/file\""), b);
    assertTrue(b.contains("\"invalid\":\"TypeError: Invalid URL: not a url\""), b);
    assertTrue(b.contains("\"data\":\"ok text/plain hello\""), b);
    assertTrue(b.contains("\"dataPlain\":\"ok text/plain;charset=US-ASCII a b\""), b);
    assertTrue(b.contains("\"notFound\":\"ok 404 false status body\""), b);
    assertTrue(b.contains("\"odd\":\"ok 599 status body\""), b);
    assertTrue(b.contains("\"gzip\":\"ok unzipped text, unzipped text, \""), b);
    assertTrue(b.contains("\"cookies\":\"ok a=1|b=2\""), b);
  }

  @Test
  void abortRejectsWithTheSignalsReasonAndTheNextFetchWorks() throws Exception {
    String b = call("/abort");
    assertTrue(b.contains("\"pre\":\"DOMException: The operation was aborted\""), b);
    assertTrue(b.contains("\"timeout\":\"DOMException: The operation was aborted due to timeout\""), b);
    assertTrue(b.contains("\"during\":\"RangeError: enough\""), b);
    assertTrue(b.contains("\"after\":\"ok GET /echo?after\""), b);
  }

  @Test
  void aGlobalOutboundAddressReceivesEveryRequestWithItsHost() throws Exception {
    try (TestNode viaStub = TestNode.withOutbound(WORKER, new OutboundSettings(new ListenAddress("127.0.0.1", origin.port()), null))) {
      HttpResponse<String> r = viaStub.get("/anywhere");
      assertEquals("GET /echo?via=global\nhost: example.com\nx-q: 1\nbody: ", r.body());
    }
  }
}
