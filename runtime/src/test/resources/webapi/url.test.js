// URL and URLSearchParams: the API surface (WebIDL behaviour, setters' edge cases, the live link
// between a URL and its searchParams). Parsing itself is covered by url.wpt.test.js.
import { test, assert } from './harness.js';

const desc = (o, k) => Object.getOwnPropertyDescriptor(o, k);

// ------------------------------------------------------------------------------------------------
// URL: the interface

test('URL: globals are writable, configurable and not enumerable', () => {
  for (const name of ['URL', 'URLSearchParams']) {
    const d = desc(globalThis, name);
    assert.ok(d && d.writable && d.configurable && !d.enumerable, name);
    assert.equal(typeof globalThis[name], 'function');
  }
  assert.ok(!Object.keys(globalThis).includes('URL'));
});

test('URL: constructor length, name, and calling without new', () => {
  assert.equal(URL.length, 1);
  assert.equal(URL.name, 'URL');
  assert.throws(() => URL('https://a/'), TypeError);
});

test('URL: missing argument', () => {
  assert.throws(() => new URL(), { name: 'TypeError', message: "Failed to construct 'URL': 1 argument required, but only 0 present." });
});

test('URL: invalid URLs and bases throw TypeError', () => {
  assert.throws(() => new URL('not a url'), { name: 'TypeError', message: 'Invalid URL string.' });
  assert.throws(() => new URL('/path'), TypeError);
  assert.throws(() => new URL('/path', 'also not a url'), TypeError);
  assert.throws(() => new URL('https://a/', 'bad base'), TypeError, 'an invalid base throws even for an absolute URL');
  assert.throws(() => new URL('http://a:99999/'), TypeError);
  assert.throws(() => new URL('http://[::1/'), TypeError);
});

test('URL: base handling', () => {
  assert.equal(new URL('/b?c#d', 'https://example.com/a/x').href, 'https://example.com/b?c#d');
  assert.equal(new URL('../y', 'https://example.com/a/b/c').href, 'https://example.com/a/y');
  assert.equal(new URL('https://a/', undefined).href, 'https://a/', 'undefined base is no base');
  assert.throws(() => new URL('/x', null), TypeError, 'null base is the string "null"');
  assert.equal(new URL('//other.org/p', 'https://example.com/').href, 'https://other.org/p');
  assert.equal(new URL('?q', 'https://example.com/a?old#frag').href, 'https://example.com/a?q');
  assert.equal(new URL('#h', 'https://example.com/a?q').href, 'https://example.com/a?q#h');
  const base = new URL('https://example.com/dir/');
  assert.equal(new URL('file.txt', base).href, 'https://example.com/dir/file.txt', 'a URL object as base');
});

test('URL: arguments are converted with ToString', () => {
  const u = new URL({ toString() { return 'https://example.com/obj'; } });
  assert.equal(u.href, 'https://example.com/obj');
  assert.throws(() => new URL(Symbol('x')), TypeError);
  assert.equal(new URL('https://a/' + 1).href, 'https://a/1');
});

test('URL: lone surrogates are encoded as U+FFFD', () => {
  const u = new URL('https://a/\uD800?\uDC00#\uD800');
  assert.equal(u.pathname, '/%EF%BF%BD');
  assert.equal(u.search, '?%EF%BF%BD');
  assert.equal(u.hash, '#%EF%BF%BD');
});

test('URL: attributes and operations live on the prototype, enumerable', () => {
  const keys = Object.keys(URL.prototype);
  assert.deepEqual(keys, ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
    'pathname', 'search', 'searchParams', 'hash', 'toJSON', 'toString']);
  for (const k of keys.slice(0, 12)) {
    const d = desc(URL.prototype, k);
    assert.equal(typeof d.get, 'function', k + ' getter');
    assert.ok(d.enumerable && d.configurable, k);
  }
  assert.equal(desc(URL.prototype, 'origin').set, undefined, 'origin is read-only');
  assert.equal(desc(URL.prototype, 'searchParams').set, undefined, 'searchParams is read-only');
  assert.equal(typeof desc(URL.prototype, 'href').set, 'function');
  assert.equal(desc(URL.prototype, 'href').get.name, 'get href');
  assert.deepEqual(Object.keys(URL), ['parse', 'canParse']);
  assert.equal(Object.keys(new URL('https://a/')).length, 0, 'no own properties');
  const seen = [];
  for (const k in new URL('https://a/')) seen.push(k);
  assert.deepEqual(seen, keys);
});

