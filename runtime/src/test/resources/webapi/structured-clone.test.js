// structuredClone (HTML standard's structured serialize/deserialize with transfer), checked
// against the spec's algorithms; WPT's html/webappapis/structured-clone battery served as the
// checklist. DataCloneError is a DOMException once dom-exception.js provides it; the checks use
// its name and code, so they hold either way.
import { test, assert } from './harness.js';

const DCE = { name: 'DataCloneError', code: 25 };
const clone = (v, o) => structuredClone(v, o);
function same(v) {
  const c = clone(v);
  assert.ok(Object.is(c, v) || (typeof v === 'number' && Number.isNaN(v) && Number.isNaN(c)), `${String(v)} came back as ${String(c)}`);
}
const ownDesc = (o, k) => Object.getOwnPropertyDescriptor(o, k);

// --- the function itself ---

test('structuredClone: a global function with WebIDL shape', () => {
  const d = ownDesc(globalThis, 'structuredClone');
  assert.ok(d.writable && d.configurable && !d.enumerable);
  assert.equal(typeof structuredClone, 'function');
  assert.equal(structuredClone.length, 1);
  assert.equal(structuredClone.name, 'structuredClone');
  assert.throws(() => structuredClone(), TypeError);
  assert.throws(() => new structuredClone(1), TypeError);
});

test('structuredClone: options conversion', () => {
  assert.equal(structuredClone(1, undefined), 1);
  assert.equal(structuredClone(1, null), 1);
  assert.equal(structuredClone(1, {}), 1);
  assert.equal(structuredClone(1, { transfer: undefined }), 1);
  assert.equal(structuredClone(1, { transfer: [] }), 1);
  for (const bad of [1, 'x', true, Symbol('s')]) assert.throws(() => structuredClone(1, bad), TypeError);
  for (const bad of [null, 1, 'abc', {}, { length: 0 }]) assert.throws(() => structuredClone(1, { transfer: bad }), TypeError, String(bad));
  assert.throws(() => structuredClone(1, { transfer: [1] }), TypeError, 'elements must be objects');
  assert.throws(() => structuredClone(1, { transfer: [null] }), TypeError);
  const ab = new ArrayBuffer(1);
  assert.equal(structuredClone(1, { transfer: new Set([ab]) }), 1, 'any iterable');
  assert.equal(ab.detached, true);
});

// --- primitives ---

test('primitives: returned as they are', () => {
  for (const v of [undefined, null, true, false, 0, -0, NaN, Infinity, -Infinity, 1.5, -(2 ** 53), 2 ** 60, Number.MIN_VALUE,
    '', 'string', '\ud800', '\udc00\ud800', '\u0000', 'x'.repeat(1000), 0n, -1n, 2n ** 100n, -(2n ** 100n)]) {
    same(v);
  }
  assert.ok(Object.is(clone(-0), -0), '-0 keeps its sign');
});

test('primitives: symbols cannot be cloned', () => {
  assert.throws(() => clone(Symbol('x')), DCE);
  assert.throws(() => clone(Symbol.iterator), DCE);
  assert.throws(() => clone({ a: Symbol('x') }), DCE);
  assert.throws(() => clone(Object(Symbol('x'))), DCE, 'nor Symbol wrapper objects');
});

// --- wrapper objects, Date, RegExp ---

test('wrappers: Boolean, Number, String and BigInt objects', () => {
  const cases = [new Boolean(true), new Boolean(false), new Number(-0), new Number(NaN), new Number(1.5),
    new String(''), new String('s\ud800'), Object(5n), Object(-(2n ** 70n))];
  for (const v of cases) {
    const c = clone(v);
    assert.equal(typeof c, 'object');
    assert.notEqual(c, v);
    assert.equal(Object.getPrototypeOf(c), Object.getPrototypeOf(v));
    assert.ok(Object.is(c.valueOf(), v.valueOf()), String(v));
  }
  const s = new String('abc');
  s.extra = 1;
  assert.deepEqual(Object.keys(clone(s)), ['0', '1', '2'], 'extra properties are not cloned');
});

