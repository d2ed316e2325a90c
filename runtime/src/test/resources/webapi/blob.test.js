// Blob and File (File API), checked against the spec's algorithms; WPT's FileAPI/blob and
// FileAPI/file test names served as the checklist.
import { test, assert } from './harness.js';

const dec = (u8) => new TextDecoder().decode(u8);
async function readStream(stream) {
  const reader = stream.getReader();
  const chunks = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    assert.ok(value instanceof Uint8Array, 'chunks are Uint8Arrays');
    chunks.push(...value);
  }
  return new Uint8Array(chunks);
}
async function blobText(b) { return new TextDecoder().decode(new Uint8Array(await b.arrayBuffer())); }
function ownDesc(o, k) { return Object.getOwnPropertyDescriptor(o, k); }

// --- interface ---

test('blob interface: global, length, prototype chain and toStringTag', () => {
  const d = ownDesc(globalThis, 'Blob');
  assert.ok(d.writable && d.configurable && !d.enumerable);
  assert.equal(Blob.length, 0);
  assert.equal(Blob.name, 'Blob');
  assert.equal(Object.prototype.toString.call(new Blob()), '[object Blob]');
  assert.equal(Object.prototype.toString.call(Blob.prototype), '[object Blob]');
  assert.equal(ownDesc(Blob.prototype, Symbol.toStringTag).writable, false);
});

test('blob interface: members are enumerable accessors and operations on the prototype', () => {
  for (const k of ['size', 'type']) {
    const d = ownDesc(Blob.prototype, k);
    assert.equal(typeof d.get, 'function', k);
    assert.equal(d.set, undefined, k);
    assert.ok(d.enumerable && d.configurable, k);
  }
  for (const [k, len] of [['slice', 0], ['stream', 0], ['text', 0], ['arrayBuffer', 0], ['bytes', 0]]) {
    const d = ownDesc(Blob.prototype, k);
    assert.equal(typeof d.value, 'function', k);
    assert.ok(d.enumerable && d.writable && d.configurable, k);
    assert.equal(d.value.length, len, k + '.length');
  }
  const keys = [];
  for (const k in new Blob()) keys.push(k);
  assert.deepEqual(keys.sort(), ['arrayBuffer', 'bytes', 'size', 'slice', 'stream', 'text', 'type']);
  assert.deepEqual(Object.keys(new Blob()), []);
});

test('blob interface: calling without new throws', () => {
  assert.throws(() => Blob(), TypeError);
  assert.throws(() => File([], 'x'), TypeError);
});

test('blob interface: brand checks', () => {
  const fake = Object.create(Blob.prototype);
  assert.throws(() => fake.size, TypeError);
  assert.throws(() => ownDesc(Blob.prototype, 'type').get.call({}), TypeError);
  assert.throws(() => Blob.prototype.slice.call({}), TypeError);
  assert.throws(() => Blob.prototype.stream.call(fake), TypeError);
  assert.throws(() => Blob.prototype.size, TypeError);
});

test('blob interface: promise-returning operations reject on a bad this', async () => {
  for (const m of ['text', 'arrayBuffer', 'bytes']) {
    const p = Blob.prototype[m].call({});
    assert.ok(p instanceof Promise, m);
    await assert.rejects(p, TypeError);
  }
});

// --- constructor ---

test('blob constructor: no arguments and undefined', async () => {
  for (const b of [new Blob(), new Blob(undefined), new Blob(undefined, undefined), new Blob([], null)]) {
    assert.ok(b instanceof Blob);
    assert.equal(b.size, 0);
    assert.equal(b.type, '');
    assert.equal(await b.text(), '');
  }
});

test('blob constructor: non-iterable blobParts throw TypeError', () => {
  for (const v of [null, true, false, 0, 1, 1.5, 'FAIL', new Date(), /x/, {}, { 0: 'FAIL', length: 1 }, Symbol('s'), 10n]) {
    assert.throws(() => new Blob(v), TypeError, String(typeof v));
  }
  assert.throws(() => new Blob({ [Symbol.iterator]: 1 }), TypeError);
  assert.throws(() => new Blob({ [Symbol.iterator]: () => 1 }), TypeError);
  assert.throws(() => new Blob({ [Symbol.iterator]: () => ({ next: () => 1 }) }), TypeError);
});