test('URL: toStringTag and Object.prototype.toString', () => {
  const d = desc(URL.prototype, Symbol.toStringTag);
  assert.equal(d.value, 'URL');
  assert.ok(!d.writable && !d.enumerable && d.configurable);
  assert.equal(Object.prototype.toString.call(new URL('https://a/')), '[object URL]');
});

test('URL: brand checks throw Illegal invocation', () => {
  for (const k of ['href', 'origin', 'protocol', 'host', 'pathname', 'search', 'searchParams', 'hash']) {
    assert.throws(() => desc(URL.prototype, k).get.call({}), { name: 'TypeError', message: 'Illegal invocation' }, k);
  }
  assert.throws(() => desc(URL.prototype, 'href').set.call({}, 'https://a/'), TypeError);
  assert.throws(() => URL.prototype.toString.call({}), TypeError);
  assert.throws(() => URL.prototype.toJSON.call(null), TypeError);
  assert.throws(() => URL.prototype.href, TypeError);
  assert.throws(() => desc(URL.prototype, 'hostname').get.call(new URLSearchParams()), TypeError);
});

test('URL: toString, toJSON and string conversion give href', () => {
  const u = new URL('https://EXAMPLE.com/a b');
  assert.equal(u.toString(), 'https://example.com/a%20b');
  assert.equal(String(u), u.href);
  assert.equal(`${u}`, u.href);
  assert.equal(u.toJSON(), u.href);
  assert.equal(JSON.stringify({ u }), '{"u":"https://example.com/a%20b"}');
  assert.equal(URL.prototype.toString.length, 0);
});

test('URL: subclassing', () => {
  class MyURL extends URL {
    get segments() { return this.pathname.split('/').filter(Boolean); }
  }
  const u = new MyURL('https://example.com/a/b');
  assert.ok(u instanceof MyURL && u instanceof URL);
  assert.deepEqual(u.segments, ['a', 'b']);
  u.pathname = '/c';
  assert.equal(u.href, 'https://example.com/c');
  assert.equal(Object.prototype.toString.call(u), '[object URL]');
  assert.equal(MyURL.parse('https://x/').constructor, URL, 'URL.parse makes a URL');
  assert.throws(() => new MyURL('nope'), TypeError);
});

test('URL: canParse and parse', () => {
  assert.equal(URL.canParse.length, 1);
  assert.equal(URL.parse.length, 1);
  assert.equal(URL.canParse('https://a/'), true);
  assert.equal(URL.canParse('/a'), false);
  assert.equal(URL.canParse('/a', 'https://b/'), true);
  assert.equal(URL.canParse('/a', 'bad'), false);
  assert.equal(URL.canParse('https://a/', undefined), true);
  assert.equal(URL.parse('nope'), null);
  assert.equal(URL.parse('/a', 'https://b/c').href, 'https://b/a');
  assert.notEqual(URL.parse('https://a/'), URL.parse('https://a/'));
  assert.throws(() => URL.canParse(), { name: 'TypeError', message: /1 argument required/ });
  assert.throws(() => URL.parse(), TypeError);
});

