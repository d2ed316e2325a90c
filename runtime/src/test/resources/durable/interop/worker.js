// Runs unchanged on workerd and on jworkers (WorkerdStorageInteropTest): one object writes values
// of many kinds, a SQL table and an alarm; /read answers what is stored, spelled out in JSON with
// every type named, so the answers of the two runtimes can be compared as text.
import { DurableObject } from 'cloudflare:workers';

// Far in the future: it never fires while the test runs.
const ALARM = Date.UTC(2099, 0, 1, 12, 0, 0, 123);

function values() {
  const shared = { v: 1 };
  const circular = { name: 'c' };
  circular.self = circular;
  const sparse = [1];
  sparse[3] = 4;
  return {
    'number': 42.5,
    'int': 7,
    'negative': -123456789,
    'beyond int32': 2 ** 40,
    'NaN': NaN,
    '-Infinity': -Infinity,
    '-0': -0,
    'bigint': 12345678901234567890n,
    'negative bigint': -42n,
    'true': true,
    'null': null,
    'latin1 string': 'h\u00e9llo',
    'two-byte string': 'snow \u2603 and a key \u{1F511}',
    'empty string': '',
    'nested': { a: [1, 'two', { three: [3, [4]] }], b: { c: null, d: true }, '\u043a\u043b\u044e\u0447': '\u0437\u043d\u0430\u0447\u0435\u043d\u0438\u0435', 2: 'numeric key' },
    'map': new Map([['k1', 1], [2, { v: [2] }], ['inner', new Map([['x', new Set([1, 'y'])]])]]),
    'set': new Set(['a', 1, 'b']),
    'date': new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 678)),
    'bytes': new Uint8Array([0, 1, 127, 128, 255]),
    'buffer': new Uint8Array([9, 8, 7]).buffer,
    'int16': new Int16Array([-1, 300]),
    'float64': new Float64Array([1.5, -0.25]),
    'regexp': /ab+c/gi,
    'error': new TypeError('bad thing'),
    'shared': { a: shared, b: shared },
    'circular': circular,
    'sparse': sparse,
    'boxed': [new Boolean(false), new String('s'), new Number(3)],
    '\u043a\u043b\u044e\u0447 \u{1F511} \u00fc': 'a unicode key',
    '\u{1F600}': 'astral key',
    '\uFFFD': 'BMP key that sorts after astral ones in UTF-16 but before in UTF-8',
  };
}

/** JSON for any stored value: the type named, key order and shared references kept. */
function enc(v, seen = new Map()) {
  if (v === null) return null;
  switch (typeof v) {
    case 'undefined': return { undefined: true };
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : { number: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint': return { bigint: v.toString() };
    case 'string': case 'boolean': return v;
  }
  if (seen.has(v)) return { ref: seen.get(v) };
  seen.set(v, seen.size);
  if (v instanceof Map) return { Map: [...v].map(([k, x]) => [enc(k, seen), enc(x, seen)]) };
  if (v instanceof Set) return { Set: [...v].map((x) => enc(x, seen)) };
  if (v instanceof Date) return { Date: v.toISOString() };
  if (v instanceof RegExp) return { RegExp: [v.source, v.flags] };
  if (v instanceof Error) return { Error: [v.name, v.message, Object.getPrototypeOf(v).constructor.name] };
  if (v instanceof ArrayBuffer) return { ArrayBuffer: [...new Uint8Array(v)] };
  if (ArrayBuffer.isView(v)) return { [v.constructor.name]: Array.from(v) };
  if (v instanceof Boolean || v instanceof String || v instanceof Number) return { [v.constructor.name + 'Object']: v.valueOf() };
  if (Array.isArray(v)) return { Array: Object.keys(v).map((k) => [k, enc(v[k], seen)]), length: v.length };
  return { Object: Object.keys(v).map((k) => [k, enc(v[k], seen)]), proto: Object.getPrototypeOf(v) === Object.prototype };
}

/** SQLite's order for TEXT keys: by UTF-8 bytes. */
function utf8Order(a, b) {
  const x = new TextEncoder().encode(a), y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

export class Store extends DurableObject {
  async write() {
    const storage = this.ctx.storage;
    const all = values();
    const [first, ...rest] = Object.keys(all);
    await storage.put(first, all[first]);
    await storage.put(Object.fromEntries(rest.map((k) => [k, all[k]])));
    storage.sql.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, price REAL, data BLOB, note TEXT)');
    storage.sql.exec('CREATE INDEX items_by_name ON items (name)');
    storage.transactionSync(() => {
      storage.sql.exec("INSERT INTO items VALUES (1, 'apple', 1.25, X'00ff10', NULL), (2, 'pear \u2713', 2.0, NULL, 'two')");
      storage.sql.exec('INSERT INTO items VALUES (?, ?, ?, ?, ?)', 3, '\u043a\u043b\u044e\u0447 \u{1F511}', -0.5, new Uint8Array(0), 'empty blob');
      storage.sql.exec('INSERT INTO items VALUES (?, ?, ?, ?, ?)', 4, 'big', 9007199254740991, new Uint8Array([1, 2, 3]).buffer, null);
    });
    await storage.setAlarm(ALARM);
    return this.ctx.id.toString();
  }

  async read() {
    const storage = this.ctx.storage;
    const listed = await storage.list();
    const kv = {};
    for (const [k, v] of listed) kv[k] = enc(v);
    const cursor = storage.sql.exec('SELECT * FROM items ORDER BY id');
    const rows = [...cursor].map((r) => Object.entries(r).map(([k, v]) => [k, enc(v)]));
    const byName = storage.sql.exec('SELECT id FROM items WHERE name = ?', 'pear \u2713').toArray();
    return { id: this.ctx.id.toString(), keys: [...listed.keys()], kv, columns: cursor.columnNames, rows, byName,
      one: enc(await storage.get('map')), alarm: await storage.getAlarm() };
  }

  /** What read() must answer for the key-value part, from the values themselves. */
  expected() {
    const all = values();
    const kv = {};
    for (const k of Object.keys(all)) kv[k] = enc(all[k]);
    return { keys: Object.keys(all).sort(utf8Order), kv, alarm: ALARM };
  }

  alarm() {}
}

export default {
  async fetch(request, env) {
    const op = new URL(request.url).pathname.slice(1);
    if (!['write', 'read', 'expected'].includes(op)) return new Response('up');
    const stub = env.STORE.getByName('obj');
    try {
      return Response.json(await stub[op]());
    } catch (e) {
      return new Response(`${e.name}: ${e.message}\n${e.stack}`, { status: 500 });
    }
  },
};
