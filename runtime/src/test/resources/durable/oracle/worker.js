// Oracle worker: records the behaviour of workerd's Durable Object storage APIs.
// Each probe is a small function; results are made JSON-safe and returned as
// {probeName: result}. A throw is recorded as {threw, message, how} where how is
// "sync" (thrown synchronously by the call) or "reject" (returned promise rejected).
import { DurableObject } from 'cloudflare:workers';

// ---------------------------------------------------------------- helpers
function safe(v, seen = new Set()) {
  if (v === undefined) return '<undefined>';
  if (v === null) return null;
  const t = typeof v;
  if (t === 'number') {
    if (Number.isNaN(v)) return { type: 'number', value: 'NaN' };
    if (v === Infinity) return { type: 'number', value: 'Infinity' };
    if (v === -Infinity) return { type: 'number', value: '-Infinity' };
    if (Object.is(v, -0)) return { type: 'number', value: '-0' };
    return v;
  }
  if (t === 'string' || t === 'boolean') return v;
  if (t === 'bigint') return { type: 'bigint', value: v.toString() };
  if (t === 'symbol') return { type: 'symbol', value: v.toString() };
  if (t === 'function') return { type: 'function', name: v.name };
  if (seen.has(v)) return '<circular>';
  seen.add(v);
  try {
    if (v instanceof ArrayBuffer) return { type: 'ArrayBuffer', bytes: Array.from(new Uint8Array(v)) };
    if (ArrayBuffer.isView(v)) {
      return {
        type: v.constructor.name,
        bytes: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)),
        ...(v.constructor.name !== 'Uint8Array' && v.constructor.name !== 'DataView' ? { values: Array.from(v, x => safe(x, seen)) } : {}),
      };
    }
    if (v instanceof Date) return { type: 'Date', time: safe(v.getTime()), iso: isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString() };
    if (v instanceof Map) return { type: 'Map', entries: Array.from(v, ([k, x]) => [safe(k, seen), safe(x, seen)]) };
    if (v instanceof Set) return { type: 'Set', values: Array.from(v, x => safe(x, seen)) };
    if (v instanceof RegExp) return { type: 'RegExp', source: v.source, flags: v.flags, lastIndex: v.lastIndex };
    if (v instanceof Error) return { type: 'Error', ctor: v.constructor.name, name: v.name, message: v.message, ownProps: Object.getOwnPropertyNames(v).filter(k => k !== 'stack') };
    if (v instanceof Promise) return { type: 'Promise' };
    if (Array.isArray(v)) {
      const out = [];
      for (let i = 0; i < v.length; i++) out.push(i in v ? safe(v[i], seen) : '<hole>');
      const extra = Object.keys(v).filter(k => !/^\d+$/.test(k));
      if (extra.length) return { type: 'Array', items: out, extraProps: Object.fromEntries(extra.map(k => [k, safe(v[k], seen)])) };
      return out;
    }
    const proto = Object.getPrototypeOf(v);
    const props = {};
    for (const k of Object.keys(v)) props[k] = safe(v[k], seen);
    if (proto === Object.prototype) return props;
    if (v instanceof Boolean || v instanceof Number || v instanceof String) return { type: 'boxed ' + v.constructor.name, value: v.valueOf() };
    return { type: 'object', ctor: proto === null ? '<null-proto>' : (proto.constructor && proto.constructor.name), tag: Object.prototype.toString.call(v), props };
  } finally {
    seen.delete(v);
  }
}

function errInfo(e, how) {
  if (e instanceof Error) {
    return { threw: e.constructor.name, name: e.name, message: e.message, how };
  }
  return { threw: typeof e, value: safe(e), how };
}

async function runProbes(list) {
  const out = {};
  for (const [name, fn] of list) {
    let r;
    try {
      r = fn();
    } catch (e) {
      out[name] = errInfo(e, 'sync');
      continue;
    }
    if (r && typeof r.then === 'function') {
      try {
        out[name] = safe(await r);
      } catch (e) {
        out[name] = errInfo(e, 'reject');
      }
    } else {
      out[name] = safe(r);
    }
  }
  return out;
}

async function catching(fn) {
  try { return { ok: safe(await fn()) }; } catch (e) { return errInfo(e, 'caught'); }
}

function protoMethods(o) {
  const names = new Set();
  let p = Object.getPrototypeOf(o);
  while (p && p !== Object.prototype) {
    for (const n of Object.getOwnPropertyNames(p)) if (n !== 'constructor') names.add(n);
    p = Object.getPrototypeOf(p);
  }
  for (const n of Object.getOwnPropertyNames(o)) names.add(n);
  return [...names].sort();
}

function describe(o) {
  return {
    typeof: typeof o,
    ctor: o && o.constructor && o.constructor.name,
    tag: Object.prototype.toString.call(o),
    members: o && typeof o === 'object' ? protoMethods(o) : undefined,
  };
}

const mapKeys = m => ({ ctor: m && m.constructor.name, keys: [...m.keys()] });

class MyErr extends Error {
  constructor(msg) { super(msg); this.name = 'MyErr'; this.extra = 42; }
}
class Point { constructor(x, y) { this.x = x; this.y = y; } norm() { return 1; } }

