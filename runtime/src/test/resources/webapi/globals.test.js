// performance, navigator and the global scope, as workerd shows them.
import { test, assert } from './harness.js';

test('globals: performance.now counts epoch milliseconds from timeOrigin 0', async () => {
  assert.equal(performance.timeOrigin, 0);
  const a = performance.now();
  assert.ok(Math.abs(a - Date.now()) < 1000, 'close to Date.now()');
  await new Promise((r) => setTimeout(r, 15));
  assert.ok(performance.now() - a >= 10, 'advances with time');
  assert.deepEqual(performance.toJSON(), { timeOrigin: 0 });
});

test('globals: performance and navigator are branded singletons', () => {
  assert.equal(Object.prototype.toString.call(performance), '[object Performance]');
  assert.equal(Object.prototype.toString.call(navigator), '[object Navigator]');
  assert.ok(performance instanceof Performance);
  assert.throws(() => new Performance(), TypeError);
  assert.throws(() => new Navigator(), TypeError);
  assert.throws(() => Performance.prototype.now.call({}), /Illegal invocation/);
  assert.throws(() => Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgent').get.call({}), TypeError);
  assert.ok(Object.keys(Performance.prototype).includes('now'));
});

test('globals: navigator.userAgent', () => {
  assert.equal(navigator.userAgent, 'Cloudflare-Workers');
  assert.equal(navigator.hardwareConcurrency, 1);
});

test('globals: the global scope class chain', () => {
  const chain = [];
  for (let p = Object.getPrototypeOf(globalThis); p; p = Object.getPrototypeOf(p)) chain.push(p.constructor.name);
  assert.deepEqual(chain, ['ServiceWorkerGlobalScope', 'WorkerGlobalScope', 'EventTarget', 'Object']);
  assert.ok(!Object.getOwnPropertyNames(globalThis).includes('addEventListener'), 'inherited, not own');
  assert.throws(() => new ServiceWorkerGlobalScope(), /Illegal constructor/);
  let got = null;
  const listener = (e) => { got = e.type; };
  addEventListener('ping', listener);
  dispatchEvent(new Event('ping'));
  removeEventListener('ping', listener);
  assert.equal(got, 'ping');
});

test('globals: self, the global tag and reportError', () => {
  assert.equal(self, globalThis);
  assert.equal(Object.prototype.toString.call(globalThis), '[object ServiceWorkerGlobalScope]');
  assert.equal(typeof reportError, 'function');
  reportError(new Error('reported, not thrown'));
  const d = Object.getOwnPropertyDescriptor(globalThis, 'performance');
  assert.equal(typeof d.get, 'function');
  assert.equal(d.set, undefined);
});