test('Date: time value kept', () => {
  for (const t of [0, -1, 1e12, 8.64e15, -8.64e15, NaN]) {
    const d = new Date(t);
    const c = clone(d);
    assert.ok(c instanceof Date);
    assert.notEqual(c, d);
    assert.ok(Object.is(c.getTime(), d.getTime()));
  }
  const d = new Date(5);
  d.extra = 1;
  assert.equal(clone(d).extra, undefined);
});

test('RegExp: source and flags, lastIndex reset, properties dropped', () => {
  for (const r of [/abc/, /a\/b/gimsuy, /x/d, /[\p{L}]/v, new RegExp(''), /\n/]) {
    const c = clone(r);
    assert.ok(c instanceof RegExp);
    assert.notEqual(c, r);
    assert.equal(c.source, r.source);
    assert.equal(c.flags, r.flags);
  }
  const r = /x/g;
  r.lastIndex = 3;
  r.extra = 1;
  const c = clone(r);
  assert.equal(c.lastIndex, 0);
  assert.equal(c.extra, undefined);
});

test('RegExp: flags come from the internal slot, not from overridden getters', () => {
  const r = /x/g;
  Object.defineProperty(r, 'flags', { value: 'imsy' });
  Object.defineProperty(r, 'global', { value: false });
  Object.defineProperty(r, 'source', { value: 'y' });
  const c = clone(r);
  assert.equal(c.flags, 'g');
  assert.equal(c.source, 'x');
});

// --- plain objects and arrays ---

test('objects: own enumerable string keys only, as plain data properties', () => {
  const proto = { inherited: 1 };
  const o = Object.create(proto);
  o.a = 1;
  o[2] = 'two';
  Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
  Object.defineProperty(o, 'ro', { value: 'r', enumerable: true, writable: false, configurable: false });
  o[Symbol('s')] = 1;
  const c = clone(o);
  assert.equal(Object.getPrototypeOf(c), Object.prototype, 'plain object');
  assert.deepEqual(Object.keys(c), ['2', 'a', 'ro']);
  assert.equal(c.inherited, undefined);
  assert.equal(Object.getOwnPropertySymbols(c).length, 0);
  const d = ownDesc(c, 'ro');
  assert.ok(d.writable && d.enumerable && d.configurable);
});

test('objects: nested, and property order kept', () => {
  const o = { z: 1, a: { b: [1, { c: 'd' }] }, m: null, u: undefined };
  const c = clone(o);
  assert.deepEqual(c, o);
  assert.notEqual(c.a, o.a);
  assert.deepEqual(Object.keys(c), ['z', 'a', 'm', 'u']);
  assert.ok('u' in c);
});

test('objects: null prototype becomes Object.prototype', () => {
  const o = Object.create(null);
  o.x = 1;
  const c = clone(o);
  assert.equal(Object.getPrototypeOf(c), Object.prototype);
  assert.equal(c.x, 1);
});

test('objects: "__proto__" as an own key is a key, setters are not called', () => {
  const o = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
  const c = clone(o);
  assert.equal(Object.getPrototypeOf(c), Object.prototype);
  assert.ok(Object.hasOwn(c, '__proto__'));
  assert.equal(c.__proto__.polluted, true);
  assert.equal({}.polluted, undefined);
  let called = false;
  Object.defineProperty(Object.prototype, 'trap', { set() { called = true; }, configurable: true });
  try {
    const r = clone({ trap: 1 });
    assert.equal(called, false);
    assert.ok(Object.hasOwn(r, 'trap'));
  } finally {
    delete Object.prototype.trap;
  }
});

test('objects: class instances become plain objects', () => {
  class Point {
    #secret = 1;
    constructor() { this.x = 1; this.y = 2; }
    get sum() { return this.x + this.y; }
  }
  const c = clone(new Point());
  assert.equal(Object.getPrototypeOf(c), Object.prototype);
  assert.deepEqual(c, { x: 1, y: 2 });
  assert.equal(c.sum, undefined);
});

