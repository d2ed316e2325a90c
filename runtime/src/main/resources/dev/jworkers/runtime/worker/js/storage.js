// Durable Object storage as a Worker sees it: ctx.storage (DurableObjectStorage: the asynchronous
// key-value API, transactions, alarms, sync), ctx.storage.sql (SqlStorage and its cursors) and
// ctx.storage.kv (the synchronous key-value API of SQL-backed classes). The host (Actor.java) runs
// SQLite on this shard's thread, so reads and writes complete at once; promises only keep the API's
// shape. Values are V8-serialized, as in workerd's _cf_KV table.
(function (ops, internal) {
  'use strict';
  const TOKEN = Symbol('storage');
  const MAX_KEY_BYTES = 2048;
  const MAX_VALUE_BYTES = 128 * 1024;
  const MAX_KEYS = 128;
  const { freeze } = Object;
  const PromiseCtor = Promise;

  function bytesOf(latin1) { return internal.latin1Bytes(latin1); }
  function decode(latin1) { return internal.v8Deserialize(bytesOf(latin1), null, latin1); }

  function utf8Length(s) {
    let n = s.length;
    if (n * 3 <= MAX_KEY_BYTES) return n;   // cannot be over the limit: skip the count
    n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  function checkKey(key) {
    const k = `${key}`;
    if (utf8Length(k) > MAX_KEY_BYTES) throw new RangeError(`Keys cannot be larger than ${MAX_KEY_BYTES} bytes. A key of size ${utf8Length(k)} was provided.`);
    return k;
  }

  function checkKeys(keys) {
    if (keys.length > MAX_KEYS) throw new RangeError(`Maximum number of keys is ${MAX_KEYS}. ${keys.length} keys were provided.`);
    const out = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) out[i] = checkKey(keys[i]);
    return out;
  }

  function encode(value) {
    const bytes = internal.v8Serialize(value);
    if (bytes.length > MAX_VALUE_BYTES) {
      throw new RangeError(`Values cannot be larger than ${MAX_VALUE_BYTES} bytes. A value of size ${bytes.length} was provided.`);
    }
    return bytes;
  }

  // Runs a storage operation: its result (or error) as a promise, as the asynchronous API returns.
  function settle(fn) {
    try {
      return PromiseCtor.resolve(fn());
    } catch (e) {
      return PromiseCtor.reject(e);
    }
  }
  internal.settle = settle;

  // --- the key-value operations both APIs share ---

  function kvGet(h, key) {
    const v = h.kvGet(key);
    return v === null ? undefined : decode(v);
  }

  // Keys in UTF-8 byte order (= code point order), as SQLite's BINARY collation sorts them.
  function byCodePoint(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      // A surrogate (>= 0xd800 < 0xe000) stands for a code point above every BMP one.
      const sx = x >= 0xd800 && x < 0xe000, sy = y >= 0xd800 && y < 0xe000;
      if (sx !== sy) return sx ? 1 : -1;
      return x - y;
    }
    return a.length - b.length;
  }

  function kvPut(h, key, value, confirmed) {
    const bytes = encode(value);
    h.kvPut(key, bytes.buffer, bytes.length, confirmed);
  }

  // list()'s options to a key range: [start, end) with prefix folded in, as the host wants it.
  function listRange(options) {
    let start = null, startAfter = false, end = null, reverse = false, limit = -1, prefix = null;
    if (options != null) {
      if (typeof options.start === 'string') start = options.start;
      if (options.startAfter !== undefined) {
        if (options.start !== undefined) throw new TypeError('list() cannot be called with both start and startAfter values.');
        start = `${options.startAfter}`;
        startAfter = true;
      }
      if (options.end !== undefined) end = `${options.end}`;
      if (options.prefix !== undefined) prefix = `${options.prefix}`;
      reverse = !!options.reverse;
      if (options.limit !== undefined) {
        limit = Number(options.limit);
        if (!(limit >= 1)) throw new TypeError('List limit must be positive.');
        limit = Math.floor(limit);
      }
    }
    if (prefix !== null && prefix !== '') {
      // Compared as SQLite orders keys (code points), not as JS's < does (UTF-16 units).
      if (start === null || byCodePoint(start, prefix) < 0) { start = prefix; startAfter = false; }
      const after = prefixEnd(prefix);
      if (after !== null && (end === null || byCodePoint(after, end) < 0)) end = after;
    }
    return { start, startAfter, end, reverse, limit };
  }

  // The first string after every string starting with `p`, in code point (= UTF-8 byte) order.
  function prefixEnd(p) {
    const cps = Array.from(p);
    while (cps.length > 0) {
      let cp = cps[cps.length - 1].codePointAt(0) + 1;
      if (cp === 0xd800) cp = 0xe000;
      if (cp <= 0x10ffff) {
        cps[cps.length - 1] = String.fromCodePoint(cp);
        return cps.join('');
      }
      cps.pop();
    }
    return null;
  }

  function kvList(h, options) {
    const r = listRange(options);
    const flat = h.kvList(r.start, r.startAfter, r.end, r.reverse, r.limit);
    const out = new Map();
    for (let i = 0; i < flat.length; i += 2) out.set(flat[i], decode(flat[i + 1]));
    return out;
  }

  // --- ctx.storage ---

  class DurableObjectStorage {
    #h;
    #sql = null;
    #kv = null;
    #actor;
    constructor(token, handle, actor) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#h = handle;
      this.#actor = actor;
    }

    get(keys, options) {
      const h = this.#h;
      return settle(() => {
        if (Array.isArray(keys)) {
          const sorted = checkKeys(keys).sort(byCodePoint);
          const out = new Map();
          for (const k of sorted) {
            const v = kvGet(h, k);
            if (v !== undefined) out.set(k, v);
          }
          return out;
        }
        return kvGet(h, checkKey(keys));
      });
    }

    put(keyOrEntries, value, options) {
      const h = this.#h;
      return settle(() => {
        if (keyOrEntries !== null && typeof keyOrEntries === 'object') {
          const opts = value;
          if ((opts !== undefined && (opts === null || typeof opts !== 'object')) || options !== undefined) {
            throw new TypeError('put() may only be called with a single key-value pair and optional options as put(key, value, options) or with multiple key-value pairs and optional options as put(entries, options)');
          }
          // Entries whose value is undefined are skipped, as in workerd.
          const keys = checkKeys(Object.keys(keyOrEntries).filter((k) => keyOrEntries[k] !== undefined));
          const encoded = keys.map((k) => encode(keyOrEntries[k]));
          const confirmed = !(opts != null && opts.allowUnconfirmed);
          for (let i = 0; i < keys.length; i++) h.kvPut(keys[i], encoded[i].buffer, encoded[i].length, confirmed);
          return undefined;
        }
        if (value === undefined) throw new TypeError('put() called with undefined value.');
        const key = checkKey(keyOrEntries);
        kvPut(h, key, value, !(options != null && options.allowUnconfirmed));
        return undefined;
      });
    }

    delete(keys, options) {
      const h = this.#h;
      const confirmed = !(options != null && options.allowUnconfirmed);
      return settle(() => {
        if (Array.isArray(keys)) {
          let n = 0;
          for (const k of checkKeys(keys)) if (h.kvDelete(k, confirmed)) n++;
          return n;
        }
        return h.kvDelete(checkKey(keys), confirmed);
      });
    }

    deleteAll(options) {
      const h = this.#h;
      return settle(() => { h.kvDeleteAll(!(options != null && options.allowUnconfirmed)); });
    }

    list(options) {
      const h = this.#h;
      return settle(() => kvList(h, options));
    }

    // The closure runs in a nested transaction; other events wait meanwhile (as they would for
    // blockConcurrencyWhile), so nothing else's writes can land in it and be rolled back with it.
    transaction(closure) {
      const h = this.#h;
      const actor = this.#actor;
      return actor.exclusive(async () => {
        h.savepoint();
        let rolledBack = false;
        const txn = new DurableObjectTransaction(TOKEN, this, () => {
          if (!rolledBack) { rolledBack = true; h.rollback(); }
        });
        try {
          const result = await closure(txn);
          if (!rolledBack) h.release();
          return result;
        } catch (e) {
          if (!rolledBack) { rolledBack = true; h.rollback(); }
          throw e;
        }
      });
    }

    transactionSync(closure) {
      const h = this.#h;
      if (typeof closure !== 'function') throw new TypeError("Failed to execute 'transactionSync' on 'DurableObjectStorage': parameter 1 is not of type 'function'.");
      h.savepoint();
      let result;
      try {
        result = closure();
      } catch (e) {
        h.rollback();
        throw e;
      }
      h.release();
      return result;
    }

    sync() {
      const h = this.#h;
      return new PromiseCtor((resolve, reject) => h.whenDurable(resolve, (why) => reject(new Error(why))));
    }

    getAlarm(options) { return this.#actor.getAlarm(); }
    setAlarm(scheduledTime, options) { return this.#actor.setAlarm(scheduledTime); }
    deleteAlarm(options) { return this.#actor.deleteAlarm(); }

    get sql() {
      if (this.#sql === null) this.#sql = new SqlStorage(TOKEN, this.#h);
      return this.#sql;
    }

    get kv() {
      if (this.#kv === null) this.#kv = new SyncKvStorage(TOKEN, this.#h);
      return this.#kv;
    }
  }

  class DurableObjectTransaction {
    #storage;
    #rollback;
    #done = false;
    constructor(token, storage, rollback) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#storage = storage;
      this.#rollback = rollback;
    }
    #open(op) {
      if (this.#done) throw new Error(`Cannot ${op}() on rolled back transaction`);
      return this.#storage;
    }
    get(keys, options) { return settle(() => this.#open('get').get(keys, options)); }
    put(k, v, o) { return settle(() => this.#open('put').put(k, v, o)); }
    delete(keys, options) { return settle(() => this.#open('delete').delete(keys, options)); }
    deleteAll(options) { return PromiseCtor.reject(new Error('Cannot call deleteAll() within a transaction')); }
    list(options) { return settle(() => this.#open('list').list(options)); }
    rollback() {
      if (this.#done) return;
      this.#done = true;
      this.#rollback();
    }
    getAlarm(o) { return settle(() => this.#open('getAlarm').getAlarm(o)); }
    setAlarm(t, o) { return settle(() => this.#open('setAlarm').setAlarm(t, o)); }
    deleteAlarm(o) { return settle(() => this.#open('deleteAlarm').deleteAlarm(o)); }
  }

  // --- ctx.storage.kv ---

  const NO_SQL = 'SQL is not enabled for this Durable Object class. To enable it, change `new_classes` to `new_sqlite_classes` within the \'migrations\' field in your wrangler.jsonc or wrangler.toml file. If using workerd directly,set `enableSql = true` in your workerd config for the class. Note that this change cannot be made after the class is already deployed to production.';
  const NO_SYNC_KV = 'The storage.kv (synchronous KV) API is only available for SQLite-backed Durable Objects, but this object\'s namespace is not declared to use SQLite. You can use the older, asyncronous interface via methods of `storage` itself (e.g. `storage.get()`). Alternatively, to enable SQLite, change `new_classes` to `new_sqlite_classes` within the \'migrations\' field in your wrangler.jsonc or wrangler.toml file. If using workerd directly, set `enableSql = true` in your workerd config for the class. Note that this change cannot be made after the class is already deployed to production.';

  class SyncKvStorage {
    #h;
    constructor(token, h) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#h = h;
    }
    #handle() {
      if (!this.#h.sqlEnabled()) throw new Error(NO_SYNC_KV);
      return this.#h;
    }
    get(key) { return kvGet(this.#handle(), checkKey(key)); }
    put(key, value) {
      if (arguments.length < 2) throw new TypeError("Failed to execute 'put' on 'SyncKvStorage': parameter 2 is not of type 'Value'.");
      kvPut(this.#handle(), checkKey(key), value, true);
    }
    delete(key) { return this.#handle().kvDelete(checkKey(key), true); }
    list(options) { return new ListIterator(TOKEN, kvList(this.#handle(), options)); }
  }

  class ListIterator {
    #entries;
    constructor(token, map) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#entries = map.entries();
    }
    next() {
      const r = this.#entries.next();
      return r.done ? { done: true } : { done: false, value: r.value };
    }
    [Symbol.iterator]() { return this; }
  }

  // --- ctx.storage.sql ---

  function toJs(v) {
    if (v !== null && typeof v === 'object') return bytesOf(v.latin1()).buffer;
    return v;
  }

  // What workerd binds: numbers as REAL (NaN as NULL), strings, blobs from any buffer, null for
  // null and undefined, and every other value as its string form (booleans as "true"/"false").
  function bindingOf(v) {
    switch (typeof v) {
      case 'number': return v !== v ? null : new Real(v);
      case 'string': return v;
      case 'undefined': return null;
      case 'bigint': throw new TypeError('Cannot convert a BigInt value to a number');
      case 'object':
        if (v === null) return null;
        if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice().buffer;
        if (v instanceof ArrayBuffer) return v;
        return `${v}`;
      default: return `${v}`;
    }
  }
  // A number to bind as REAL even when it is integral (the host would otherwise bind an integer).
  class Real { constructor(v) { this.real = v; } }

  class SqlStorage {
    #h;
    constructor(token, h) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#h = h;
    }
    exec(query, ...bindings) {
      if (query === undefined) throw new TypeError("Failed to execute 'exec' on 'SqlStorage': parameter 1 is not of type 'String'.");
      query = `${query}`;
      const h = this.#h;
      if (!h.sqlEnabled()) throw new Error(NO_SQL);
      const r = h.sqlExec(query, bindings.map(bindingOf));
      return new Cursor(TOKEN, r[0], r[1], r[2], r[3]);
    }
    get databaseSize() {
      if (!this.#h.sqlEnabled()) throw new Error(NO_SQL);
      return this.#h.databaseSize();
    }
  }

  class Cursor {
    #names;
    #values;
    #at = 0;
    #rowsRead;
    #rowsWritten;
    constructor(token, names, values, rowsRead, rowsWritten) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      const n = names.length;
      const cols = new Array(n);
      for (let i = 0; i < n; i++) cols[i] = names[i];
      this.#names = freeze(cols);
      const m = values.length;
      const vals = new Array(m);
      for (let i = 0; i < m; i++) vals[i] = toJs(values[i]);
      this.#values = vals;
      this.#rowsRead = rowsRead;
      this.#rowsWritten = rowsWritten;
    }
    #rawNext() {
      const n = this.#names.length;
      if (n === 0 || this.#at >= this.#values.length) return null;
      const row = this.#values.slice(this.#at, this.#at + n);
      this.#at += n;
      return row;
    }
    #objectNext() {
      const raw = this.#rawNext();
      if (raw === null) return null;
      const o = {};
      for (let i = 0; i < raw.length; i++) o[this.#names[i]] = raw[i];
      return o;
    }
    // Rows as objects, through the same stepping as raw()'s arrays.
    #rows = new RawIterator(TOKEN, () => this.#objectNext());
    next() { return this.#rows.next(); }
    toArray() { return this.#rows.toArray(); }
    one() {
      const row = this.#objectNext();
      if (row === null) throw new Error('Expected exactly one result from SQL query, but got no results.');
      if (this.#at < this.#values.length) {
        this.#at = this.#values.length;
        throw new Error('Expected exactly one result from SQL query, but got multiple results.');
      }
      return row;
    }
    raw() {
      const self = this;
      const rawNext = () => self.#rawNext();
      return new RawIterator(TOKEN, rawNext);
    }
    get columnNames() { return this.#names.slice(); }
    get rowsRead() { return this.#rowsRead; }
    get rowsWritten() { return this.#rowsWritten; }
    [Symbol.iterator]() {
      const next = () => this.next();
      return { next, [Symbol.iterator]() { return this; } };
    }
  }

  class RawIterator {
    #next;
    constructor(token, next) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#next = next;
    }
    next() {
      const row = this.#next();
      return row === null ? { done: true } : { done: false, value: row };
    }
    toArray() {
      const out = [];
      for (let r = this.#next(); r !== null; r = this.#next()) out.push(r);
      return out;
    }
    [Symbol.iterator]() { return this; }
  }

  for (const [C, tag] of [[DurableObjectStorage, 'DurableObjectStorage'], [DurableObjectTransaction, 'DurableObjectTransaction'],
    [SqlStorage, 'SqlStorage'], [Cursor, 'Cursor'], [SyncKvStorage, 'SyncKvStorage'], [RawIterator, 'RawIterator'],
    [ListIterator, 'ListIterator']]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  }

  // Like workerd's, the iterators inherit the iterator helpers (map, filter, toArray, ...).
  if (typeof Iterator === 'function') {
    Object.setPrototypeOf(RawIterator.prototype, Iterator.prototype);
    Object.setPrototypeOf(ListIterator.prototype, Iterator.prototype);
  }

  // actors.js makes one per object: `actor` gives exclusive sections and alarms.
  internal.makeStorage = (handle, actor) => new DurableObjectStorage(TOKEN, handle, actor);
})
