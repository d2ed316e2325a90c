// URLPattern's API surface: Web IDL shape, argument conversion and errors, result objects,
// subclassing. Matching itself is covered by urlpattern.wpt.test.js.
import { test, assert } from './harness.js';

const COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

test('urlpattern idl: global, constructor name and length', () => {
  const d = Object.getOwnPropertyDescriptor(globalThis, 'URLPattern');
  assert.ok(d && d.writable && d.configurable && !d.enumerable, 'global property attributes');
  assert.equal(typeof URLPattern, 'function');
  assert.equal(URLPattern.name, 'URLPattern');
  assert.equal(URLPattern.length, 0);
  assert.equal(URLPattern.prototype.test.length, 0);
  assert.equal(URLPattern.prototype.exec.length, 0);
});

test('urlpattern idl: prototype members are enumerable getters and methods', () => {
  const keys = Object.keys(URLPattern.prototype);
  for (const k of [...COMPONENTS, 'hasRegExpGroups', 'test', 'exec']) assert.ok(keys.includes(k), k);
  for (const k of [...COMPONENTS, 'hasRegExpGroups']) {
    const d = Object.getOwnPropertyDescriptor(URLPattern.prototype, k);
    assert.equal(typeof d.get, 'function', k + ' getter');
    assert.equal(d.set, undefined, k + ' has no setter');
    assert.ok(d.configurable, k + ' configurable');
  }
  const p = new URLPattern();
  assert.deepEqual(Object.keys(p), [], 'no own properties on instances');
});

test('urlpattern idl: toStringTag', () => {
  const d = Object.getOwnPropertyDescriptor(URLPattern.prototype, Symbol.toStringTag);
  assert.equal(d.value, 'URLPattern');
  assert.ok(!d.writable && !d.enumerable && d.configurable);
  assert.equal(Object.prototype.toString.call(new URLPattern()), '[object URLPattern]');
  assert.equal(Object.prototype.toString.call(URLPattern.prototype), '[object URLPattern]');
});

test('urlpattern idl: constructor needs new', () => {
  assert.throws(() => URLPattern(), TypeError);
  assert.throws(() => URLPattern.call(new URLPattern()), TypeError);
});

test('urlpattern idl: brand checks', () => {
  const proto = URLPattern.prototype;
  for (const k of [...COMPONENTS, 'hasRegExpGroups']) {
    const get = Object.getOwnPropertyDescriptor(proto, k).get;
    assert.throws(() => get.call({}), { name: 'TypeError', message: 'Illegal invocation' }, k);
    assert.throws(() => get.call(undefined), TypeError, k);
    assert.throws(() => proto[k], TypeError, 'prototype.' + k);
  }
  assert.throws(() => proto.test.call({}, 'https://example.com'), { name: 'TypeError', message: 'Illegal invocation' });
  assert.throws(() => proto.exec.call(Object.create(proto)), TypeError);
  assert.throws(() => proto.test.call(1), TypeError);
});

test('urlpattern idl: brand check comes before argument conversion', () => {
  let read = false;
  const input = { get pathname() { read = true; return '/'; } };
  assert.throws(() => URLPattern.prototype.test.call({}, input), TypeError);
  assert.equal(read, false);
});

test('urlpattern idl: instanceof and subclassing', () => {
  class Route extends URLPattern {
    constructor(path) { super({ pathname: path }); this.path = path; }
    params(url) { const r = this.exec(url); return r && r.pathname.groups; }
  }
  const r = new Route('/users/:id');
  assert.ok(r instanceof Route && r instanceof URLPattern);
  assert.equal(Object.getPrototypeOf(r), Route.prototype);
  assert.equal(r.pathname, '/users/:id');
  assert.equal(r.path, '/users/:id');
  assert.deepEqual(r.params('https://example.com/users/42'), { id: '42' });
  assert.equal(Object.prototype.toString.call(r), '[object URLPattern]');
});

test('urlpattern constructor: no arguments and empty init match everything', () => {
  for (const p of [new URLPattern(), new URLPattern({}), new URLPattern(undefined), new URLPattern(null)]) {
    for (const k of COMPONENTS) assert.equal(p[k], '*', k);
    assert.equal(p.hasRegExpGroups, false);
    assert.ok(p.test('https://user:pw@example.com:8080/a/b?c#d'));
  }
});