test('blob constructor: any iterable object is a sequence', async () => {
  const b = new Blob({ [Symbol.iterator]: Array.prototype[Symbol.iterator], 0: 'PA', 1: 'SS', length: 2 });
  assert.equal(await b.text(), 'PASS');
  function* gen() { yield 'a'; yield new Uint8Array([98]); yield new Blob(['c']); }
  assert.equal(await new Blob(gen()).text(), 'abc');
  assert.equal(await new Blob(new Set(['x', 'y'])).text(), 'xy');
});

test('blob constructor: getters and conversions happen in order until an exception', () => {
  const received = [];
  const boom = new Error('boom');
  const obj = {
    get [Symbol.iterator]() { received.push('Symbol.iterator'); return Array.prototype[Symbol.iterator]; },
    get length() { received.push('length getter'); return { valueOf() { received.push('length valueOf'); return 3; } }; },
    get 0() { received.push('0 getter'); return { toString() { received.push('0 toString'); return 'a'; } }; },
    get 1() { received.push('1 getter'); throw boom; },
    get 2() { received.push('2 getter'); return 'x'; },
  };
  const e = assert.throws(() => new Blob(obj));
  assert.equal(e, boom);
  assert.deepEqual(received, ['Symbol.iterator', 'length getter', 'length valueOf', '0 getter', '0 toString',
    'length getter', 'length valueOf', '1 getter']);
});

test('blob constructor: changes to the array during conversion are seen', async () => {
  const arr = [{ toString() { arr.pop(); return 'PASS'; } }, { toString() { throw new Error('not removed'); } }];
  assert.equal(await new Blob(arr).text(), 'PASS');
  const arr2 = [
    { toString() { if (arr2.length === 3) return 'A'; arr2.unshift({ toString() { throw new Error('index 0 read twice'); } }); return 'P'; } },
    { toString() { return 'SS'; } },
  ];
  assert.equal(await new Blob(arr2).text(), 'PASS');
});

test('blob constructor: elements are converted with ToString (not valueOf)', async () => {
  const v = { toString() { return 'PASS'; }, valueOf() { return 'FAIL'; } };
  assert.equal(await new Blob([v]).text(), 'PASS');
  assert.equal(await new Blob([undefined, null, 1, true, {}]).text(), 'undefinednull1true[object Object]');
  assert.equal(await new Blob([new Date(0)]).size > 0, true);
  assert.throws(() => new Blob([Symbol('x')]), TypeError);
});

test('blob constructor: strings are UTF-8, lone surrogates become U+FFFD', async () => {
  const b = new Blob(['\u00e9\u4e2d\ud83d\ude00']);
  assert.equal(b.size, 2 + 3 + 4);
  assert.deepEqual(await b.bytes(), new Uint8Array([0xc3, 0xa9, 0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x98, 0x80]));
  const lone = new Blob(['a\ud800b', '\udc00']);
  assert.deepEqual(await lone.bytes(), new Uint8Array([0x61, 0xef, 0xbf, 0xbd, 0x62, 0xef, 0xbf, 0xbd]));
  assert.equal(await lone.text(), 'a\ufffdb\ufffd');
});

test('blob constructor: ArrayBuffer, typed arrays, DataView and Blobs', async () => {
  const ab = new Uint8Array([1, 2, 3, 4]).buffer;
  assert.deepEqual(await new Blob([ab]).bytes(), new Uint8Array([1, 2, 3, 4]));
  assert.deepEqual(await new Blob([new Uint8Array(ab, 1, 2)]).bytes(), new Uint8Array([2, 3]));
  assert.deepEqual(await new Blob([new DataView(ab, 2)]).bytes(), new Uint8Array([3, 4]));
  assert.equal(new Blob([new Int16Array([1, 2])]).size, 4);
  assert.equal(new Blob([new Float64Array(3)]).size, 24);
  assert.equal(new Blob([new BigInt64Array(2), new BigUint64Array(1)]).size, 24);
  assert.deepEqual(await new Blob([new Uint16Array([0x4142])]).bytes(), new Uint8Array([0x42, 0x41]));
  const inner = new Blob(['xy']);
  assert.equal(await new Blob(['a', inner, ab, new Uint8Array([0x7a]), inner]).size, 1 + 2 + 4 + 1 + 2);
  assert.equal(await new Blob([inner, 'z', inner]).text(), 'xyzxy');
});