// ---------------------------------------------------------------- KV probes
function kvProbes(ctx) {
  const s = ctx.storage;
  const P = [];
  const p = (name, fn) => P.push([name, fn]);

  p('kv.describe.storage', () => describe(s));
  p('kv.deleteAll.first', () => s.deleteAll());
  p('kv.put.returnType', () => { const r = s.put('k1', 'v1'); return { isPromise: r instanceof Promise, ctor: r && r.constructor.name }; });
  p('kv.put.single', () => s.put('k1', 'v1'));
  p('kv.get.single', () => s.get('k1'));
  p('kv.get.returnType', () => { const r = s.get('k1'); return { isPromise: r instanceof Promise }; });
  p('kv.get.missing', () => s.get('nope'));
  p('kv.delete.single.existing', () => s.delete('k1'));
  p('kv.delete.single.missing', () => s.delete('k1'));
  p('kv.get.afterDelete', () => s.get('k1'));
  p('kv.put.object', () => s.put({ b: 2, a: 1, c: 3 }));
  p('kv.get.array', () => s.get(['c', 'missing', 'a', 'b']));
  p('kv.get.array.ctor', async () => { const m = await s.get(['c', 'a']); return describe(m); });
  p('kv.get.array.dupes', () => s.get(['b', 'a', 'b']));
  p('kv.get.array.empty', () => s.get([]));
  p('kv.delete.array', () => s.delete(['a', 'b', 'missing']));
  p('kv.delete.array.dupes', async () => { await s.put('dd', 1); return s.delete(['dd', 'dd']); });
  p('kv.delete.array.empty', () => s.delete([]));
  p('kv.put.object.empty', () => s.put({}));
  p('kv.put.object.undefinedValue', () => s.put({ u1: undefined }));
  p('kv.put.object.withOptions', () => s.put({ o1: 1 }, { allowUnconfirmed: true }));
  p('kv.put.object.undefinedValueOverExisting', async () => { await s.put('u2', 1); const r = await catching(() => s.put({ u2: undefined, u3: 3 })); return { put: r, u2: safe(await s.get('u2')), u3: safe(await s.get('u3')) }; });
  p('kv.get.afterObjectPut', () => s.get(['c', 'o1', 'u1']));

  // ---- list
  const LK = ['A', 'a', 'aa', 'ab', 'abc', 'b', 'ba', 'bb', 'c', '\u00e9', '\uffff', '\ud83d\ude00'];
  p('list.setup', async () => { await s.deleteAll(); const o = {}; for (const k of LK) o[k] = 'v:' + k; await s.put(o); return 'ok'; });
  p('list.none', () => s.list().then(mapKeys));
  p('list.none.values', () => s.list({ limit: 2 }));
  p('list.start=ab', () => s.list({ start: 'ab' }).then(mapKeys));
  p('list.startAfter=ab', () => s.list({ startAfter: 'ab' }).then(mapKeys));
  p('list.end=b', () => s.list({ end: 'b' }).then(mapKeys));
  p('list.start=ab,end=b', () => s.list({ start: 'ab', end: 'b' }).then(mapKeys));
  p('list.start=ab,end=ab', () => s.list({ start: 'ab', end: 'ab' }).then(mapKeys));
  p('list.start=b,end=a', () => s.list({ start: 'b', end: 'a' }).then(mapKeys));
  p('list.startAfter=ab,end=ba', () => s.list({ startAfter: 'ab', end: 'ba' }).then(mapKeys));
  p('list.prefix=a', () => s.list({ prefix: 'a' }).then(mapKeys));
  p('list.prefix=""', () => s.list({ prefix: '' }).then(mapKeys));
  p('list.prefix=zz', () => s.list({ prefix: 'zz' }).then(mapKeys));
  p('list.prefix=\\uffff', () => s.list({ prefix: '\uffff' }).then(mapKeys));
  p('list.reverse', () => s.list({ reverse: true }).then(mapKeys));
  p('list.limit=3', () => s.list({ limit: 3 }).then(mapKeys));
  p('list.reverse,limit=3', () => s.list({ reverse: true, limit: 3 }).then(mapKeys));
  p('list.start=aa,prefix=a', () => s.list({ start: 'aa', prefix: 'a' }).then(mapKeys));
  p('list.start=ab,prefix=a', () => s.list({ start: 'ab', prefix: 'a' }).then(mapKeys));
  p('list.start=b,prefix=a', () => s.list({ start: 'b', prefix: 'a' }).then(mapKeys));
  p('list.start=0,prefix=a', () => s.list({ start: '0', prefix: 'a' }).then(mapKeys));
  p('list.end=ab,prefix=a', () => s.list({ end: 'ab', prefix: 'a' }).then(mapKeys));
  p('list.end=c,prefix=a', () => s.list({ end: 'c', prefix: 'a' }).then(mapKeys));
  p('list.startAfter=a,prefix=a', () => s.list({ startAfter: 'a', prefix: 'a' }).then(mapKeys));
  p('list.prefix=a,reverse,limit=2', () => s.list({ prefix: 'a', reverse: true, limit: 2 }).then(mapKeys));
  p('list.start=ab,end=c,reverse', () => s.list({ start: 'ab', end: 'c', reverse: true }).then(mapKeys));
  p('list.start=ab,end=c,reverse,limit=2', () => s.list({ start: 'ab', end: 'c', reverse: true, limit: 2 }).then(mapKeys));
  p('list.startAfter=ab,reverse', () => s.list({ startAfter: 'ab', reverse: true }).then(mapKeys));
  p('list.limit=0', () => s.list({ limit: 0 }).then(mapKeys));
  p('list.limit=-1', () => s.list({ limit: -1 }).then(mapKeys));
  p('list.limit=1.5', () => s.list({ limit: 1.5 }).then(mapKeys));
  p('list.limit="2"', () => s.list({ limit: '2' }).then(mapKeys));
  p('list.limit=NaN', () => s.list({ limit: NaN }).then(mapKeys));
  p('list.start+startAfter', () => s.list({ start: 'a', startAfter: 'a' }).then(mapKeys));
  p('list.start=number', () => s.list({ start: 5 }).then(mapKeys));
  p('list.unknownOption', () => s.list({ bogus: 1, limit: 1 }).then(mapKeys));
  p('list.optionsNull', () => s.list(null).then(mapKeys));
  p('list.getArrayOrder', () => s.get(['\ud83d\ude00', '\uffff', 'A', 'a', 'missing', '\u00e9']));

  // ---- keys
  p('key.2048bytes.put', () => s.put('x'.repeat(2048), 1));
  p('key.2048bytes.get', () => s.get('x'.repeat(2048)));
  p('key.2049bytes.put', () => s.put('x'.repeat(2049), 1));
  p('key.2049bytes.get', () => s.get('x'.repeat(2049)));
  p('key.2049bytes.delete', () => s.delete('x'.repeat(2049)));
  p('key.2049bytes.getArray', () => s.get(['ok', 'x'.repeat(2049)]));
  p('key.2049bytes.putObject', () => s.put({ ['x'.repeat(2049)]: 1 }));
  p('key.2049bytes.listStart', () => s.list({ start: 'x'.repeat(2049) }).then(mapKeys));
  p('key.2049bytes.listPrefix', () => s.list({ prefix: 'x'.repeat(2049) }).then(mapKeys));
  p('key.1024xE9(2048bytes).put', () => s.put('\u00e9'.repeat(1024), 1));
  p('key.1025xE9(2050bytes).put', () => s.put('\u00e9'.repeat(1025), 1));
  p('key.empty.put', () => s.put('', 'empty'));
  p('key.empty.get', () => s.get(''));
  p('key.empty.delete', () => s.delete(''));
  p('key.number.put', () => s.put(1, 'num'));
  p('key.number.get(1)', () => s.get(1));
  p('key.number.get("1")', () => s.get('1'));
  p('key.null.put', () => s.put(null, 'nul'));
  p('key.null.get("null")', () => s.get('null'));
  p('key.true.put', () => s.put(true, 'bool'));
  p('key.object.put', () => s.put({ toString() { return 'objkey'; } }, 'x'));
  p('key.object.get', () => s.get({ toString() { return 'objkey'; } }));
  p('key.symbol.get', () => s.get(Symbol('x')));
  p('key.nul-char.put', () => s.put('a\u0000b', 'nulchar'));
  p('key.nul-char.get', () => s.get('a\u0000b'));
  p('key.nul-char.getPrefixA', () => s.get('a'));
  p('key.loneSurrogate.put', () => s.put('\ud800', 'lone'));
  p('key.loneSurrogate.get', () => s.get('\ud800'));
  p('key.loneSurrogate.getFFFD', () => s.get('\ufffd'));
  p('key.delete.number', () => s.delete(1));
  p('key.delete.numberArray', () => s.delete([1, 'null', 'true']));

  // ---- counts
  const keys = n => Array.from({ length: n }, (_, i) => 'n' + i);
  const entries = n => Object.fromEntries(keys(n).map(k => [k, 1]));
  p('count.get128', () => s.get(keys(128)).then(m => m.size));
  p('count.get129', () => s.get(keys(129)).then(m => m.size));
  p('count.put128', () => s.put(entries(128)));
  p('count.put129', () => s.put(entries(129)));
  p('count.delete128', () => s.delete(keys(128)));
  p('count.delete129', () => s.delete(keys(129)));
  p('count.get1000', () => s.get(keys(1000)).then(m => m.size));

  // ---- values
  p('value.put(key)', () => s.put('vk'));
  p('value.put(key,undefined)', () => s.put('vk', undefined));
  p('value.put(key,null)', () => s.put('vnull', null));
  p('value.get(null-valued)', () => s.get('vnull'));
  p('value.size.131072str', () => s.put('big', 'x'.repeat(131072)));
  p('value.size.131072u8', () => s.put('big', new Uint8Array(131072)));
  p('value.size.131073u8', () => s.put('big', new Uint8Array(131073)));
  p('value.size.200000str', () => s.put('big', 'x'.repeat(200000)));
  p('value.size.bigInObject', () => s.put({ big1: 'x'.repeat(200000) }));
  async function maxLen(mk) {
    let lo = 130000, hi = 132000; // lo ok, hi fails
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const r = await catching(() => s.put('big', mk(mid)));
      if ('ok' in r) lo = mid; else hi = mid;
    }
    const err = await catching(() => s.put('big', mk(hi)));
    return { maxOk: lo, firstFail: hi, err };
  }
  p('value.size.maxStringLenOneByte', () => maxLen(n => 'x'.repeat(n)));
  p('value.size.maxUint8ArrayLen', () => maxLen(n => new Uint8Array(n)));
  p('value.size.maxArrayBufferLen', () => maxLen(n => new ArrayBuffer(n)));
  p('value.size.maxStringLenTwoByte', async () => {
    let lo = 60000, hi = 70000;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const r = await catching(() => s.put('big', '\u00e9'.repeat(mid) + '\u0100'));
      if ('ok' in r) lo = mid; else hi = mid;
    }
    return { maxOk_plus1char: lo, firstFail: hi };
  });

  const roundtrip = (name, mk) => p('value.roundtrip.' + name, async () => {
    const v = mk();
    try { await s.put('rt', v); } catch (e) { return { put: errInfo(e, 'reject') }; }
    const g = await s.get('rt');
    return { got: g, typeof: typeof g, ctor: g === null || g === undefined ? null : (Object.getPrototypeOf(g) && Object.getPrototypeOf(g).constructor && Object.getPrototypeOf(g).constructor.name), sameObject: g === v };
  });
  roundtrip('Date', () => new Date(1234567890123));
  roundtrip('InvalidDate', () => new Date(NaN));
  roundtrip('Map', () => new Map([['a', 1], [2, { b: 3 }]]));
  roundtrip('Set', () => new Set([1, 'two', 3]));
  roundtrip('RegExp', () => /ab+c/gi);
  roundtrip('BigInt', () => 12345678901234567890n);
  roundtrip('nested', () => ({ a: { b: [1, { c: 'd' }], e: null }, f: [[], {}] }));
  roundtrip('Uint8Array', () => new Uint8Array([1, 2, 255]));
  roundtrip('Uint8ArraySubarray', () => new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 3));
  roundtrip('ArrayBuffer', () => new Uint8Array([9, 8, 7]).buffer);
  roundtrip('Int16Array', () => new Int16Array([-1, 300]));
  roundtrip('Float64Array', () => new Float64Array([1.5]));
  roundtrip('DataView', () => new DataView(new Uint8Array([4, 5]).buffer));
  roundtrip('objectWithFunction', () => ({ a: 1, f() { } }));
  roundtrip('function', () => function foo() { });
  roundtrip('symbol', () => Symbol('s'));
  roundtrip('objectWithSymbolValue', () => ({ s: Symbol('s') }));
  roundtrip('classInstance', () => new Point(1, 2));
  roundtrip('Error', () => new Error('boom'));
  roundtrip('TypeError', () => new TypeError('tboom'));
  roundtrip('MyErr', () => new MyErr('custom'));
  roundtrip('NaN', () => NaN);
  roundtrip('-0', () => -0);
  roundtrip('Infinity', () => Infinity);
  roundtrip('number', () => 1.5);
  roundtrip('int', () => 42);
  roundtrip('string', () => 'hello');
  roundtrip('emptyString', () => '');
  roundtrip('true', () => true);
  roundtrip('null', () => null);
  roundtrip('sparseArray', () => { const a = [1]; a[3] = 4; return a; });
  roundtrip('arrayWithProp', () => { const a = [1, 2]; a.x = 'y'; return a; });
  roundtrip('objectWithUndefined', () => ({ a: undefined, b: 1 }));
  roundtrip('circular', () => { const o = { name: 'c' }; o.self = o; return o; });
  roundtrip('sharedRef', () => { const x = { v: 1 }; return { a: x, b: x }; });
  roundtrip('BooleanObject', () => new Boolean(false));
  roundtrip('StringObject', () => new String('s'));
  roundtrip('NumberObject', () => new Number(3));
  roundtrip('WeakMap', () => new WeakMap());
  roundtrip('Promise', () => Promise.resolve(1));
  roundtrip('getter', () => ({ get g() { return 7; } }));
  roundtrip('nullProto', () => { const o = Object.create(null); o.a = 1; return o; });
  roundtrip('numericKeys', () => ({ b: 1, 2: 'two', a: 3, 1: 'one' }));
  roundtrip('Request', () => new Request('https://x/'));
  roundtrip('Headers', () => new Headers({ a: 'b' }));
  roundtrip('SharedArrayBuffer', () => (typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(2) : 'n/a'));
  p('value.mutationIsolation', async () => {
    const o = { a: 1 };
    await s.put('mut', o);
    o.a = 2;
    const g1 = await s.get('mut');
    g1.a = 3;
    const g2 = await s.get('mut');
    return { afterMutatingOriginal: g1.a === 3 ? 'g1 mutated to 3' : g1.a, g2a: g2.a, g1SameAsG2: g1 === g2 };
  });


  p('value.size.large', async () => {
    const out = {};
    for (const n of [1 << 20, 2 << 20, (2 << 20) + 1, 10 << 20, 32 << 20]) {
      const r = await catching(() => s.put('bigL', new Uint8Array(n)));
      out[n] = 'ok' in r ? 'ok' : r.message;
    }
    await s.delete('bigL');
    return out;
  });
  p('key.size.large', async () => {
    const out = {};
    for (const n of [4096, 65536, 1 << 20, 2 << 20, (2 << 20) + 1, 10 << 20]) {
      const k = 'k'.repeat(n);
      const r = await catching(() => s.put(k, 1));
      const g = await catching(() => s.get(k));
      out[n] = { put: 'ok' in r ? 'ok' : r.message, get: 'ok' in g ? g.ok : g.message };
      await catching(() => s.delete(k));
    }
    return out;
  });

  p('value.size.exactLimitArrayBuffer', async () => {
    let lo = 2 << 20, hi = 10 << 20;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const r = await catching(() => s.put('bigE', new ArrayBuffer(mid)));
      if ('ok' in r) lo = mid; else hi = mid;
    }
    await s.delete('bigE');
    return { maxOkByteLength: lo, firstFail: hi, note: 'serialized = FF 0F 42 varint(len) bytes' };
  });
  p('key.size.exactLimitAscii', async () => {
    let lo = 2 << 20, hi = 10 << 20;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const r = await catching(() => s.put('k'.repeat(mid), 1));
      if ('ok' in r) { lo = mid; await s.delete('k'.repeat(mid)); } else hi = mid;
    }
    return { maxOk: lo, firstFail: hi };
  });

  p('size.keyPlusValueIsCombined', async () => {
    const key = 'k'.repeat(1000000);
    let lo = 1, hi = 10 << 20;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      const r = await catching(() => s.put(key, new ArrayBuffer(mid)));
      if ('ok' in r) lo = mid; else hi = mid;
    }
    await s.delete(key);
    return { keyLen: 1000000, maxOkValueByteLength: lo };
  });
  p('alarm.pastIsClamped', async () => {
    await s.setAlarm(1000);
    const a = await s.getAlarm();
    const now = Date.now();
    await s.deleteAlarm();
    return { got: a, nowAtRead: now, diff: a - now };
  });
  p('alarm.setZero', async () => { const r = await catching(() => s.setAlarm(0)); const a = await s.getAlarm(); await s.deleteAlarm(); return { set: r, get: a }; });
  p('alarm.setNegative', async () => { const r = await catching(() => s.setAlarm(-5)); const a = await s.getAlarm(); await s.deleteAlarm(); return { set: r, get: a }; });

  // ---- transactions
  p('txn.commit', async () => {
    const r = await s.transaction(async txn => { await txn.put('t1', 'one'); return { ret: 'value', members: protoMethods(txn) }; });
    return { returned: r, t1: await s.get('t1') };
  });
  p('txn.commitNonPromiseReturn', () => s.transaction(txn => 'plain'));
  p('txn.throw', async () => {
    const err = new MyErr('inside txn');
    try {
      await s.transaction(async txn => { await txn.put('t2', 'two'); throw err; });
      return 'no throw';
    } catch (e) {
      return { same: e === err, ctor: e.constructor.name, message: e.message, extra: e.extra, t2: safe(await s.get('t2')) };
    }
  });
  p('txn.throwNonError', async () => {
    try { await s.transaction(async () => { throw 'a string'; }); } catch (e) { return { typeof: typeof e, value: e }; }
  });
  p('txn.rollback', async () => {
    const r = await s.transaction(async txn => {
      await txn.put('t3', 'three');
      const rb = txn.rollback();
      const after = await catching(() => txn.put('t3b', 'x'));
      const afterGet = await catching(() => txn.get('t3'));
      return { rollbackReturn: safe(rb), putAfterRollback: after, getAfterRollback: afterGet };
    });
    return { returned: r, t3: await s.get('t3'), t3b: await s.get('t3b') };
  });
  p('txn.rollbackTwice', () => s.transaction(async txn => { txn.rollback(); txn.rollback(); return 'ok'; }));
  p('txn.nested', async () => {
    return s.transaction(async txn => {
      return catching(() => txn.transaction(async t2 => { await t2.put('tn', 1); return 'inner'; }));
    });
  });
  p('txn.deleteAllInside', () => s.transaction(async txn => txn.deleteAll()));
  p('txn.readYourWrites', () => s.transaction(async txn => { await txn.put('ry', 5); return txn.get('ry'); }));
  p('txn.list', () => s.transaction(async txn => { await txn.put('ry2', 6); return mapKeys(await txn.list({ prefix: 'ry' })); }));

  // ---- misc
  p('sync.return', () => s.sync());
  p('sync.returnType', () => { const r = s.sync(); return { isPromise: r instanceof Promise }; });
  p('alarm.getNone', () => s.getAlarm());
  p('alarm.setNumber', () => s.setAlarm(Date.now() + 60000));
  p('alarm.getAfterSet', async () => { const a = await s.getAlarm(); return { value: a, typeof: typeof a, closeToNowPlus60s: Math.abs(a - Date.now() - 60000) < 5000 }; });
  p('alarm.setDate', () => s.setAlarm(new Date(Date.now() + 120000)));
  p('alarm.getAfterSetDate', async () => { const a = await s.getAlarm(); return { typeof: typeof a, ctor: a && a.constructor.name, deltaFromNow: Math.round((a - Date.now()) / 1000) }; });
  p('alarm.setFractional', () => s.setAlarm(Date.now() + 60000.7));
  p('alarm.getAfterFractional', async () => { const a = await s.getAlarm(); return { isInteger: Number.isInteger(a) }; });
  p('alarm.setString', () => s.setAlarm('2030-01-01'));
  p('alarm.setNaN', () => s.setAlarm(NaN));
  p('alarm.setNone', () => s.setAlarm());
  p('alarm.setPast', () => s.setAlarm(1000));
  p('alarm.getAfterPast', () => s.getAlarm());
  p('alarm.deleteAlarm', () => s.deleteAlarm());
  p('alarm.deleteAlarmAgain', () => s.deleteAlarm());
  p('alarm.getAfterDelete', () => s.getAlarm());
  p('alarm.setThenDeleteAll', async () => { await s.setAlarm(Date.now() + 600000); await s.deleteAll(); const a = await s.getAlarm(); await s.deleteAlarm(); return { alarmAfterDeleteAll: a === null ? null : typeof a }; });
  p('deleteAll.return', async () => { await s.put('z', 1); return s.deleteAll(); });
  p('deleteAll.listAfter', () => s.list().then(mapKeys));
  return P;
}