test('urlpattern constructor: string input', () => {
  const p = new URLPattern('https://:sub.example.com/books/:id(\\d+)/reviews?q=*#top');
  assert.equal(p.protocol, 'https');
  assert.equal(p.username, '*');
  assert.equal(p.password, '*');
  assert.equal(p.hostname, ':sub.example.com');
  assert.equal(p.port, '');
  assert.equal(p.pathname, '/books/:id(\\d+)/reviews');
  assert.equal(p.search, 'q=*');
  assert.equal(p.hash, 'top');
  assert.equal(p.hasRegExpGroups, true);
});

test('urlpattern constructor: relative string needs a base URL', () => {
  const e = assert.throws(() => new URLPattern('/books/:id'), TypeError);
  assert.ok(e.message.startsWith("Failed to construct 'URLPattern': "), e.message);
  const p = new URLPattern('/books/:id', 'https://example.com/shop/');
  assert.equal(p.protocol, 'https');
  assert.equal(p.hostname, 'example.com');
  assert.equal(p.pathname, '/books/:id');
  assert.ok(p.test('https://example.com/books/7'));
  assert.equal(new URLPattern('../admin/*', 'https://example.com/forum/?page=2').pathname, '/admin/*');
});

test('urlpattern constructor: init with a baseURL argument is a TypeError', () => {
  assert.throws(() => new URLPattern({ pathname: '/x' }, 'https://example.com'), TypeError);
  assert.throws(() => new URLPattern({ pathname: '/x' }, 'https://example.com', {}), TypeError);
});

test('urlpattern constructor: invalid patterns throw TypeErrors with the component', () => {
  const cases = [
    [{ pathname: '/:id/:id' }, /pathname/],
    [{ pathname: '/(\\m)' }, /pathname/],
    [{ hostname: 'bad hostname' }, /hostname/],
    [{ port: '100000', protocol: 'http' }, /port/],
    [{ pathname: '/(foo' }, /pathname/],
    [{ pathname: '/{foo' }, /pathname/],
    [{ search: '(?x)' }, /search/],
    [{ baseURL: 'not a url' }, /baseURL/],
  ];
  for (const [init, re] of cases) {
    const e = assert.throws(() => new URLPattern(init), TypeError, JSON.stringify(init));
    assert.ok(e.message.startsWith("Failed to construct 'URLPattern': "), e.message);
    assert.ok(re.test(e.message), e.message);
  }
});

test('urlpattern constructor: options', () => {
  const plain = new URLPattern({ pathname: '/FOO' });
  assert.equal(plain.test({ pathname: '/foo' }), false);
  const p = new URLPattern({ pathname: '/FOO' }, { ignoreCase: true });
  assert.ok(p.test({ pathname: '/foo' }));
  assert.ok(new URLPattern('https://example.com/FOO', 'https://other.example', { ignoreCase: true }).test('https://example.com/foo'));
  assert.ok(new URLPattern('https://example.com/FOO', { ignoreCase: 1 }).test('https://example.com/foo'));
  assert.equal(new URLPattern('https://example.com/FOO', {}).test('https://example.com/foo'), false);
  assert.equal(new URLPattern('https://example.com/FOO', null).test('https://example.com/foo'), false);
  // Like workerd: an undefined baseURL followed by options is no base URL.
  assert.ok(new URLPattern('https://example.com/FOO', undefined, { ignoreCase: true }).test('https://example.com/foo'));
  assert.throws(() => new URLPattern({ pathname: '/x' }, undefined, 5),
    { name: 'TypeError', message: "Failed to construct 'URLPattern': constructor parameter 3 is not of type 'URLPatternOptions'." });
  assert.throws(() => new URLPattern('https://a.example/x', 'https://b.example', 'options'), TypeError);
  // The protocol and hostname are not affected by ignoreCase (hostnames are lower-cased anyway).
  assert.equal(new URLPattern({ protocol: 'HTTP' }, { ignoreCase: true }).protocol, 'http');
});

test('urlpattern constructor: a second argument that is not an object is the base URL', () => {
  const p = new URLPattern('/x', 'https://example.com');
  assert.equal(p.hostname, 'example.com');
  assert.throws(() => new URLPattern('/x', 42), TypeError, 'base URL "42" does not parse');
  assert.throws(() => new URLPattern('/x', Symbol('s')), TypeError);
});