test('blob constructor: bytes are copied from buffers at construction', async () => {
  const u8 = new Uint8Array([1, 2, 3]);
  const b = new Blob([u8]);
  const single = new Blob([u8.buffer]);
  u8[0] = 9;
  assert.deepEqual(await b.bytes(), new Uint8Array([1, 2, 3]));
  assert.deepEqual(await single.bytes(), new Uint8Array([1, 2, 3]));
  const got = await b.bytes();
  got[1] = 7;
  assert.deepEqual(await b.bytes(), new Uint8Array([1, 2, 3]), 'results are copies too');
});

test('blob constructor: detached buffers contribute no bytes', async () => {
  const ab = new ArrayBuffer(8);
  const view = new Uint8Array(ab);
  ab.transfer();
  assert.equal(new Blob([ab]).size, 0);
  assert.equal(new Blob([view, 'x']).size, 1);
  const ab2 = new ArrayBuffer(4);
  const dv = new DataView(ab2, 1);
  ab2.transfer();
  assert.equal(new Blob([dv]).size, 0);
});

test('blob constructor: views read through intrinsic getters, resizable buffers', async () => {
  const u8 = new Uint8Array([1, 2, 3]);
  Object.defineProperty(u8, 'byteLength', { value: 1000 });
  Object.defineProperty(u8, 'byteOffset', { value: 7 });
  assert.deepEqual(await new Blob([u8]).bytes(), new Uint8Array([1, 2, 3]));
  const rab = new ArrayBuffer(4, { maxByteLength: 8 });
  const tracking = new Uint8Array(rab);
  const fixed = new DataView(rab, 2, 2);
  rab.resize(6);
  assert.equal(new Blob([tracking, rab]).size, 12);
  rab.resize(3);
  assert.equal(new Blob([fixed]).size, 0, 'an out-of-bounds view has no bytes');
  assert.equal(new Blob([tracking]).size, 3);
});

test('blob constructor: shared buffers are rejected', () => {
  const sab = new SharedArrayBuffer(4);
  assert.throws(() => new Blob([new Uint8Array(sab)]), TypeError);
  assert.throws(() => new Blob([sab]), TypeError);
});

test('blob constructor: a subclass instance is a Blob part', async () => {
  class MyBlob extends Blob {}
  const b = new MyBlob(['in']);
  assert.equal(await new Blob([b, b]).text(), 'inin');
  const fake = Object.create(Blob.prototype);
  assert.equal(await new Blob([fake]).text(), '[object Blob]', 'a non-Blob with the prototype is stringified');
});

test('blob options: type is lowercased ASCII, else empty', () => {
  const cases = [
    ['', ''], ['a', 'a'], ['A', 'a'], ['text/html', 'text/html'], ['TEXT/HTML', 'text/html'],
    ['text/plain;charset=utf-8', 'text/plain;charset=utf-8'], ['\u00E5', ''], ['\uD801\uDC7E', ''],
    [' image/gif ', ' image/gif '], ['\timage/gif\t', ''], ['image/gif;\u007f', ''], ['\u0130mage/gif', ''],
    ['\u0131mage/gif', ''], ['image/gif\u0000', ''], ['unknown/unknown', 'unknown/unknown'],
    ['text/plain;charset=UTF-8', 'text/plain;charset=utf-8'], ['nonsense', 'nonsense'],
  ];
  for (const [input, want] of cases) assert.equal(new Blob([], { type: input }).type, want, JSON.stringify(input));
  assert.equal(new Blob([], { type: null }).type, 'null');
  assert.equal(new Blob([], { type: undefined }).type, '');
  assert.equal(new Blob([], { type: { toString: () => 'X/Y' } }).type, 'x/y');
  assert.throws(() => new Blob([], { type: Symbol('t') }), TypeError);
});

