// Headers (Fetch standard, with workerd's behaviour where it differs): case-insensitive names,
// values combined with ", " except Set-Cookie, iteration sorted and lower-cased, getSetCookie(),
// workerd's getAll('Set-Cookie'), and the "immutable" guard of incoming requests and redirects.
(function (ops, internal) {
  'use strict';
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const EDGE_WS = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  const BAD_VALUE = /[\0\r\n]/;
  const IMMUTABLE = "Can't modify immutable headers.";
  const INIT_TYPE = "Failed to construct 'Headers': constructor parameter 1 is not of type 'Headers or Sequence or object'.";
  const FROM_BLOB = Symbol('fromBlob');

  // Per Headers: the fields (lower-case name -> array of values) and the guard.
  const stateOf = new WeakMap();

  function S(h) {
    const s = stateOf.get(h);
    if (s === undefined) throw new TypeError('Illegal invocation');
    return s;
  }
  function mutable(h) {
    const s = S(h);
    if (s.immutable) throw new TypeError(IMMUTABLE);
    return s;
  }
  function name(n) {
    n = `${n}`;
    if (!TOKEN.test(n)) throw new TypeError('Invalid header name.');
    return n.toLowerCase();
  }
  function value(v) {
    v = `${v}`.replace(EDGE_WS, '');
    if (BAD_VALUE.test(v)) throw new TypeError('Invalid header value.');
    return v;
  }
  function add(fields, key, v) {
    const list = fields.get(key);
    if (list === undefined) fields.set(key, [v]); else list.push(v);
  }

  class Headers {
    constructor(init = undefined) {
      const fields = new Map();
      stateOf.set(this, { fields, immutable: false });
      if (init === undefined) return;
      if (init === FROM_BLOB) return;
      if (init === null || (typeof init !== 'object' && typeof init !== 'function')) throw new TypeError(INIT_TYPE);
      const other = stateOf.get(init);
      if (other !== undefined) {
        for (const [k, list] of other.fields) fields.set(k, list.slice());
        return;
      }
      const iter = init[Symbol.iterator];
      if (iter !== undefined && iter !== null) {
        if (typeof iter !== 'function') throw new TypeError(INIT_TYPE);
        for (const pair of init) {
          if (pair === null || typeof pair !== 'object') throw new TypeError(INIT_TYPE);
          const p = [...pair];
          if (p.length !== 2) throw new TypeError('To initialize a Headers object from a sequence, each inner sequence must have exactly two elements.');
          add(fields, name(p[0]), value(p[1]));
        }
        return;
      }
      for (const key of Reflect.ownKeys(init)) {
        const desc = Reflect.getOwnPropertyDescriptor(init, key);
        if (desc === undefined || !desc.enumerable) continue;
        if (typeof key === 'symbol') throw new TypeError(INIT_TYPE);
        add(fields, name(key), value(init[key]));
      }
    }
    get(n) {
      const list = S(this).fields.get(name(n));
      return list === undefined ? null : list.join(', ');
    }
    getAll(n) {
      const key = name(n);
      if (key !== 'set-cookie') throw new TypeError('getAll() can only be used with the header name "Set-Cookie".');
      const list = S(this).fields.get(key);
      return list === undefined ? [] : list.slice();
    }
    getSetCookie() {
      const list = S(this).fields.get('set-cookie');
      return list === undefined ? [] : list.slice();
    }
    has(n) { return S(this).fields.has(name(n)); }
    set(n, v) {
      const key = name(n), val = value(v);
      mutable(this).fields.set(key, [val]);
    }
    append(n, v) {
      const key = name(n), val = value(v);
      add(mutable(this).fields, key, val);
    }
    delete(n) {
      const key = name(n);
      mutable(this).fields.delete(key);
    }
    forEach(callback, thisArg = undefined) {
      S(this);
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
      for (const [k, v] of sorted(this)) Reflect.apply(callback, thisArg, [v, k, this]);
    }
    entries() { return iterator(sorted(this), 0); }
    keys() { return iterator(sorted(this), 1); }
    values() { return iterator(sorted(this), 2); }
  }

  // The sorted list of pairs at the time iteration starts, as the Fetch standard's iterator has it.
  function sorted(h) {
    const fields = S(h).fields;
    const keys = [...fields.keys()].sort();
    const out = [];
    for (const k of keys) {
      const list = fields.get(k);
      if (k === 'set-cookie') for (const v of list) out.push([k, v]);
      else out.push([k, list.join(', ')]);
    }
    return out;
  }

  const HeadersIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const it = iterState.get(this);
        if (it === undefined) throw new TypeError('Illegal invocation');
        if (it.index >= it.pairs.length) return { value: undefined, done: true };
        const pair = it.pairs[it.index++];
        return { value: it.kind === 0 ? pair : pair[it.kind - 1], done: false };
      }, writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: 'Headers Iterator', configurable: true },
  });
  const iterState = new WeakMap();
  function iterator(pairs, kind) {
    const it = Object.create(HeadersIteratorPrototype);
    iterState.set(it, { pairs, kind, index: 0 });
    return it;
  }

  Object.defineProperty(Headers.prototype, Symbol.iterator, { value: Headers.prototype.entries, writable: true, configurable: true });
  Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });
  for (const key of ['get', 'getAll', 'getSetCookie', 'has', 'set', 'append', 'delete', 'forEach', 'entries', 'keys', 'values']) {
    Object.defineProperty(Headers.prototype, key, { enumerable: true });
  }

  // Wire form shared with the host: "name\nvalue\n" per field line, in insertion order.
  internal.headersToBlob = function (h) {
    let out = '';
    for (const [k, list] of S(h).fields) for (let i = 0; i < list.length; i++) out += k + '\n' + list[i] + '\n';
    return out;
  };
  // Headers of an incoming request: trusted (the HTTP decoder validated them), immutable.
  internal.headersFromBlob = function (blob, immutable) {
    const h = new Headers(FROM_BLOB);
    const s = stateOf.get(h);
    const parts = blob.split('\n');
    for (let i = 0; i + 1 < parts.length; i += 2) add(s.fields, parts[i].toLowerCase(), parts[i + 1]);
    s.immutable = !!immutable;
    return h;
  };
  internal.isHeaders = (v) => stateOf.has(v);
  internal.setHeadersImmutable = (h) => { S(h).immutable = true; };
  internal.isHeadersImmutable = (h) => S(h).immutable;
  internal.setHeader = (h, lowerName, v) => { S(h).fields.set(lowerName, [v]); };
  internal.Headers = Headers;
  internal.defineGlobal('Headers', Headers);
})
