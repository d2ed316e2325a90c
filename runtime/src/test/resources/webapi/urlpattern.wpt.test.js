// URLPattern against web-platform-tests' urlpatterntestdata.json: one test per entry, with the
// meaning WPT's urlpattern runner gives the fields:
//   pattern                  arguments for new URLPattern(...)
//   expected_obj             "error" (the constructor throws a TypeError), or the expected
//                            component pattern strings; a missing one is derived from the
//                            constructor arguments (the pattern given, "*" after an earlier given
//                            component, the base URL's value, else "*")
//   exactly_empty_components components whose pattern is "" and whose match has no "0" group
//   inputs                   arguments for test() and exec()
//   expected_match           "error" (both throw a TypeError), null (no match), or the expected
//                            result; a missing component result is { input: "", groups: { 0: "" } }
import { test, assert } from './harness.js';
import data from './wpt/urlpattern/resources/urlpatterntestdata.json';

const COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];
// Components after which a later one defaults to "*" instead of the base URL's value.
const EARLIER = {
  protocol: [], username: [], password: [],
  hostname: ['protocol'],
  port: ['protocol', 'hostname'],
  pathname: ['protocol', 'hostname', 'port'],
  search: ['protocol', 'hostname', 'port', 'pathname'],
  hash: ['protocol', 'hostname', 'port', 'pathname', 'search'],
};

function show(v) {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

// Same own enumerable keys and same values, recursively (WPT's assert_object_equals).
function sameObject(actual, expected, where) {
  if (typeof expected !== 'object' || expected === null) {
    if (!Object.is(actual, expected)) throw new Error(`${where}: got ${show(actual)}, expected ${show(expected)}`);
    return;
  }
  if (typeof actual !== 'object' || actual === null) throw new Error(`${where}: got ${show(actual)}, expected an object`);
  const ka = Object.keys(actual).sort(), ke = Object.keys(expected).sort();
  if (ka.join('\n') !== ke.join('\n')) throw new Error(`${where}: keys ${show(ka)}, expected ${show(ke)}`);
  for (const k of ke) sameObject(actual[k], expected[k], `${where}.${k}`);
}

function expectedPattern(entry, component) {
  const given = entry.expected_obj && entry.expected_obj[component];
  if (given !== undefined && given !== null) return given;
  const first = entry.pattern[0];
  const init = typeof first === 'object' && first !== null ? first : null;
  let base = null;
  if (init && init.baseURL) base = new URL(init.baseURL);
  else if (entry.pattern.length > 1 && typeof entry.pattern[1] === 'string') base = new URL(entry.pattern[1]);
  if (entry.exactly_empty_components && entry.exactly_empty_components.includes(component)) return '';
  if (init && init[component]) return init[component];
  if (init && EARLIER[component].some((c) => c in init)) return '*';
  if (base && component !== 'username' && component !== 'password') {
    const v = base[component];
    if (component === 'protocol') return v.slice(0, -1);
    if (component === 'search' || component === 'hash') return v.slice(1);
    return v;
  }
  return '*';
}

function expectedComponentResult(entry, component) {
  const given = entry.expected_match[component];
  if (given) {
    const groups = {};
    for (const k of Object.keys(given.groups)) groups[k] = given.groups[k] === null ? undefined : given.groups[k];
    return { input: given.input, groups };
  }
  const empty = entry.exactly_empty_components && entry.exactly_empty_components.includes(component);
  return { input: '', groups: empty ? {} : { 0: '' } };
}

function run(entry) {
  if (entry.expected_obj === 'error') {
    assert.throws(() => new URLPattern(...entry.pattern), TypeError, 'constructor should throw a TypeError');
    return;
  }
  const pattern = new URLPattern(...entry.pattern);
  for (const component of COMPONENTS) {
    assert.equal(pattern[component], expectedPattern(entry, component), `pattern.${component}`);
  }
  if (entry.expected_match === 'error') {
    assert.throws(() => pattern.test(...entry.inputs), TypeError, 'test() should throw a TypeError');
    assert.throws(() => pattern.exec(...entry.inputs), TypeError, 'exec() should throw a TypeError');
    return;
  }
  assert.equal(pattern.test(...entry.inputs), !!entry.expected_match, 'test()');
  const result = pattern.exec(...entry.inputs);
  if (!entry.expected_match || typeof entry.expected_match !== 'object') {
    assert.equal(result, entry.expected_match, 'exec()');
    return;
  }
  const inputs = entry.expected_match.inputs || entry.inputs;
  assert.equal(result.inputs.length, inputs.length, 'exec().inputs.length');
  for (let i = 0; i < inputs.length; i++) {
    const actual = result.inputs[i];
    if (typeof actual === 'string') {
      assert.equal(actual, inputs[i], `exec().inputs[${i}]`);
      continue;
    }
    for (const component of COMPONENTS) {
      assert.equal(actual[component], inputs[i][component], `exec().inputs[${i}].${component}`);
    }
  }
  for (const component of COMPONENTS) {
    sameObject(result[component], expectedComponentResult(entry, component), `exec().${component}`);
  }
}

// Test names (which also key known-failures.txt) stay printable ASCII.
function ascii(s) {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    out += c >= 0x20 && c < 0x7f ? ch : '\\u{' + c.toString(16) + '}';
  }
  return out;
}

data.forEach((entry, index) => {
  test(`urlpatterntestdata.json: ${index} ${ascii(JSON.stringify(entry.pattern))}`, () => run(entry));
});
