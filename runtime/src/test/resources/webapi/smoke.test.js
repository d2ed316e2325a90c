// Checks the harness itself, and that a suite really runs inside a Worker.
import { test, assert } from './harness.js';

test('harness: equal and deepEqual', () => {
  assert.equal(1 + 1, 2);
  assert.deepEqual({ a: [1, 2] }, { a: [1, 2] });
  assert.throws(() => assert.equal(1, 2), Error);
  assert.throws(() => assert.deepEqual([1], [2]), /not deeply equal/);
});

test('harness: throws matches classes, names and properties', () => {
  assert.throws(() => { throw new TypeError('x'); }, TypeError);
  assert.throws(() => { throw new RangeError('y'); }, 'RangeError');
  assert.throws(() => { throw Object.assign(new Error('z'), { code: 7 }); }, { code: 7, message: /z/ });
  assert.throws(() => assert.throws(() => {}), /expected an exception/);
});

test('harness: async tests and rejects', async () => {
  await new Promise((r) => setTimeout(r, 1));
  await assert.rejects(Promise.reject(new TypeError('no')), TypeError);
});

test('worker: runs with the Worker globals', () => {
  assert.equal(typeof Response, 'function');
  assert.equal(typeof Java, 'undefined');
});