test('objects: getters are called once, in order, depth first', () => {
  const order = [];
  const o = {
    get a() { order.push('a'); return { get c() { order.push('c'); return 3; } }; },
    get b() { order.push('b'); return 2; },
  };
  const c = clone(o);
  assert.deepEqual(order, ['a', 'c', 'b']);
  assert.deepEqual(c, { a: { c: 3 }, b: 2 });
  assert.equal(ownDesc(c, 'a').get, undefined, 'values, not accessors');
});

test('objects: properties deleted by an earlier getter are skipped, added ones ignored', () => {
  const o = {
    get a() { delete this.b; this.d = 4; return 1; },
    b: 2,
    c: 3,
  };
  assert.deepEqual(clone(o), { a: 1, c: 3 });
});

test('objects: a throwing getter aborts the clone with its error', () => {
  const boom = new Error('boom');
  const e = assert.throws(() => clone({ a: 1, get b() { throw boom; } }));
  assert.equal(e, boom);
});

test('arrays: length, holes and extra properties', () => {
  const a = [1, , 3];
  a.length = 5;
  a.extra = 'x';
  const c = clone(a);
  assert.ok(Array.isArray(c));
  assert.equal(c.length, 5);
  assert.ok(!(1 in c), 'holes stay holes');
  assert.ok(!(4 in c));
  assert.equal(c[2], 3);
  assert.equal(c.extra, 'x');
  assert.deepEqual(Object.keys(c), ['0', '2', 'extra']);
  const sparse = [];
  sparse[1e6] = 1;
  const s = clone(sparse);
  assert.equal(s.length, 1e6 + 1);
  assert.equal(s[1e6], 1);
  assert.deepEqual(clone([]), []);
});

test('arrays: subclasses become Arrays', () => {
  class MyArray extends Array {}
  const a = MyArray.from([1, 2]);
  const c = clone(a);
  assert.equal(Object.getPrototypeOf(c), Array.prototype);
  assert.deepEqual(c, [1, 2]);
});

test('references: shared and cyclic references keep their identity', () => {
  const shared = { s: 1 };
  const o = { a: shared, b: shared, arr: [shared] };
  o.self = o;
  o.arr.push(o.arr);
  const c = clone(o);
  assert.notEqual(c, o);
  assert.equal(c.a, c.b);
  assert.equal(c.arr[0], c.a);
  assert.equal(c.self, c);
  assert.equal(c.arr[1], c.arr);
  const m = new Map();
  m.set(m, m);
  const mc = clone(m);
  assert.equal(mc.get(mc), mc);
  const set = new Set();
  set.add(set);
  const sc = clone(set);
  assert.ok(sc.has(sc));
});

test('references: the same object in different containers', () => {
  const key = { k: 1 };
  const buf = new ArrayBuffer(4);
  const v = [new Map([[key, key]]), new Set([key]), { key }, new Uint8Array(buf), new DataView(buf), buf];
  const c = clone(v);
  const k = [...c[0].keys()][0];
  assert.equal(c[0].get(k), k);
  assert.ok(c[1].has(k));
  assert.equal(c[2].key, k);
  assert.equal(c[3].buffer, c[5]);
  assert.equal(c[4].buffer, c[5]);
});

// --- Map and Set ---

test('Map and Set: entries in order, with cloned keys and values', () => {
  const key = { id: 1 };
  const m = new Map([[1, 'one'], ['two', 2], [key, { v: key }], [NaN, -0]]);
  const c = clone(m);
  assert.ok(c instanceof Map);
  assert.equal(c.size, 4);
  const entries = [...c];
  assert.equal(entries[2][0].id, 1);
  assert.notEqual(entries[2][0], key);
  assert.equal(entries[2][1].v, entries[2][0]);
  assert.ok(Object.is(c.get(NaN), -0));
  const s = new Set([1, 'a', key, key]);
  const sc = clone(s);
  assert.ok(sc instanceof Set);
  assert.deepEqual([...sc].slice(0, 2), [1, 'a']);
  assert.equal(sc.size, 3);
});

