// Event, EventTarget, CustomEvent, ErrorEvent, PromiseRejectionEvent, MessageEvent (DOM and
// HTML standards), the global scope as an event target, and its error/unhandledrejection events.
import { test, assert } from './harness.js';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

// ---- Event ----

test('Event: constructor defaults', () => {
  for (const type of ['', 'test']) {
    const ev = new Event(type);
    assert.equal(ev.type, type);
    assert.equal(ev.target, null);
    assert.equal(ev.srcElement, null);
    assert.equal(ev.currentTarget, null);
    assert.equal(ev.eventPhase, Event.NONE);
    assert.equal(ev.bubbles, false);
    assert.equal(ev.cancelable, false);
    assert.equal(ev.composed, false);
    assert.equal(ev.defaultPrevented, false);
    assert.equal(ev.returnValue, true);
    assert.equal(ev.cancelBubble, false);
    assert.equal(ev.isTrusted, false);
    assert.ok(ev.timeStamp > 0);
    assert.deepEqual(ev.composedPath(), []);
    assert.ok('initEvent' in ev);
  }
});

test('Event: requires new and one argument', () => {
  assert.throws(() => Event('x'), TypeError);
  assert.throws(() => new Event(), { name: 'TypeError', message: /Failed to construct 'Event': 1 argument required, but only 0 present/ });
  assert.equal(Event.length, 1);
});

test('Event: type is converted with ToString, and its errors propagate', () => {
  assert.equal(new Event(42).type, '42');
  assert.equal(new Event(null).type, 'null');
  assert.equal(new Event(undefined).type, 'undefined');
  const boom = { name: 'test' };
  try {
    new Event({ toString() { throw boom; } });
    assert.ok(false, 'no exception');
  } catch (e) {
    assert.equal(e, boom);
  }
  assert.throws(() => new Event(Symbol('s')), TypeError);
});

test('Event: EventInit members', () => {
  let ev = new Event('I am an event', { bubbles: true, cancelable: false });
  assert.equal(ev.bubbles, true);
  assert.equal(ev.cancelable, false);
  ev = new Event('@', { bubblesIGNORED: true, cancelable: true });
  assert.equal(ev.bubbles, false);
  assert.equal(ev.cancelable, true);
  ev = new Event('Xx', { bubbles: 1, cancelable: 'yes', composed: {}, sweet: 'x' });
  assert.equal(ev.bubbles, true);
  assert.equal(ev.cancelable, true);
  assert.equal(ev.composed, true);
  assert.equal(ev.sweet, undefined);
  assert.equal(new Event('x', null).bubbles, false);
  assert.equal(new Event('x', undefined).cancelable, false);
  assert.equal(new Event('x', function () {}).cancelable, false);
});

test('Event: EventInit members are read once, in WebIDL order', () => {
  const called = [];
  const init = {};
  for (const k of ['sweet', 'composed', 'cancelable', 'bubbles']) {
    Object.defineProperty(init, k, { get() { called.push(k); return true; }, enumerable: true });
  }
  new Event('Xx', init);
  assert.deepEqual(called, ['bubbles', 'cancelable', 'composed']);
});

test('Event: a non-object EventInit is a TypeError', () => {
  assert.throws(() => new Event('x', 5), { name: 'TypeError', message: /not of type 'EventInit'/ });
  assert.throws(() => new Event('x', 'str'), TypeError);
  assert.throws(() => new Event('x', true), TypeError);
});

test('Event: constants on the constructor and prototype', () => {
  const ev = new Event('x');
  for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
    assert.equal(Event[name], value);
    assert.equal(Event.prototype[name], value);
    assert.equal(ev[name], value);
    assert.deepEqual(Object.getOwnPropertyDescriptor(Event, name), { value, writable: false, enumerable: true, configurable: false });
  }
});

