// Headers, Request, Response and Body as workerd shows them (each expectation was observed on
// workerd 1.20261117.1), plus the Fetch standard's rules for what workerd does not differ on.
import { test, assert } from './harness.js';

const url = 'https://a.example/p';

test('headers: case-insensitive names, combined values, sorted lower-case iteration', () => {
  const h = new Headers({ b: '2', A: '1', 'Set-Cookie': 'x', 'set-cookie2': 'y' });
  h.append('set-cookie', 'z');
  h.append('a', 'again');
  assert.equal(h.get('A'), '1, again');
  assert.deepEqual([...h], [['a', '1, again'], ['b', '2'], ['set-cookie', 'x'], ['set-cookie', 'z'], ['set-cookie2', 'y']]);
  assert.deepEqual([...h.keys()], ['a', 'b', 'set-cookie', 'set-cookie', 'set-cookie2']);
  assert.deepEqual(h.getSetCookie(), ['x', 'z']);
  assert.deepEqual(h.getAll('Set-Cookie'), ['x', 'z']);
  assert.deepEqual(new Headers().getSetCookie(), []);
  assert.equal(new Headers({ a: '  x \t' }).get('a'), 'x');
});

test('headers: workerd error messages', () => {
  assert.throws(() => new Headers({ 'a b': '1' }), { name: 'TypeError', message: 'Invalid header name.' });
  assert.throws(() => new Headers({ a: 'x\ny' }), { name: 'TypeError', message: 'Invalid header value.' });
  assert.throws(() => new Headers({ a: 'x\0y' }), { message: 'Invalid header value.' });
  assert.throws(() => new Headers({ a: 'x\ry' }), { message: 'Invalid header value.' });
  assert.throws(() => new Headers(null), { message: "Failed to construct 'Headers': constructor parameter 1 is not of type 'Headers or Sequence or object'." });
  assert.throws(() => new Headers([['a']]), { message: 'To initialize a Headers object from a sequence, each inner sequence must have exactly two elements.' });
  assert.throws(() => new Headers({ a: '1' }).getAll('a'), { message: 'getAll() can only be used with the header name "Set-Cookie".' });
  assert.throws(() => new Headers().has('bad name'), { message: 'Invalid header name.' });
  assert.throws(() => new Headers().get('bad name'), { message: 'Invalid header name.' });
});

test('headers: init forms and copies', () => {
  const base = new Headers({ a: '1' });
  const copy = new Headers(base);
  base.set('a', '2');
  assert.equal(copy.get('a'), '1');
  assert.deepEqual([...new Headers([['x', '1'], ['x', '2']])], [['x', '1, 2']]);
  assert.deepEqual([...new Headers(new Map([['m', 'v']]))], [['m', 'v']]);
  let self;
  new Headers({ a: '1' }).forEach(function () { self = this; }, 'T');
  assert.equal(typeof self, 'string');
});

test('headers: iteration sees a snapshot; brand checks; WebIDL shape', () => {
  const h = new Headers({ a: '1', b: '2' });
  const it = h.entries();
  h.delete('b');
  assert.deepEqual([...it], [['a', '1'], ['b', '2']]);
  assert.equal(Object.prototype.toString.call(h), '[object Headers]');
  assert.equal(Object.prototype.toString.call(h.keys()), '[object Headers Iterator]');
  assert.throws(() => Headers.prototype.get.call({}, 'a'), /Illegal invocation/);
  assert.deepEqual(Object.keys(Headers.prototype), ['get', 'getAll', 'getSetCookie', 'has', 'set', 'append', 'delete', 'forEach', 'entries', 'keys', 'values']);
  assert.equal(Headers.length, 0);
  assert.equal(Headers.prototype[Symbol.iterator], Headers.prototype.entries);
  class MyHeaders extends Headers { extra() { return this.get('a'); } }
  assert.equal(new MyHeaders({ a: 'sub' }).extra(), 'sub');
});

test('request: methods are workerd\'s list, case-insensitive', () => {
  for (const m of ['get', 'patch', 'Post', 'propfind', 'purge', 'trace', 'query', 'ban']) {
    assert.equal(new Request(url, { method: m }).method, m.toUpperCase());
  }
  for (const m of ['Custom', 'bad method', 'CONNECT', 'M-SEARCH']) {
    assert.throws(() => new Request(url, { method: m }), { name: 'TypeError', message: `Invalid HTTP method string: ${m}` });
  }
});

