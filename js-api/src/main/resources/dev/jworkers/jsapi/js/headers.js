// Headers (Fetch standard): case-insensitive names, combined values, sorted iteration,
// getSetCookie(). Guards and the rest of WebIDL conversion grow here in the web-API issue.
(function (ops, internal) {
  'use strict';
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const listOf = new WeakMap();   // Headers -> Map(lowerName -> { name, values: [] })

  function checkName(name) {
    name = String(name);
    if (!TOKEN.test(name)) throw new TypeError(`Invalid header name: "${name}"`);
    return name;
  }
  function normalizeValue(value) {
    value = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    if (/[\0\r\n]/.test(value)) throw new TypeError(`Invalid header value: "${value}"`);
    return value;
  }
  function L(h) {
    const m = listOf.get(h);
    if (!m) throw new TypeError('Illegal invocation');
    return m;
  }

  class Headers {
    constructor(init = undefined) {
      listOf.set(this, new Map());
      if (init === undefined || init === null) {
        if (init === null) throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
        return;
      }
      fill(this, init);
    }
    append(name, value) {
      const n = checkName(name), v = normalizeValue(value);
      const m = L(this), key = n.toLowerCase();
      const e = m.get(key);
      if (e) e.values.push(v); else m.set(key, { name: key, values: [v] });
    }
    delete(name) { L(this).delete(checkName(name).toLowerCase()); }
    get(name) {
      const e = L(this).get(checkName(name).toLowerCase());
      return e ? e.values.join(', ') : null;
    }
    getSetCookie() {
      const e = L(this).get('set-cookie');
      return e ? e.values.slice() : [];
    }
    has(name) { return L(this).has(checkName(name).toLowerCase()); }
    set(name, value) {
      const n = checkName(name), v = normalizeValue(value);
      const key = n.toLowerCase();
      L(this).set(key, { name: key, values: [v] });
    }
    forEach(callback, thisArg = undefined) {
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
      for (const [k, v] of sortedPairs(this)) callback.call(thisArg, v, k, this);
    }
    *entries() { yield* sortedPairs(this); }
    *keys() { for (const [k] of sortedPairs(this)) yield k; }
    *values() { for (const [, v] of sortedPairs(this)) yield v; }
    [Symbol.iterator]() { return this.entries(); }
  }
  Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

  function sortedPairs(h) {
    const m = L(h);
    const keys = [...m.keys()].sort();
    const out = [];
    for (const k of keys) {
      const e = m.get(k);
      if (k === 'set-cookie') for (const v of e.values) out.push([k, v]);
      else out.push([k, e.values.join(', ')]);
    }
    return out;
  }

  function fill(h, init) {
    if (listOf.has(init)) {
      for (const [k, e] of listOf.get(init)) L(h).set(k, { name: k, values: e.values.slice() });
      return;
    }
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
    }
    if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2) throw new TypeError("Failed to construct 'Headers': Invalid value");
        h.append(p[0], p[1]);
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const desc = Reflect.getOwnPropertyDescriptor(init, key);
      if (desc && desc.enumerable) h.append(key, init[key]);
    }
  }

  // Wire form shared with the host: "name\nvalue\n" per field line, in insertion order.
  internal.headersToBlob = function (h) {
    let out = '';
    for (const [k, e] of L(h)) for (const v of e.values) out += k + '\n' + v + '\n';
    return out;
  };
  internal.headersFromBlob = function (blob) {
    const h = new Headers();
    const m = L(h);
    const parts = blob.split('\n');
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const key = parts[i].toLowerCase();
      const e = m.get(key);
      if (e) e.values.push(parts[i + 1]); else m.set(key, { name: key, values: [parts[i + 1]] });
    }
    return h;
  };
  internal.isHeaders = (v) => listOf.has(v);
  internal.Headers = Headers;
  internal.defineGlobal('Headers', Headers);
})