test('Event: isTrusted is an own unforgeable accessor sharing one getter', () => {
  const a = new Event('x'), b = new Event('y');
  const da = Object.getOwnPropertyDescriptor(a, 'isTrusted');
  const db = Object.getOwnPropertyDescriptor(b, 'isTrusted');
  assert.equal(typeof da.get, 'function');
  assert.equal(da.get, db.get);
  assert.equal(da.set, undefined);
  assert.equal(da.configurable, false);
  assert.equal(da.enumerable, true);
  assert.equal(Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted'), undefined);
  assert.equal(da.get.call(b), false);
  assert.throws(() => da.get.call({}), TypeError);
});

test('Event: preventDefault only cancels cancelable events', () => {
  let ev = new Event('x');
  ev.preventDefault();
  assert.equal(ev.defaultPrevented, false);
  assert.equal(ev.returnValue, true);
  ev = new Event('x', { cancelable: true });
  ev.preventDefault();
  assert.equal(ev.defaultPrevented, true);
  assert.equal(ev.returnValue, false);
});

test('Event: returnValue setter', () => {
  const ev = new Event('x', { cancelable: true });
  ev.returnValue = true;
  assert.equal(ev.defaultPrevented, false);
  ev.returnValue = false;
  assert.equal(ev.defaultPrevented, true);
  ev.returnValue = true;
  assert.equal(ev.defaultPrevented, true, 'setting true does not un-cancel');
  const nc = new Event('x');
  nc.returnValue = false;
  assert.equal(nc.defaultPrevented, false);
});

test('Event: cancelBubble and stopPropagation', () => {
  const ev = new Event('x');
  ev.cancelBubble = false;
  assert.equal(ev.cancelBubble, false);
  ev.cancelBubble = true;
  assert.equal(ev.cancelBubble, true);
  ev.cancelBubble = false;
  assert.equal(ev.cancelBubble, true, 'false cannot unset it');
  const ev2 = new Event('x');
  ev2.stopPropagation();
  assert.equal(ev2.cancelBubble, true);
  const ev3 = new Event('x');
  ev3.stopImmediatePropagation();
  assert.equal(ev3.cancelBubble, true);
});

test('Event: cancelBubble is reset after dispatch', () => {
  const et = new EventTarget();
  const ev = new Event('x');
  et.addEventListener('x', (e) => { e.cancelBubble = true; });
  et.dispatchEvent(ev);
  assert.equal(ev.cancelBubble, false);
});

test('Event: stopPropagation before dispatch stops no listener at a lone target until it is reset', () => {
  const et = new EventTarget();
  let calls = 0;
  et.addEventListener('x', () => calls++);
  const ev = new Event('x');
  ev.stopPropagation();
  et.dispatchEvent(ev);
  assert.equal(calls, 0, 'the stop propagation flag is checked before invoking');
  et.dispatchEvent(ev);
  assert.equal(calls, 1, 'the flag is cleared at the end of a dispatch');
});

test('Event: initEvent', () => {
  const ev = new Event('a', { cancelable: true });
  ev.preventDefault();
  ev.initEvent('b', true, false);
  assert.equal(ev.type, 'b');
  assert.equal(ev.bubbles, true);
  assert.equal(ev.cancelable, false);
  assert.equal(ev.defaultPrevented, false, 'initEvent resets the canceled flag');
  ev.initEvent('c');
  assert.equal(ev.bubbles, false);
  assert.equal(ev.cancelable, false);
  assert.throws(() => ev.initEvent(), TypeError);
  assert.equal(Event.prototype.initEvent.length, 1);
});

test('Event: initEvent while dispatching does nothing', () => {
  const et = new EventTarget();
  const ev = new Event('type', { bubbles: false, cancelable: true });
  et.addEventListener('type', (e) => {
    e.initEvent('other', true, false);
    assert.equal(e.type, 'type');
    assert.equal(e.bubbles, false);
    assert.equal(e.cancelable, true);
  });
  et.dispatchEvent(ev);
  assert.equal(ev.type, 'type');
});

test('Event: defaultPrevented and target stay after dispatch', () => {
  const et = new EventTarget();
  const ev = new Event('x', { cancelable: true });
  et.addEventListener('x', (e) => e.preventDefault());
  assert.equal(et.dispatchEvent(ev), false);
  assert.equal(ev.defaultPrevented, true);
  assert.equal(ev.target, et);
  assert.equal(ev.currentTarget, null);
  assert.equal(ev.eventPhase, Event.NONE);
  assert.deepEqual(ev.composedPath(), []);
});

test('Event: properties during dispatch', () => {
  const et = new EventTarget();
  const ev = new Event('x');
  let seen;
  et.addEventListener('x', function (e) {
    seen = { target: e.target, current: e.currentTarget, src: e.srcElement, phase: e.eventPhase, path: e.composedPath(), self: this };
  });
  et.dispatchEvent(ev);
  assert.equal(seen.target, et);
  assert.equal(seen.current, et);
  assert.equal(seen.src, et);
  assert.equal(seen.phase, Event.AT_TARGET);
  assert.equal(seen.path.length, 1);
  assert.equal(seen.path[0], et);
  assert.equal(seen.self, et, 'listeners are called with the current target as this');
});

test('Event: getters and methods are brand-checked', () => {
  for (const key of ['type', 'target', 'currentTarget', 'srcElement', 'eventPhase', 'bubbles', 'cancelable',
    'defaultPrevented', 'returnValue', 'composed', 'timeStamp', 'cancelBubble']) {
    const get = Object.getOwnPropertyDescriptor(Event.prototype, key).get;
    assert.throws(() => get.call({}), { name: 'TypeError', message: /Illegal invocation/ }, key);
    assert.throws(() => get.call(undefined), TypeError, key);
  }
  for (const key of ['preventDefault', 'stopPropagation', 'stopImmediatePropagation', 'composedPath']) {
    assert.throws(() => Event.prototype[key].call({}), TypeError, key);
  }
  assert.throws(() => Event.prototype.initEvent.call(new EventTarget(), 'x'), TypeError);
  assert.throws(() => Object.create(Event.prototype).type, TypeError);
});

test('Event: WebIDL layout (enumerable prototype members, toStringTag, lengths)', () => {
  const keys = Object.keys(Event.prototype);
  for (const k of ['type', 'target', 'currentTarget', 'srcElement', 'eventPhase', 'composedPath', 'stopPropagation',
    'cancelBubble', 'stopImmediatePropagation', 'bubbles', 'cancelable', 'returnValue', 'preventDefault',
    'defaultPrevented', 'composed', 'timeStamp', 'initEvent', 'NONE', 'AT_TARGET']) {
    assert.ok(keys.includes(k), k);
  }
  assert.ok(!keys.includes('isTrusted'));
  assert.equal(Object.prototype.toString.call(new Event('x')), '[object Event]');
  assert.equal(Object.prototype.toString.call(Event.prototype), '[object Event]');
  assert.equal(Event.prototype.composedPath.length, 0);
  assert.equal(Event.prototype.preventDefault.name, 'preventDefault');
  assert.equal(Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.name, 'get type');
  assert.deepEqual(Object.keys(new Event('x')), ['isTrusted']);
});

test('Event: subclassing', () => {
  class MyEvent extends Event {
    #extra;
    constructor(extra) { super('my', { cancelable: true }); this.#extra = extra; }
    get extra() { return this.#extra; }
  }
  const et = new EventTarget();
  let got;
  et.addEventListener('my', (e) => { got = e; e.preventDefault(); });
  const ev = new MyEvent(5);
  assert.equal(et.dispatchEvent(ev), false);
  assert.equal(got, ev);
  assert.equal(got.extra, 5);
  assert.ok(ev instanceof Event);
  assert.equal(Object.prototype.toString.call(ev), '[object Event]');
});

// ---- EventTarget ----

test('EventTarget: constructible, subclassable', () => {
  const target = new EventTarget();
  const ev = new Event('foo', { bubbles: true, cancelable: false });
  let called = false;
  function callback(e) {
    assert.equal(this, target);
    assert.equal(e.target, target);
    assert.equal(e.isTrusted, false);
    called = true;
  }
  target.addEventListener('foo', callback);
  assert.equal(target.dispatchEvent(ev), true);
  assert.ok(called);

  class NicerEventTarget extends EventTarget {
    on(...args) { this.addEventListener(...args); }
    off(...args) { this.removeEventListener(...args); }
    dispatch(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail })); }
  }
  const t = new NicerEventTarget();
  let detail;
  const listener = (e) => { detail = e.detail; };
  t.on('x', listener);
  t.dispatch('x', 1);
  t.off('x', listener);
  t.dispatch('x', 2);
  assert.equal(detail, 1);
  assert.ok(t instanceof EventTarget);
  assert.throws(() => EventTarget(), TypeError);
});