test('URL: components of a full URL', () => {
  const u = new URL('HTTPS://user:pa%20ss@Example.COM:8443/p/a/t/h?query=1&b#frag');
  assert.equal(u.protocol, 'https:');
  assert.equal(u.username, 'user');
  assert.equal(u.password, 'pa%20ss');
  assert.equal(u.host, 'example.com:8443');
  assert.equal(u.hostname, 'example.com');
  assert.equal(u.port, '8443');
  assert.equal(u.pathname, '/p/a/t/h');
  assert.equal(u.search, '?query=1&b');
  assert.equal(u.hash, '#frag');
  assert.equal(u.origin, 'https://example.com:8443');
  assert.equal(u.href, 'https://user:pa%20ss@example.com:8443/p/a/t/h?query=1&b#frag');
});

test('URL: common request URLs', () => {
  const u = new URL('https://example.com/api/v1/items?id=42&sort=asc');
  assert.equal(u.href, 'https://example.com/api/v1/items?id=42&sort=asc');
  assert.equal(u.pathname, '/api/v1/items');
  assert.equal(u.searchParams.get('id'), '42');
  assert.equal(new URL('http://localhost:8787').href, 'http://localhost:8787/');
  assert.equal(new URL('http://example.com:80/').href, 'http://example.com/');
  assert.equal(new URL('https://example.com:0443/').port, '', 'leading zeros, then the default port');
  assert.equal(new URL('https://Example.com/A/./b/../c').href, 'https://example.com/A/c');
  assert.equal(new URL('https://example.com/%2e/x').pathname, '/x');
  assert.equal(new URL('http://127.0.0.1:8080/x').host, '127.0.0.1:8080');
  assert.equal(new URL('http://0x7f.1/').hostname, '127.0.0.1');
  assert.equal(new URL('http://[::FFFF:127.0.0.1]/').hostname, '[::ffff:7f00:1]');
  assert.equal(new URL('https://münchen.de/').hostname, 'xn--mnchen-3ya.de');
  assert.equal(new URL('https://example.com/?q=a b#x y').href, 'https://example.com/?q=a%20b#x%20y');
});

test('URL: empty search and hash are kept in href, not in the getters', () => {
  const u = new URL('https://a/p?#');
  assert.equal(u.href, 'https://a/p?#');
  assert.equal(u.search, '');
  assert.equal(u.hash, '');
});

test('URL: the fast path for canonical http(s) URLs agrees with the full parser', () => {
  // "HTTP..." never takes the fast path (its scheme needs lowercasing), "http..." may.
  const tails = [
    '://example.com', '://example.com/', '://Example.COM/A', '://a.b.c/d/e?f=g#h', '://example.com:80/',
    '://example.com:443/', '://example.com:8080', '://example.com:/', '://example.com:080/', '://example.com:0/',
    '://example.com:65535/', '://example.com:65536/', '://1.2.3.4/', '://01.2.3.4/', '://1.2.3/', '://256.1.1.1/',
    '://1.2.3.4.5/', '://0x1.2.3.4/', '://1.2.3.04/', '://1.2.3.4./', '://a.1/', '://a.1a/', '://1a.b/', '://a..b/',
    '://a./', '://.a/', '://xn--a.com/', '://XN--MNCHEN-3YA.de/', '://a/./b', '://a/../b', '://a/%2e/b', '://a/.%2E/b',
    '://a/.a/b', '://a/..a/b', '://a/a./b', '://a/%2ex/b', '://a/b/.', '://a/b/..', '://a/b/%2e%2e', '://a//b//',
    '://a/|^`{}', "://a/?'\"`|^", '://a/#`|^#x', '://a/?', '://a/#', '://a/?#', '://a/p%20q?r%20s#t%20u',
    '://a\\b/', '://a/b\\c', '://a/ b', '://a/b c', '://a/\u00e9', '://a/?\u00e9', '://a/#\u00e9', '://u@a/',
    '://a:b@c/', '://[::1]/', '://a/\t', '://a/b?c#d e', '://a/b?c d',
  ];
  for (const scheme of ['http', 'https']) {
    for (const tail of tails) {
      const fast = URL.parse(scheme + tail);
      const slow = URL.parse(scheme.toUpperCase() + tail);
      if (slow === null) { assert.equal(fast, null, scheme + tail); continue; }
      assert.ok(fast !== null, scheme + tail);
      for (const k of ['href', 'origin', 'host', 'hostname', 'port', 'pathname', 'search', 'hash']) {
        assert.equal(fast[k], slow[k], `${k} of ${scheme + tail}`);
      }
    }
  }
});

