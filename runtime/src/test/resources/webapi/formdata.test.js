// FormData (XHR standard), checked against the spec's algorithms and WebIDL; WPT's xhr/formdata
// test names served as the checklist. The multipart/form-data and urlencoded codecs are tested
// directly in js-api (InternalSuiteTest, formdata-codec.test.js) until Request/Response use them;
// the round trips at the end of this file run once Response accepts FormData bodies.
import { test, assert } from './harness.js';

const ownDesc = (o, k) => Object.getOwnPropertyDescriptor(o, k);
async function text(blob) { return new TextDecoder().decode(new Uint8Array(await blob.arrayBuffer())); }

// --- interface ---

test('formdata interface: global, length, toStringTag', () => {
  const d = ownDesc(globalThis, 'FormData');
  assert.ok(d.writable && d.configurable && !d.enumerable);
  assert.equal(FormData.length, 0);
  assert.equal(FormData.name, 'FormData');
  assert.equal(Object.prototype.toString.call(new FormData()), '[object FormData]');
  assert.equal(Object.prototype.toString.call(FormData.prototype), '[object FormData]');
});

test('formdata interface: operations are enumerable with WebIDL lengths', () => {
  const lengths = { append: 2, delete: 1, get: 1, getAll: 1, has: 1, set: 2, entries: 0, keys: 0, values: 0, forEach: 1 };
  for (const [k, len] of Object.entries(lengths)) {
    const d = ownDesc(FormData.prototype, k);
    assert.equal(typeof d.value, 'function', k);
    assert.ok(d.enumerable && d.writable && d.configurable, k);
    assert.equal(d.value.length, len, k + '.length');
    assert.equal(d.value.name, k, k + '.name');
  }
  const keys = [];
  for (const k in new FormData()) keys.push(k);
  assert.deepEqual(keys.sort(), Object.keys(lengths).sort());
  assert.deepEqual(Object.keys(new FormData()), []);
});

test('formdata interface: @@iterator is entries and not enumerable', () => {
  const d = ownDesc(FormData.prototype, Symbol.iterator);
  assert.equal(d.value, FormData.prototype.entries);
  assert.ok(!d.enumerable && d.writable && d.configurable);
});

test('formdata constructor: no form element in Workers', () => {
  assert.ok(new FormData() instanceof FormData);
  assert.ok(new FormData(undefined) instanceof FormData);
  for (const v of [null, {}, 'form', 1, new FormData()]) {
    assert.throws(() => new FormData(v), TypeError);
  }
  assert.throws(() => new FormData({}), /HTMLFormElement/);
  assert.throws(() => new FormData(undefined, {}), TypeError);
  assert.ok(new FormData(undefined, null) instanceof FormData);
  assert.throws(() => FormData(), TypeError);
});

test('formdata: brand checks', () => {
  const fake = Object.create(FormData.prototype);
  for (const m of ['append', 'set']) assert.throws(() => fake[m]('a', 'b'), TypeError, m);
  for (const m of ['delete', 'get', 'getAll', 'has']) assert.throws(() => FormData.prototype[m].call({}, 'a'), TypeError, m);
  for (const m of ['entries', 'keys', 'values']) assert.throws(() => FormData.prototype[m].call(fake), TypeError, m);
  assert.throws(() => FormData.prototype.forEach.call(fake, () => {}), TypeError);
  assert.throws(() => FormData.prototype.get.call(new Headers(), 'a'), /Illegal invocation/);
});

test('formdata: argument counts', () => {
  const fd = new FormData();
  assert.throws(() => fd.append(), TypeError);
  assert.throws(() => fd.append('a'), /2 arguments required, but only 1 present/);
  assert.throws(() => fd.set('a'), TypeError);
  for (const m of ['delete', 'get', 'getAll', 'has']) assert.throws(() => fd[m](), /1 argument required/, m);
  assert.throws(() => fd.forEach(), TypeError);
  assert.throws(() => fd.forEach({}), TypeError);
});

