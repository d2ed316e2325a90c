// A test library for suites that need `internal` (the bootstrap's shared object, which Worker code
// cannot reach). Evaluates to a function of `internal` returning { test, assert, run };
// InternalSuiteTest runs each *.test.js here, which evaluates to (internal, test, assert) => {}.
(function () {
  'use strict';
  const tests = [];
  function test(name, fn) { tests.push({ name: String(name), fn }); }

  function fmt(v) {
    try {
      if (typeof v === 'string') return JSON.stringify(v);
      if (typeof v === 'bigint') return v + 'n';
      if (Object.is(v, -0)) return '-0';
      if (ArrayBuffer.isView(v)) return `${v.constructor.name}[${Array.from(v).join(',')}]`;
      return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    } catch (e) {
      return String(v);
    }
  }
  function fail(message, extra) { throw new Error(extra ? message + ': ' + extra : message); }
  function deepEqual(a, b) {
    if (Object.is(a, b)) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
      return true;
    }
    const ka = Reflect.ownKeys(a), kb = Reflect.ownKeys(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  function matchesError(e, expected) {
    if (expected === undefined) return true;
    if (typeof expected === 'function') return e instanceof expected;
    if (typeof expected === 'string') return e && e.name === expected;
    if (expected instanceof RegExp) return expected.test(String(e && e.message));
    return Object.keys(expected).every((k) => Object.is(e[k], expected[k]));
  }
  const assert = {
    ok(v, msg) { if (!v) fail(msg || 'expected a truthy value', fmt(v)); },
    equal(actual, expected, msg) {
      if (!Object.is(actual, expected)) fail(msg || 'not equal', `got ${fmt(actual)}, expected ${fmt(expected)}`);
    },
    deepEqual(actual, expected, msg) {
      if (!deepEqual(actual, expected)) fail(msg || 'not deeply equal', `got ${fmt(actual)}, expected ${fmt(expected)}`);
    },
    throws(fn, expected, msg) {
      try { fn(); } catch (e) {
        if (!matchesError(e, expected)) fail(msg || 'threw the wrong error', `${e && e.name}: ${e && e.message}`);
        return e;
      }
      fail(msg || 'expected an exception');
    },
  };

  // Runs every test (awaiting async ones); results land in `results` as { name, ok, error }.
  const state = { done: false, results: [] };
  async function run() {
    for (const t of tests) {
      try {
        await t.fn();
        state.results.push({ name: t.name, ok: true, error: '' });
      } catch (e) {
        state.results.push({ name: t.name, ok: false, error: String((e && e.stack) || e) });
      }
    }
    state.done = true;
  }
  return { test, assert, run, state };
})