test('blob options: non-object options throw, functions and null are fine', () => {
  for (const v of [123, 123.4, true, false, 'abc', Symbol('s')]) assert.throws(() => new Blob([], v), TypeError);
  assert.equal(new Blob([], null).type, '');
  const f = function () {};
  f.type = 'A/B';
  assert.equal(new Blob([], f).type, 'a/b');
});

test('blob options: members are read in lexicographic order, after the parts', () => {
  const accessed = [];
  const stringified = [];
  new Blob([{ toString() { accessed.push('part'); return ''; } }], {
    get type() { accessed.push('type'); return undefined; },
    get endings() { accessed.push('endings'); return undefined; },
  });
  new Blob([], {
    type: { toString() { stringified.push('type'); return ''; } },
    endings: { toString() { stringified.push('endings'); return 'transparent'; } },
  });
  assert.deepEqual(accessed, ['part', 'endings', 'type']);
  assert.deepEqual(stringified, ['endings', 'type']);
});

test('blob options: endings', async () => {
  const input = 'a\r\nb\nc\rd\n\re';
  assert.equal(await new Blob([input]).text(), input);
  assert.equal(await new Blob([input], { endings: 'transparent' }).text(), input);
  assert.equal(await new Blob([input], { endings: 'native' }).text(), 'a\nb\nc\nd\n\ne');
  assert.equal(await new Blob(['\r', '\n'], { endings: 'native' }).text(), '\n\n', 'strings are converted one by one');
  assert.equal(await new Blob([new TextEncoder().encode('x\r\ny')], { endings: 'native' }).text(), 'x\r\ny', 'buffers are untouched');
  for (const bad of ['invalidEnumValue', null, '', 'Transparent', 'NATIVE', 0, {}]) {
    assert.throws(() => new Blob([], { endings: bad }), TypeError, String(bad));
  }
  assert.throws(() => new Blob([], { endings: 'invalid' }), /EndingType/);
});

// --- attributes and methods ---

test('blob slice: start and end, negative and out-of-range', async () => {
  const b = new Blob(['PASSSTRING']);
  const cases = [
    [[], 'PASSSTRING'], [[7], 'ING'], [[-6], 'STRING'], [[0, 3], 'PAS'], [[3, 6], 'SST'], [[3, 17], 'SSTRING'],
    [[-6, -2], 'STRI'], [[-100], 'PASSSTRING'], [[100], ''], [[5, 2], ''], [[-1, -3], ''], [[0, -1], 'PASSSTRIN'],
    [[NaN], 'PASSSTRING'], [[Infinity], ''], [[-Infinity], 'PASSSTRING'], [[0, Infinity], 'PASSSTRING'],
    [[0, -Infinity], ''], [[undefined, 4], 'PASS'], [[4, undefined], 'STRING'], [[null, 2], 'PA'],
    [['2', '4'], 'SS'], [[1.5, 3.5], 'SS'], [[2.5, 4.5], 'SS'], [[0.49, 2.51], 'PAS'], [[-1.5], 'NG'],
    [[2 ** 64], ''], [[-(2 ** 64)], 'PASSSTRING'],
  ];
  for (const [args, want] of cases) {
    const s = b.slice(...args);
    assert.ok(s instanceof Blob);
    assert.equal(s.size, want.length, JSON.stringify(args));
    assert.equal(await s.text(), want, JSON.stringify(args));
  }
});

test('blob slice: contentType', () => {
  const b = new Blob(['x'], { type: 'text/plain' });
  assert.equal(b.slice().type, '', 'no contentType gives the empty type');
  assert.equal(b.slice(0, 1, 'TEXT/HTML').type, 'text/html');
  assert.equal(b.slice(0, 1, '\u00e5').type, '');
  assert.equal(b.slice(0, 1, null).type, 'null');
  assert.equal(b.slice(0, 1, undefined).type, '');
  assert.throws(() => b.slice(0, 1, Symbol('t')), TypeError);
});