// --- append / get / getAll / has / delete / set ---

test('formdata append: strings, in order', () => {
  const fd = new FormData();
  fd.append('key', 'value1');
  fd.append('key', 'value2');
  fd.append('other', 'x');
  assert.equal(fd.get('key'), 'value1');
  assert.deepEqual(fd.getAll('key'), ['value1', 'value2']);
  assert.deepEqual(fd.getAll('missing'), []);
  assert.equal(fd.get('missing'), null);
  assert.ok(fd.has('other'));
  assert.ok(!fd.has('Key'), 'names are case-sensitive');
});

test('formdata append: values are converted to strings', () => {
  const fd = new FormData();
  fd.append('n', null);
  fd.append('u', undefined);
  fd.append('num', 1.5);
  fd.append('obj', { toString: () => 'str', valueOf: () => 'val' });
  fd.append(42, true);
  assert.equal(fd.get('n'), 'null');
  assert.equal(fd.get('u'), 'undefined');
  assert.equal(fd.get('num'), '1.5');
  assert.equal(fd.get('obj'), 'str');
  assert.equal(fd.get('42'), 'true');
  assert.throws(() => fd.append(Symbol('a'), 'b'), TypeError);
  assert.throws(() => fd.append('a', Symbol('b')), TypeError);
});

test('formdata append: names and values are USVStrings', () => {
  const fd = new FormData();
  fd.append('a\ud800', 'b\udc00c');
  assert.deepEqual([...fd], [['a\ufffd', 'b\ufffdc']]);
  assert.equal(fd.get('a\udbff'), 'b\ufffdc', 'lookups convert too');
  assert.ok(fd.has('a\ufffd'));
  fd.append('\ud83d\ude00', '\ud83d\ude00');
  assert.equal(fd.get('\ud83d\ude00'), '\ud83d\ude00', 'pairs are kept');
});

test('formdata append: a Blob becomes a File named "blob"', async () => {
  const fd = new FormData();
  const blob = new Blob(['content'], { type: 'text/csv' });
  const before = Date.now();
  fd.append('b', blob);
  const f = fd.get('b');
  assert.ok(f instanceof File);
  assert.notEqual(f, blob);
  assert.equal(f.name, 'blob');
  assert.equal(f.type, 'text/csv');
  assert.equal(f.size, 7);
  assert.ok(f.lastModified >= before && f.lastModified <= Date.now());
  assert.equal(await text(f), 'content');
  assert.notEqual(fd.get('b'), null);
  assert.equal(fd.get('b'), f, 'get returns the same entry value each time');
});

test('formdata append: a Blob with a filename', () => {
  const fd = new FormData();
  fd.append('b', new Blob(), 'custom name');
  assert.equal(fd.get('b').name, 'custom name');
  fd.append('c', new Blob(), undefined);
  assert.equal(fd.get('c').name, 'blob', 'an undefined filename is a missing one');
  fd.append('d', new Blob(), null);
  assert.equal(fd.get('d').name, 'null');
  fd.append('e', new Blob(), 'a\ud800');
  assert.equal(fd.get('e').name, 'a\ufffd');
});

test('formdata append: a File is kept, or renamed with its type and lastModified', () => {
  const fd = new FormData();
  const file = new File(['x'], 'name', { type: 'text/plain', lastModified: 123 });
  fd.append('f', file);
  assert.equal(fd.get('f'), file);
  fd.append('g', file, 'custom name');
  const g = fd.get('g');
  assert.notEqual(g, file);
  assert.equal(g.name, 'custom name');
  assert.equal(g.type, 'text/plain');
  assert.equal(g.lastModified, 123);
  assert.equal(g.size, 1);
});