// ------------------------------------------------------------------------------------------------
// URL: setters

test('URL setters: href re-parses the whole URL, and throws on invalid input', () => {
  const u = new URL('https://a/x?y=1');
  u.href = 'http://B/z';
  assert.equal(u.href, 'http://b/z');
  assert.throws(() => { u.href = 'relative'; }, { name: 'TypeError', message: 'Invalid URL string.' });
  assert.equal(u.href, 'http://b/z', 'unchanged after a failure');
});

test('URL setters: protocol', () => {
  const u = new URL('http://example.com:443/');
  u.protocol = 'https';
  assert.equal(u.href, 'https://example.com/', 'the port becomes the default and is dropped');
  u.protocol = 'foo';
  assert.equal(u.protocol, 'https:', 'special to non-special is refused');
  u.protocol = 'wss:and more';
  assert.equal(u.protocol, 'wss:', 'what follows the colon is ignored');
  u.protocol = '1http';
  assert.equal(u.protocol, 'wss:', 'invalid scheme is ignored');
  const v = new URL('foo://h/');
  v.protocol = 'http';
  assert.equal(v.protocol, 'foo:', 'non-special to special is refused');
  v.protocol = 'BAR';
  assert.equal(v.href, 'bar://h/');
  const f = new URL('https://user@h/');
  f.protocol = 'file';
  assert.equal(f.protocol, 'https:', 'credentials prevent becoming file:');
});

test('URL setters: username and password', () => {
  const u = new URL('https://h/');
  u.username = 'us er@';
  u.password = 'p:w';
  assert.equal(u.href, 'https://us%20er%40:p%3Aw@h/');
  u.username = '';
  assert.equal(u.href, 'https://:p%3Aw@h/');
  u.password = '';
  assert.equal(u.href, 'https://h/');
  const f = new URL('file:///tmp');
  f.username = 'x';
  assert.equal(f.href, 'file:///tmp', 'file: URLs have no credentials');
  const m = new URL('mailto:x@y');
  m.password = 'x';
  assert.equal(m.href, 'mailto:x@y', 'no host, no credentials');
});

test('URL setters: host and hostname', () => {
  const u = new URL('https://a.com:8080/p');
  u.host = 'B.com:9090';
  assert.equal(u.href, 'https://b.com:9090/p');
  u.host = 'c.com';
  assert.equal(u.host, 'c.com:9090', 'no port given keeps the port');
  u.hostname = 'd.com:1';
  assert.equal(u.host, 'c.com:9090', 'hostname with a port is refused');
  u.hostname = 'e.com';
  assert.equal(u.host, 'e.com:9090');
  u.host = '';
  assert.equal(u.host, 'e.com:9090', 'special URLs need a host');
  u.host = 'exa mple.com';
  assert.equal(u.hostname, 'e.com', 'invalid host is ignored');
  u.host = '[::1]:1';
  assert.equal(u.host, '[::1]:1');
  const n = new URL('foo://h/p');
  n.host = '';
  assert.equal(n.href, 'foo:///p', 'non-special URLs may have an empty host');
  const o = new URL('mailto:x');
  o.host = 'h';
  assert.equal(o.href, 'mailto:x', 'opaque paths have no host');
});

test('URL setters: port', () => {
  const u = new URL('https://h/');
  u.port = '8443';
  assert.equal(u.port, '8443');
  u.port = '443';
  assert.equal(u.port, '', 'the default port is dropped');
  u.port = '12abc';
  assert.equal(u.port, '12', 'leading digits are used');
  u.port = 'abc';
  assert.equal(u.port, '12', 'no digits: unchanged');
  u.port = '65536';
  assert.equal(u.port, '12', 'out of range: unchanged');
  u.port = 8080;
  assert.equal(u.port, '8080', 'numbers are converted to strings');
  u.port = '';
  assert.equal(u.port, '', 'empty string removes the port');
  const f = new URL('file:///x');
  f.port = '1';
  assert.equal(f.port, '');
});

