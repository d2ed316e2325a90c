// AbortController and AbortSignal (DOM standard): abort(), reasons, the abort event,
// AbortSignal.abort(), AbortSignal.timeout(), AbortSignal.any().
import { test, assert } from './harness.js';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

// ---- AbortController ----

test('controller: a new signal is not aborted', () => {
  const c = new AbortController();
  assert.equal(c.signal.aborted, false);
  assert.equal(c.signal.reason, undefined);
  assert.ok('reason' in c.signal);
  c.signal.throwIfAborted();
  assert.ok(c.signal instanceof AbortSignal);
  assert.ok(c.signal instanceof EventTarget);
});

test('controller: signal always returns the same object', () => {
  const c = new AbortController();
  const s = c.signal;
  assert.equal(c.signal, s);
  c.abort();
  assert.equal(c.signal, s);
});

test('controller: abort() fires the event synchronously, once', () => {
  const c = new AbortController();
  const s = c.signal;
  let state = 'begin';
  let count = 0;
  s.addEventListener('abort', () => { assert.equal(state, 'begin'); state = 'aborted'; });
  s.onabort = () => count++;
  c.abort();
  assert.equal(state, 'aborted');
  assert.equal(s.aborted, true);
  assert.equal(count, 1);
  c.abort();
  c.abort('again');
  assert.equal(count, 1, 'a second abort does nothing');
});

test('controller: abort() without a reason gives an AbortError DOMException', () => {
  const c = new AbortController();
  c.abort();
  const r = c.signal.reason;
  assert.ok(r instanceof DOMException);
  assert.equal(r.name, 'AbortError');
  assert.equal(r.code, DOMException.ABORT_ERR);
  assert.equal(r.message, 'The operation was aborted');
  const c2 = new AbortController();
  c2.abort(undefined);
  assert.ok(c2.signal.reason instanceof DOMException, 'undefined means no reason');
});

test('controller: abort(reason) keeps the reason as is', () => {
  for (const reason of ['a string', 0, null, false, { any: 'object' }, new Error('err'), Symbol('sym')]) {
    const c = new AbortController();
    c.abort(reason);
    assert.equal(c.signal.aborted, true);
    assert.equal(c.signal.reason, reason);
    try {
      c.signal.throwIfAborted();
      assert.ok(false, 'throwIfAborted did not throw');
    } catch (e) {
      assert.equal(e, reason);
    }
  }
});

test('controller: the first reason wins', () => {
  const c = new AbortController();
  c.abort('first');
  c.abort('second');
  assert.equal(c.signal.reason, 'first');
});

test('controller: the abort event', () => {
  const c = new AbortController();
  const s = c.signal;
  let ev, reasonInEvent, abortedInEvent;
  s.onabort = (e) => { ev = e; reasonInEvent = s.reason; abortedInEvent = s.aborted; };
  c.abort('why');
  assert.equal(ev.type, 'abort');
  assert.equal(ev.target, s);
  assert.equal(ev.bubbles, false);
  assert.equal(ev.cancelable, false);
  assert.equal(ev.isTrusted, true);
  assert.equal(ev.constructor, Event);
  assert.equal(reasonInEvent, 'why', 'the reason is set before the event');
  assert.equal(abortedInEvent, true);
});

test('controller: a handler added after abort() is never called', () => {
  const c = new AbortController();
  c.abort();
  let called = false;
  c.signal.onabort = () => { called = true; };
  c.signal.addEventListener('abort', () => { called = true; });
  assert.equal(called, false);
});

test('controller: abort from inside an abort listener', () => {
  const c = new AbortController();
  let count = 0;
  c.signal.addEventListener('abort', () => { count++; c.abort('nested'); });
  c.abort('outer');
  assert.equal(count, 1);
  assert.equal(c.signal.reason, 'outer');
});

test('controller: brand checks', () => {
  const get = Object.getOwnPropertyDescriptor(AbortController.prototype, 'signal').get;
  const abort = AbortController.prototype.abort;
  for (const bad of [null, undefined, 0, NaN, true, 'AbortController', {}, Object.create(AbortController.prototype), new EventTarget()]) {
    assert.throws(() => get.call(bad), TypeError);
    assert.throws(() => abort.call(bad), TypeError);
  }
});