test('formdata append: a third argument selects the Blob overload', () => {
  const fd = new FormData();
  assert.throws(() => fd.append('a', 'b', 'c'), TypeError);
  assert.throws(() => fd.append('a', 'b', undefined), /parameter 2 is not of type 'Blob'/);
  assert.throws(() => fd.set('a', {}, 'c'), TypeError);
  assert.throws(() => fd.append('a', Object.create(Blob.prototype), 'c'), TypeError);
  assert.ok(!fd.has('a'));
  fd.append('a', Object.create(Blob.prototype));
  assert.equal(fd.get('a'), '[object Blob]', 'with two arguments a non-Blob is a string');
});

test('formdata append: conversions happen in argument order', () => {
  const order = [];
  const fd = new FormData();
  fd.append({ toString() { order.push('name'); return 'n'; } }, { toString() { order.push('value'); return 'v'; } });
  fd.append({ toString() { order.push('name2'); return 'n'; } }, new Blob(), { toString() { order.push('filename'); return 'f'; } });
  assert.throws(() => fd.append({ toString() { order.push('name3'); return 'n'; } }, 'x', 'y'), TypeError);
  assert.deepEqual(order, ['name', 'value', 'name2', 'filename', 'name3']);
});

test('formdata append: subclasses of Blob and File', () => {
  class MyBlob extends Blob {}
  class MyFile extends File {}
  const fd = new FormData();
  fd.append('a', new MyBlob(['x']));
  assert.equal(fd.get('a').name, 'blob');
  const f = new MyFile(['y'], 'my');
  fd.append('b', f);
  assert.equal(fd.get('b'), f);
});

test('formdata delete: removes every entry with the name', () => {
  const fd = new FormData();
  fd.append('a', '1');
  fd.append('b', '2');
  fd.append('a', '3');
  fd.delete('a');
  assert.deepEqual([...fd], [['b', '2']]);
  fd.delete('missing');
  fd.delete('b');
  assert.deepEqual([...fd], []);
});

test('formdata set: replaces the first entry, removes the rest', () => {
  const fd = new FormData();
  fd.append('a', '1');
  fd.append('b', '2');
  fd.append('a', '3');
  fd.append('c', '4');
  fd.set('a', 'new');
  assert.deepEqual([...fd], [['a', 'new'], ['b', '2'], ['c', '4']]);
  fd.set('d', 'appended');
  assert.deepEqual([...fd.keys()], ['a', 'b', 'c', 'd']);
  fd.set('b', new Blob(['z']), 'z.txt');
  assert.equal(fd.get('b').name, 'z.txt');
  assert.equal(fd.getAll('b').length, 1);
});

test('formdata set: Blob and File values', () => {
  const fd = new FormData();
  fd.set('blob-1', new Blob());
  assert.equal(fd.get('blob-1').constructor, File);
  assert.equal(fd.get('blob-1').name, 'blob');
  assert.equal(fd.get('blob-1').type, '');
  fd.set('blob-2', new Blob([], { type: 'text/csv' }));
  assert.equal(fd.get('blob-2').type, 'text/csv');
  const file = new File([], 'name', { lastModified: 123 });
  fd.set('file-2', file);
  assert.equal(fd.get('file-2'), file);
  fd.set('file-3', file, 'custom name');
  assert.equal(fd.get('file-3').name, 'custom name');
  assert.equal(fd.get('file-3').lastModified, 123);
});

// --- iteration ---

test('formdata iteration: entries, keys, values and for-of', () => {
  const fd = new FormData();
  const f = new File(['x'], 'x.txt');
  fd.append('a', '1');
  fd.append('b', f);
  fd.append('a', '2');
  assert.deepEqual([...fd.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]), [['a', '1'], ['b', 'x.txt'], ['a', '2']]);
  assert.deepEqual([...fd.keys()], ['a', 'b', 'a']);
  const values = [...fd.values()];
  assert.equal(values[1], f);
  const seen = [];
  for (const [k, v] of fd) seen.push(k + '=' + (typeof v === 'string' ? v : 'file'));
  assert.deepEqual(seen, ['a=1', 'b=file', 'a=2']);
  assert.deepEqual(Object.fromEntries(new FormData().entries()), {});
});