test('request: constructor errors', () => {
  assert.throws(() => new Request(), { message: "Failed to construct 'Request': constructor parameter 1 is not of type 'Request or string'." });
  assert.throws(() => new Request(url, 3), { message: "Failed to construct 'Request': constructor parameter 2 is not of type 'RequestInitializerDict or Request'." });
  assert.throws(() => new Request('/relative'), { message: 'Invalid URL: /relative' });
  assert.throws(() => new Request(url, { body: 'x' }), { message: 'Request with a GET or HEAD method cannot have a body.' });
  assert.throws(() => new Request(url, { redirect: 'error' }), /"error" won't be implemented/);
  assert.equal(new Request(url, { redirect: 'manual' }).redirect, 'manual');
  assert.equal(Request.length, 0);
});

test('request: bodies, cloning and reconstruction', async () => {
  const r = new Request(url, { method: 'POST', body: 'abc' });
  assert.equal(r.bodyUsed, false);
  assert.equal(typeof r.body, 'object');
  assert.equal(r.headers.get('content-type'), 'text/plain;charset=UTF-8');
  const c = r.clone();
  assert.equal(await r.text(), 'abc');
  assert.equal(await c.text(), 'abc');
  await assert.rejects(r.text(), { message: 'Body has already been used. It can only be used once. Use tee() first if you need to read it twice.' });
  assert.throws(() => new Request(r), { message: 'Cannot reconstruct a Request with a used body.' });
  const moved = new Request(new Request(url, { method: 'PUT', body: 'm' }));
  assert.equal(moved.method, 'PUT');
  assert.equal(await moved.text(), 'm');
  const src = new Request(url, { method: 'POST', body: 'x' });
  const dst = new Request(src, { headers: { z: '1' } });
  assert.equal(src.bodyUsed, true, 'the body moved');
  assert.equal(dst.headers.get('z'), '1');
  assert.equal(await dst.text(), 'x');
});

test('request: WebIDL shape', () => {
  const r = new Request(url);
  assert.equal(Object.prototype.toString.call(r), '[object Request]');
  assert.deepEqual(Object.keys(Request.prototype), ['clone', 'method', 'url', 'headers', 'redirect', 'fetcher', 'signal', 'cf', 'integrity', 'keepalive', 'cache']);
  assert.equal(Object.getPrototypeOf(Request.prototype), Body.prototype);
  assert.deepEqual(Object.keys(Body.prototype), ['body', 'bodyUsed', 'arrayBuffer', 'bytes', 'text', 'json', 'formData', 'blob']);
  assert.throws(() => new Body(), /Illegal constructor/);
  assert.equal(r.cache, undefined);
  assert.equal(r.integrity, '');
  assert.equal(r.keepalive, false);
  assert.equal(r.cf, undefined);
  assert.deepEqual(new Request(url, { cf: { cacheTtl: 5 } }).cf, { cacheTtl: 5 });
  assert.throws(() => Object.getOwnPropertyDescriptor(Request.prototype, 'url').get.call({}), /Illegal invocation/);
  class MyRequest extends Request { get where() { return this.url; } }
  assert.equal(new MyRequest(url).where, url);
  assert.ok(new MyRequest(url) instanceof Request);
});

test('response: status and statusText validation', () => {
  const range = 'Responses may only be constructed with status codes in the range 200 to 599, inclusive.';
  assert.throws(() => new Response('x', { status: 700 }), { name: 'RangeError', message: range });
  assert.throws(() => new Response('x', { status: NaN }), { name: 'RangeError', message: range });
  assert.throws(() => new Response('x', { status: 199 }), RangeError);
  assert.equal(new Response('x', { status: '201' }).status, 201);
  assert.equal(new Response('x', { status: 200.7 }).status, 200);
  assert.throws(() => new Response('x', { statusText: 'a\nb' }), { name: 'TypeError', message: 'Invalid statusText' });
  assert.throws(() => new Response('x', { status: 204 }), { message: 'Response with null body status (101, 204, 205, or 304) cannot have a body.' });
  assert.equal(new Response(null, { status: 204 }).status, 204);
  assert.equal(new Response('x', { status: 404, statusText: 'Nope' }).statusText, 'Nope');
  assert.equal(new Response('x', { status: 404 }).ok, false);
});

test('response: content types of body sources', async () => {
  assert.equal(new Response('x').headers.get('content-type'), 'text/plain;charset=UTF-8');
  assert.equal(new Response(new Uint8Array(1)).headers.get('content-type'), null);
  assert.equal(new Response('x', { headers: { 'content-type': 'a/b' } }).headers.get('content-type'), 'a/b');
  assert.equal(Response.json({ a: 1 }).headers.get('content-type'), 'application/json');
  assert.equal(await Response.json({ a: [1] }).text(), '{"a":[1]}');
  assert.equal(await Response.json(undefined).text(), 'undefined');
  assert.equal(Response.json({}, { status: 201 }).status, 201);
  const dv = new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2);
  assert.deepEqual(await new Response(dv).bytes(), new Uint8Array([2, 3]));
  assert.equal((await new Response('héllo').arrayBuffer()).byteLength, 6);
  assert.deepEqual(await new Response('{"x":1}').json(), { x: 1 });
  await assert.rejects(new Response('{bad').json(), SyntaxError);
});