test('URL setters: pathname', () => {
  const u = new URL('https://h/a?q#f');
  u.pathname = 'b c/../d?#';
  assert.equal(u.pathname, '/d%3F%23');
  assert.equal(u.href, 'https://h/d%3F%23?q#f');
  u.pathname = '';
  assert.equal(u.pathname, '/');
  const o = new URL('data:text/plain,hi');
  o.pathname = 'x';
  assert.equal(o.pathname, 'text/plain,hi', 'opaque paths cannot be set');
});

test('URL setters: search and hash', () => {
  const u = new URL('https://h/p');
  u.search = 'a=1 2';
  assert.equal(u.search, '?a=1%202');
  u.search = '??x';
  assert.equal(u.search, '??x', 'only one leading ? is removed');
  u.search = '?';
  assert.equal(u.href, 'https://h/p?', 'an empty query remains in href');
  u.search = '';
  assert.equal(u.href, 'https://h/p');
  u.hash = 'top';
  assert.equal(u.hash, '#top');
  u.hash = '#';
  assert.equal(u.href, 'https://h/p#');
  u.hash = '';
  assert.equal(u.href, 'https://h/p');
  u.search = 'x#y';
  assert.equal(u.search, '?x%23y', '# in a query set through the setter is encoded');
});

test('URL setters: a space before ? or # in an opaque path survives', () => {
  const u = new URL('sc:space ?query#frag');
  assert.equal(u.pathname, 'space%20');
  u.search = '';
  u.hash = '';
  assert.equal(u.href, 'sc:space%20');
});

// ------------------------------------------------------------------------------------------------
// URL.searchParams: the live link

test('searchParams: same object every time, reflecting the query', () => {
  const u = new URL('https://h/?a=1&b=2&a=3');
  assert.equal(u.searchParams, u.searchParams);
  assert.ok(u.searchParams instanceof URLSearchParams);
  assert.deepEqual(u.searchParams.getAll('a'), ['1', '3']);
});

test('searchParams: changes update the URL', () => {
  const u = new URL('https://h/p?a=1#f');
  const p = u.searchParams;
  p.append('b', 'x y');
  assert.equal(u.href, 'https://h/p?a=1&b=x+y#f');
  p.set('a', '~');
  assert.equal(u.search, '?a=%7E&b=x+y');
  p.delete('a');
  p.delete('b');
  assert.equal(u.href, 'https://h/p#f', 'an empty list removes the query');
  p.append('z', '');
  p.sort();
  assert.equal(u.search, '?z=');
});

test('searchParams: URL changes update the list', () => {
  const u = new URL('https://h/?a=1');
  const p = u.searchParams;
  u.search = '?b=2&c=3';
  assert.deepEqual([...p], [['b', '2'], ['c', '3']]);
  u.href = 'https://h/?d=4';
  assert.deepEqual([...p], [['d', '4']]);
  u.search = '';
  assert.equal(p.size, 0);
  u.hash = 'x';
  u.pathname = '/q';
  assert.equal(p.size, 0);
  assert.equal(u.searchParams, p);
});

test('searchParams: the serialization may differ from the original query', () => {
  const u = new URL('https://h/?a=b%20c&d=e+f');
  assert.equal(u.search, '?a=b%20c&d=e+f', 'reading does not rewrite');
  u.searchParams.sort();
  assert.equal(u.search, '?a=b+c&d=e+f');
});

test('searchParams: URLs without a query', () => {
  const u = new URL('mailto:someone');
  assert.equal(u.searchParams.size, 0);
  u.searchParams.set('subject', 'hi there');
  assert.equal(u.href, 'mailto:someone?subject=hi+there');
});