test('blob slice: argument conversion', () => {
  const b = new Blob(['abc']);
  assert.throws(() => b.slice(Symbol('s')), TypeError);
  assert.throws(() => b.slice(0, 1n), TypeError);
  const order = [];
  b.slice({ valueOf() { order.push('start'); return 0; } }, { valueOf() { order.push('end'); return 1; } },
    { toString() { order.push('type'); return ''; } });
  assert.deepEqual(order, ['start', 'end', 'type']);
});

test('blob slice: slices of slices, and of multi-part blobs', async () => {
  const b = new Blob(['abc', new Uint8Array([0x64, 0x65]), new Blob(['fgh'])]);
  assert.equal(await b.text(), 'abcdefgh');
  const s = b.slice(2, 7);
  assert.equal(await s.text(), 'cdefg');
  assert.equal(await s.slice(1, -1).text(), 'def');
  assert.equal(await s.slice(-2).slice(1).text(), 'g');
  assert.equal(await new Blob([s, s.slice(0, 1)]).text(), 'cdefgc');
});

test('blob slice: returns a Blob, even on subclasses and Files', () => {
  class MyBlob extends Blob {}
  const s = new MyBlob(['abc']).slice(1);
  assert.equal(Object.getPrototypeOf(s), Blob.prototype);
  const f = new File(['abc'], 'f.txt', { type: 'text/plain' });
  const fs = f.slice(0, 2);
  assert.ok(!(fs instanceof File));
  assert.equal(fs.type, '');
});

test('blob text: UTF-8 decoding, BOM dropped, invalid bytes replaced', async () => {
  assert.equal(await new Blob(['PASS']).text(), 'PASS');
  assert.equal(await new Blob(['P', 'A', 'SS']).text(), 'PASS');
  assert.equal(await new Blob(['\u00e9'], { type: 'text/plain;charset=latin1' }).text(), '\u00e9', 'charset is ignored');
  assert.equal(await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x41])]).text(), 'A');
  assert.equal(await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])]).text(), '\ufeff', 'only one BOM');
  assert.equal(await new Blob([new Uint8Array([0x41, 0xff, 0xc3])]).text(), 'A\ufffd\ufffd');
  assert.equal(await new Blob([new Uint8Array([0xe4, 0xb8]), new Uint8Array([0xad])]).text(), '\u4e2d');
});

test('blob text: concurrent reads', async () => {
  const b = new Blob(['abc']);
  const [a, c] = await Promise.all([b.text(), b.text()]);
  assert.equal(a, 'abc');
  assert.equal(c, 'abc');
});

test('blob arrayBuffer and bytes: fresh copies', async () => {
  const b = new Blob([new Uint8Array([1, 2, 3])]);
  const ab = await b.arrayBuffer();
  assert.ok(ab instanceof ArrayBuffer);
  assert.equal(ab.byteLength, 3);
  const u8 = await b.bytes();
  assert.ok(u8 instanceof Uint8Array);
  assert.equal(u8.byteOffset, 0);
  assert.equal(u8.buffer.byteLength, 3);
  assert.notEqual(await b.arrayBuffer(), ab);
  const s = b.slice(1);
  assert.equal((await s.arrayBuffer()).byteLength, 2);
  assert.deepEqual(await s.bytes(), new Uint8Array([2, 3]));
  assert.equal((await new Blob().arrayBuffer()).byteLength, 0);
});

test('blob stream: a ReadableStream of the bytes', async () => {
  const b = new Blob(['PASS']);
  const s = b.stream();
  assert.ok(s instanceof ReadableStream);
  assert.notEqual(b.stream(), s);
  assert.equal(dec(await readStream(s)), 'PASS');
  assert.equal((await readStream(new Blob().stream())).length, 0);
  assert.deepEqual(await readStream(new Blob([new Uint8Array([0xff, 0, 0x80])]).stream()), new Uint8Array([0xff, 0, 0x80]));
});