test('EventTarget: WebIDL layout', () => {
  assert.deepEqual(Object.keys(EventTarget.prototype).sort(), ['addEventListener', 'dispatchEvent', 'removeEventListener']);
  assert.equal(EventTarget.prototype.addEventListener.length, 2);
  assert.equal(EventTarget.prototype.removeEventListener.length, 2);
  assert.equal(EventTarget.prototype.dispatchEvent.length, 1);
  assert.equal(EventTarget.length, 0);
  assert.equal(Object.prototype.toString.call(new EventTarget()), '[object EventTarget]');
  assert.deepEqual(Object.getOwnPropertyNames(new EventTarget()), []);
});

test('EventTarget: methods are brand-checked', () => {
  const fake = Object.create(EventTarget.prototype);
  assert.throws(() => fake.addEventListener('x', () => {}), { name: 'TypeError', message: /Illegal invocation/ });
  assert.throws(() => EventTarget.prototype.removeEventListener.call({}, 'x', null), TypeError);
  assert.throws(() => EventTarget.prototype.dispatchEvent.call(new Event('x'), new Event('x')), TypeError);
});

test('EventTarget: argument errors', () => {
  const et = new EventTarget();
  assert.throws(() => et.addEventListener('x'), { message: /Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only 1 present/ });
  assert.throws(() => et.removeEventListener('x'), TypeError);
  assert.throws(() => et.dispatchEvent(), TypeError);
  assert.throws(() => et.addEventListener('x', 'not a listener'), { message: /parameter 2 is not of type 'Object'/ });
  assert.throws(() => et.addEventListener('x', 42), TypeError);
  assert.throws(() => et.removeEventListener('x', true), TypeError);
  assert.throws(() => et.dispatchEvent(null), { message: /parameter 1 is not of type 'Event'/ });
  assert.throws(() => et.dispatchEvent({ type: 'x' }), TypeError);
  assert.throws(() => et.addEventListener(Symbol('x'), () => {}), TypeError);
});

test('EventTarget: adding or removing a null listener succeeds', () => {
  const et = new EventTarget();
  assert.equal(et.addEventListener('x', null, false), undefined);
  assert.equal(et.addEventListener('x', null, true), undefined);
  assert.equal(et.addEventListener('x', undefined), undefined);
  assert.equal(et.removeEventListener('x', null), undefined);
});

test('EventTarget: the same listener is added once per capture value', () => {
  const et = new EventTarget();
  let calls = 0;
  const f = () => calls++;
  et.addEventListener('x', f);
  et.addEventListener('x', f);
  et.addEventListener('x', f, false);
  et.addEventListener('x', f, { once: true });
  et.addEventListener('x', f, { passive: true });
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 1);
  et.addEventListener('x', f, true);
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 3, 'a capturing registration is a different listener');
});

test('EventTarget: capture option equivalence', () => {
  const cases = [
    [{ capture: true }, { capture: false, passive: false }, false],
    [{ capture: true }, { passive: true }, false],
    [{}, { passive: false }, true],
    [{ passive: true }, { passive: false }, true],
    [undefined, { passive: true }, true],
    [{ capture: true, passive: false }, { capture: true, passive: true }, true],
    [true, { capture: 1 }, true],
    [false, null, true],
    [0, '', true],
    ['yes', { capture: 'yes' }, true],
  ];
  for (const [a, b, same] of cases) {
    const et = new EventTarget();
    let calls = 0;
    const h = () => calls++;
    et.addEventListener('t', h, a);
    et.addEventListener('t', h, b);
    et.dispatchEvent(new Event('t'));
    assert.equal(calls, same ? 1 : 2, JSON.stringify([a, b]));
  }
});

test('EventTarget: removeEventListener matches type, callback and capture', () => {
  const et = new EventTarget();
  let calls = 0;
  const f = () => calls++;
  et.addEventListener('x', f, true);
  et.removeEventListener('x', f);
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 1, 'removing without capture leaves the capturing listener');
  et.removeEventListener('x', f, { capture: true });
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 1);
  et.addEventListener('x', f);
  et.removeEventListener('y', f);
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 2);
});

test('EventTarget: removeEventListener reads only capture from options', () => {
  const et = new EventTarget();
  const read = [];
  const options = {};
  for (const k of ['capture', 'once', 'passive', 'signal']) Object.defineProperty(options, k, { get() { read.push(k); } });
  et.addEventListener('x', null, options);
  assert.deepEqual(read, ['capture', 'once', 'passive', 'signal']);
  read.length = 0;
  et.removeEventListener('x', null, options);
  assert.deepEqual(read, ['capture']);
});

test('EventTarget: capturing listeners are called before the others', () => {
  const et = new EventTarget();
  const results = [];
  et.addEventListener('x', () => results.push(1), true);
  et.addEventListener('x', () => results.push(2), false);
  et.addEventListener('x', () => results.push(3), true);
  et.addEventListener('x', () => results.push(4));
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(results, [1, 3, 2, 4]);
});

test('EventTarget: listeners are called in the order they were added', () => {
  const et = new EventTarget();
  const order = [];
  for (let i = 0; i < 5; i++) et.addEventListener('x', () => order.push(i));
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(order, [0, 1, 2, 3, 4]);
});

test('EventTarget: dispatchEvent returns !defaultPrevented', () => {
  const et = new EventTarget();
  assert.equal(et.dispatchEvent(new Event('x', { cancelable: true })), true);
  et.addEventListener('x', (e) => e.preventDefault());
  assert.equal(et.dispatchEvent(new Event('x', { cancelable: true })), false);
  assert.equal(et.dispatchEvent(new Event('x')), true, 'not cancelable');
});