test('controller: WebIDL details', () => {
  assert.throws(() => AbortController(), TypeError);
  assert.equal(AbortController.length, 0);
  assert.equal(AbortController.prototype.abort.length, 0);
  assert.deepEqual(Object.keys(AbortController.prototype).sort(), ['abort', 'signal']);
  assert.equal(Object.prototype.toString.call(new AbortController()), '[object AbortController]');
  assert.deepEqual(Object.getOwnPropertyNames(new AbortController()), []);
  const d = Object.getOwnPropertyDescriptor(globalThis, 'AbortController');
  assert.ok(d.writable && d.configurable && !d.enumerable);
});

test('controller: subclassing', () => {
  class TimedController extends AbortController {
    abortLater(reason) { return Promise.resolve().then(() => this.abort(reason)); }
  }
  const c = new TimedController();
  assert.ok(c instanceof AbortController);
  return c.abortLater('later').then(() => assert.equal(c.signal.reason, 'later'));
});

// ---- AbortSignal ----

test('signal: not constructible', () => {
  assert.throws(() => new AbortSignal(), { name: 'TypeError', message: /Illegal constructor/ });
  assert.throws(() => AbortSignal(), TypeError);
  class Sub extends AbortSignal {}
  assert.throws(() => new Sub(), TypeError);
});

test('signal: brand checks', () => {
  const aborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get;
  const reason = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'reason').get;
  for (const bad of [null, undefined, 0, NaN, true, 'AbortSignal', Object.create(AbortSignal.prototype), new EventTarget()]) {
    assert.throws(() => aborted.call(bad), TypeError);
    assert.throws(() => reason.call(bad), TypeError);
    assert.throws(() => AbortSignal.prototype.throwIfAborted.call(bad), TypeError);
  }
});

test('signal: WebIDL details', () => {
  assert.equal(Object.getPrototypeOf(AbortSignal), EventTarget);
  assert.equal(Object.getPrototypeOf(AbortSignal.prototype), EventTarget.prototype);
  assert.deepEqual(Object.keys(AbortSignal.prototype).sort(), ['aborted', 'onabort', 'reason', 'throwIfAborted']);
  assert.deepEqual(Object.keys(AbortSignal).sort(), ['abort', 'any', 'timeout']);
  assert.equal(AbortSignal.length, 0);
  assert.equal(AbortSignal.abort.length, 0);
  assert.equal(AbortSignal.timeout.length, 1);
  assert.equal(AbortSignal.any.length, 1);
  assert.equal(AbortSignal.prototype.throwIfAborted.length, 0);
  const s = new AbortController().signal;
  assert.equal(Object.prototype.toString.call(s), '[object AbortSignal]');
  assert.deepEqual(Object.getOwnPropertyNames(s), []);
  assert.equal(s.onabort, null);
});

test('signal: an event target for other events too', () => {
  const s = new AbortController().signal;
  let got;
  s.addEventListener('custom', (e) => { got = e.type; });
  s.dispatchEvent(new Event('custom'));
  assert.equal(got, 'custom');
  assert.equal(s.aborted, false, 'dispatching an abort event by hand does not abort');
  s.dispatchEvent(new Event('abort'));
  assert.equal(s.aborted, false);
});

test('signal: a throwing abort listener does not stop the others', () => {
  const c = new AbortController();
  const calls = [];
  const errors = [];
  const onError = (e) => { errors.push(e.error.message); e.preventDefault(); };
  addEventListener('error', onError);
  try {
    c.signal.addEventListener('abort', () => { calls.push(1); throw new Error('listener 1'); });
    c.signal.addEventListener('abort', () => calls.push(2));
    c.abort();
  } finally {
    removeEventListener('error', onError);
  }
  assert.deepEqual(calls, [1, 2]);
  assert.deepEqual(errors, ['listener 1']);
});

// ---- AbortSignal.abort() ----

test('abort(): returns an already aborted signal', () => {
  const s = AbortSignal.abort();
  assert.equal(s.aborted, true);
  assert.ok(s.reason instanceof DOMException);
  assert.equal(s.reason.name, 'AbortError');
  assert.throws(() => s.throwIfAborted(), 'AbortError');
  assert.equal(AbortSignal.abort('why').reason, 'why');
  assert.ok(AbortSignal.abort(undefined).reason instanceof DOMException);
  assert.notEqual(AbortSignal.abort().reason, AbortSignal.abort().reason, 'a new DOMException each time');
});

