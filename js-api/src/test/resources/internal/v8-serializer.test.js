// internal.v8Serialize / internal.v8Deserialize: V8's ValueSerializer wire format. The vectors
// below are the bytes Node 20's V8 writes (new v8.Serializer(): writeHeader(), writeValue()),
// so they are byte-exact against V8 itself; each is also deserialized and compared.
(function (internal, test, assert) {
  'use strict';
  const hex = (u8) => Array.from(u8, (b) => b.toString(16).padStart(2, '0')).join('');
  const unhex = (s) => new Uint8Array((s.match(/../g) || []).map((b) => parseInt(b, 16)));
  const tag = (v) => Object.prototype.toString.call(v);

  // Structural equality that also looks into built-ins' internal slots and the identity graph.
  function same(a, b, seen = new Map()) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (seen.has(a)) return seen.get(a) === b;
    seen.set(a, b);
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || tag(a) !== tag(b)) return false;
    if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
    if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags;
    if (a instanceof Boolean || a instanceof Number || a instanceof String || a instanceof BigInt) return Object.is(a.valueOf(), b.valueOf());
    if (a instanceof ArrayBuffer) {
      return a.byteLength === b.byteLength && a.resizable === b.resizable && a.maxByteLength === b.maxByteLength &&
        hex(new Uint8Array(a)) === hex(new Uint8Array(b));
    }
    if (ArrayBuffer.isView(a)) {
      return a.byteOffset === b.byteOffset && a.byteLength === b.byteLength && same(a.buffer, b.buffer, seen);
    }
    if (a instanceof Map) {
      if (a.size !== b.size) return false;
      const ea = [...a], eb = [...b];
      return ea.every(([k, v], i) => same(k, eb[i][0], seen) && same(v, eb[i][1], seen));
    }
    if (a instanceof Set) {
      if (a.size !== b.size) return false;
      const ea = [...a], eb = [...b];
      return ea.every((v, i) => same(v, eb[i], seen));
    }
    if (a instanceof Error) {
      if (a.name !== b.name || a.message !== b.message || a.stack !== b.stack) return false;
      if (Object.hasOwn(a, 'cause') !== Object.hasOwn(b, 'cause')) return false;
      if (Object.hasOwn(a, 'cause') && !same(a.cause, b.cause, seen)) return false;
      return true;
    }
    const ka = Reflect.ownKeys(a), kb = Reflect.ownKeys(b);
    if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
    return ka.every((k) => same(a[k], b[k], seen));
  }
  function assertSame(actual, expected, msg) {
    if (!same(actual, expected)) assert.ok(false, `${msg || 'not the same'}: got ${String(actual)}`);
  }

  const VECTORS = [
    ["undefined", () => undefined, 'ff0f5f'],
    ["null", () => null, 'ff0f30'],
    ["true", () => true, 'ff0f54'],
    ["false", () => false, 'ff0f46'],
    ["int 0", () => 0, 'ff0f4900'],
    ["int 1", () => 1, 'ff0f4902'],
    ["int -1", () => -1, 'ff0f4901'],
    ["int 63", () => 63, 'ff0f497e'],
    ["int 64", () => 64, 'ff0f498001'],
    ["int 2^30", () => 2 ** 30, 'ff0f498080808008'],
    ["int32 max", () => 2 ** 31 - 1, 'ff0f49feffffff0f'],
    ["int32 min", () => -(2 ** 31), 'ff0f49ffffffff0f'],
    ["2^31 is a double", () => 2 ** 31, 'ff0f4e000000000000e041'],
    ["below int32 min is a double", () => -(2 ** 31) - 1, 'ff0f4e000020000000e0c1'],
    ["-0", () => -0, 'ff0f4e0000000000000080'],
    ["NaN", () => NaN, 'ff0f4e000000000000f87f'],
    ["Infinity", () => Infinity, 'ff0f4e000000000000f07f'],
    ["-Infinity", () => -Infinity, 'ff0f4e000000000000f0ff'],
    ["1.5", () => 1.5, 'ff0f4e000000000000f83f'],
    ["2^53", () => 2 ** 53, 'ff0f4e0000000000004043'],
    ["Number.MIN_VALUE", () => Number.MIN_VALUE, 'ff0f4e0100000000000000'],
    ["empty string", () => '', 'ff0f2200'],
    ["one-byte string", () => 'hello', 'ff0f220568656c6c6f'],
    ["Latin-1 string", () => 'caf\u00e9 \u00ff', 'ff0f2206636166e920ff'],
    ["two-byte string", () => '\u4e2d\u6587', 'ff0f63042d4e8765'],
    ["emoji", () => '\ud83d\ude00', 'ff0f63043dd800de'],
    ["lone surrogate", () => '\ud800', 'ff0f630200d8'],
    ["long one-byte string", () => 'x'.repeat(200), 'ff0f22c8017878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878787878'],
    ["long two-byte string (padding)", () => '\u4e2d'.repeat(64), 'ff0f006380012d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e2d4e'],
    ["two-byte string after one-byte (padding)", () => ['a', '\u4e2d'], 'ff0f41022201610063022d4e240002'],
    ["two-byte string, no padding needed", () => ['\u4e2d'], 'ff0f410163022d4e240001'],
    ["two-byte keys and values", () => ({ '\u4e2d': '\u00e9\u4e2d' }), 'ff0f6f0063022d4e6304e9002d4e7b01'],
    ["empty object", () => ({}), 'ff0f6f7b00'],
    ["object", () => ({ a: 1, b: 'x', c: null }), 'ff0f6f2201614902220162220178220163307b03'],
    ["nested objects and arrays", () => ({ a: { b: [{}, [1, [2]]] }, c: [] }), 'ff0f6f2201616f22016241026f7b0041024902410149042400012400022400027b0122016341002400007b02'],
    ["integer-like keys are numbers", () => ({ b: 1, 2: 'two', 0: 'zero', a: 2 }), 'ff0f6f490022047a65726f4904220374776f220162490222016149047b04'],
    ["large index key is a double", () => ({ 4294967294: 1 }), 'ff0f6f4e0000c0ffffffef4149027b01'],
    ["non-index numeric keys stay strings", () => ({ '4294967295': 1, '-1': 2, '01': 3, '1.5': 4 }), 'ff0f6f220a34323934393637323935490222022d3149042202303149062203312e3549087b04'],
    ["empty array", () => [], 'ff0f4100240000'],
    ["dense array", () => [1, 'a', true, null, undefined], 'ff0f4105490222016154305f240005'],
    ["array with named properties", () => Object.assign([1, 2], { x: 3 }), 'ff0f4102490249042201784906240102'],
    ["sparse array with holes", () => [1, , 3], 'ff0f61034900490249044906400203'],
    ["array of only holes", () => new Array(3), 'ff0f6103400003'],
    ["sparse array with named property", () => Object.assign([, 1], { k: 2 }), 'ff0f61024902490222016b4904400202'],
    ["long sparse array", () => (() => { const a = []; a[1000] = 1; return a; })(), 'ff0f61e90749d00f49024001e907'],
    ["shared reference", () => (() => { const o = {}; return [o, o, { o }]; })(), 'ff0f41036f7b005e016f22016f5e017b01240003'],
    ["cycle", () => (() => { const o = { n: 1 }; o.self = o; return o; })(), 'ff0f6f22016e4902220473656c665e007b02'],
    ["array cycle", () => (() => { const a = [1]; a.push(a); return a; })(), 'ff0f410249025e00240002'],
    ["Date", () => new Date(1700000000123), 'ff0f4400b08756febc7842'],
    ["Date epoch", () => new Date(0), 'ff0f440000000000000000'],
    ["invalid Date", () => new Date(NaN), 'ff0f44000000000000f87f'],
    ["RegExp", () => /ab+c/, 'ff0f52220461622b6300'],
    ["RegExp gimsuy", () => /x/gimsuy, 'ff0f522201783f'],
    ["RegExp d", () => /y/d, 'ff0f522201798001'],
    ["RegExp v", () => /z/v, 'ff0f5222017a8002'],
    ["RegExp two-byte source", () => /\u4e2d/g, 'ff0f5222065c753465326401'],
    ["Boolean true object", () => new Boolean(true), 'ff0f79'],
    ["Boolean false object", () => new Boolean(false), 'ff0f78'],
    ["Number object", () => new Number(1.5), 'ff0f6e000000000000f83f'],
    ["Number object int", () => new Number(3), 'ff0f6e0000000000000840'],
    ["String object", () => new String('str'), 'ff0f732203737472'],
    ["String object two-byte", () => new String('\u4e2d'), 'ff0f730063022d4e'],
    ["BigInt object", () => Object(5n), 'ff0f7a100500000000000000'],
    ["BigInt 0", () => 0n, 'ff0f5a00'],
    ["BigInt 1", () => 1n, 'ff0f5a100100000000000000'],
    ["BigInt -1", () => -1n, 'ff0f5a110100000000000000'],
    ["BigInt 2^64", () => 2n ** 64n, 'ff0f5a2000000000000000000100000000000000'],
    ["BigInt -(2^70)", () => -(2n ** 70n), 'ff0f5a2100000000000000004000000000000000'],
    ["BigInt 2^64-1", () => 2n ** 64n - 1n, 'ff0f5a10ffffffffffffffff'],
    ["BigInt large", () => 123456789012345678901234567890n, 'ff0f5a20d20a3f4eeee073c3f60fe98e01000000'],
    ["Map", () => new Map([[1, 'a'], ['b', { c: 2 }]]), 'ff0f3b49022201612201626f22016349047b013a04'],
    ["empty Map", () => new Map(), 'ff0f3b3a00'],
    ["Set", () => new Set([1, 'a', null]), 'ff0f274902220161302c03'],
    ["Map with shared keys", () => (() => { const k = {}; return new Map([[k, k]]); })(), 'ff0f3b6f7b005e013a02'],
    ["ArrayBuffer", () => new Uint8Array([1, 2, 255]).buffer, 'ff0f42030102ff'],
    ["empty ArrayBuffer", () => new ArrayBuffer(0), 'ff0f4200'],
    ["resizable ArrayBuffer", () => (() => { const b = new ArrayBuffer(2, { maxByteLength: 8 }); new Uint8Array(b).set([7, 9]); return b; })(), 'ff0f7e02080709'],
    ["Uint8Array", () => new Uint8Array([1, 2, 3]), 'ff0f42030102035642000300'],
    ["Uint8Array with offset", () => new Uint8Array(new Uint8Array([0, 1, 2, 3, 4]).buffer, 1, 2), 'ff0f420500010203045642010200'],
    ["DataView", () => new DataView(new Uint8Array([0, 1, 2, 3]).buffer, 1, 2), 'ff0f420400010203563f010200'],
    ["Float64Array", () => new Float64Array([1, -0.5]), 'ff0f4210000000000000f03f000000000000e0bf5646001000'],
    ["Int8Array", () => new Int8Array([-1]), 'ff0f4201ff5662000100'],
    ["Uint8ClampedArray", () => new Uint8ClampedArray([300]), 'ff0f4201ff5643000100'],
    ["Int16Array", () => new Int16Array([-2]), 'ff0f4202feff5677000200'],
    ["Uint16Array", () => new Uint16Array([2]), 'ff0f420202005657000200'],
    ["Int32Array", () => new Int32Array([-3]), 'ff0f4204fdffffff5664000400'],
    ["Uint32Array", () => new Uint32Array([3]), 'ff0f4204030000005644000400'],
    ["Float32Array", () => new Float32Array([0.5]), 'ff0f42040000003f5666000400'],
    ["BigInt64Array", () => new BigInt64Array([-1n]), 'ff0f4208ffffffffffffffff5671000800'],
    ["BigUint64Array", () => new BigUint64Array([1n]), 'ff0f420801000000000000005651000800'],
    ["views sharing a buffer", () => (() => { const b = new ArrayBuffer(4); return [new Uint8Array(b), new Uint16Array(b, 2), b]; })(), 'ff0f410342040000000056420004005e0156570202005e01240003'],
    ["same view twice", () => (() => { const v = new Uint8Array(2); return [v, v]; })(), 'ff0f41024202000056420002005e02240002'],
    ["view on resizable buffer", () => new Uint8Array(new ArrayBuffer(4, { maxByteLength: 8 }), 0, 2), 'ff0f7e0408000000005642000202'],
    ["Error", () => (() => { const e = new Error('boom'); e.stack = 'S'; return e; })(), 'ff0f726d2204626f6f6d732201532e'],
    ["TypeError", () => (() => { const e = new TypeError('bad'); e.stack = 'S'; return e; })(), 'ff0f72546d2203626164732201532e'],
    ["RangeError", () => (() => { const e = new RangeError('r'); e.stack = 'S'; return e; })(), 'ff0f72526d220172732201532e'],
    ["EvalError/ReferenceError/SyntaxError/URIError", () => [EvalError, ReferenceError, SyntaxError, URIError].map((C) => { const e = new C('m'); e.stack = 'S'; return e; }), 'ff0f410472456d22016d732201532e72466d22016d732201532e72536d22016d732201532e72556d22016d732201532e240004'],
    ["Error without message", () => (() => { const e = new Error(); e.stack = 'S'; return e; })(), 'ff0f72732201532e'],
    ["Error with cause", () => (() => { const e = new Error('m', { cause: { x: 1 } }); e.stack = 'S'; return e; })(), 'ff0f726d22016d636f22017849027b01732201532e'],
    ["Error with two-byte message", () => (() => { const e = new Error('\u4e2d'); e.stack = 'S'; return e; })(), 'ff0f726d63022d4e732201532e'],
  ];

  for (const [name, make, bytes] of VECTORS) {
    test(`serialize: ${name}`, () => { assert.equal(hex(internal.v8Serialize(make())), bytes); });
    test(`deserialize: ${name}`, () => { assertSame(internal.v8Deserialize(unhex(bytes)), make()); });
  }

  // --- round trips and identity ---

  test('round trip: shared references stay shared, cycles are rebuilt', () => {
    const o = { n: 1 };
    const v = internal.v8Deserialize(internal.v8Serialize([o, o, { o }]));
    assert.ok(v[0] === v[1] && v[2].o === v[0]);
    const c = { };
    c.self = c;
    const d = internal.v8Deserialize(internal.v8Serialize(c));
    assert.ok(d.self === d);
  });

  test('round trip: views that shared a buffer share the new one', () => {
    const b = new ArrayBuffer(4);
    const [x, y, z] = internal.v8Deserialize(internal.v8Serialize([new Uint8Array(b), new Uint16Array(b, 2), b]));
    assert.ok(x.buffer === y.buffer && y.buffer === z);
    assert.equal(y.byteOffset, 2);
    assert.equal(y.length, 1);
  });

  test('round trip: error cause referring back to the error', () => {
    const e = new Error('m');
    e.cause = e;
    const d = internal.v8Deserialize(internal.v8Serialize(e));
    assert.ok(d instanceof Error && d.cause === d);
    assert.equal(d.message, 'm');
    assert.equal(Object.getOwnPropertyDescriptor(d, 'message').enumerable, false);
  });

  test('round trip: a class instance becomes a plain object with its own enumerable properties', () => {
    class P { constructor() { this.x = 1; } get y() { return 2; } }
    const d = internal.v8Deserialize(internal.v8Serialize(new P()));
    assert.equal(Object.getPrototypeOf(d), Object.prototype);
    assert.deepEqual(d, { x: 1 });
  });

  test('round trip: getters run once, non-enumerable and symbol keys are skipped', () => {
    let calls = 0;
    const o = { get g() { calls++; return 'v'; }, [Symbol('s')]: 1 };
    Object.defineProperty(o, 'hidden', { value: 1, enumerable: false });
    const d = internal.v8Deserialize(internal.v8Serialize(o));
    assert.equal(calls, 1);
    assert.deepEqual(d, { g: 'v' });
  });

  test('round trip: deep nesting and many values', () => {
    const value = { list: Array.from({ length: 300 }, (_, i) => ({ i, s: 'v' + i, f: i / 3 })), s: 'x\u4e2d'.repeat(3000) };
    assertSame(internal.v8Deserialize(internal.v8Serialize(value)), value);
  });

  test('round trip: __proto__ as an own key stays an own data property', () => {
    const o = JSON.parse('{"__proto__": 1}');
    const d = internal.v8Deserialize(internal.v8Serialize(o));
    assert.ok(Object.hasOwn(d, '__proto__'));
    assert.equal(Object.getPrototypeOf(d), Object.prototype);
  });

  // --- reading what V8 writes but we do not ---

  test('deserialize: version 13 (views without flags) and 14 headers', () => {
    const v = internal.v8Deserialize(unhex('ff0d420201025642010101'));
    assert.ok(v instanceof Uint8Array && v.byteOffset === 1 && v[0] === 2);
    assert.equal(internal.v8Deserialize(unhex('ff0e4902')), 1);
  });

  test('deserialize: a length-tracking view on a resizable buffer keeps tracking its length', () => {
    // V8's bytes for new Uint8Array(new ArrayBuffer(2, { maxByteLength: 4 })): flags 3.
    const v = internal.v8Deserialize(unhex('ff0f7e020400005642000003'));
    assert.ok(v instanceof Uint8Array && v.length === 2 && v.buffer.resizable);
    v.buffer.resize(4);
    assert.equal(v.length, 4);
  });

  test('deserialize: the verify-object-count tag is skipped', () => {
    assert.deepEqual(internal.v8Deserialize(unhex('ff0f3f016f7b00')), {});
  });

  test('deserialize: Uint32 and UTF-8 string tags', () => {
    assert.equal(internal.v8Deserialize(unhex('ff0f55ffffffff0f')), 4294967295);
    assert.equal(internal.v8Deserialize(unhex('ff0f5304e4b8ad61')), '\u4e2da');
  });

  test('deserialize: dense array with a hole tag', () => {
    const a = internal.v8Deserialize(unhex('ff0f4103490a2d4902240003'));
    assert.equal(a.length, 3);
    assert.equal(a[0], 5);
    assert.ok(!(1 in a));
    assert.equal(a[2], 1);
  });

  test('deserialize: packed double arrays as V8 writes them ([1.5, 2])', () => {
    assert.deepEqual(internal.v8Deserialize(unhex('ff0f41024e000000000000f83f4e0000000000000040240002')), [1.5, 2]);
  });

  test('deserialize: padding tags before values are skipped', () => {
    assert.equal(internal.v8Deserialize(unhex('ff0f00004902')), 1);
  });

  // --- errors ---

  test('error: functions, symbols and host-ish objects throw DataCloneError', () => {
    for (const v of [() => 1, Symbol('x'), { f() {} }, [Symbol.iterator], new WeakMap(), new WeakSet(), Promise.resolve(),
      new Blob(['x']), new Headers(), new DOMException('m'), new Proxy({}, {})]) {
      const e = assert.throws(() => internal.v8Serialize(v), 'DataCloneError', String(Object.prototype.toString.call(v)));
      assert.ok(e instanceof internal.DOMException);
    }
  });

  test('error: detached ArrayBuffer throws DataCloneError', () => {
    const b = new ArrayBuffer(2);
    const view = new Uint8Array(b);
    b.transfer();
    assert.throws(() => internal.v8Serialize(b), 'DataCloneError');
    assert.throws(() => internal.v8Serialize(view), 'DataCloneError');
  });

  test('error: malformed input', () => {
    const bad = ['', '00', 'ff', 'ff0c4902', 'ff104902', 'ff0f', 'ff0f49', 'ff0f4e0000', 'ff0f2205616263', 'ff0f6f', 'ff0f6f22016149027b05',
      'ff0f5e00', 'ff0f41024902240002', 'ff0f01', 'ff0f6f4e0000000000000000307b01'.replace('4e0000000000000000', '5f'),
      'ff0f5642000000', 'ff0f42020000564600020000', 'ff0f420200005678000200', 'ff0f72787e', 'ff0f630361626300', 'ff0f3b4902', 'ff0f3b49024902', 'ff0f3b3a01'];
    for (const b of bad) {
      assert.throws(() => internal.v8Deserialize(unhex(b || '')), /Unable to deserialize cloned data/, `input ${b}`);
    }
  });

  test('error: host object tag throws DataCloneError', () => {
    assert.throws(() => internal.v8Deserialize(unhex('ff0f5c01020000')), 'DataCloneError');
  });

  // The host hook JS RPC uses: functions and class instances become '\\' + an index the host assigns.
  function capabilityHost(table) {
    return {
      claim(v) { table.push(v); return table.length - 1; },
      take(i) { return { cap: table[i] }; },
    };
  }

  test('host hook: functions and class instances are written as indexed host objects', () => {
    const f = () => 1;
    class Point { constructor() { this.x = 1; } }
    const p = new Point();
    const table = [];
    const bytes = internal.v8Serialize({ a: f, b: p, c: f, d: new Date(0) }, capabilityHost(table));
    // o, "a" \\ 0, "b" \\ 1, "c" ^ 1 (the function's id), "d" Date(0), { 4
    assert.equal(hex(bytes), 'ff0f6f' + '2201615c00' + '2201625c01' + '2201635e01' + '220164440000000000000000' + '7b04');
    assert.ok(table[0] === f && table[1] === p && table.length === 2);
  });

  test('host hook: the reader hands indexes back to the host; back-references share the object', () => {
    const f = () => 1;
    const table = [];
    const bytes = internal.v8Serialize([f, f, { g: f }], capabilityHost(table));
    assert.equal(table.length, 1, 'one capability for one function');
    const v = internal.v8Deserialize(bytes, capabilityHost(table));
    assert.ok(v[0] === v[1] && v[2].g === v[0] && v[0].cap === f);
  });

  test('host hook: without a host, functions still throw and host tags are refused', () => {
    const bytes = internal.v8Serialize([() => 1], capabilityHost([]));
    assert.throws(() => internal.v8Serialize([() => 1]), 'DataCloneError');
    assert.throws(() => internal.v8Deserialize(bytes), 'DataCloneError');
  });

  test('deserialize: properties are defined, never assigned through a setter on the prototype', () => {
    let called = false;
    Object.defineProperty(Object.prototype, 'zzTrap', { set() { called = true; }, configurable: true });
    Object.defineProperty(Array.prototype, '1', { set() { called = true; }, configurable: true });
    try {
      const o = internal.v8Deserialize(internal.v8Serialize({ zzTrap: 1, plain: 2 }));
      assert.ok(Object.getOwnPropertyDescriptor(o, 'zzTrap').value === 1 && o.plain === 2);
      const a = internal.v8Deserialize(unhex('ff0f4103490249044906240003'));   // [1, 2, 3]
      assert.ok(Object.getOwnPropertyDescriptor(a, '1').value === 2);
      const p = internal.v8Deserialize(unhex('ff0f6f22095f5f70726f746f5f5f49027b01'));   // { ["__proto__"]: 1 }
      assert.ok(Object.getPrototypeOf(p) === Object.prototype && Object.getOwnPropertyDescriptor(p, '__proto__').value === 1);
      assert.ok(!called, 'a setter ran');
    } finally {
      delete Object.prototype.zzTrap;
      delete Array.prototype[1];
    }
  });

  test('deserialize: with the Latin-1 text of the bytes, strings are cut from it', () => {
    const value = { one: 'caf\u00e9', two: 'snow \u2603', list: ['a', 'bc'], n: 5 };
    const bytes = internal.v8Serialize(value);
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    assertSame(internal.v8Deserialize(bytes, undefined, text), value);
    assert.throws(() => internal.v8Deserialize(unhex('ff0f2205616263'), undefined, 'xxxxxxx'), /Unable to deserialize cloned data/);
  });
});