// ------------------------------------------------------------------------------------------------
// URLSearchParams

test('URLSearchParams: interface shape', () => {
  assert.equal(URLSearchParams.length, 0);
  assert.throws(() => URLSearchParams(), TypeError);
  assert.deepEqual(Object.keys(URLSearchParams.prototype), ['size', 'append', 'delete', 'get', 'getAll', 'has',
    'set', 'sort', 'forEach', 'entries', 'keys', 'values', 'toString']);
  assert.equal(URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype.entries);
  const it = desc(URLSearchParams.prototype, Symbol.iterator);
  assert.ok(it.writable && it.configurable && !it.enumerable);
  assert.equal(Object.prototype.toString.call(new URLSearchParams()), '[object URLSearchParams]');
  const lengths = { append: 2, delete: 1, get: 1, getAll: 1, has: 1, set: 2, sort: 0, forEach: 1, entries: 0, toString: 0 };
  for (const [k, n] of Object.entries(lengths)) assert.equal(URLSearchParams.prototype[k].length, n, k);
});

test('URLSearchParams: brand checks', () => {
  for (const k of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'forEach', 'entries', 'keys', 'values', 'toString']) {
    assert.throws(() => URLSearchParams.prototype[k].call({}, 'a', 'b'), { name: 'TypeError', message: 'Illegal invocation' }, k);
  }
  assert.throws(() => desc(URLSearchParams.prototype, 'size').get.call({}), TypeError);
});

test('URLSearchParams: argument counts', () => {
  const p = new URLSearchParams();
  assert.throws(() => p.append('a'), { name: 'TypeError', message: "Failed to execute 'append' on 'URLSearchParams': 2 arguments required, but only 1 present." });
  assert.throws(() => p.set('a'), TypeError);
  assert.throws(() => p.get(), TypeError);
  assert.throws(() => p.getAll(), TypeError);
  assert.throws(() => p.has(), TypeError);
  assert.throws(() => p.delete(), TypeError);
  assert.throws(() => p.forEach(), TypeError);
  assert.throws(() => p.forEach(42), TypeError);
});

test('URLSearchParams: constructor from strings', () => {
  assert.equal(new URLSearchParams('?a=1&b=2').toString(), 'a=1&b=2');
  assert.equal(new URLSearchParams('??a=1').toString(), '%3Fa=1', 'only one leading ? is removed');
  assert.equal(new URLSearchParams().toString(), '');
  assert.equal(new URLSearchParams(undefined).size, 0);
  assert.equal(new URLSearchParams(null).toString(), 'null=');
  assert.equal(new URLSearchParams(42).get('42'), '');
  assert.deepEqual([...new URLSearchParams('a=b=c&&=x&y')], [['a', 'b=c'], ['', 'x'], ['y', '']]);
  assert.equal(new URLSearchParams('q=%zz%41+%2B').get('q'), '%zzA +');
  assert.throws(() => new URLSearchParams(Symbol()), TypeError);
});

test('URLSearchParams: percent-decoding', () => {
  assert.equal(new URLSearchParams('a=%41%42c').get('a'), 'ABc');
  assert.equal(new URLSearchParams('a=%41%C3%A9%zz%e2%82').get('a'), 'A\u00e9%zz\uFFFD', 'an incomplete sequence is one U+FFFD');
  assert.equal(new URLSearchParams('a=%FF%FE%41').get('a'), '\uFFFD\uFFFDA');
  assert.equal(new URLSearchParams('a=\uD800%41\u00e9').get('a'), '\uFFFDA\u00e9');
  assert.equal(new URLSearchParams('%EF%BB%BFa=1').get('\uFEFFa'), '1', 'a BOM is kept');
  assert.equal(new URL('http://%41.com/').hostname, 'a.com', 'hosts are percent-decoded');
  assert.equal(new URL('http://%C3%A9.com/').hostname, 'xn--9ca.com');
  assert.throws(() => new URL('http://%FF.com/'), TypeError);
});