test('abort(): no event fires, listeners added later are never called', () => {
  const s = AbortSignal.abort();
  let called = false;
  s.addEventListener('abort', () => { called = true; });
  s.onabort = () => { called = true; };
  assert.equal(called, false);
});

// ---- AbortSignal.timeout() ----

test('timeout(): aborts with a TimeoutError DOMException', async () => {
  const s = AbortSignal.timeout(5);
  assert.equal(s.aborted, false);
  assert.equal(s.reason, undefined);
  let ev;
  s.onabort = (e) => { ev = e; };
  await tick(60);
  assert.equal(s.aborted, true);
  assert.ok(s.reason instanceof DOMException);
  assert.equal(s.reason.name, 'TimeoutError');
  assert.equal(s.reason.code, DOMException.TIMEOUT_ERR);
  assert.equal(s.reason.message, 'The operation was aborted due to timeout');
  assert.ok(ev && ev.isTrusted);
  assert.throws(() => s.throwIfAborted(), 'TimeoutError');
});

test('timeout(): signals time out in order', async () => {
  // HTML orders a timeout after those started before it with the same or a shorter delay.
  const order = [];
  [5, 5, 10, 10, 20].forEach((ms, i) => { AbortSignal.timeout(ms).onabort = () => order.push(i); });
  await tick(100);
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
});

test('timeout(): zero and fractional delays', async () => {
  const a = AbortSignal.timeout(0);
  const b = AbortSignal.timeout(1.9);
  assert.equal(a.aborted, false, 'never synchronous');
  await tick(30);
  assert.equal(a.aborted, true);
  assert.equal(b.aborted, true);
});

test('timeout(): [EnforceRange] unsigned long long', () => {
  assert.throws(() => AbortSignal.timeout(), { message: /1 argument required/ });
  for (const bad of [-1, NaN, Infinity, -Infinity, 2 ** 53, 'abc', {}]) {
    assert.throws(() => AbortSignal.timeout(bad), TypeError, String(bad));
  }
  assert.throws(() => AbortSignal.timeout(1n), TypeError);
  assert.throws(() => AbortSignal.timeout(Symbol()), TypeError);
  assert.equal(AbortSignal.timeout('5').aborted, false);
  assert.equal(AbortSignal.timeout(-0.5).aborted, false, '-0.5 truncates to 0');
  assert.equal(AbortSignal.timeout(null).aborted, false);
  assert.equal(AbortSignal.timeout(2 ** 53 - 1).aborted, false);
});

test('timeout(): unaffected by user code replacing setTimeout', async () => {
  const saved = globalThis.setTimeout;
  globalThis.setTimeout = () => { throw new Error('replaced'); };
  let s;
  try {
    s = AbortSignal.timeout(1);
  } finally {
    globalThis.setTimeout = saved;
  }
  await tick(30);
  assert.equal(s.aborted, true);
});

// ---- AbortSignal.any() ----

test('any(): an empty list gives a signal that never aborts', () => {
  const s = AbortSignal.any([]);
  assert.equal(s.aborted, false);
  assert.ok(s instanceof AbortSignal);
});

test('any(): follows a single signal', () => {
  const c = new AbortController();
  const clone = AbortSignal.any([c.signal]);
  assert.equal(clone.aborted, false);
  assert.equal(clone.reason, undefined);
  assert.notEqual(clone, c.signal);
  let target;
  clone.onabort = (e) => { target = e.target; };
  c.abort('reason string');
  assert.equal(clone.aborted, true);
  assert.equal(target, clone);
  assert.equal(clone.reason, 'reason string');
});

test('any(): follows multiple signals', () => {
  for (let i = 0; i < 3; i++) {
    const cs = [new AbortController(), new AbortController(), new AbortController()];
    const combined = AbortSignal.any(cs.map((c) => c.signal));
    let fired = false;
    combined.onabort = () => { fired = true; };
    cs[i].abort();
    assert.ok(fired);
    assert.ok(combined.reason instanceof DOMException);
    assert.equal(combined.reason.name, 'AbortError');
    assert.equal(combined.reason, cs[i].signal.reason, 'the same reason object');
  }
});

test('any(): returns an aborted signal if one is already aborted (the first reason)', () => {
  const cs = [new AbortController(), new AbortController(), new AbortController()];
  cs[1].abort('reason 1');
  cs[2].abort('reason 2');
  const s = AbortSignal.any(cs.map((c) => c.signal));
  assert.equal(s.aborted, true);
  assert.equal(s.reason, 'reason 1');
});