test('formdata iteration: the iterator prototype', () => {
  const it = new FormData().entries();
  const proto = Object.getPrototypeOf(it);
  assert.equal(Object.prototype.toString.call(it), '[object FormData Iterator]');
  assert.equal(Object.getPrototypeOf(proto), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
  assert.equal(Object.getPrototypeOf(new FormData().keys()), proto, 'one prototype for all kinds');
  const d = ownDesc(proto, 'next');
  assert.ok(d.enumerable && d.writable && d.configurable);
  assert.equal(d.value.length, 0);
  assert.equal(it[Symbol.iterator](), it);
  assert.deepEqual(it.next(), { value: undefined, done: true });
  assert.throws(() => proto.next.call({}), TypeError);
  assert.throws(() => proto.next.call(new Map().entries()), TypeError);
  assert.deepEqual(Object.keys(it), []);
});

test('formdata iteration: results are fresh pairs', () => {
  const fd = new FormData();
  fd.append('a', '1');
  const r = fd.entries().next();
  assert.deepEqual(r, { value: ['a', '1'], done: false });
  r.value[0] = 'changed';
  assert.equal(fd.get('a'), '1');
});

test('formdata iteration: live over changes to the entry list', () => {
  const fd = new FormData();
  fd.append('a', '1');
  fd.append('b', '2');
  fd.append('c', '3');
  const it = fd.keys();
  assert.equal(it.next().value, 'a');
  fd.delete('a');
  assert.equal(it.next().value, 'c', 'index 1 is now c');
  fd.append('d', '4');
  assert.equal(it.next().value, 'd');
  assert.equal(it.next().done, true);
  fd.append('e', '5');
  assert.equal(it.next().value, 'e', 'an exhausted iterator sees later entries, as WebIDL iterators do');
});

test('formdata forEach: value, key, formData and thisArg, live', () => {
  const fd = new FormData();
  fd.append('a', '1');
  fd.append('b', '2');
  const seen = [];
  const self = {};
  fd.forEach(function (value, key, obj) {
    assert.equal(this, self);
    assert.equal(obj, fd);
    seen.push(key + '=' + value);
    if (key === 'a') fd.append('c', '3');
  }, self);
  assert.deepEqual(seen, ['a=1', 'b=2', 'c=3']);
  const removing = new FormData();
  removing.append('x', '1');
  removing.append('y', '2');
  const keys = [];
  removing.forEach((v, k) => { keys.push(k); removing.delete('y'); });
  assert.deepEqual(keys, ['x']);
});

test('formdata subclassing', () => {
  class MyFormData extends FormData {
    constructor() { super(); this.append('init', 'yes'); }
    getInit() { return this.get('init'); }
  }
  const fd = new MyFormData();
  assert.ok(fd instanceof FormData);
  assert.equal(fd.getInit(), 'yes');
  assert.deepEqual([...fd], [['init', 'yes']]);
  assert.equal(Object.prototype.toString.call(fd), '[object FormData]');
});

// --- bodies (run when Request/Response handle FormData) ---

const responsesHandleFormData = typeof Response.prototype.formData === 'function'
  && /^multipart\/form-data; boundary=/.test(new Response(new FormData()).headers.get('content-type') || '');

if (responsesHandleFormData) {
  test('formdata body: multipart round trip through Response', async () => {
    const fd = new FormData();
    fd.append('a', 'x\ny');
    fd.append('f', new File(['bytes'], 'f.txt', { type: 'text/plain' }));
    const back = await new Response(fd).formData();
    assert.equal(back.get('a'), 'x\r\ny');
    assert.equal(back.get('f').name, 'f.txt');
    assert.equal(await text(back.get('f')), 'bytes');
  });
  test('formdata body: urlencoded through Response', async () => {
    const res = new Response('a=1&b=%20+', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.deepEqual([...await res.formData()], [['a', '1'], ['b', '  ']]);
  });
}