test('Map and Set: extra properties dropped, subclasses become Map and Set', () => {
  class MyMap extends Map {}
  class MySet extends Set {}
  const m = new MyMap([[1, 2]]);
  m.extra = 1;
  const c = clone(m);
  assert.equal(Object.getPrototypeOf(c), Map.prototype);
  assert.equal(c.get(1), 2);
  assert.equal(c.extra, undefined);
  assert.equal(Object.getPrototypeOf(clone(new MySet([1]))), Set.prototype);
});

test('Map: entries are copied before values are serialized', () => {
  const m = new Map();
  m.set('a', { get x() { m.set('late', 1); m.delete('b'); return 1; } });
  m.set('b', 2);
  const c = clone(m);
  assert.deepEqual([...c.keys()], ['a', 'b']);
});

test('Map and Set: patched prototypes are not used', () => {
  const origSet = Map.prototype.set, origAdd = Set.prototype.add, origEntries = Map.prototype.entries;
  Map.prototype.set = () => { throw new Error('patched'); };
  Set.prototype.add = () => { throw new Error('patched'); };
  Map.prototype.entries = () => { throw new Error('patched'); };
  try {
    const m = new Map();
    origSet.call(m, 1, 2);
    const s = new Set();
    origAdd.call(s, 3);
    assert.equal(clone(m).size, 1);
    assert.equal(clone(s).size, 1);
  } finally {
    Map.prototype.set = origSet;
    Set.prototype.add = origAdd;
    Map.prototype.entries = origEntries;
  }
});

// --- ArrayBuffer and views ---

test('ArrayBuffer: copied', () => {
  const ab = new Uint8Array([1, 2, 3]).buffer;
  const c = clone(ab);
  assert.ok(c instanceof ArrayBuffer);
  assert.notEqual(c, ab);
  assert.deepEqual(new Uint8Array(c), new Uint8Array([1, 2, 3]));
  new Uint8Array(ab)[0] = 9;
  assert.equal(new Uint8Array(c)[0], 1);
  assert.equal(clone(new ArrayBuffer(0)).byteLength, 0);
  assert.equal(clone(ab).resizable, false);
});

test('ArrayBuffer: resizable buffers stay resizable', () => {
  const ab = new ArrayBuffer(4, { maxByteLength: 16 });
  new Uint8Array(ab).set([1, 2, 3, 4]);
  const c = clone(ab);
  assert.equal(c.resizable, true);
  assert.equal(c.maxByteLength, 16);
  assert.equal(c.byteLength, 4);
  assert.deepEqual(new Uint8Array(c), new Uint8Array([1, 2, 3, 4]));
  c.resize(8);
  assert.equal(ab.byteLength, 4);
});

test('views: every typed array and DataView', () => {
  const ab = new ArrayBuffer(64);
  new Uint8Array(ab).forEach((_, i, a) => { a[i] = i; });
  const ctors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array];
  if (typeof Float16Array === 'function') ctors.push(Float16Array);
  for (const C of ctors) {
    const v = new C(ab, 8, 2);
    const c = clone(v);
    assert.equal(Object.getPrototypeOf(c), C.prototype, C.name);
    assert.equal(c.byteOffset, 8, C.name);
    assert.equal(c.length, 2, C.name);
    assert.equal(c.buffer.byteLength, 64, 'the whole buffer comes along');
    assert.deepEqual(c, v, C.name);
  }
  const dv = new DataView(ab, 3, 5);
  const c = clone(dv);
  assert.ok(c instanceof DataView);
  assert.equal(c.byteOffset, 3);
  assert.equal(c.byteLength, 5);
  assert.equal(c.getUint8(0), 3);
});

test('views: extra properties dropped, subclasses become the base type', () => {
  class MyU8 extends Uint8Array {}
  const v = new MyU8([1, 2]);
  v.extra = 1;
  const c = clone(v);
  assert.equal(Object.getPrototypeOf(c), Uint8Array.prototype);
  assert.equal(c.extra, undefined);
  assert.deepEqual(c, new Uint8Array([1, 2]));
});