test('blob stream: large blobs come in several chunks, each a copy', async () => {
  const big = new Uint8Array(200000);
  for (let i = 0; i < big.length; i++) big[i] = i & 0xff;
  const b = new Blob([big]);
  const reader = b.stream().getReader();
  let n = 0, total = 0, ok = true;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (let i = 0; i < value.length; i++) if (value[i] !== ((total + i) & 0xff)) ok = false;
    value.fill(0);
    total += value.length;
    n++;
  }
  assert.ok(ok, 'content');
  assert.equal(total, 200000);
  assert.ok(n > 1, 'several chunks');
  assert.equal((await b.bytes())[1], 1, 'writing to chunks does not change the blob');
});

test('blob stream: cancel and async iteration', async () => {
  const s = new Blob(['abc']).stream();
  await s.cancel();
  let text = '';
  for await (const chunk of new Blob(['x', 'yz']).stream()) text += dec(chunk);
  assert.equal(text, 'xyz');
});

test('blob subclassing', async () => {
  class MyBlob extends Blob {
    constructor(parts, extra) { super(parts, { type: 'A/B' }); this.extra = extra; }
    hello() { return 'hi'; }
  }
  const b = new MyBlob(['abc'], 1);
  assert.ok(b instanceof MyBlob && b instanceof Blob);
  assert.equal(b.size, 3);
  assert.equal(b.type, 'a/b');
  assert.equal(b.extra, 1);
  assert.equal(b.hello(), 'hi');
  assert.equal(await b.text(), 'abc');
  assert.equal(Object.prototype.toString.call(b), '[object Blob]');
});

// --- File ---

test('file interface: global, length, inheritance, toStringTag, members', () => {
  assert.equal(typeof File, 'function');
  assert.equal(File.length, 2);
  assert.equal(Object.getPrototypeOf(File), Blob);
  assert.equal(Object.getPrototypeOf(File.prototype), Blob.prototype);
  const f = new File([], 'x');
  assert.ok(f instanceof Blob && f instanceof File);
  assert.equal(Object.prototype.toString.call(f), '[object File]');
  for (const k of ['name', 'lastModified', 'webkitRelativePath']) {
    const d = ownDesc(File.prototype, k);
    assert.equal(typeof d.get, 'function', k);
    assert.ok(d.enumerable, k);
  }
  assert.deepEqual(Object.keys(f), []);
});

test('file constructor: required arguments', () => {
  assert.throws(() => new File(), TypeError);
  assert.throws(() => new File([]), /2 arguments required/);
  assert.throws(() => new File(undefined, 'x'), TypeError);
  assert.throws(() => new File(null, 'x'), TypeError);
  assert.throws(() => new File('bits', 'x'), TypeError, 'a string is not a sequence');
  assert.throws(() => new File({}, 'x'), TypeError);
});

test('file constructor: bits like Blob', async () => {
  const cases = [
    [[], ''], [[''], ''], [['bits'], 'bits'], [[new Blob()], ''], [[new Blob(['bits'])], 'bits'],
    [[new File(['bits'], 'a')], 'bits'], [[new Uint8Array([0x62, 0x69]), 'ts'], 'bits'],
    [[new Uint8Array([0x62]).buffer, new Blob(['i']), 't', new DataView(new Uint8Array([0x73]).buffer)], 'bits'],
    [[12], '12'], [[[1, 2], [3]], '1,23'],
  ];
  for (const [bits, want] of cases) {
    const f = new File(bits, 'name');
    assert.equal(f.size, want.length);
    assert.equal(await f.text(), want);
  }
});

test('file constructor: fileName is a USVString, kept as given', () => {
  assert.equal(new File([], 'dummy').name, 'dummy');
  assert.equal(new File([], 'dummy/foo').name, 'dummy/foo');
  assert.equal(new File([], 'dummy:foo').name, 'dummy:foo');
  assert.equal(new File([], null).name, 'null');
  assert.equal(new File([], undefined).name, 'undefined');
  assert.equal(new File([], 1).name, '1');
  assert.equal(new File([], 'a\ud800b').name, 'a\ufffdb');
  assert.equal(new File([], '').name, '');
  assert.throws(() => new File([], Symbol('n')), TypeError);
});