test('EventTarget: dispatching an event that is being dispatched throws InvalidStateError', () => {
  const target = new EventTarget();
  const e = new Event('type');
  let errors = [];
  target.addEventListener('type', () => {
    for (const t of [target, new EventTarget()]) {
      try { t.dispatchEvent(e); } catch (err) { errors.push(err); }
    }
  });
  assert.equal(target.dispatchEvent(e), true);
  assert.equal(errors.length, 2);
  for (const err of errors) {
    assert.ok(err instanceof DOMException);
    assert.equal(err.name, 'InvalidStateError');
    assert.ok(/already being dispatched/.test(err.message), err.message);
  }
  assert.equal(target.dispatchEvent(e), true, 'can be dispatched again afterwards');
});

test('EventTarget: exceptions from listeners are reported, not propagated', async () => {
  const target = new EventTarget();
  const called = [];
  const errors = [];
  const onError = (e) => { errors.push(e.error); e.preventDefault(); };
  addEventListener('error', onError);
  const boom = new Error('listener failed');
  try {
    target.addEventListener('type', () => { called.push('First'); throw boom; });
    target.addEventListener('type', () => called.push('Second'));
    assert.equal(target.dispatchEvent(new Event('type')), true);
  } finally {
    removeEventListener('error', onError);
  }
  assert.deepEqual(called, ['First', 'Second']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0], boom);
});

test('EventTarget: handleEvent objects', () => {
  const target = new EventTarget();
  let that, evt;
  const listener = { handleEvent(e) { that = this; evt = e; } };
  target.addEventListener('foo', listener);
  const ev = new Event('foo');
  target.dispatchEvent(ev);
  assert.equal(that, listener);
  assert.equal(evt, ev);
});

test('EventTarget: handleEvent is looked up on every dispatch', () => {
  const target = new EventTarget();
  let calls = 0;
  target.addEventListener('foo', { get handleEvent() { calls++; return function () {}; } });
  assert.equal(calls, 0);
  target.dispatchEvent(new Event('foo'));
  target.dispatchEvent(new Event('foo'));
  assert.equal(calls, 2);
});

test('EventTarget: a function listener with a handleEvent property is called as a function', () => {
  const target = new EventTarget();
  let calls = 0;
  const f = function () { calls++; };
  f.handleEvent = () => { throw new Error('should not be called'); };
  target.addEventListener('foo', f);
  target.dispatchEvent(new Event('foo'));
  assert.equal(calls, 1);
});

test('EventTarget: a missing or throwing handleEvent is reported at the global scope', () => {
  const errors = [];
  const onError = (e) => { errors.push(e.error); e.preventDefault(); };
  addEventListener('error', onError);
  try {
    const thrown = { name: 'test' };
    for (const listener of [{}, { handleEvent: 42 }, { get handleEvent() { throw thrown; } }]) {
      const target = new EventTarget();
      target.addEventListener('foo', listener);
      target.dispatchEvent(new Event('foo'));
    }
    assert.equal(errors.length, 3);
    assert.ok(errors[0] instanceof TypeError);
    assert.ok(errors[1] instanceof TypeError);
    assert.equal(errors[2], thrown);
  } finally {
    removeEventListener('error', onError);
  }
});

test('EventTarget: listeners added during dispatch are not called by it', () => {
  const et = new EventTarget();
  const calls = [];
  et.addEventListener('x', () => {
    calls.push('a');
    et.addEventListener('x', () => calls.push('added'));
  });
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, ['a']);
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, ['a', 'a', 'added']);
});

test('EventTarget: a non-capturing listener added by a capturing one runs in the same dispatch', () => {
  const et = new EventTarget();
  const calls = [];
  et.addEventListener('x', () => {
    calls.push('capture');
    et.addEventListener('x', () => calls.push('bubble'));
  }, true);
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, ['capture', 'bubble']);
});

test('EventTarget: listeners removed during dispatch are not called', () => {
  const et = new EventTarget();
  const calls = [];
  const second = () => calls.push('second');
  et.addEventListener('x', () => { calls.push('first'); et.removeEventListener('x', second); });
  et.addEventListener('x', second);
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, ['first']);
});

test('EventTarget: removing and re-adding a listener during dispatch does not call it', () => {
  const et = new EventTarget();
  const calls = [];
  const second = () => calls.push('second');
  et.addEventListener('x', () => {
    calls.push('first');
    et.removeEventListener('x', second);
    et.addEventListener('x', second);
  });
  et.addEventListener('x', second);
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, ['first']);
});

test('EventTarget: removing all listeners while dispatching', () => {
  const et = new EventTarget();
  const calls = [];
  const l = [0, 1, 2].map((i) => () => {
    calls.push(i);
    for (const f of l) et.removeEventListener('x', f);
  });
  for (const f of l) et.addEventListener('x', f);
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, [0]);
});

test('EventTarget: stopImmediatePropagation stops the remaining listeners', () => {
  const et = new EventTarget();
  const calls = [];
  et.addEventListener('x', (e) => { calls.push(1); e.stopImmediatePropagation(); });
  et.addEventListener('x', () => calls.push(2));
  const ev = new Event('x');
  et.dispatchEvent(ev);
  assert.deepEqual(calls, [1]);
  et.dispatchEvent(ev);
  assert.deepEqual(calls, [1, 1], 'the flag is cleared after dispatch');
});

test('EventTarget: stopPropagation in a capturing listener skips the non-capturing ones', () => {
  const et = new EventTarget();
  const calls = [];
  et.addEventListener('x', (e) => { calls.push('c1'); e.stopPropagation(); }, true);
  et.addEventListener('x', () => calls.push('c2'), true);
  et.addEventListener('x', () => calls.push('b'));
  et.dispatchEvent(new Event('x'));
  assert.deepEqual(calls, ['c1', 'c2']);
});

test('EventTarget: nested dispatch of other events', () => {
  const et = new EventTarget();
  const log = [];
  et.addEventListener('outer', (e) => {
    log.push('outer start ' + e.eventPhase);
    et.dispatchEvent(new Event('inner'));
    log.push('outer end ' + (e.currentTarget === et));
  });
  et.addEventListener('inner', () => log.push('inner'));
  et.dispatchEvent(new Event('outer'));
  assert.deepEqual(log, ['outer start 2', 'inner', 'outer end true']);
});