// ---------------------------------------------------------------- SQL probes
function sqlProbes(ctx) {
  const s = ctx.storage;
  const sql = s.sql;
  const P = [];
  const p = (name, fn) => P.push([name, fn]);
  const curInfo = c => ({ columnNames: c.columnNames, rowsRead: c.rowsRead, rowsWritten: c.rowsWritten });

  p('sql.describe', () => describe(sql));
  p('sql.dropAll', () => {
    const t = sql.exec("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%'").toArray();
    for (const r of t) sql.exec(`DROP TABLE IF EXISTS "${r.name}"`);
    return t.map(r => r.name);
  });
  p('sql.create', () => { const c = sql.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, n)'); return { describe: describe(c), before: curInfo(c), arr: c.toArray(), after: curInfo(c) }; });
  p('sql.insert1.bindings', () => {
    const c = sql.exec('INSERT INTO t (i, r, s, b, n) VALUES (?, ?, ?, ?, ?)', 1, 1.5, 'x', new Uint8Array([1, 2, 3]), null);
    const before = curInfo(c);
    const arr = c.toArray();
    return { before, arr, after: curInfo(c) };
  });
  p('sql.insert3', () => {
    const c = sql.exec("INSERT INTO t (i, r, s) VALUES (2, 2.5, 'y'), (3, 3.5, 'z'), (4, 4.5, 'w')");
    return { before: curInfo(c), arr: c.toArray(), after: curInfo(c) };
  });
  p('sql.insert.returning', () => {
    const c = sql.exec("INSERT INTO t (i, s) VALUES (5, 'v'), (6, 'u') RETURNING id, i");
    return { before: curInfo(c), arr: c.toArray(), after: curInfo(c) };
  });
  p('sql.insert.notIterated', () => {
    sql.exec("INSERT INTO t (i, s) VALUES (7, 'lazy?')");
    return sql.exec('SELECT count(*) AS c FROM t WHERE i = 7').one();
  });
  p('sql.insert.multiRowNotIterated', () => {
    sql.exec('CREATE TABLE lazy (a)');
    sql.exec("INSERT INTO lazy VALUES (1), (2), (3) RETURNING a");
    return sql.exec('SELECT count(*) AS c FROM lazy').one();
  });
  p('sql.update', () => {
    const c = sql.exec('UPDATE t SET r = r + 1 WHERE i <= 3');
    return { before: curInfo(c), arr: c.toArray(), after: curInfo(c) };
  });
  p('sql.delete', () => {
    const c = sql.exec('DELETE FROM t WHERE i >= 5');
    return { before: curInfo(c), arr: c.toArray(), after: curInfo(c) };
  });
  p('sql.select.toArray', () => {
    const c = sql.exec('SELECT * FROM t ORDER BY id');
    const before = curInfo(c);
    const arr = c.toArray();
    return { before, arr, after: curInfo(c), toArrayAgain: c.toArray() };
  });
  p('sql.select.rowsReadPartial', () => {
    const c = sql.exec('SELECT * FROM t ORDER BY id');
    const a = curInfo(c);
    c.next();
    const b = curInfo(c);
    c.next();
    const d = curInfo(c);
    return { initial: a, afterNext1: b, afterNext2: d };
  });
  p('sql.select.countStar.rowsRead', () => { const c = sql.exec('SELECT count(*) AS c FROM t'); const arr = c.toArray(); return { arr, ...curInfo(c) }; });
  p('sql.one.zeroRows', () => sql.exec('SELECT * FROM t WHERE id = -1').one());
  p('sql.one.twoRows', () => sql.exec('SELECT * FROM t WHERE i IN (1, 2)').one());
  p('sql.one.oneRow', () => sql.exec('SELECT i, s FROM t WHERE i = 1').one());
  p('sql.one.afterInsertNoRows', () => sql.exec("INSERT INTO t (i) VALUES (99)").one());
  p('sql.one.twoRowsSideEffect', () => {
    const c = sql.exec('SELECT i FROM t ORDER BY i');
    const e = (() => { try { c.one(); return 'no'; } catch (e) { return e.message; } })();
    return { err: e, nextAfter: c.next(), ...curInfo(c) };
  });
  p('sql.raw', () => {
    const c = sql.exec('SELECT i, s, b FROM t ORDER BY id');
    const r = c.raw();
    return { rawDescribe: describe(r), rawIsCursor: r === c, columnNames: c.columnNames, arr: r.toArray() };
  });
  p('sql.raw.next', () => {
    const r = sql.exec('SELECT i, s FROM t ORDER BY id LIMIT 2').raw();
    return [r.next(), r.next(), r.next(), r.next()];
  });
  p('sql.raw.thenCursor', () => {
    const c = sql.exec('SELECT i FROM t ORDER BY id LIMIT 3');
    const r = c.raw();
    return { first: r.next(), second: c.next(), rest: r.toArray() };
  });
  p('sql.columnNames.variants', () => ({
    expr: sql.exec('SELECT 1 + 1, i AS alias, t.s FROM t LIMIT 1').columnNames,
    star: sql.exec('SELECT * FROM t LIMIT 0').columnNames,
    create: sql.exec('CREATE TABLE IF NOT EXISTS cn (a)').columnNames,
  }));
  p('sql.duplicateColumnNames', () => ({
    obj: sql.exec('SELECT 1 AS a, 2 AS a, 3 AS b').toArray(),
    raw: sql.exec('SELECT 1 AS a, 2 AS a, 3 AS b').raw().toArray(),
    one: sql.exec('SELECT 1 AS a, 2 AS a').one(),
  }));
  p('sql.forOf', () => { const out = []; for (const row of sql.exec('SELECT i FROM t ORDER BY id')) out.push(row); return out; });
  p('sql.forOfBreakThenResume', () => {
    const c = sql.exec('SELECT i FROM t ORDER BY id');
    for (const row of c) { break; }
    return { rest: c.toArray() };
  });
  p('sql.iteratorProtocol', () => {
    const c = sql.exec('SELECT 1 AS x');
    const it = c[Symbol.iterator]();
    return { itIsCursor: it === c, hasNext: typeof c.next, hasReturn: typeof c.return, proto: describe(c) };
  });
  p('sql.next', () => {
    const c = sql.exec('SELECT i FROM t ORDER BY id LIMIT 2');
    return [c.next(), c.next(), c.next(), c.next()];
  });
  p('sql.next.valueKeysInDone', () => { const c = sql.exec('SELECT 1 AS x'); c.next(); const d = c.next(); return { keys: Object.keys(d), hasValue: 'value' in d }; });
  p('sql.databaseSize', () => {
    const a = s.sql.databaseSize;
    sql.exec('CREATE TABLE IF NOT EXISTS bigt (b BLOB)');
    for (let i = 0; i < 20; i++) sql.exec('INSERT INTO bigt VALUES (?)', new Uint8Array(100000));
    const b = s.sql.databaseSize;
    sql.exec('DELETE FROM bigt');
    const c = s.sql.databaseSize;
    return { typeof: typeof a, initial: a, afterInsert2MB: b, afterDelete: c };
  });
  p('sql.types', () => {
    sql.exec('CREATE TABLE ty (i INTEGER, r REAL, s TEXT, b BLOB, n, big INTEGER, neg INTEGER, ri REAL)');
    sql.exec("INSERT INTO ty VALUES (42, 3.25, 'txt', X'00ff10', NULL, 9007199254740993, -9223372036854775808, 2.0)");
    const row = sql.exec('SELECT * FROM ty').one();
    const out = {};
    for (const [k, v] of Object.entries(row)) out[k] = { value: safe(v), typeof: typeof v, ctor: v === null ? null : v.constructor.name };
    return out;
  });
  p('sql.types.raw', () => sql.exec('SELECT * FROM ty').raw().toArray());
  p('sql.types.literals', () => {
    const row = sql.exec("SELECT 9007199254740991 AS maxSafe, 9007199254740992 AS p53, 9007199254740993 AS p53plus1, 9223372036854775807 AS i64max, 1e308*10 AS inf, 0.1 AS tenth, -0.0 AS negzero, 1/0 AS divzero, CAST(2 AS REAL) AS realTwo, X'' AS emptyBlob, '' AS emptyText, true AS t").one();
    const out = {};
    for (const [k, v] of Object.entries(row)) out[k] = { value: safe(v), typeof: typeof v };
    return out;
  });
  p('sql.blob.sameBufferTwice', () => { const rows = sql.exec("SELECT X'0102' AS b UNION ALL SELECT X'0304'").toArray(); return { a: rows[0].b, b: rows[1].b, isAB: rows[0].b instanceof ArrayBuffer }; });

  const bindTest = (name, mk) => p('sql.bind.' + name, () => {
    const v = mk();
    const row = sql.exec('SELECT ?1 AS v, typeof(?1) AS t', v).one();
    return { v: row.v, sqlType: row.t, jsTypeBack: typeof row.v };
  });
  bindTest('intNumber', () => 7);
  bindTest('floatNumber', () => 7.5);
  bindTest('intValuedFloat', () => 2.0);
  bindTest('largeNumber', () => 2 ** 60);
  bindTest('negZero', () => -0);
  bindTest('NaN', () => NaN);
  bindTest('Infinity', () => Infinity);
  bindTest('string', () => 'str');
  bindTest('emptyString', () => '');
  bindTest('null', () => null);
  bindTest('undefined', () => undefined);
  bindTest('true', () => true);
  bindTest('false', () => false);
  bindTest('bigint', () => 5n);
  bindTest('bigintHuge', () => 2n ** 70n);
  bindTest('Uint8Array', () => new Uint8Array([1, 2]));
  bindTest('ArrayBuffer', () => new Uint8Array([3, 4]).buffer);
  bindTest('Uint8ArraySub', () => new Uint8Array([1, 2, 3, 4]).subarray(1, 3));
  bindTest('Int16Array', () => new Int16Array([1]));
  bindTest('DataView', () => new DataView(new ArrayBuffer(2)));
  bindTest('Date', () => new Date(0));
  bindTest('object', () => ({ a: 1 }));
  bindTest('array', () => [1, 2]);
  bindTest('symbol', () => Symbol('s'));
  bindTest('function', () => function f() { });
  bindTest('StringObject', () => new String('so'));
  p('sql.bind.noArgsButPlaceholder', () => sql.exec('SELECT ? AS v').toArray());
  p('sql.bind.tooFew', () => sql.exec('SELECT ? AS a, ? AS b', 1).toArray());
  p('sql.bind.tooMany', () => sql.exec('SELECT ? AS a', 1, 2).toArray());
  p('sql.bind.noPlaceholderOneArg', () => sql.exec('SELECT 1 AS a', 1).toArray());
  p('sql.bind.numbered', () => sql.exec('SELECT ?2 AS a, ?1 AS b', 'one', 'two').toArray());
  p('sql.bind.named', () => sql.exec('SELECT :x AS a', { x: 1 }).toArray());
  p('sql.bind.namedWithValue', () => sql.exec('SELECT :x AS a, $y AS b, @z AS c', 1, 2, 3).toArray());

  p('sql.err.syntax', () => sql.exec('SELEC 1'));
  p('sql.err.noSuchTable', () => sql.exec('SELECT * FROM nope'));
  p('sql.err.noSuchColumn', () => sql.exec('SELECT nocol FROM t'));
  p('sql.err.constraint', () => { sql.exec('CREATE TABLE uq (a UNIQUE)'); sql.exec('INSERT INTO uq VALUES (1)'); return sql.exec('INSERT INTO uq VALUES (1)'); });
  p('sql.err.notNull', () => { sql.exec('CREATE TABLE nn (a NOT NULL)'); return sql.exec('INSERT INTO nn VALUES (NULL)'); });
  p('sql.err.tableExists', () => sql.exec('CREATE TABLE t (x)'));
  p('sql.err.runtimeInIteration', () => { const c = sql.exec("SELECT 1 AS a UNION ALL SELECT json('bad json')"); return { first: 'exec ok', arr: (() => { try { return c.toArray(); } catch (e) { return errInfo(e, 'toArray'); } })() }; });
  p('sql.err.empty', () => sql.exec('').toArray());
  p('sql.err.semicolonOnly', () => sql.exec(';').toArray());
  p('sql.err.commentOnly', () => sql.exec('-- hi').toArray());
  p('sql.err.noArgs', () => sql.exec());
  p('sql.err.nonStringQuery', () => sql.exec(123));
  p('sql.usableAfterError', () => sql.exec('SELECT 1 AS one').one());
  p('sql.cfKV.select', () => sql.exec('SELECT * FROM _cf_KV').toArray());
  p('sql.cfKV.selectUpper', () => sql.exec('SELECT * FROM _CF_KV').toArray());
  p('sql.cfKV.insert', () => sql.exec("INSERT INTO _cf_KV VALUES ('x', X'00')"));
  p('sql.cfKV.drop', () => sql.exec('DROP TABLE _cf_KV'));

  p('sql.cfKV.afterKvPut.select', async () => { await s.put('kvx', 1); return catching(() => sql.exec('SELECT * FROM _cf_KV').toArray()); });
  p('sql.cfKV.afterKvPut.count', () => sql.exec('SELECT count(*) FROM _cf_KV').toArray());
  p('sql.cfKV.afterKvPut.insert', () => sql.exec("INSERT INTO _cf_KV VALUES ('x', X'00')"));
  p('sql.cfKV.afterKvPut.drop', () => sql.exec('DROP TABLE _cf_KV'));
  p('sql.cfKV.afterKvPut.sqliteMaster', () => sql.exec('SELECT type, name FROM sqlite_master ORDER BY name').toArray());
  p('sql.cfKV.afterKvPut.tableList', () => sql.exec('PRAGMA table_list').toArray());
  p('sql.cfKV.afterKvPut.tableInfo', () => sql.exec('PRAGMA table_info(_cf_KV)').toArray());
  p('sql.cfX.create', () => sql.exec('CREATE TABLE _cf_x (a)'));
  p('sql.cfX.createQuoted', () => sql.exec('CREATE TABLE "_cf_y" (a)'));
  p('sql.cfX.createUpper', () => sql.exec('CREATE TABLE _CF_z (a)'));
  p('sql.cfMETADATA.select', () => sql.exec('SELECT * FROM _cf_METADATA').toArray());
  p('sql.cfX.selectMissing', () => sql.exec('SELECT * FROM _cf_nothere').toArray());
  p('sql.sqliteMaster', () => sql.exec('SELECT type, name, tbl_name FROM sqlite_master ORDER BY name').toArray());
  p('sql.sqliteSchema', () => sql.exec('SELECT name FROM sqlite_schema ORDER BY name').toArray());
  p('sql.txn.BEGIN', () => sql.exec('BEGIN TRANSACTION'));
  p('sql.txn.BEGIN_plain', () => sql.exec('BEGIN'));
  p('sql.txn.COMMIT', () => sql.exec('COMMIT'));
  p('sql.txn.ROLLBACK', () => sql.exec('ROLLBACK'));
  p('sql.txn.SAVEPOINT', () => sql.exec('SAVEPOINT x'));
  p('sql.txn.RELEASE', () => sql.exec('RELEASE x'));
  p('sql.txn.ROLLBACK_TO', () => sql.exec('ROLLBACK TO x'));
  p('sql.multi.basic', () => {
    sql.exec('CREATE TABLE m (a)');
    const c = sql.exec('INSERT INTO m VALUES (1); INSERT INTO m VALUES (2); SELECT * FROM m');
    const before = curInfo(c);
    const arr = c.toArray();
    return { before, arr, after: curInfo(c), count: sql.exec('SELECT count(*) AS c FROM m').one() };
  });
  p('sql.multi.selectFirst', () => {
    const c = sql.exec('SELECT a FROM m; INSERT INTO m VALUES (3);');
    return { columnNames: c.columnNames, arr: c.toArray(), ...curInfo(c), count: sql.exec('SELECT count(*) AS c FROM m').one() };
  });
  p('sql.multi.twoSelects', () => { const c = sql.exec('SELECT 1 AS x; SELECT 2 AS y'); return { columnNames: c.columnNames, arr: c.toArray() }; });
  p('sql.multi.bindings', () => {
    const c = sql.exec('INSERT INTO m VALUES (?); INSERT INTO m VALUES (?)', 10, 11);
    return { arr: c.toArray(), rows: sql.exec('SELECT a FROM m WHERE a >= 10').raw().toArray() };
  });
  p('sql.multi.bindingsOnlyLast', () => {
    const c = sql.exec('INSERT INTO m VALUES (20); INSERT INTO m VALUES (?)', 21);
    return { arr: c.toArray(), rows: sql.exec('SELECT a FROM m WHERE a >= 20').raw().toArray() };
  });
  p('sql.multi.errorInSecond', () => {
    const before = sql.exec('SELECT count(*) AS c FROM m').one().c;
    let err;
    try { sql.exec('INSERT INTO m VALUES (30); SELEC oops'); } catch (e) { err = errInfo(e, 'sync'); }
    const after = sql.exec('SELECT count(*) AS c FROM m').one().c;
    return { err, before, after };
  });
  p('sql.multi.trailingSemicolons', () => sql.exec('SELECT 1 AS x;;  ; ').toArray());
  p('sql.multi.createAndTxnInside', () => sql.exec('CREATE TABLE m2 (a); BEGIN; INSERT INTO m2 VALUES (1); COMMIT;').toArray());

  // ---- sync kv api
  p('kvsync.describe', () => describe(s.kv));
  p('kvsync.put', () => s.kv.put('s1', { a: 1 }));
  p('kvsync.get', () => s.kv.get('s1'));
  p('kvsync.get.missing', () => s.kv.get('s-missing'));
  p('kvsync.get.array', () => s.kv.get(['s1', 's-missing']));
  p('kvsync.put.object', () => s.kv.put({ s2: 2, s3: 3 }));
  p('kvsync.put.undefined', () => s.kv.put('s4', undefined));
  p('kvsync.put.noValue', () => s.kv.put('s4'));
  p('kvsync.put.undefined.readBack', async () => { s.kv.put('s5', undefined); return { sync: safe(s.kv.get('s5')), async: safe(await s.get('s5')), inList: [...s.kv.list({ prefix: 's5' })].length, asyncList: (await s.list({ prefix: 's5' })).size }; });
  p('kvsync.delete.existing', () => s.kv.delete('s1'));
  p('kvsync.delete.missing', () => s.kv.delete('s1'));
  p('kvsync.delete.array', () => s.kv.delete(['s2', 's3']));
  p('kvsync.list', () => {
    s.kv.put('la', 1); s.kv.put('lb', 2); s.kv.put('lc', 3);
    const r = s.kv.list({ prefix: 'l' });
    return { describe: describe(r), isIterator: typeof r.next === 'function', iterable: typeof r[Symbol.iterator] === 'function', selfIter: r[Symbol.iterator] && r[Symbol.iterator]() === r, entries: [...r] };
  });
  p('kvsync.list.next', () => { const r = s.kv.list({ prefix: 'l', limit: 1 }); return [r.next(), r.next(), r.next()]; });
  p('kvsync.list.all', () => [...s.kv.list()].map(([k]) => k));
  p('kvsync.list.reverse,limit=2', () => [...s.kv.list({ prefix: 'l', reverse: true, limit: 2 })].map(([k]) => k));
  p('kvsync.list.start,end', () => [...s.kv.list({ start: 'lb', end: 'lc' })].map(([k]) => k));
  p('kvsync.list.startAfter', () => [...s.kv.list({ startAfter: 'la', prefix: 'l' })].map(([k]) => k));
  p('kvsync.list.start+startAfter', () => [...s.kv.list({ start: 'la', startAfter: 'la' })]);
  p('kvsync.list.limit0', () => [...s.kv.list({ limit: 0 })]);
  p('kvsync.list.limitNeg', () => [...s.kv.list({ limit: -1 })]);
  p('kvsync.key.2049', () => s.kv.put('x'.repeat(2049), 1));
  p('kvsync.key.2049get', () => s.kv.get('x'.repeat(2049)));
  p('kvsync.value.200000', () => s.kv.put('bigv', 'x'.repeat(200000)));
  p('kvsync.value.2MB', () => { s.kv.put('bigv2', new Uint8Array(2 * 1024 * 1024)); return s.kv.get('bigv2').byteLength; });
  p('kvsync.count.put129', () => s.kv.put(Object.fromEntries(Array.from({ length: 129 }, (_, i) => ['c' + i, i]))));
  p('kvsync.count.get129', () => s.kv.get(Array.from({ length: 129 }, (_, i) => 'c' + i)).size);
  p('kvsync.count.delete129', () => s.kv.delete(Array.from({ length: 129 }, (_, i) => 'c' + i)));
  p('kvsync.key.empty', () => s.kv.put('', 1));
  p('kvsync.key.number', () => { s.kv.put(5, 'five'); return s.kv.get('5'); });
  p('cross.asyncPut->syncGet', async () => { await s.put('cross1', { via: 'async' }); return s.kv.get('cross1'); });
  p('cross.syncPut->asyncGet', async () => { s.kv.put('cross2', { via: 'sync' }); return s.get('cross2'); });
  p('cross.asyncPut->sqlSelect', async () => { await s.put('cross3', 1); return catching(() => sql.exec("SELECT key FROM _cf_KV WHERE key = 'cross3'").toArray()); });
  p('cross.deleteAllClearsSqlTables', async () => {
    sql.exec('CREATE TABLE IF NOT EXISTS da (a)');
    sql.exec('INSERT INTO da VALUES (1)');
    const r = await s.deleteAll();
    return { ret: safe(r), tables: sql.exec("SELECT name FROM sqlite_master WHERE type='table'").raw().toArray(), kv: [...s.kv.list()].length };
  });
  p('cross.recreateAfterDeleteAll', () => { sql.exec('CREATE TABLE t (a)'); sql.exec('CREATE TABLE m (a)'); return 'ok'; });

  // ---- pragmas & misc statements
  const stmt = (name, q) => p('sql.stmt.' + name, () => sql.exec(q).toArray());
  stmt('PRAGMA table_list', 'PRAGMA table_list');
  stmt('PRAGMA table_info(t)', 'PRAGMA table_info(t)');
  stmt('PRAGMA table_xinfo(t)', 'PRAGMA table_xinfo(t)');
  stmt('PRAGMA index_list(t)', 'PRAGMA index_list(t)');
  stmt('PRAGMA foreign_keys', 'PRAGMA foreign_keys');
  stmt('PRAGMA foreign_keys=ON', 'PRAGMA foreign_keys = ON');
  stmt('PRAGMA foreign_keys=OFF', 'PRAGMA foreign_keys = OFF');
  stmt('PRAGMA defer_foreign_keys=ON', 'PRAGMA defer_foreign_keys = ON');
  stmt('PRAGMA journal_mode', 'PRAGMA journal_mode');
  stmt('PRAGMA journal_mode=DELETE', 'PRAGMA journal_mode = DELETE');
  stmt('PRAGMA user_version', 'PRAGMA user_version');
  stmt('PRAGMA user_version=5', 'PRAGMA user_version = 5');
  stmt('PRAGMA integrity_check', 'PRAGMA integrity_check');
  stmt('PRAGMA quick_check', 'PRAGMA quick_check');
  stmt('PRAGMA optimize', 'PRAGMA optimize');
  stmt('PRAGMA page_size', 'PRAGMA page_size');
  stmt('PRAGMA page_count', 'PRAGMA page_count');
  stmt('PRAGMA synchronous', 'PRAGMA synchronous');
  stmt('PRAGMA case_sensitive_like=true', 'PRAGMA case_sensitive_like = true');
  stmt('PRAGMA data_version', 'PRAGMA data_version');
  stmt('pragma_table_list()', "SELECT name FROM pragma_table_list() ORDER BY name");
  stmt('ATTACH', "ATTACH DATABASE ':memory:' AS aux");
  stmt('VACUUM', 'VACUUM');
  stmt('ANALYZE', 'ANALYZE');
  stmt('REINDEX', 'REINDEX');
  stmt('CREATE INDEX', 'CREATE INDEX ti ON t(a)');
  stmt('CREATE VIEW', 'CREATE VIEW tv AS SELECT a FROM t');
  stmt('CREATE TRIGGER', "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO m VALUES ('trig'); END");
  stmt('CREATE TEMP TABLE', 'CREATE TEMP TABLE tmp (a)');
  stmt('CREATE VIRTUAL fts5', 'CREATE VIRTUAL TABLE ft USING fts5(body)');
  stmt('CREATE VIRTUAL rtree', 'CREATE VIRTUAL TABLE rt USING rtree(id, x0, x1)');
  stmt('json_extract', `SELECT json_extract('{"a":[1,2]}', '$.a[1]') AS v`);
  stmt('sqlite_version', 'SELECT sqlite_version() AS v');
  stmt('randomblobType', 'SELECT typeof(randomblob(4)) AS t');
  stmt('load_extension', "SELECT load_extension('x')");
  stmt('WITHOUT ROWID', 'CREATE TABLE wr (k TEXT PRIMARY KEY, v) WITHOUT ROWID');
  stmt('STRICT', 'CREATE TABLE st (k INTEGER, v TEXT) STRICT');
  stmt('STRICT violation', "INSERT INTO st VALUES ('notint', 1)");
  stmt('EXPLAIN', 'EXPLAIN SELECT 1');
  stmt('EXPLAIN QUERY PLAN', 'EXPLAIN QUERY PLAN SELECT * FROM t');
  stmt('triggerFired', 'INSERT INTO t VALUES (1)');
  p('sql.finalUsable', () => sql.exec('SELECT count(*) AS c FROM m').one());
  p('sql.exec.returnedAfterMoreExecs', () => {
    const c1 = sql.exec('SELECT a FROM m');
    sql.exec("INSERT INTO m VALUES ('after')");
    return { c1: c1.toArray().length };
  });
  return P;
}


function sqlTxProbes(ctx) {
  const s = ctx.storage;
  const sql = s.sql;
  const P = [];
  const p = (name, fn) => P.push([name, fn]);
  p('setup', () => { sql.exec('CREATE TABLE m (a)'); return 'ok'; });
  p('sql.transactionSync.return', () => s.transactionSync(() => { sql.exec("INSERT INTO m VALUES ('ts1')"); return { x: 1 }; }));
  p('sql.transactionSync.rollbackOnThrow', () => {
    const err = new MyErr('ts boom');
    let caught;
    try { s.transactionSync(() => { sql.exec("INSERT INTO m VALUES ('ts2')"); throw err; }); } catch (e) { caught = { same: e === err, ctor: e.constructor.name, message: e.message, extra: e.extra }; }
    return { caught, rowExists: sql.exec("SELECT count(*) AS c FROM m WHERE a = 'ts2'").one().c };
  });
  p('sql.transactionSync.nestedInnerRollback', () => {
    const r = s.transactionSync(() => {
      sql.exec("INSERT INTO m VALUES ('outer')");
      let inner;
      try { s.transactionSync(() => { sql.exec("INSERT INTO m VALUES ('inner')"); throw new Error('inner fail'); }); } catch (e) { inner = e.message; }
      return inner;
    });
    return { r, rows: sql.exec("SELECT a FROM m WHERE a IN ('outer','inner') ORDER BY a").raw().toArray() };
  });
  p('sql.transactionSync.nestedOk', () => s.transactionSync(() => s.transactionSync(() => 'innerVal')));
  p('sql.transactionSync.asyncFn', () => {
    const r = s.transactionSync(async () => { sql.exec("INSERT INTO m VALUES ('async')"); return 1; });
    return { isPromise: r instanceof Promise, typeof: typeof r };
  });
  p('sql.transactionSync.nonFunction', () => s.transactionSync(5));
  p('sql.transactionSync.kvInside', () => { s.transactionSync(() => { s.kv.put('tskv', 1); throw new Error('x'); }); });
  p('sql.transactionSync.kvInsideAfter', () => s.kv.get('tskv'));
  p('sql.transactionSync.sqlBeginInside', () => s.transactionSync(() => sql.exec('BEGIN')));


  p('sql.transactionSync.kvInsideThrows.after', () => s.kv.get('tskv'));
  p('sql.transactionSync.kvCommit', () => { s.transactionSync(() => { s.kv.put('tskv2', 2); }); return s.kv.get('tskv2'); });
  p('sql.transactionSync.cursorReturned', () => { const c = s.transactionSync(() => sql.exec('SELECT a FROM m ORDER BY rowid')); return c.toArray(); });
  p('sql.transaction(async).inSqlObject', async () => {
    const r = await s.transaction(async txn => { sql.exec("INSERT INTO m VALUES ('atx')"); await txn.put('atxk', 1); return 'r'; });
    return { r, row: sql.exec("SELECT count(*) AS c FROM m WHERE a = 'atx'").one().c, kv: await s.get('atxk') };
  });
  p('sql.transaction(async).rollbackSql', async () => {
    try { await s.transaction(async txn => { sql.exec("INSERT INTO m VALUES ('atx2')"); throw new Error('x'); }); } catch (e) { }
    return sql.exec("SELECT count(*) AS c FROM m WHERE a = 'atx2'").one().c;
  });
  p('sql.transaction(async).txnRollback', async () => {
    const r = await s.transaction(async txn => { sql.exec("INSERT INTO m VALUES ('atx3')"); txn.rollback(); return 'ret'; });
    return { r, c: sql.exec("SELECT count(*) AS c FROM m WHERE a = 'atx3'").one().c };
  });
  p('openCursor.thenTransactionSync', () => {
    const c = sql.exec('SELECT a FROM m');
    c.next();
    let r;
    try { r = { ok: s.transactionSync(() => 1) }; } catch (e) { r = errInfo(e, 'sync'); }
    c.toArray();
    let r2;
    try { r2 = { ok: s.transactionSync(() => 2) }; } catch (e) { r2 = errInfo(e, 'sync'); }
    return { whileOpen: r, afterConsumed: r2 };
  });
  p('openCursor.thenAsyncTransaction', async () => {
    const c = sql.exec('SELECT a FROM m');
    c.next();
    const r = await catching(() => s.transaction(async () => 1));
    c.toArray();
    return r;
  });
  p('openCursor.thenWrite', () => {
    const c = sql.exec('SELECT a FROM m');
    c.next();
    const r = (() => { try { sql.exec("INSERT INTO m VALUES ('during')"); return 'ok'; } catch (e) { return errInfo(e, 'sync'); } })();
    const rest = c.toArray().map(x => x.a);
    return { insert: r, rest };
  });

  p('openReturningCursor.thenTransactionSync', () => {
    const c = sql.exec("INSERT INTO m VALUES ('ret1'), ('ret2') RETURNING a");
    let r;
    try { r = { ok: s.transactionSync(() => 1) }; } catch (e) { r = errInfo(e, 'sync'); }
    const rest = c.toArray();
    let r2;
    try { r2 = { ok: s.transactionSync(() => 2) }; } catch (e) { r2 = errInfo(e, 'sync'); }
    return { whileOpen: r, rest, afterConsumed: r2 };
  });
  p('usableAfter', () => sql.exec('SELECT count(*) AS c FROM m').one());
  return P;
}


// Leaves a write cursor (INSERT ... RETURNING) unconsumed across an await.
function sqlBreakProbes(ctx) {
  const s = ctx.storage;
  const sql = s.sql;
  const P = [];
  const p = (name, fn) => P.push([name, fn]);
  p('setup', () => { sql.exec('CREATE TABLE IF NOT EXISTS m (a)'); return 'ok'; });
  p('openReturningCursor.thenAsyncTransaction', async () => {
    const c = sql.exec("INSERT INTO m VALUES ('ret3') RETURNING a");
    const r = await catching(() => s.transaction(async () => 1));
    c.toArray();
    return r;
  });
  return P;
}

function hexProbes(ctx) {
  const s = ctx.storage;
  const vals = {
    h01_int1: 1, h02_str_x: 'x', h03_obj_a1: { a: 1 }, h04_arr_1_2: [1, 2], h05_true: true,
    h06_2pow40: 2 ** 40, h07_1_5: 1.5, h08_date0: new Date(0), h09_null: null, h10_false: false,
    h11_neg1: -1, h12_2pow31: 2 ** 31, h13_str_e9: '\u00e9', h14_str_emoji: '\ud83d\ude00',
    h15_u8_010203: new Uint8Array([1, 2, 3]), h16_ab_0102: new Uint8Array([1, 2]).buffer,
    h17_bigint_5: 5n, h18_map: new Map([['k', 1]]), h19_set: new Set([1]), h20_emptyStr: '',
    h21_undefined_in_obj: { u: undefined }, h22_NaN: NaN, h23_regexp: /a/g, h24_error: new Error('e'),
    h25_neg0: -0, h26_str_long20: 'abcdefghijklmnopqrst', h27_nested: { a: [1, { b: 'c' }] }, h28_Infinity: Infinity, h29_u16: new Uint16Array([1, 2]),
    'h30_key_\u00e9': 1, 'h31_key_lone_\ud800': 1, 'h32_key_nul_\u0000x': 1, 'h33_key_emoji_\ud83d\ude00': 1,
  };
  return [
    ['hex.id', () => ctx.id.toString()],
    ['hex.put', async () => { await s.deleteAll(); await s.put(vals); return Object.keys(vals); }],
    ['hex.syncPutUndefined', () => { try { return s.kv.put('h34_sync_undefined', undefined); } catch (e) { return errInfo(e, 'sync'); } }],
    ['hex.setAlarm', async () => { const t = Date.now() + 3600000; await s.setAlarm(t); return t; }],
    ['hex.sqlKeys', () => { try { return s.sql.exec('SELECT key, hex(value) AS hex FROM _cf_KV').toArray(); } catch (e) { return errInfo(e, 'sync'); } }],
  ];
}

function noAlarmProbes(ctx) {
  const s = ctx.storage;
  return [
    ['noAlarm.getAlarm', () => s.getAlarm()],
    ['noAlarm.setAlarm', () => s.setAlarm(Date.now() + 60000)],
    ['noAlarm.deleteAlarm', () => s.deleteAlarm()],
  ];
}

function kvOnlyExtras(ctx) {
  const s = ctx.storage;
  return [
    ['kvOnly.describe.storage', () => describe(s)],
    ['kvOnly.sql', () => { const q = s.sql; return describe(q); }],
    ['kvOnly.sql.exec', () => s.sql.exec('SELECT 1 AS x').toArray()],
    ['kvOnly.kv', () => describe(s.kv)],
    ['kvOnly.kv.put', () => s.kv.put('a', 1)],
    ['kvOnly.transactionSync', () => s.transactionSync(() => 1)],
    ['kvOnly.databaseSize', () => s.sql.databaseSize],
  ];
}

async function handle(ctx, request) {
  const url = new URL(request.url);
  const suite = url.searchParams.get('suite');
  let list;
  if (suite === 'kv') list = kvProbes(ctx);
  else if (suite === 'sql') list = sqlProbes(ctx);
  else if (suite === 'sqltx') list = sqlTxProbes(ctx);
  else if (suite === 'sqlbreak') list = sqlBreakProbes(ctx);
  else if (suite === 'hex') list = hexProbes(ctx);
  else if (suite === 'noalarm') list = noAlarmProbes(ctx);
  else if (suite === 'kvonly') list = kvOnlyExtras(ctx);
  else return new Response('unknown suite', { status: 400 });
  const res = await runProbes(list);
  return new Response(JSON.stringify(res), { headers: { 'content-type': 'application/json' } });
}

export class Obj extends DurableObject {
  fetch(request) { return handle(this.ctx, request); }
  async alarm() { }
}
export class KvObj extends DurableObject {
  fetch(request) { return handle(this.ctx, request); }
  async alarm() { }
}
export class NoAlarmObj extends DurableObject {
  fetch(request) { return handle(this.ctx, request); }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const cls = url.searchParams.get('cls') || 'Obj';
    const name = url.searchParams.get('name') || 'default';
    const ns = { Obj: env.OBJ, KvObj: env.KVOBJ, NoAlarmObj: env.NOALARM }[cls];
    if (!ns) return new Response('no ns', { status: 400 });
    const stub = ns.get(ns.idFromName(name));
    return stub.fetch(request);
  },
};