test('urlpattern constructor: init members are converted to strings in Web IDL order', () => {
  const order = [];
  const init = {};
  for (const k of ['username', 'search', 'protocol', 'port', 'pathname', 'password', 'hostname', 'hash', 'baseURL']) {
    Object.defineProperty(init, k, { get() { order.push(k); return undefined; }, enumerable: true });
  }
  new URLPattern(init);
  assert.deepEqual(order, ['baseURL', 'hash', 'hostname', 'password', 'pathname', 'port', 'protocol', 'search', 'username']);
  const p = new URLPattern({ pathname: { toString() { return '/to-string'; } }, port: 8080 });
  assert.equal(p.pathname, '/to-string');
  assert.equal(p.port, '8080');
  assert.throws(() => new URLPattern({ pathname: Symbol('x') }), TypeError);
  assert.throws(() => new URLPattern(Symbol('x')), TypeError);
});

test('urlpattern constructor: lone surrogates become U+FFFD', () => {
  const p = new URLPattern({ pathname: '/\ud800' });
  assert.equal(p.pathname, '/%EF%BF%BD');
});

test('urlpattern constructor: canonicalizes fixed text through the URL parser', () => {
  const p = new URLPattern({ protocol: 'HTTPS', hostname: 'EXAMPLE.com', port: '443', pathname: '/a b/./c/../d', search: 'q=a b', hash: 'x y' });
  assert.equal(p.protocol, 'https');
  assert.equal(p.hostname, 'example.com');
  assert.equal(p.port, '443', 'the default port is only dropped for a lower-case special protocol');
  assert.equal(new URLPattern({ protocol: 'https', port: '443' }).port, '');
  assert.equal(new URLPattern({ protocol: 'http', port: '0080' }).port, '80');
  assert.equal(p.pathname, '/a%20b/d');
  assert.equal(p.search, 'q=a%20b');
  assert.equal(p.hash, 'x%20y');
  // The standard's dummy URL is https: special-URL rules apply (workerd's ada differs here).
  assert.equal(new URLPattern({ search: "q='x'" }).search, 'q=%27x%27');
  assert.ok(new URLPattern({ search: "q='x'" }).test("https://example.com/?q='x'"));
  assert.equal(new URLPattern({ protocol: 'https', pathname: '/a\\\\b' }).pathname, '/a/b');
  assert.equal(new URLPattern({ protocol: 'foo', pathname: '/a/../b ' }).pathname, '/a/../b ', 'opaque path');
});

test('urlpattern test: strings, base URLs and inits', () => {
  const p = new URLPattern({ pathname: '/books/:id' });
  assert.equal(p.test('https://example.com/books/1'), true);
  assert.equal(p.test('https://example.com/books/1/2'), false);
  assert.equal(p.test('/books/1', 'https://example.com'), true);
  assert.equal(p.test({ pathname: '/books/1' }), true);
  assert.equal(p.test({ pathname: '/books/1', baseURL: 'https://example.com' }), true);
  // Unparseable URLs and bases do not match, they do not throw.
  assert.equal(p.test('not a url'), false);
  assert.equal(p.test('/books/1', 'not a url'), false);
  assert.equal(p.test({ pathname: '/books/1', baseURL: 'not a url' }), false);
  assert.equal(p.test({ hostname: 'bad host' }), false);
  assert.equal(p.test(), false, 'test() matches an empty pathname');
  assert.equal(new URLPattern().test(), true);
});

test('urlpattern test/exec: init with a baseURL argument is a TypeError', () => {
  const p = new URLPattern({ pathname: '/x' });
  const e1 = assert.throws(() => p.test({ pathname: '/x' }, 'https://example.com'), TypeError);
  assert.ok(e1.message.startsWith("Failed to execute 'test' on 'URLPattern': "), e1.message);
  const e2 = assert.throws(() => p.exec({ pathname: '/x' }, 'https://example.com'), TypeError);
  assert.ok(e2.message.startsWith("Failed to execute 'exec' on 'URLPattern': "), e2.message);
  assert.equal(p.test({ pathname: '/x' }, undefined), true);
});