test('EventTarget: once', () => {
  const et = new EventTarget();
  let calls = 0;
  const f = () => calls++;
  et.addEventListener('x', f, { once: true });
  et.dispatchEvent(new Event('x'));
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 1);
  et.addEventListener('x', f, { once: true });
  et.removeEventListener('x', f);
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 1, 'a once listener can be removed before it fires');
});

test('EventTarget: once listeners are removed before they are called (re-entrancy)', () => {
  const et = new EventTarget();
  let calls = 0;
  et.addEventListener('x', () => { calls++; et.dispatchEvent(new Event('x')); }, { once: true });
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 1);
});

test('EventTarget: once listener can be re-added from its own call', () => {
  const et = new EventTarget();
  let calls = 0;
  const f = () => { calls++; if (calls === 1) et.addEventListener('x', f, { once: true }); };
  et.addEventListener('x', f, { once: true });
  et.dispatchEvent(new Event('x'));
  et.dispatchEvent(new Event('x'));
  et.dispatchEvent(new Event('x'));
  assert.equal(calls, 2);
});

test('EventTarget: passive listeners cannot cancel', () => {
  function check(options, expected) {
    const et = new EventTarget();
    let prevented;
    const h = (e) => { e.preventDefault(); prevented = e.defaultPrevented; };
    et.addEventListener('test', h, options);
    const result = et.dispatchEvent(new Event('test', { cancelable: true }));
    assert.equal(prevented, expected, JSON.stringify(options));
    assert.equal(result, !expected);
  }
  check(undefined, true);
  check({}, true);
  check({ passive: false }, true);
  check({ passive: true }, false);
  check({ passive: 0 }, true);
  check({ passive: 1 }, false);
});

test('EventTarget: passive listeners ignore returnValue = false', () => {
  const et = new EventTarget();
  let prevented;
  et.addEventListener('test', (e) => { e.returnValue = false; prevented = e.defaultPrevented; }, { passive: true });
  assert.equal(et.dispatchEvent(new Event('test', { cancelable: true })), true);
  assert.equal(prevented, false);
});

test('EventTarget: one passive listener does not affect the others', () => {
  const et = new EventTarget();
  const seen = [];
  et.addEventListener('test', () => seen.push('passive'), { passive: true });
  et.addEventListener('test', (e) => { e.preventDefault(); seen.push(e.defaultPrevented); });
  assert.equal(et.dispatchEvent(new Event('test', { cancelable: true })), false);
  assert.deepEqual(seen, ['passive', true]);
});

test('EventTarget: event types are case-sensitive strings', () => {
  const et = new EventTarget();
  const calls = [];
  et.addEventListener('Foo', () => calls.push('Foo'));
  et.addEventListener('foo', () => calls.push('foo'));
  et.addEventListener(1, () => calls.push('1'));
  et.dispatchEvent(new Event('foo'));
  et.dispatchEvent(new Event('1'));
  assert.deepEqual(calls, ['foo', '1']);
});

test('EventTarget: dispatchEvent sets isTrusted to false', () => {
  const et = new EventTarget();
  let trusted;
  et.addEventListener('x', (e) => { trusted = e.isTrusted; });
  et.dispatchEvent(new Event('x'));
  assert.equal(trusted, false);
});

test('EventTarget: listener return values are ignored', () => {
  const et = new EventTarget();
  et.addEventListener('x', () => false);
  et.addEventListener('x', async () => true);
  const ev = new Event('x', { cancelable: true });
  assert.equal(et.dispatchEvent(ev), true);
  assert.equal(ev.defaultPrevented, false);
});

// ---- signal option ----

test('signal: aborting removes the listener', () => {
  let count = 0;
  const handler = () => count++;
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener('test', handler, { signal: controller.signal });
  et.dispatchEvent(new Event('test'));
  et.dispatchEvent(new Event('test'));
  assert.equal(count, 2);
  controller.abort();
  et.dispatchEvent(new Event('test'));
  assert.equal(count, 2);
  et.addEventListener('test', handler, { signal: controller.signal });
  et.dispatchEvent(new Event('test'));
  assert.equal(count, 2, 'an aborted signal never adds the listener');
});

test('signal: removeEventListener still works', () => {
  let count = 0;
  const handler = () => count++;
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener('test', handler, { signal: controller.signal });
  et.removeEventListener('test', handler);
  et.dispatchEvent(new Event('test'));
  assert.equal(count, 0);
  controller.abort();
});

test('signal: works with once, capture and several listeners', () => {
  let count = 0;
  const handler = () => count++;
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener('first', handler, { signal: controller.signal, once: true });
  et.addEventListener('second', handler, { signal: controller.signal, once: true });
  et.addEventListener('third', handler, { signal: controller.signal, capture: true });
  controller.abort();
  for (const t of ['first', 'second', 'third']) et.dispatchEvent(new Event(t));
  assert.equal(count, 0);
});

test('signal: aborting from a listener stops later listeners with that signal', () => {
  let count = 0;
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener('test', () => controller.abort(), { signal: controller.signal });
  et.addEventListener('test', () => count++, { signal: controller.signal });
  et.dispatchEvent(new Event('test'));
  assert.equal(count, 0);
});

test('signal: adding then aborting a listener in another listener does not call it', () => {
  let count = 0;
  const et = new EventTarget();
  const controller = new AbortController();
  et.addEventListener('test', () => {
    et.addEventListener('test', () => count++, { signal: controller.signal });
    controller.abort();
  }, { signal: controller.signal });
  et.dispatchEvent(new Event('test'));
  et.dispatchEvent(new Event('test'));
  assert.equal(count, 0);
});

test('signal: aborting from a nested listener removes it', () => {
  const et = new EventTarget();
  const ac = new AbortController();
  let count = 0;
  et.addEventListener('foo', () => {
    et.addEventListener('foo', () => {
      count++;
      if (count > 5) ac.abort();
      et.dispatchEvent(new Event('foo'));
    }, { signal: ac.signal });
    et.dispatchEvent(new Event('foo'));
  }, { once: true });
  et.dispatchEvent(new Event('foo'));
  assert.equal(count, 6);
});