test('URLSearchParams: constructor from sequences and records', () => {
  assert.deepEqual([...new URLSearchParams([['a', 1], ['b', 2], ['a', 3]])], [['a', '1'], ['b', '2'], ['a', '3']]);
  assert.deepEqual([...new URLSearchParams(new Map([['x', 'y']]))], [['x', 'y']]);
  assert.deepEqual([...new URLSearchParams([new Set(['k', 'v'])])], [['k', 'v']]);
  assert.throws(() => new URLSearchParams([['a']]), { name: 'TypeError', message: /pair/ });
  assert.throws(() => new URLSearchParams([['a', 'b', 'c']]), TypeError);
  assert.throws(() => new URLSearchParams(['ab']), TypeError, 'inner strings are not sequences');
  assert.throws(() => new URLSearchParams({ [Symbol.iterator]: 5 }), TypeError);
  assert.deepEqual([...new URLSearchParams({ a: 1, b: 'x y' })], [['a', '1'], ['b', 'x y']]);
  const proto = { inherited: 1 };
  const rec = Object.create(proto, { own: { value: 2, enumerable: true }, hidden: { value: 3, enumerable: false } });
  assert.deepEqual([...new URLSearchParams(rec)], [['own', '2']], 'own enumerable properties only');
  assert.deepEqual([...new URLSearchParams({ 'a\uD800': 'x', 'a\uFFFD': 'y' })], [['a\uFFFD', 'y']], 'keys are USVStrings');
  assert.throws(() => new URLSearchParams({ [Symbol('s')]: 1 }), TypeError);
  const fn = Object.assign(() => {}, { f: 'g' });
  assert.equal(new URLSearchParams(fn).toString(), 'f=g', 'functions are records');
});

test('URLSearchParams: copy of another URLSearchParams is independent', () => {
  const a = new URLSearchParams('x=1');
  const b = new URLSearchParams(a);
  b.append('y', '2');
  assert.equal(a.toString(), 'x=1');
  assert.equal(b.toString(), 'x=1&y=2');
});

test('URLSearchParams: get, getAll, has, size', () => {
  const p = new URLSearchParams('a=1&b=2&a=3&c');
  assert.equal(p.get('a'), '1');
  assert.equal(p.get('z'), null);
  assert.equal(p.get('c'), '');
  assert.deepEqual(p.getAll('a'), ['1', '3']);
  assert.deepEqual(p.getAll('z'), []);
  assert.equal(p.has('b'), true);
  assert.equal(p.has('a', '3'), true);
  assert.equal(p.has('a', '2'), false);
  assert.equal(p.has('a', undefined), true, 'undefined value means no value');
  assert.equal(p.size, 4);
});

test('URLSearchParams: delete with and without a value', () => {
  const p = new URLSearchParams('a=1&b=2&a=3&a=1');
  p.delete('a', '1');
  assert.equal(p.toString(), 'b=2&a=3');
  p.delete('a', undefined);
  assert.equal(p.toString(), 'b=2');
  p.delete('missing');
  assert.equal(p.toString(), 'b=2');
});

test('URLSearchParams: set replaces the first and removes the rest', () => {
  const p = new URLSearchParams('a=1&b=2&a=3&c=4&a=5');
  p.set('a', 'x');
  assert.equal(p.toString(), 'a=x&b=2&c=4');
  p.set('d', 'y');
  assert.equal(p.toString(), 'a=x&b=2&c=4&d=y');
});

test('URLSearchParams: sort is stable and by code units', () => {
  const p = new URLSearchParams('z=1&a=2&z=0&\uFFFD=3&\uD83D\uDE00=4&a=1&A=5');
  p.sort();
  assert.deepEqual([...p.keys()], ['A', 'a', 'a', 'z', 'z', '\uD83D\uDE00', '\uFFFD']);
  assert.deepEqual(p.getAll('a'), ['2', '1']);
  assert.deepEqual(p.getAll('z'), ['1', '0']);
});