test('urlpattern exec: result shape', () => {
  const p = new URLPattern({ hostname: '{:sub.}?example.com', pathname: '/books/:id/*' });
  const r = p.exec('https://example.com/books/7/reviews/1?x#y');
  assert.deepEqual(Object.keys(r), ['inputs', ...COMPONENTS]);
  assert.deepEqual(r.inputs, ['https://example.com/books/7/reviews/1?x#y']);
  assert.deepEqual(Object.keys(r.pathname), ['input', 'groups']);
  assert.equal(r.pathname.input, '/books/7/reviews/1');
  assert.deepEqual(r.pathname.groups, { id: '7', 0: 'reviews/1' });
  assert.equal(r.hostname.input, 'example.com');
  assert.ok('sub' in r.hostname.groups, 'an unmatched optional group is present');
  assert.equal(r.hostname.groups.sub, undefined);
  assert.deepEqual(r.protocol, { input: 'https', groups: { 0: 'https' } });
  assert.deepEqual(r.search, { input: 'x', groups: { 0: 'x' } });
  assert.deepEqual(r.hash, { input: 'y', groups: { 0: 'y' } });
  assert.deepEqual(r.port, { input: '', groups: { 0: '' } });
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(Object.getPrototypeOf(r.pathname.groups), Object.prototype);
  assert.equal(p.exec('https://example.com/other'), null);
});

test('urlpattern exec: inputs', () => {
  const p = new URLPattern({ pathname: '/x' });
  assert.deepEqual(p.exec('/x', 'https://example.com').inputs, ['/x', 'https://example.com']);
  const init = { pathname: '/x', search: 'a', extra: 1 };
  const r = p.exec(init);
  assert.equal(r.inputs.length, 1);
  assert.notEqual(r.inputs[0], init, 'inputs holds the converted dictionary');
  assert.deepEqual(r.inputs[0], { pathname: '/x', search: 'a' });
  assert.deepEqual(new URLPattern().exec().inputs, [{}], 'exec() with no argument uses an empty init');
  assert.notEqual(p.exec(init), r, 'each exec() makes a new result');
});

test('urlpattern exec: init values are canonicalized before matching', () => {
  const p = new URLPattern({ pathname: '/caf%C3%A9/:x' });
  const r = p.exec({ pathname: '/café/./a b' });
  assert.equal(r.pathname.input, '/caf%C3%A9/a%20b');
  assert.deepEqual(r.pathname.groups, { x: 'a%20b' });
  assert.equal(p.exec({ protocol: 'HTTPS:', hostname: 'EXAMPLE.COM', pathname: '/café/y' }).protocol.input, 'https');
  // Opaque paths (non-special protocols) keep their trailing spaces, as the standard's opaque
  // path state does (workerd trims them).
  const data = new URLPattern({ protocol: 'data', pathname: '*' });
  assert.equal(data.exec({ protocol: 'data', pathname: 'text/plain,a b ' }).pathname.input, 'text/plain,a b ');
  assert.equal(data.exec({ protocol: 'data', pathname: 'aé b?' }).pathname.input, 'a%C3%A9 b');
  assert.equal(data.exec({ protocol: 'data', pathname: 'a ?' }).pathname.input, 'a%20');
});

test('urlpattern constructor: relative pathnames resolve against the base URL path', () => {
  assert.equal(new URLPattern({ pathname: 'foo', baseURL: 'https://example.com/a/b' }).pathname, '/a/foo');
  assert.equal(new URLPattern({ pathname: ':id', baseURL: 'https://example.com/a(b)/c' }).pathname, '/a\\(b\\)/:id');
  assert.equal(new URLPattern({ pathname: 'foo', baseURL: 'data:text/plain,a/b' }).pathname, 'foo', 'not for an opaque path');
  assert.equal(new URLPattern({ pathname: 'foo', baseURL: 'https://example.com' }).pathname, '/foo');
});

test('urlpattern hasRegExpGroups: only custom regular expressions count', () => {
  assert.equal(new URLPattern({ pathname: '/:id' }).hasRegExpGroups, false);
  assert.equal(new URLPattern({ pathname: '/*' }).hasRegExpGroups, false);
  assert.equal(new URLPattern({ pathname: '/(.*)' }).hasRegExpGroups, false, '(.*) is a full wildcard');
  assert.equal(new URLPattern({ pathname: '/:id(\\d+)' }).hasRegExpGroups, true);
  assert.equal(new URLPattern({ hash: '(a|b)' }).hasRegExpGroups, true);
});

test('urlpattern groups: a group named __proto__ is an own property', () => {
  const r = new URLPattern({ pathname: '/:__proto__' }).exec({ pathname: '/x' });
  assert.ok(Object.hasOwn(r.pathname.groups, '__proto__'));
  assert.equal(r.pathname.groups.__proto__, 'x');
  assert.equal(Object.getPrototypeOf(r.pathname.groups), Object.prototype);
});