test('any(): the same signal more than once', () => {
  const c = new AbortController();
  const s = AbortSignal.any([c.signal, c.signal]);
  let count = 0;
  s.onabort = () => count++;
  c.abort('reason');
  assert.equal(s.reason, 'reason');
  assert.equal(count, 1);
  const c1 = new AbortController(); c1.abort('reason 1');
  const c2 = new AbortController(); c2.abort('reason 2');
  assert.equal(AbortSignal.any([c1.signal, c2.signal, c1.signal]).reason, 'reason 1');
});

test('any(): signals are composable', () => {
  for (let i = 0; i < 3; i++) {
    const cs = [new AbortController(), new AbortController(), new AbortController()];
    const s1 = AbortSignal.any([cs[0].signal, cs[1].signal]);
    const s2 = AbortSignal.any([s1, cs[2].signal]);
    let fired = false;
    s2.onabort = () => { fired = true; };
    cs[i].abort();
    assert.ok(fired);
    assert.equal(s2.aborted, true);
    assert.equal(s2.reason.name, 'AbortError');
  }
});

test('any(): intermediate signals', () => {
  const c = new AbortController();
  let combined = AbortSignal.any([c.signal]);
  combined = AbortSignal.any([combined]);
  combined = AbortSignal.any([combined]);
  let fired = false;
  combined.onabort = () => { fired = true; };
  assert.equal(combined.aborted, false);
  c.abort('the reason');
  assert.ok(fired);
  assert.equal(combined.reason, 'the reason');
});

test('any(): abort events fire in the right order', () => {
  const c = new AbortController();
  const signals = [c.signal];
  signals.push(AbortSignal.any([c.signal]));
  signals.push(AbortSignal.any([c.signal]));
  signals.push(AbortSignal.any([signals[0]]));
  signals.push(AbortSignal.any([signals[1]]));
  let result = '';
  signals.forEach((s, i) => s.addEventListener('abort', () => { result += i; }));
  c.abort();
  assert.equal(result, '01234');
});

test('any(): dependents are all aborted before any abort event fires', () => {
  const c = new AbortController();
  const a = AbortSignal.any([c.signal]);
  const b = AbortSignal.any([c.signal]);
  let seen;
  c.signal.onabort = () => { seen = [a.aborted, b.aborted, a.reason === c.signal.reason]; };
  c.abort();
  assert.deepEqual(seen, [true, true, true]);
});

test('any(): works with AbortSignal.timeout()', async () => {
  const c = new AbortController();
  const combined = AbortSignal.any([c.signal, AbortSignal.timeout(5)]);
  await tick(60);
  assert.equal(combined.aborted, true);
  assert.equal(combined.reason.name, 'TimeoutError');
});

test('any(): argument conversion', () => {
  assert.throws(() => AbortSignal.any(), { message: /1 argument required/ });
  assert.throws(() => AbortSignal.any(null), TypeError);
  assert.throws(() => AbortSignal.any('abc'), TypeError);
  assert.throws(() => AbortSignal.any({}), TypeError);
  assert.throws(() => AbortSignal.any([{}]), { message: /AbortSignal/ });
  assert.throws(() => AbortSignal.any([new AbortController()]), TypeError);
  const c = new AbortController();
  const s = AbortSignal.any(new Set([c.signal]));
  c.abort('from a set');
  assert.equal(s.reason, 'from a set');
  function* gen() { yield c.signal; }
  assert.equal(AbortSignal.any(gen()).reason, 'from a set');
});

test('any(): aborting the dependent signal directly is impossible', () => {
  const s = AbortSignal.any([new AbortController().signal]);
  s.dispatchEvent(new Event('abort'));
  assert.equal(s.aborted, false);
});

// ---- use from other APIs ----

test('usage: a typical cancellable operation', async () => {
  function sleep(ms, { signal } = {}) {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const id = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => { clearTimeout(id); reject(signal.reason); }, { once: true });
    });
  }
  const c = new AbortController();
  const p = sleep(1000, { signal: c.signal });
  setTimeout(() => c.abort(), 5);
  await assert.rejects(p, 'AbortError');
  await assert.rejects(sleep(10, { signal: AbortSignal.abort('x') }).catch((e) => { throw new Error(e); }), /x/);
  await sleep(1, { signal: AbortSignal.timeout(1000) });
});