test('signal: null or a non-signal is a TypeError, even with a null listener', () => {
  const et = new EventTarget();
  assert.throws(() => et.addEventListener('foo', () => {}, { signal: null }), TypeError);
  assert.throws(() => et.addEventListener('foo', null, { signal: null }), TypeError);
  assert.throws(() => et.addEventListener('foo', () => {}, { signal: {} }), { message: /AbortSignal/ });
  assert.throws(() => et.addEventListener('foo', () => {}, { signal: new AbortController() }), TypeError);
  et.addEventListener('foo', () => {}, { signal: undefined });
});

// ---- CustomEvent ----

test('CustomEvent: detail', () => {
  const ev = new CustomEvent('$', { detail: 54, sweet: 'x', cancelable: true });
  assert.equal(ev.type, '$');
  assert.equal(ev.bubbles, false);
  assert.equal(ev.cancelable, true);
  assert.equal(ev.sweet, undefined);
  assert.equal(ev.detail, 54);
  assert.equal(new CustomEvent('x').detail, null);
  assert.equal(new CustomEvent('x', { detail: undefined }).detail, null);
  const obj = {};
  assert.equal(new CustomEvent('x', { detail: obj }).detail, obj);
  assert.ok(new CustomEvent('x') instanceof Event);
});

test('CustomEvent: members are read in WebIDL order', () => {
  const called = [];
  const init = {};
  for (const k of ['detail', 'composed', 'cancelable', 'bubbles']) {
    Object.defineProperty(init, k, { get() { called.push(k); return 1; } });
  }
  new CustomEvent('x', init);
  assert.deepEqual(called, ['bubbles', 'cancelable', 'composed', 'detail']);
});

test('CustomEvent: initCustomEvent', () => {
  const ev = new CustomEvent('a', { detail: 1 });
  ev.initCustomEvent('b', true, true, 2);
  assert.equal(ev.type, 'b');
  assert.equal(ev.bubbles, true);
  assert.equal(ev.cancelable, true);
  assert.equal(ev.detail, 2);
  ev.initCustomEvent('c');
  assert.equal(ev.detail, null);
  assert.throws(() => ev.initCustomEvent(), TypeError);
  assert.equal(CustomEvent.prototype.initCustomEvent.length, 1);
});

test('CustomEvent: WebIDL details', () => {
  assert.throws(() => new CustomEvent(), { message: /Failed to construct 'CustomEvent': 1 argument required/ });
  assert.throws(() => CustomEvent('x'), TypeError);
  assert.throws(() => new CustomEvent('x', 7), { message: /CustomEventInit/ });
  assert.equal(CustomEvent.length, 1);
  assert.equal(Object.getPrototypeOf(CustomEvent), Event);
  assert.equal(Object.prototype.toString.call(new CustomEvent('x')), '[object CustomEvent]');
  assert.deepEqual(Object.keys(CustomEvent.prototype).sort(), ['detail', 'initCustomEvent']);
  const get = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get;
  assert.throws(() => get.call(new Event('x')), TypeError);
});

// ---- ErrorEvent ----

test('ErrorEvent: defaults', () => {
  const ev = new ErrorEvent('error');
  assert.equal(ev.message, '');
  assert.equal(ev.filename, '');
  assert.equal(ev.lineno, 0);
  assert.equal(ev.colno, 0);
  assert.equal(ev.error, undefined);
  assert.ok(ev instanceof Event);
});

test('ErrorEvent: members and conversions', () => {
  const error = new Error('x');
  const ev = new ErrorEvent('error', { message: 7, filename: 'a.js', lineno: 3.9, colno: -1, error, cancelable: true });
  assert.equal(ev.message, '7');
  assert.equal(ev.filename, 'a.js');
  assert.equal(ev.lineno, 3);
  assert.equal(ev.colno, 4294967295);
  assert.equal(ev.error, error);
  assert.equal(ev.cancelable, true);
  assert.equal(new ErrorEvent('e', { lineno: NaN }).lineno, 0);
  assert.equal(new ErrorEvent('e', { error: null }).error, null);
  assert.equal(new ErrorEvent('e', { filename: 'a\uD800' }).filename, 'a\uFFFD');
});

test('ErrorEvent: members are read in WebIDL order', () => {
  const called = [];
  const init = {};
  for (const k of ['message', 'lineno', 'filename', 'error', 'colno', 'composed', 'cancelable', 'bubbles']) {
    Object.defineProperty(init, k, { get() { called.push(k); return undefined; } });
  }
  new ErrorEvent('x', init);
  assert.deepEqual(called, ['bubbles', 'cancelable', 'composed', 'colno', 'error', 'filename', 'lineno', 'message']);
});

test('ErrorEvent: WebIDL details', () => {
  assert.throws(() => new ErrorEvent(), TypeError);
  assert.equal(ErrorEvent.length, 1);
  assert.equal(Object.prototype.toString.call(new ErrorEvent('x')), '[object ErrorEvent]');
  assert.deepEqual(Object.keys(ErrorEvent.prototype).sort(), ['colno', 'error', 'filename', 'lineno', 'message']);
  assert.throws(() => Object.getOwnPropertyDescriptor(ErrorEvent.prototype, 'message').get.call(new Event('x')), TypeError);
});

// ---- PromiseRejectionEvent ----

test('PromiseRejectionEvent: promise and reason', () => {
  const p = Promise.resolve(1);
  const ev = new PromiseRejectionEvent('unhandledrejection', { promise: p, reason: 'r', cancelable: true });
  assert.equal(ev.promise, p);
  assert.equal(ev.reason, 'r');
  assert.equal(ev.cancelable, true);
  assert.equal(new PromiseRejectionEvent('x', { promise: p }).reason, undefined);
  const thenable = { then() {} };
  assert.equal(new PromiseRejectionEvent('x', { promise: thenable }).promise, thenable, 'any object is accepted');
});