test('views: overridden accessors do not matter', () => {
  const v = new Uint8Array([1, 2, 3]);
  Object.defineProperty(v, 'buffer', { value: new ArrayBuffer(1) });
  Object.defineProperty(v, 'length', { value: 1 });
  Object.defineProperty(v, 'byteOffset', { value: 7 });
  assert.deepEqual(clone(v), new Uint8Array([1, 2, 3]));
});

test('views: length-tracking views on resizable buffers keep tracking', () => {
  const ab = new ArrayBuffer(8, { maxByteLength: 16 });
  const tracking = new Uint16Array(ab, 2);
  const fixed = new Uint16Array(ab, 2, 3);
  const dvTracking = new DataView(ab, 4);
  const [t, f, d] = clone([tracking, fixed, dvTracking]);
  assert.equal(t.buffer, f.buffer);
  assert.equal(t.length, 3);
  t.buffer.resize(12);
  assert.equal(t.length, 5, 'tracks the cloned buffer');
  assert.equal(f.length, 3);
  assert.equal(d.byteLength, 8);
  assert.equal(ab.byteLength, 8, 'the original buffer is unchanged');
  const full = new ArrayBuffer(4, { maxByteLength: 4 });
  new Uint8Array(full).set([1, 2, 3, 4]);
  const [ft, ff] = clone([new Uint8Array(full), new Uint8Array(full, 0, 4)]);
  assert.deepEqual(ft, new Uint8Array([1, 2, 3, 4]));
  assert.deepEqual(new Uint8Array(full), new Uint8Array([1, 2, 3, 4]), 'probing kept the bytes');
  ft.buffer.resize(2);
  assert.equal(ft.length, 2);
  assert.equal(ff.length, 0, 'the fixed one is out of bounds now');
});

test('views: detached or out-of-bounds views cannot be cloned', () => {
  const ab = new ArrayBuffer(8);
  const v = new Uint8Array(ab);
  const dv = new DataView(ab);
  ab.transfer();
  assert.throws(() => clone(v), DCE);
  assert.throws(() => clone(dv), DCE);
  assert.throws(() => clone(ab), DCE, 'nor detached buffers');
  const rab = new ArrayBuffer(8, { maxByteLength: 8 });
  const oob = new Uint8Array(rab, 4, 4);
  rab.resize(2);
  assert.throws(() => clone(oob), DCE);
});

test('SharedArrayBuffer cannot be cloned', () => {
  const sab = new SharedArrayBuffer(4);
  assert.throws(() => clone(sab), DCE);
  assert.throws(() => clone(new Uint8Array(sab)), DCE);
});

// --- transfer ---

test('transfer: the buffer moves, the original is detached', () => {
  const ab = new Uint8Array([1, 2, 3]).buffer;
  const c = clone(ab, { transfer: [ab] });
  assert.equal(ab.detached, true);
  assert.equal(ab.byteLength, 0);
  assert.deepEqual(new Uint8Array(c), new Uint8Array([1, 2, 3]));
});

test('transfer: views over a transferred buffer use the new buffer', () => {
  const u8 = new Uint8Array([1, 2, 3, 4]);
  const c = clone({ a: u8, b: u8.subarray(2), buf: u8.buffer }, { transfer: [u8.buffer] });
  assert.equal(u8.length, 0, 'the original view is detached');
  assert.equal(c.a.buffer, c.buf);
  assert.equal(c.b.buffer, c.buf);
  assert.deepEqual(c.b, new Uint8Array([3, 4]));
});

test('transfer: buffers in the list but not in the value are detached anyway', () => {
  const ab = new ArrayBuffer(4);
  assert.equal(clone('x', { transfer: [ab] }), 'x');
  assert.equal(ab.detached, true);
});

