// crypto.getRandomValues() and crypto.randomUUID() (Web Crypto), with workerd's checks and
// messages (each error message below is what workerd 2026-11-17 says). crypto.subtle is not
// provided yet.
import { test, assert } from './harness.js';

const NOT_A_VIEW = "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.";
const NOT_INTEGER = 'ArrayBufferView argument to getRandomValues() must be an integer-typed view.';
const quota = (n) => `getRandomValues() only accepts buffers of size <= 64K but provided ${n} bytes.`;
const INTEGER_TYPES = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  BigInt64Array, BigUint64Array];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function isDOMException(e, name, code, message) {
  assert.ok(e instanceof DOMException, 'a DOMException');
  assert.equal(e.name, name);
  assert.equal(e.code, code);
  assert.equal(e.message, message);
}
function allZero(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength).every((b) => b === 0);
}

test('crypto: the global is the one Crypto instance', () => {
  assert.equal(typeof crypto, 'object');
  assert.ok(crypto instanceof Crypto);
  assert.equal(Object.prototype.toString.call(crypto), '[object Crypto]');
  assert.equal(Object.getPrototypeOf(crypto), Crypto.prototype);
  assert.equal(Object.getPrototypeOf(Crypto.prototype), Object.prototype);
  assert.deepEqual(Reflect.ownKeys(crypto), []);
  assert.equal(JSON.stringify(crypto), '{}');
  // As in workerd: a writable, enumerable, configurable data property of the global scope.
  const d = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  assert.equal(d.value, crypto);
  assert.ok(d.writable && d.enumerable && d.configurable, 'writable, enumerable, configurable');
  const c = Object.getOwnPropertyDescriptor(globalThis, 'Crypto');
  assert.ok(c.writable && !c.enumerable && c.configurable, 'the interface object is a WebIDL global');
});

test('crypto: Crypto cannot be constructed or called', () => {
  const e1 = assert.throws(() => new Crypto(), TypeError);
  assert.equal(e1.message, 'Illegal constructor');
  const e2 = assert.throws(() => Crypto(), TypeError);
  assert.equal(e2.message, 'Illegal constructor');
  const p = Object.getOwnPropertyDescriptor(Crypto, 'prototype');
  assert.ok(!p.writable && !p.enumerable && !p.configurable, 'prototype is fixed');
});

test('crypto: the prototype has the two operations and no subtle yet', () => {
  for (const key of ['getRandomValues', 'randomUUID']) {
    const d = Object.getOwnPropertyDescriptor(Crypto.prototype, key);
    assert.equal(typeof d.value, 'function', key);
    assert.ok(d.enumerable && d.writable && d.configurable, `${key} is a WebIDL operation`);
    assert.equal(d.value.name, key);
    assert.throws(() => new d.value(), TypeError, `${key} is not a constructor`);
  }
  assert.equal(crypto.getRandomValues.length, 1);
  assert.equal(crypto.randomUUID.length, 0);
  assert.equal(crypto.subtle, undefined);
  assert.ok(!('subtle' in crypto), 'SubtleCrypto is a later addition');
});

test('crypto: getRandomValues fills every integer-typed array and returns it', () => {
  for (const T of INTEGER_TYPES) {
    const a = new T(64);
    assert.equal(crypto.getRandomValues(a), a, `${T.name}: the same array`);
    assert.ok(!allZero(a), `${T.name}: filled`);
    // The last element too (all 8 bytes of a 64-bit one), not only a prefix.
    const tail = new Uint8Array(a.buffer, a.byteLength - 8, 8);
    assert.ok(!tail.every((b) => b === 0), `${T.name}: filled to the end`);
  }
});

test('crypto: getRandomValues writes only the view, at its offset', () => {
  const buffer = new ArrayBuffer(64);
  const view = new Uint16Array(buffer, 16, 16);
  crypto.getRandomValues(view);
  const all = new Uint8Array(buffer);
  assert.ok(all.subarray(0, 16).every((b) => b === 0), 'before the view');
  assert.ok(all.subarray(48).every((b) => b === 0), 'after the view');
  assert.ok(!all.subarray(16, 48).every((b) => b === 0), 'inside the view');
});

test('crypto: getRandomValues gives uniform bytes', () => {
  const a = crypto.getRandomValues(new Uint8Array(65536));
  const counts = new Array(256).fill(0);
  for (const b of a) counts[b]++;
  // 256 expected per value; a value missing or far off means bytes were dropped or repeated.
  for (let v = 0; v < 256; v++) assert.ok(counts[v] > 128 && counts[v] < 384, `byte ${v} seen ${counts[v]} times`);
  const b = crypto.getRandomValues(new Uint8Array(32));
  const c = crypto.getRandomValues(new Uint8Array(32));
  assert.notEqual(b.join(), c.join());
});