test('PromiseRejectionEvent: the init dictionary and its promise are required', () => {
  assert.throws(() => new PromiseRejectionEvent('x'), { message: /2 arguments required, but only 1 present/ });
  assert.throws(() => new PromiseRejectionEvent('x', {}), { message: /Required member is undefined/ });
  assert.throws(() => new PromiseRejectionEvent('x', undefined), TypeError);
  assert.throws(() => new PromiseRejectionEvent('x', { promise: 5 }), TypeError);
  assert.throws(() => new PromiseRejectionEvent('x', { promise: null }), TypeError);
  assert.equal(PromiseRejectionEvent.length, 2);
});

test('PromiseRejectionEvent: WebIDL details', () => {
  assert.equal(Object.prototype.toString.call(new PromiseRejectionEvent('x', { promise: Promise.resolve() })), '[object PromiseRejectionEvent]');
  assert.deepEqual(Object.keys(PromiseRejectionEvent.prototype).sort(), ['promise', 'reason']);
  assert.throws(() => PromiseRejectionEvent.prototype.promise, TypeError);
});

// ---- MessageEvent ----

test('MessageEvent: defaults', () => {
  const ev = new MessageEvent('message');
  assert.equal(ev.data, null);
  assert.equal(ev.origin, '');
  assert.equal(ev.lastEventId, '');
  assert.equal(ev.source, null);
  assert.deepEqual(ev.ports, []);
  assert.ok(Object.isFrozen(ev.ports));
  assert.equal(ev.ports, ev.ports, 'the same frozen array each time');
});

test('MessageEvent: members', () => {
  const data = { x: 1 };
  const ev = new MessageEvent('message', { data, origin: 'https://example.com', lastEventId: 5, ports: [] });
  assert.equal(ev.data, data);
  assert.equal(ev.origin, 'https://example.com');
  assert.equal(ev.lastEventId, '5');
  assert.equal(new MessageEvent('m', { data: undefined }).data, null);
  assert.equal(new MessageEvent('m', { data: 0 }).data, 0);
  assert.equal(new MessageEvent('m', { source: null }).source, null);
});

test('MessageEvent: ports and source must be message ports', () => {
  assert.throws(() => new MessageEvent('m', { ports: [1] }), TypeError);
  assert.throws(() => new MessageEvent('m', { ports: 5 }), TypeError);
  assert.throws(() => new MessageEvent('m', { ports: null }), TypeError);
  assert.throws(() => new MessageEvent('m', { source: {} }), TypeError);
});

test('MessageEvent: initMessageEvent', () => {
  const ev = new MessageEvent('a');
  ev.initMessageEvent('b', true, true, 'data', 'origin', 'id');
  assert.equal(ev.type, 'b');
  assert.equal(ev.bubbles, true);
  assert.equal(ev.cancelable, true);
  assert.equal(ev.data, 'data');
  assert.equal(ev.origin, 'origin');
  assert.equal(ev.lastEventId, 'id');
  assert.equal(MessageEvent.prototype.initMessageEvent.length, 1);
  assert.throws(() => ev.initMessageEvent(), TypeError);
});

test('MessageEvent: WebIDL details', () => {
  assert.equal(Object.prototype.toString.call(new MessageEvent('m')), '[object MessageEvent]');
  assert.deepEqual(Object.keys(MessageEvent.prototype).sort(), ['data', 'initMessageEvent', 'lastEventId', 'origin', 'ports', 'source']);
  assert.throws(() => MessageEvent.prototype.data, TypeError);
  const called = [];
  const init = {};
  for (const k of ['source', 'ports', 'origin', 'lastEventId', 'data', 'bubbles']) {
    Object.defineProperty(init, k, { get() { called.push(k); return undefined; } });
  }
  new MessageEvent('m', init);
  assert.deepEqual(called, ['bubbles', 'data', 'lastEventId', 'origin', 'ports', 'source']);
});

test('subclasses: dispatch and toString', () => {
  const et = new EventTarget();
  const got = [];
  et.addEventListener('c', (e) => got.push(e.detail));
  et.addEventListener('m', (e) => got.push(e.data));
  et.dispatchEvent(new CustomEvent('c', { detail: 'd' }));
  et.dispatchEvent(new MessageEvent('m', { data: 'm' }));
  assert.deepEqual(got, ['d', 'm']);
});

// ---- the global scope ----

test('global: the global scope is an event target', () => {
  assert.equal(typeof addEventListener, 'function');
  assert.equal(globalThis.addEventListener, EventTarget.prototype.addEventListener);
  assert.equal(globalThis.removeEventListener, EventTarget.prototype.removeEventListener);
  assert.equal(globalThis.dispatchEvent, EventTarget.prototype.dispatchEvent);
  // Inherited through ServiceWorkerGlobalScope -> WorkerGlobalScope -> EventTarget, as in workerd.
  assert.equal(Object.getOwnPropertyDescriptor(globalThis, 'addEventListener'), undefined);
  assert.ok(globalThis instanceof EventTarget);
  let self, target;
  const f = function (e) { self = this; target = e.target; };
  addEventListener('custom-global', f);
  assert.equal(dispatchEvent(new Event('custom-global')), true);
  removeEventListener('custom-global', f);
  assert.equal(self, globalThis);
  assert.equal(target, globalThis);
  assert.throws(() => dispatchEvent(null), TypeError);
});

test('global: globals are writable, configurable and not enumerable', () => {
  for (const name of ['Event', 'EventTarget', 'CustomEvent', 'ErrorEvent', 'PromiseRejectionEvent', 'MessageEvent']) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert.ok(d && d.writable && d.configurable && !d.enumerable, name);
  }
});

test('global: reportError fires a cancelable error event', () => {
  const events = [];
  const onError = (e) => { events.push(e); e.preventDefault(); };
  addEventListener('error', onError);
  try {
    const err = new TypeError('reported');
    reportError(err);
    assert.equal(events.length, 1);
    const e = events[0];
    assert.ok(e instanceof ErrorEvent);
    assert.equal(e.type, 'error');
    assert.equal(e.error, err);
    assert.equal(e.cancelable, true);
    assert.equal(e.isTrusted, true);
    assert.equal(e.message, 'Uncaught TypeError: reported');
    assert.ok(e.filename.endsWith('events.test.js'), e.filename);
    assert.ok(e.lineno > 0 && e.colno > 0);
    reportError('just a string');
    assert.equal(events[1].error, 'just a string');
    assert.equal(events[1].lineno, 0);
  } finally {
    removeEventListener('error', onError);
  }
});