test('transfer: resizable buffers', () => {
  const ab = new ArrayBuffer(2, { maxByteLength: 8 });
  const c = clone(ab, { transfer: [ab] });
  assert.equal(c.resizable, true);
  assert.equal(c.maxByteLength, 8);
  assert.equal(ab.detached, true);
});

test('transfer: errors', () => {
  const ab = new ArrayBuffer(4);
  assert.throws(() => clone(1, { transfer: [ab, ab] }), DCE, 'duplicates');
  assert.equal(ab.detached, false);
  assert.throws(() => clone(1, { transfer: [{}] }), DCE, 'not transferable');
  assert.throws(() => clone(1, { transfer: [new Uint8Array(4)] }), DCE, 'views are not transferable');
  assert.throws(() => clone(1, { transfer: [new SharedArrayBuffer(4)] }), DCE);
  const detached = new ArrayBuffer(1);
  detached.transfer();
  assert.throws(() => clone(1, { transfer: [detached] }), DCE, 'already detached');
  assert.throws(() => clone({ f() {} }, { transfer: [ab] }), DCE);
  assert.equal(ab.detached, false, 'a failed clone detaches nothing');
  const ab2 = new ArrayBuffer(1);
  assert.throws(() => clone({ get x() { throw new RangeError('x'); } }, { transfer: [ab2] }), RangeError);
  assert.equal(ab2.detached, false);
});

test('transfer: a buffer detached by a getter during serialization', () => {
  const ab = new ArrayBuffer(4);
  assert.throws(() => clone({ get x() { ab.transfer(); return 1; } }, { transfer: [ab] }), DCE);
});

// --- errors ---

test('errors: every native error type, with message', () => {
  for (const E of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]) {
    const e = new E('msg');
    const c = clone(e);
    assert.equal(Object.getPrototypeOf(c), E.prototype, E.name);
    assert.equal(c.name, E.name);
    assert.equal(c.message, 'msg');
    assert.ok(c instanceof Error);
    assert.notEqual(c, e);
    const d = ownDesc(c, 'message');
    assert.ok(d.writable && !d.enumerable && d.configurable, 'message is a hidden data property');
  }
});

test('errors: no message stays no message', () => {
  const c = clone(new Error());
  assert.ok(!Object.hasOwn(c, 'message'));
  assert.equal(c.message, '');
});

test('errors: other names become Error; subclasses take the built-in name', () => {
  const e = new Error('m');
  e.name = 'CustomError';
  assert.equal(Object.getPrototypeOf(clone(e)), Error.prototype);
  class MyError extends TypeError {}
  const c = clone(new MyError('x'));
  assert.equal(Object.getPrototypeOf(c), TypeError.prototype);
  const named = new RangeError('r');
  named.name = 'TypeError';
  assert.equal(Object.getPrototypeOf(clone(named)), TypeError.prototype, 'the name decides');
  const agg = new AggregateError([], 'agg');
  assert.equal(Object.getPrototypeOf(clone(agg)), Error.prototype);
  const nonString = new Error('m');
  nonString.name = { toString: () => 'TypeError' };
  assert.equal(Object.getPrototypeOf(clone(nonString)), Error.prototype);
});

test('errors: message is converted with ToString, accessors ignored', () => {
  const e = new Error();
  e.message = 42;
  assert.equal(clone(e).message, '42');
  const g = new Error('x');
  Object.defineProperty(g, 'message', { get() { return 'no'; } });
  const c = clone(g);
  assert.ok(!Object.hasOwn(c, 'message'), 'an accessor message is not copied');
  const s = new Error();
  s.message = Symbol('m');
  assert.throws(() => clone(s), TypeError);
});

test('errors: a throwing name getter aborts', () => {
  const e = new Error('x');
  Object.defineProperty(e, 'name', { get() { throw new SyntaxError('from getter'); } });
  assert.throws(() => clone(e), SyntaxError);
});