test('crypto: getRandomValues accepts subclasses, shared and resizable buffers, empty and detached views', () => {
  class Bytes extends Uint8Array {}
  const s = new Bytes(16);
  assert.equal(crypto.getRandomValues(s), s);
  assert.ok(!allZero(s));
  const shared = new Uint8Array(new SharedArrayBuffer(16));
  assert.equal(crypto.getRandomValues(shared), shared);
  assert.ok(!allZero(shared));
  const resizable = new Uint32Array(new ArrayBuffer(16, { maxByteLength: 64 }));
  resizable.buffer.resize(32);
  crypto.getRandomValues(resizable);
  assert.equal(resizable.length, 8, 'length-tracking');
  assert.ok(resizable[7] !== 0 || resizable[6] !== 0, 'filled to the current length');
  const empty = new Uint8Array(0);
  assert.equal(crypto.getRandomValues(empty), empty);
  const buffer = new ArrayBuffer(8);
  const detached = new Uint8Array(buffer);
  buffer.transfer();
  assert.equal(crypto.getRandomValues(detached), detached);
  assert.equal(detached.length, 0);
});

test('crypto: getRandomValues takes up to 65536 bytes', () => {
  assert.equal(crypto.getRandomValues(new Uint8Array(65536)).length, 65536);
  assert.equal(crypto.getRandomValues(new BigUint64Array(8192)).length, 8192);
  assert.equal(crypto.getRandomValues(new Int32Array(16384)).length, 16384);
});

test('crypto: getRandomValues over 65536 bytes is a QuotaExceededError', () => {
  isDOMException(assert.throws(() => crypto.getRandomValues(new Uint8Array(65537))), 'QuotaExceededError', 22, quota(65537));
  isDOMException(assert.throws(() => crypto.getRandomValues(new Uint32Array(16385))), 'QuotaExceededError', 22, quota(65540));
  isDOMException(assert.throws(() => crypto.getRandomValues(new BigInt64Array(8193))), 'QuotaExceededError', 22, quota(65544));
  const tracking = new Uint8Array(new ArrayBuffer(4, { maxByteLength: 100000 }));
  tracking.buffer.resize(70000);
  isDOMException(assert.throws(() => crypto.getRandomValues(tracking)), 'QuotaExceededError', 22, quota(70000));
  // A view that is too large is left untouched.
  const big = new Uint8Array(65537);
  assert.throws(() => crypto.getRandomValues(big));
  assert.ok(allZero(big));
});

test('crypto: float arrays and DataViews are a TypeMismatchError, checked before the quota', () => {
  const views = [new Float32Array(4), new Float64Array(4), new DataView(new ArrayBuffer(4)),
    new Float32Array(16385), new DataView(new ArrayBuffer(65537))];
  if (typeof Float16Array === 'function') views.push(new Float16Array(4));
  for (const v of views) {
    isDOMException(assert.throws(() => crypto.getRandomValues(v)), 'TypeMismatchError', 17, NOT_INTEGER);
  }
});

test('crypto: anything but an ArrayBufferView is a TypeError', () => {
  const fake = Object.create(Uint8Array.prototype);
  for (const v of [undefined, null, 5, 'abc', [1, 2], {}, new ArrayBuffer(4), new SharedArrayBuffer(4), fake,
    new Proxy(new Uint8Array(2), {})]) {
    const e = assert.throws(() => crypto.getRandomValues(v), TypeError);
    assert.equal(e.message, NOT_A_VIEW);
  }
  const e = assert.throws(() => crypto.getRandomValues(), TypeError);
  assert.equal(e.message, NOT_A_VIEW, 'no argument: workerd gives the same message');
});

test('crypto: both operations check their receiver', () => {
  const { getRandomValues, randomUUID } = Crypto.prototype;
  for (const self of [undefined, null, {}, Object.create(Crypto.prototype), globalThis]) {
    assert.throws(() => getRandomValues.call(self, new Uint8Array(2)), { name: 'TypeError', message: /^Illegal invocation/ });
    assert.throws(() => randomUUID.call(self), { name: 'TypeError', message: /^Illegal invocation/ });
  }
  // The receiver is checked before the argument.
  assert.throws(() => getRandomValues.call({}, new Float32Array(1)), { name: 'TypeError', message: /^Illegal invocation/ });
  assert.throws(() => Crypto.prototype.randomUUID(), /^Illegal invocation/);
});

test('crypto: randomUUID gives distinct lower-case version 4 UUIDs', () => {
  const seen = new Set();
  for (let i = 0; i < 500; i++) {
    const u = crypto.randomUUID();
    assert.equal(typeof u, 'string');
    assert.ok(UUID.test(u), u);
    seen.add(u);
  }
  assert.equal(seen.size, 500);
  assert.ok(UUID.test(crypto.randomUUID(1, 'ignored')), 'extra arguments are ignored');
});

test('crypto: structuredClone refuses it', () => {
  assert.throws(() => structuredClone(crypto), { name: 'DataCloneError' });
});