test('response: redirect, error and their headers', () => {
  const r = Response.redirect('https://a.example/p?q#h', 301);
  assert.equal(r.status, 301);
  assert.equal(r.headers.get('location'), 'https://a.example/p?q#h');
  assert.throws(() => r.headers.set('x', '1'), { name: 'TypeError', message: "Can't modify immutable headers." });
  assert.equal(Response.redirect('https://a.example/').status, 302);
  assert.throws(() => Response.redirect('https://a.example/', 200), { name: 'RangeError', message: '200 is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308.' });
  assert.throws(() => Response.redirect('/x'), { name: 'TypeError', message: 'Unable to parse URL: /x' });
  assert.equal(Response.redirect('https://A.example/a/../b').headers.get('location'), 'https://a.example/b');
  const e = Response.error();
  assert.equal(e.type, 'error');
  assert.equal(e.status, 0);
  e.headers.set('x', '1');
  assert.equal(e.headers.get('x'), '1', 'Response.error() headers are mutable in workerd');
  assert.equal(new Response('x').type, 'default');
});

test('response: headers given as Headers are copied', () => {
  const h = new Headers({ a: '1' });
  const r = new Response('x', { headers: h });
  h.set('a', '2');
  assert.equal(r.headers.get('a'), '1');
});

test('response: cloning bodies, including streams', async () => {
  const r = new Response(new ReadableStream({
    start(c) { c.enqueue(new TextEncoder().encode('h')); c.enqueue(new TextEncoder().encode('i')); c.close(); },
  }));
  const c = r.clone();
  assert.equal(await r.text(), 'hi');
  assert.equal(await c.text(), 'hi');
  const used = new Response('x');
  await used.text();
  assert.throws(() => used.clone(), TypeError);
  const plain = new Response('same', { status: 201, statusText: 'Made', headers: { k: 'v' } });
  const copy = plain.clone();
  assert.equal(copy.status, 201);
  assert.equal(copy.statusText, 'Made');
  assert.equal(copy.headers.get('k'), 'v');
  assert.equal(await copy.text(), 'same');
  assert.equal(await plain.text(), 'same');
});

test('response: body stream and bodyUsed', async () => {
  assert.equal(new Response(null).body, null);
  const r = new Response('stream me');
  assert.equal(Object.prototype.toString.call(r.body), '[object ReadableStream]');
  const reader = r.body.getReader();
  assert.equal(r.bodyUsed, false);
  const { value } = await reader.read();
  assert.equal(r.bodyUsed, true);
  assert.equal(new TextDecoder().decode(value), 'stream me');
  await assert.rejects(r.text(), TypeError);
});

test('response: WebIDL shape', () => {
  assert.deepEqual(Object.keys(Response.prototype), ['clone', 'status', 'statusText', 'headers', 'ok', 'redirected', 'url', 'webSocket', 'cf', 'type']);
  assert.equal(Object.getPrototypeOf(Response.prototype), Body.prototype);
  assert.equal(Response.length, 0);
  assert.equal(Object.prototype.toString.call(new Response()), '[object Response]');
  assert.throws(() => Response.prototype.clone.call({}), /Illegal invocation/);
  class MyResponse extends Response { get doubled() { return this.status * 2; } }
  const m = new MyResponse('x', { status: 202 });
  assert.equal(m.doubled, 404);
  assert.ok(m instanceof Response);
});