test('errors: stack is kept, other properties are not', () => {
  const e = new TypeError('x');
  e.extra = 1;
  const c = clone(e);
  assert.equal(c.stack, e.stack);
  assert.equal(c.extra, undefined);
  const noStack = new Error('y');
  delete noStack.stack;
  assert.ok(!Object.hasOwn(clone(noStack), 'stack') || typeof clone(noStack).stack !== 'string' || !clone(noStack).stack.includes('structured'));
});

test('errors: cause is cloned as a value, recursively', () => {
  const inner = new RangeError('inner');
  const e = new Error('outer', { cause: inner });
  const c = clone(e);
  assert.ok(Object.hasOwn(c, 'cause'));
  assert.equal(Object.getPrototypeOf(c.cause), RangeError.prototype);
  assert.equal(c.cause.message, 'inner');
  assert.ok(!ownDesc(c, 'cause').enumerable);
  assert.equal(clone(new Error('x', { cause: 123 })).cause, 123);
  assert.deepEqual(clone(new Error('x', { cause: { a: [1] } })).cause, { a: [1] });
  assert.ok(Object.hasOwn(clone(new Error('x', { cause: undefined })), 'cause'));
  assert.ok(!Object.hasOwn(clone(new Error('x')), 'cause'));
  const cyclic = new Error('c');
  cyclic.cause = cyclic;
  const cc = clone(cyclic);
  assert.equal(cc.cause, cc);
  assert.throws(() => clone(new Error('x', { cause: () => {} })), DCE);
});

test('errors: errors nested in other values', () => {
  const e = new TypeError('t');
  const c = clone({ list: [e, e] });
  assert.equal(c.list[0], c.list[1]);
  assert.ok(c.list[0] instanceof TypeError);
});

test('DOMException: cloned with name and message when available', () => {
  if (typeof DOMException !== 'function') return;
  const e = new DOMException('gone', 'AbortError');
  const c = clone(e);
  assert.ok(c instanceof DOMException);
  assert.notEqual(c, e);
  assert.equal(c.name, 'AbortError');
  assert.equal(c.message, 'gone');
  assert.equal(c.code, 20);
});

// --- Blob and File ---

test('Blob and File: cloned by reference to the same bytes', async () => {
  const b = new Blob(['hello'], { type: 'text/plain' });
  const c = clone(b);
  assert.ok(c instanceof Blob);
  assert.notEqual(c, b);
  assert.equal(c.type, 'text/plain');
  assert.equal(await c.text(), 'hello');
  const f = new File(['x'], 'f.txt', { type: 'a/b', lastModified: 42 });
  const fc = clone(f);
  assert.ok(fc instanceof File);
  assert.equal(fc.name, 'f.txt');
  assert.equal(fc.lastModified, 42);
  assert.equal(fc.type, 'a/b');
  assert.equal(await fc.text(), 'x');
  const both = clone([b, b, b.slice(1)]);
  assert.equal(both[0], both[1]);
  assert.equal(await both[2].text(), 'ello');
});

test('Blob: subclasses become Blob, extra properties dropped', () => {
  class MyBlob extends Blob {}
  const b = new MyBlob(['x']);
  b.extra = 1;
  const c = clone(b);
  assert.equal(Object.getPrototypeOf(c), Blob.prototype);
  assert.equal(c.extra, undefined);
});

// --- what cannot be cloned ---

test('uncloneable: functions and classes', () => {
  assert.throws(() => clone(() => {}), DCE);
  assert.throws(() => clone(function named() {}), DCE);
  assert.throws(() => clone(class {}), DCE);
  assert.throws(() => clone(async () => {}), DCE);
  assert.throws(() => clone({ a: 1, f() {} }), DCE);
  assert.throws(() => clone([1, Math.max]), DCE);
  const e = assert.throws(() => clone(function named() {}), DCE);
  assert.ok(/could not be cloned/.test(e.message), e.message);
});