test('file constructor: type and endings options', async () => {
  assert.equal(new File([], 'x').type, '');
  assert.equal(new File([], 'x', { type: 'Text/Plain' }).type, 'text/plain');
  assert.equal(new File([], 'x', { type: '\u00e5' }).type, '');
  assert.equal(await new File(['a\r\nb'], 'x', { endings: 'native' }).text(), 'a\nb');
  assert.throws(() => new File([], 'x', { endings: 'bad' }), TypeError);
  for (const v of [123, true, 'abc']) assert.throws(() => new File([], 'x', v), TypeError);
});

test('file constructor: lastModified', () => {
  const before = Date.now();
  const f = new File([], 'x');
  const after = Date.now();
  assert.equal(typeof f.lastModified, 'number');
  assert.ok(f.lastModified >= before && f.lastModified <= after, 'defaults to now');
  assert.equal(new File([], 'x', { lastModified: 42 }).lastModified, 42);
  assert.equal(new File([], 'x', { lastModified: -42 }).lastModified, -42);
  assert.equal(new File([], 'x', { lastModified: new Date(1234) }).lastModified, 1234);
  assert.equal(new File([], 'x', { lastModified: '17' }).lastModified, 17);
  assert.equal(new File([], 'x', { lastModified: 1.9 }).lastModified, 1);
  assert.equal(new File([], 'x', { lastModified: -1.9 }).lastModified, -1);
  assert.equal(new File([], 'x', { lastModified: NaN }).lastModified, 0);
  assert.equal(new File([], 'x', { lastModified: Infinity }).lastModified, 0);
  assert.equal(new File([], 'x', { lastModified: null }).lastModified, 0);
  assert.equal(new File([], 'x', { lastModified: 2 ** 64 + 2 ** 12 }).lastModified, 4096, 'wraps modulo 2^64');
  assert.equal(new File([], 'x', { lastModified: 2 ** 63 }).lastModified, -(2 ** 63));
  assert.throws(() => new File([], 'x', { lastModified: 1n }), TypeError);
});

test('file constructor: arguments and options are converted in order', () => {
  const order = [];
  new File([{ toString() { order.push('bits'); return ''; } }], { toString() { order.push('name'); return 'n'; } }, {
    get type() { order.push('type'); return ''; },
    get lastModified() { order.push('lastModified'); return 0; },
    get endings() { order.push('endings'); return undefined; },
  });
  assert.deepEqual(order, ['bits', 'name', 'endings', 'type', 'lastModified']);
});

test('file: brand checks and webkitRelativePath', () => {
  const f = new File(['x'], 'n');
  assert.equal(f.webkitRelativePath, '');
  assert.throws(() => ownDesc(File.prototype, 'name').get.call(new Blob()), TypeError);
  assert.throws(() => ownDesc(File.prototype, 'lastModified').get.call({}), TypeError);
  assert.throws(() => Object.create(File.prototype).name, TypeError);
  assert.equal(ownDesc(Blob.prototype, 'size').get.call(f), 1, 'Blob members work on Files');
});

test('file: subclassing', async () => {
  class MyFile extends File {
    constructor(bits) { super(bits, 'mine.txt', { type: 'text/plain', lastModified: 5 }); }
  }
  const f = new MyFile(['abc']);
  assert.ok(f instanceof MyFile && f instanceof File && f instanceof Blob);
  assert.equal(f.name, 'mine.txt');
  assert.equal(f.lastModified, 5);
  assert.equal(f.type, 'text/plain');
  assert.equal(await f.text(), 'abc');
});

test('file: a File as a part of another File keeps only the bytes', async () => {
  const inner = new File(['abc'], 'inner', { type: 'text/plain', lastModified: 1 });
  const outer = new File([inner], 'outer');
  assert.equal(outer.name, 'outer');
  assert.equal(outer.type, '');
  assert.equal(await outer.text(), 'abc');
});

test('blob arrayBuffer: of slices', async () => {
  const b = new Blob(['hello ', 'world']);
  assert.equal(await blobText(b), 'hello world');
  assert.equal(await blobText(b.slice(6)), 'world');
});