test('incoming request: immutable headers, also on clones; copies are mutable', async () => {
  // Built the way the host builds incoming requests.
  const r = await (async () => {
    const res = await fetchSelfLike();
    return res;
  })();
  assert.throws(() => r.headers.set('x', '1'), { message: "Can't modify immutable headers." });
  assert.throws(() => r.clone().headers.set('x', '1'), { message: "Can't modify immutable headers." });
  const copy = new Request(r);
  copy.headers.set('x', '1');
  assert.equal(copy.headers.get('x'), '1');
  const resp = new Response('x', { headers: r.headers });
  resp.headers.set('y', '2');
  assert.equal(resp.headers.get('y'), '2');
});

// The suite runs inside a fetch handler; the harness keeps the incoming request on globalThis.
async function fetchSelfLike() {
  if (!globalThis.__incomingRequest) throw new Error('the harness did not expose the incoming request');
  return globalThis.__incomingRequest;
}

test('request: signal is an AbortSignal, passed through init and copies', () => {
  const r = new Request(url);
  assert.equal(Object.prototype.toString.call(r.signal), '[object AbortSignal]');
  assert.equal(r.signal.aborted, false);
  assert.equal(r.signal, r.signal, 'the same signal every time');
  const c = new AbortController();
  const withSignal = new Request(url, { signal: c.signal });
  assert.equal(withSignal.signal, c.signal);
  assert.equal(new Request(withSignal).signal, c.signal);
  assert.equal(globalThis.__incomingRequest.signal.aborted, false);
  assert.throws(() => new Request(url, { signal: {} }), TypeError);
  assert.equal(new Request(url, { signal: null }).signal.aborted, false);
});

test('body: Blob, URLSearchParams and FormData sources and readers', async () => {
  const blob = new Response(new Blob(['ab'], { type: 'x/y' }));
  assert.equal(blob.headers.get('content-type'), 'x/y');
  assert.equal(await blob.text(), 'ab');
  assert.equal(new Response(new Blob(['ab'])).headers.get('content-type'), null);
  const usp = new Response(new URLSearchParams('a=1&b=2 3'));
  assert.equal(usp.headers.get('content-type'), 'application/x-www-form-urlencoded;charset=UTF-8');
  assert.equal(await usp.text(), 'a=1&b=2+3');
  const fd = new FormData();
  fd.append('name', 'value');
  fd.append('file', new Blob(['content'], { type: 'text/csv' }), 'data.csv');
  const multipart = new Request(url, { method: 'POST', body: fd });
  assert.ok(multipart.headers.get('content-type').startsWith('multipart/form-data; boundary='));
  const back = await multipart.formData();
  assert.equal(back.get('name'), 'value');
  const file = back.get('file');
  assert.equal(file.name, 'data.csv');
  assert.equal(file.type, 'text/csv');
  assert.equal(await file.text(), 'content');
  const form = await new Response('a=1&a=2&b=%20', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
  assert.deepEqual(form.getAll('a'), ['1', '2']);
  assert.equal(form.get('b'), ' ');
  const asBlob = await new Response('xyz', { headers: { 'content-type': 'text/x-test' } }).blob();
  assert.equal(asBlob.type, 'text/x-test');
  assert.equal(await asBlob.text(), 'xyz');
  await assert.rejects(new Response('not a form', { headers: { 'content-type': 'text/plain' } }).formData(), TypeError);
});

test('url: Request and Response serialize URLs', () => {
  assert.equal(new Request('HTTPS://A.EXAMPLE:443/x/../y?q#f').url, 'https://a.example/y?q#f');
  assert.equal(globalThis.__incomingRequest.url.startsWith('http://127.0.0.1:'), true);
  assert.equal(new URL(globalThis.__incomingRequest.url).pathname, '/');
});

test('url: Request and Response do not use a patched URL', () => {
  const saved = URL.parse;
  URL.parse = () => { throw new Error('patched'); };
  try {
    assert.equal(new Request('https://a.example/x').url, 'https://a.example/x');
    assert.equal(Response.redirect('https://a.example/y').headers.get('location'), 'https://a.example/y');
  } finally {
    URL.parse = saved;
  }
});