test('global: an error thrown by an error listener is not re-dispatched', () => {
  let calls = 0;
  const onError = (e) => { calls++; e.preventDefault(); throw new Error('from the error listener'); };
  addEventListener('error', onError);
  try {
    reportError(new Error('first'));
    assert.equal(calls, 1);
  } finally {
    removeEventListener('error', onError);
  }
});

test('global: onerror gets (message, filename, lineno, colno, error) and true cancels', () => {
  let args;
  const events = [];
  const listener = (e) => events.push(e.defaultPrevented);
  assert.equal(globalThis.onerror, null);
  globalThis.onerror = function (...a) { args = a; return true; };
  addEventListener('error', listener);
  try {
    const err = new Error('via onerror');
    reportError(err);
    assert.equal(args.length, 5);
    assert.equal(args[0], 'Uncaught Error: via onerror');
    assert.equal(args[4], err);
    assert.deepEqual(events, [true], 'returning true canceled the event');
  } finally {
    globalThis.onerror = null;
    removeEventListener('error', listener);
  }
  assert.equal(globalThis.onerror, null);
});

test('global: unhandled rejections fire unhandledrejection, after the microtasks', async () => {
  const events = [];
  const listener = (e) => { events.push(e); e.preventDefault(); };
  addEventListener('unhandledrejection', listener);
  try {
    const reason = new Error('nobody handles this');
    const p = Promise.reject(reason);
    // Handled within the same turn: no event.
    Promise.reject(new Error('handled later in a microtask')).catch(() => {}).then(() => {});
    const late = Promise.reject(new Error('handled in a microtask'));
    queueMicrotask(() => late.catch(() => {}));
    await tick(20);
    assert.equal(events.length, 1, events.map((e) => String(e.reason)).join());
    const e = events[0];
    assert.ok(e instanceof PromiseRejectionEvent);
    assert.equal(e.type, 'unhandledrejection');
    assert.equal(e.promise, p);
    assert.equal(e.reason, reason);
    assert.equal(e.cancelable, true);
    assert.equal(e.isTrusted, true);
    assert.equal(e.target, globalThis);
  } finally {
    removeEventListener('unhandledrejection', listener);
  }
});

test('global: async functions and primitive reasons', async () => {
  const reasons = [];
  const listener = (e) => { reasons.push(e.reason); e.preventDefault(); };
  addEventListener('unhandledrejection', listener);
  try {
    (async () => { await null; throw 42; })();
    Promise.reject(undefined);
    await tick(20);
    assert.deepEqual(reasons, [undefined, 42]);
  } finally {
    removeEventListener('unhandledrejection', listener);
  }
});

test('global: microtasks queued by unhandledrejection listeners run', async () => {
  const log = [];
  const listener = (e) => {
    e.preventDefault();
    log.push('event');
    Promise.resolve().then(() => log.push('microtask from the listener'));
  };
  addEventListener('unhandledrejection', listener);
  try {
    setTimeout(() => Promise.reject(new Error('in a timer')), 0);
    await tick(50);
    assert.deepEqual(log, ['event', 'microtask from the listener']);
  } finally {
    removeEventListener('unhandledrejection', listener);
  }
});

test('global: onunhandledrejection attribute', async () => {
  let got;
  assert.equal(globalThis.onunhandledrejection, null);
  globalThis.onunhandledrejection = (e) => { got = e.reason; return false; };
  try {
    Promise.reject('attr');
    await tick(20);
    assert.equal(got, 'attr');
  } finally {
    globalThis.onunhandledrejection = null;
  }
});

test('global: a throwing unhandledrejection listener is reported as an error event', async () => {
  const errors = [];
  const onRejection = (e) => { e.preventDefault(); throw new Error('listener threw'); };
  const onError = (e) => { errors.push(e.error.message); e.preventDefault(); };
  addEventListener('unhandledrejection', onRejection);
  addEventListener('error', onError);
  try {
    Promise.reject(new Error('x'));
    await tick(20);
    assert.deepEqual(errors, ['listener threw']);
  } finally {
    removeEventListener('unhandledrejection', onRejection);
    removeEventListener('error', onError);
  }
});

// ---- event handler attributes ----

test('handlers: order of activation and changing the value keeps the position', () => {
  const c = new AbortController();
  const s = c.signal;
  const log = [];
  s.addEventListener('abort', () => log.push('a'));
  s.onabort = () => log.push('handler 1');
  s.addEventListener('abort', () => log.push('b'));
  s.onabort = () => log.push('handler 2');
  c.abort();
  assert.deepEqual(log, ['a', 'handler 2', 'b']);
});

test('handlers: null and non-objects remove the handler; objects are kept', () => {
  const s = new AbortController().signal;
  const f = () => {};
  s.onabort = f;
  assert.equal(s.onabort, f);
  s.onabort = 'not a function';
  assert.equal(s.onabort, null);
  const obj = { handleEvent() {} };
  s.onabort = obj;
  assert.equal(s.onabort, obj, 'non-callable objects are stored');
  s.onabort = null;
  assert.equal(s.onabort, null);
});

test('handlers: returning false cancels a cancelable event', () => {
  const s = new AbortController().signal;
  s.onabort = () => false;
  const ev = new Event('abort', { cancelable: true });
  assert.equal(s.dispatchEvent(ev), false);
  assert.equal(ev.defaultPrevented, true);
});

test('handlers: accessors are brand-checked and enumerable', () => {
  const d = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort');
  assert.ok(d.enumerable && d.configurable);
  assert.throws(() => d.get.call(new EventTarget()), TypeError);
  assert.throws(() => d.set.call({}, null), TypeError);
});

test('console: events print their main attributes', () => {
  const inspect = Symbol.for('nodejs.util.inspect.custom');
  assert.equal(typeof Event.prototype[inspect], 'function');
  assert.ok(!Object.keys(Event.prototype).some((k) => typeof k === 'symbol'));
  // Printing must not throw, for events, subclasses and signals.
  console.log(new Event('x'), new CustomEvent('y', { detail: 1 }), new AbortController(), AbortSignal.abort());
});