test('URLSearchParams: serialization', () => {
  const p = new URLSearchParams();
  p.append('a b', 'c+d');
  p.append('*-._', "!'()~");
  p.append('é', '€&=%');
  p.append('\uD800', 'x');
  assert.equal(p.toString(), 'a+b=c%2Bd&*-._=%21%27%28%29%7E&%C3%A9=%E2%82%AC%26%3D%25&%EF%BF%BD=x');
  assert.equal(p.get('\uFFFD'), 'x', 'names are stored as USVStrings');
  assert.equal(String(p), p.toString());
});

test('URLSearchParams: iteration', () => {
  const p = new URLSearchParams('a=1&b=2');
  assert.deepEqual([...p], [['a', '1'], ['b', '2']]);
  assert.deepEqual([...p.entries()], [['a', '1'], ['b', '2']]);
  assert.deepEqual([...p.keys()], ['a', 'b']);
  assert.deepEqual([...p.values()], ['1', '2']);
  const seen = [];
  p.forEach(function (value, key, obj) { seen.push([value, key, obj === p, this]); }, 'ctx');
  assert.deepEqual(seen, [['1', 'a', true, 'ctx'], ['2', 'b', true, 'ctx']]);
  assert.deepEqual(Object.fromEntries(p), { a: '1', b: '2' });
});

test('URLSearchParams: iterators', () => {
  const p = new URLSearchParams('a=1');
  const it = p.entries();
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  const proto = Object.getPrototypeOf(it);
  assert.equal(Object.getPrototypeOf(proto), IteratorPrototype);
  assert.equal(Object.prototype.toString.call(it), '[object URLSearchParams Iterator]');
  assert.equal(proto, Object.getPrototypeOf(p.keys()), 'one prototype for all kinds');
  assert.deepEqual(Object.keys(proto), ['next']);
  assert.equal(it[Symbol.iterator](), it);
  assert.deepEqual(it.next(), { value: ['a', '1'], done: false });
  assert.deepEqual(it.next(), { value: undefined, done: true });
  assert.throws(() => proto.next.call({}), TypeError);
});

test('URLSearchParams: iteration is live', () => {
  const p = new URLSearchParams('a=1&b=2&c=3');
  const keys = [];
  for (const [k] of p) {
    keys.push(k);
    if (k === 'a') p.delete('b');
    if (k === 'c') p.append('d', '4');
  }
  assert.deepEqual(keys, ['a', 'c', 'd']);
  const seen = [];
  const q = new URLSearchParams('x=1&y=2');
  q.forEach((v, k) => { seen.push(k); if (k === 'x') q.delete('x'); });
  assert.deepEqual(seen, ['x'], 'removing the current entry shifts the next into its index');
});

test('URLSearchParams: subclassing', () => {
  class Params extends URLSearchParams {
    getNumber(name) { return Number(this.get(name)); }
  }
  const p = new Params('n=42');
  assert.ok(p instanceof URLSearchParams);
  assert.equal(p.getNumber('n'), 42);
  p.append('m', '1');
  assert.equal(p.toString(), 'n=42&m=1');
  assert.deepEqual([...p.keys()], ['n', 'm']);
});

// ------------------------------------------------------------------------------------------------
// Users of URL

test('Request: url is the serialized URL', () => {
  assert.equal(new Request('https://EXAMPLE.com/a/../b?x y').url, 'https://example.com/b?x%20y');
  assert.equal(new Request('http://example.com').url, 'http://example.com/');
  assert.equal(new Request(new URL('https://h/p')).url, 'https://h/p');
  assert.throws(() => new Request('not a url'), TypeError);
  assert.throws(() => new Request('/relative'), TypeError);
});

test('Response.redirect: the Location is the serialized URL', () => {
  const r = Response.redirect('https://EXAMPLE.com/x/./y', 301);
  assert.equal(r.headers.get('location'), 'https://example.com/x/y');
  assert.throws(() => Response.redirect('nope'), TypeError);
});
