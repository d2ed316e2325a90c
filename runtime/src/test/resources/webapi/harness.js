// A small test library for suites that run inside a real Worker (WebApiSuiteTest serves them).
// Test names may start with "<group>: " (e.g. "urltestdata.json: #12 ..."): results are counted
// per group. Each suite module registers tests with test(); the Worker runs them in order.
const tests = [];

export function test(name, fn) {
  tests.push({ name: String(name), fn });
}

function fmt(v) {
  try {
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'bigint') return v + 'n';
    if (Object.is(v, -0)) return '-0';
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch (e) {
    return String(v);
  }
}

function fail(message, extra) {
  throw new Error(extra ? message + ': ' + extra : message);
}

function deepEqual(a, b) {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map || a instanceof Set) {
    return deepEqual([...a], [...b]);
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
  return Object.keys(expected).every((k) => {
    const want = expected[k];
    return want instanceof RegExp ? want.test(String(e[k])) : Object.is(e[k], want);
  });
}

export const assert = {
  ok(v, msg) { if (!v) fail(msg || 'expected a truthy value', fmt(v)); },
  equal(actual, expected, msg) {
    if (!Object.is(actual, expected)) fail(msg || 'not equal', `got ${fmt(actual)}, expected ${fmt(expected)}`);
  },
  notEqual(actual, expected, msg) {
    if (Object.is(actual, expected)) fail(msg || 'unexpectedly equal', fmt(actual));
  },
  deepEqual(actual, expected, msg) {
    if (!deepEqual(actual, expected)) fail(msg || 'not deeply equal', `got ${fmt(actual)}, expected ${fmt(expected)}`);
  },
  // expected: an Error class, an error name ('TypeError', 'DataCloneError'), a RegExp for the
  // message, or an object of properties to match ({ name: 'AbortError', code: 20 }).
  throws(fn, expected, msg) {
    try {
      fn();
    } catch (e) {
      if (!matchesError(e, expected)) fail(msg || 'threw the wrong error', `${e && e.name}: ${e && e.message}`);
      return e;
    }
    fail(msg || 'expected an exception');
  },
  async rejects(promiseOrFn, expected, msg) {
    try {
      await (typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn);
    } catch (e) {
      if (!matchesError(e, expected)) fail(msg || 'rejected with the wrong error', `${e && e.name}: ${e && e.message}`);
      return e;
    }
    fail(msg || 'expected a rejection');
  },
};

export async function run() {
  const results = [];
  for (const t of tests) {
    try {
      await t.fn();
      results.push({ name: t.name, ok: true });
    } catch (e) {
      results.push({ name: t.name, ok: false, error: String((e && e.stack) || e) });
    }
  }
  return results;
}