test('uncloneable: WeakMap, WeakSet, WeakRef, FinalizationRegistry, Promise', () => {
  assert.throws(() => clone(new WeakMap()), DCE);
  assert.throws(() => clone(new WeakSet()), DCE);
  assert.throws(() => clone(new WeakRef({})), DCE);
  assert.throws(() => clone(new FinalizationRegistry(() => {})), DCE);
  assert.throws(() => clone(Promise.resolve(1)), DCE);
  class MyWeakMap extends WeakMap {}
  assert.throws(() => clone(new MyWeakMap()), DCE);
  const hidden = new WeakMap();
  Object.defineProperty(hidden, Symbol.toStringTag, { value: 'Object' });
  assert.throws(() => clone(hidden), DCE, 'found by brand, not by tag');
});

test('uncloneable: generators, iterators and arguments', () => {
  assert.throws(() => clone((function* () {})()), DCE);
  assert.throws(() => clone(new Map().entries()), DCE);
  assert.throws(() => clone([].values()), DCE);
  assert.throws(() => clone((function () { return arguments; })(1, 2)), DCE);
});

test('uncloneable: proxies, whatever they wrap', () => {
  assert.throws(() => clone(new Proxy({}, {})), DCE);
  assert.throws(() => clone(new Proxy([1, 2], {})), DCE);
  assert.throws(() => clone(new Proxy(new Map(), {})), DCE);
  assert.throws(() => clone(new Proxy(new WeakMap(), {})), DCE);
  assert.throws(() => clone(new Proxy(() => {}, {})), DCE);
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => clone(proxy), DCE);
  let trapped = false;
  const p = new Proxy({ a: 1 }, { get() { trapped = true; return 1; }, ownKeys() { trapped = true; return []; } });
  assert.throws(() => clone({ p }), DCE);
  assert.equal(trapped, false, 'no trap runs');
});

test('uncloneable: platform objects that are not serializable', () => {
  const cases = [new Headers(), new Request('https://example.com/'), new Response('x'), new ReadableStream(),
    new FormData(), new TextEncoder(), new TextDecoder(), new Event('x'), new EventTarget(), globalThis];
  for (const v of cases) assert.throws(() => clone(v), DCE, Object.prototype.toString.call(v));
  class MyTarget extends EventTarget {}
  assert.throws(() => clone(new MyTarget()), DCE);
  assert.throws(() => clone({ nested: [new Headers()] }), DCE);
});

test('DataCloneError: a DOMException when available, with name, code and message', () => {
  const e = assert.throws(() => clone(Symbol('s')), DCE);
  assert.equal(e.name, 'DataCloneError');
  assert.equal(e.code, 25);
  assert.equal(typeof e.message, 'string');
  if (typeof DOMException === 'function') assert.ok(e instanceof DOMException);
  else assert.ok(e instanceof Error);
});

// --- larger values ---

test('large and deep values', () => {
  const big = [];
  for (let i = 0; i < 2000; i++) big.push({ i, s: 'v' + i, d: new Date(i), n: [i] });
  const c = clone(big);
  assert.equal(c.length, 2000);
  assert.equal(c[1999].s, 'v1999');
  assert.equal(c[5].d.getTime(), 5);
  const root = {};
  let node = root;
  for (let i = 0; i < 20000; i++) { const child = {}; node.next = [child]; node = child; }
  let d = clone(root), depth = 0;
  while (d.next) { d = d.next[0]; depth++; }
  assert.equal(depth, 20000, 'no recursion limit');
});

test('structuredClone: DataCloneError is a real DOMException; DOMExceptions clone as such', () => {
  const e = assert.throws(() => structuredClone(() => {}), DOMException);
  assert.equal(e.name, 'DataCloneError');
  assert.equal(e.code, 25);
  const c = structuredClone({ e: new DOMException('gone', 'AbortError') });
  assert.ok(c.e instanceof DOMException);
  assert.equal(c.e.name, 'AbortError');
  assert.equal(c.e.message, 'gone');
  assert.equal(c.e.code, 20);
  const other = structuredClone([new TypeError('t'), { name: 'AbortError', message: 'm' }]);
  assert.equal(Object.getPrototypeOf(other[0]), TypeError.prototype);
  assert.equal(Object.getPrototypeOf(other[1]), Object.prototype);
});