test('urlpattern robustness: replaced URL members do not change canonicalization or matching', () => {
  const hostname = Object.getOwnPropertyDescriptor(URL.prototype, 'hostname');
  try {
    Object.defineProperty(URL.prototype, 'hostname', { get() { return 'evil.example'; }, set() {}, configurable: true });
    const p = new URLPattern({ hostname: 'Example.com', pathname: '/:id' });
    assert.equal(p.hostname, 'example.com');
    assert.deepEqual(p.exec('https://example.com/1').pathname.groups, { id: '1' });
  } finally {
    Object.defineProperty(URL.prototype, 'hostname', hostname);
  }
});

test('urlpattern robustness: a replaced RegExp.prototype.exec does not change matching', () => {
  const exec = RegExp.prototype.exec;
  try {
    RegExp.prototype.exec = () => null;
    const p = new URLPattern({ pathname: '/a.b/:id', search: '*' });
    assert.equal(p.pathname, '/a.b/:id');
    assert.equal(p.test({ pathname: '/a.b/1' }), true);
    assert.equal(p.test({ pathname: '/aXb/1' }), false);
    const r = p.exec({ pathname: '/a.b/1' });
    RegExp.prototype.exec = exec;
    assert.deepEqual(r.pathname.groups, { id: '1' });
  } finally {
    RegExp.prototype.exec = exec;
  }
});

test('urlpattern canonicalization: the shortcut for plain text agrees with the URL setters', () => {
  // Values made of characters the URL parser keeps skip it; compare with the setters themselves
  // (pattern syntax characters are left out, so a pattern string is its canonical text).
  let seed = 7;
  const pick = (s) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return s[seed % s.length]; };
  const word = (alphabet, n) => { let w = ''; for (let i = 0; i < n; i++) w += pick(alphabet); return w; };
  const dummy = () => new URL('https://dummy.invalid/');
  const cases = {
    pathname: ["abcXYZ09-_~!$&';=,@/", (v) => '/' + v, (v) => { const u = dummy(); u.pathname = v; return u.pathname; }],
    search: ['abcXYZ09-_.~!$&;=,@/', (v) => v, (v) => { const u = dummy(); u.search = '?' + v; return u.search.slice(1); }],
    hash: ['abcXYZ09-_.~!$&;=,@/', (v) => v, (v) => { const u = dummy(); u.hash = '#' + v; return u.hash.slice(1); }],
    hostname: ['abcxyz09-.', (v) => v, (v) => { const u = dummy(); u.hostname = v; return u.hostname === 'dummy.invalid' ? null : u.hostname; }],
    protocol: ['abcz09-.', (v) => 'a' + v, (v) => new URL(v + '://x/').protocol.slice(0, -1)],
  };
  for (const [component, [alphabet, shape, viaURL]] of Object.entries(cases)) {
    for (let i = 0; i < 300; i++) {
      const v = shape(word(alphabet, 1 + (i % 12)));
      const expected = viaURL(v);
      let actual;
      try { actual = new URLPattern({ [component]: v })[component]; } catch (e) { actual = null; }
      assert.equal(actual, expected, `${component} ${JSON.stringify(v)}`);
    }
  }
});

test('urlpattern inspect: console.log shows the pattern strings', () => {
  const custom = URLPattern.prototype[Symbol.for('nodejs.util.inspect.custom')];
  assert.equal(typeof custom, 'function');
  const shown = custom.call(new URLPattern({ pathname: '/x/:id' }), 2, {}, (v) => JSON.stringify(v));
  assert.equal(shown, 'URLPattern {"protocol":"*","username":"*","password":"*","hostname":"*","port":"*","pathname":"/x/:id","search":"*","hash":"*","hasRegExpGroups":false}');
});

test('urlpattern robustness: properties added to Object.prototype only reach init dictionaries', () => {
  try {
    Object.prototype.search = 'polluted';
    Object.prototype.baseURL = 'https://polluted.example/';
    // The constructor string and the processed components are internal records.
    const p = new URLPattern('https://example.com/x');
    assert.equal(p.search, '*');
    assert.equal(p.hostname, 'example.com');
    assert.ok(p.test('https://example.com/x?anything'));
    // A dictionary argument reads inherited members, as Web IDL's conversion does.
    assert.equal(new URLPattern({ pathname: '/x' }).search, 'polluted');
  } finally {
    delete Object.prototype.search;
    delete Object.prototype.baseURL;
  }
});
