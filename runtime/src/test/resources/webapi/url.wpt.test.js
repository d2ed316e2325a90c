// web-platform-tests data for URL and URLSearchParams, one test per data entry, checked the way
// WPT's own url/ tests check them (url-constructor, url-origin, url-statics-canparse/parse,
// url-setters, percent-encoding, urlencoded-parser).
import { test, assert } from './harness.js';
import urlTests from './wpt/url/resources/urltestdata.json';
import jsOnlyTests from './wpt/url/resources/urltestdata-javascript-only.json';
import setterTests from './wpt/url/resources/setters_tests.json';
import percentTests from './wpt/url/resources/percent-encoding.json';
import formTests from './wpt/url/resources/urlencoded-parser-data.json';

// Test names stay printable ASCII (they also key known-failures.txt) and reasonably short.
export function show(s) {
  let out = '';
  for (const ch of String(s)) {
    const c = ch.codePointAt(0);
    out += c >= 0x20 && c < 0x7f ? ch : '\\u{' + c.toString(16) + '}';
  }
  return out.length > 100 ? out.slice(0, 100) + '...' : out;
}

const COMPONENTS = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];

function parsingTests(file, data) {
  data.forEach((t, i) => {
    if (typeof t === 'string') return;
    const base = t.base === null ? undefined : t.base;
    const where = base === undefined ? 'without base' : `against <${show(base)}>`;
    test(`${file}: ${i} <${show(t.input)}> ${where}`, () => {
      if (t.failure) {
        assert.throws(() => new URL(t.input, base), TypeError, 'new URL');
        assert.equal(URL.canParse(t.input, base), false, 'URL.canParse');
        assert.equal(URL.parse(t.input, base), null, 'URL.parse');
        return;
      }
      const url = new URL(t.input, base);
      for (const k of COMPONENTS) assert.equal(url[k], t[k], k);
      if ('origin' in t) assert.equal(url.origin, t.origin, 'origin');
      if ('searchParams' in t) assert.equal(url.searchParams.toString(), t.searchParams, 'searchParams');
      assert.equal(URL.canParse(t.input, base), true, 'URL.canParse');
      const parsed = URL.parse(t.input, base);
      assert.ok(parsed instanceof URL, 'URL.parse returns a URL');
      assert.equal(parsed.href, t.href, 'URL.parse href');
    });
  });
}

parsingTests('urltestdata.json', urlTests);
parsingTests('urltestdata-javascript-only.json', jsOnlyTests);

for (const attr of Object.keys(setterTests)) {
  if (attr === 'comment') continue;
  setterTests[attr].forEach((t, i) => {
    const name = `<${show(t.href)}>.${attr} = '${show(t.new_value)}'${t.comment ? ' ' + show(t.comment) : ''}`;
    test(`setters_tests.json: ${attr} ${i} ${name}`, () => {
      const url = new URL(t.href);
      url[attr] = t.new_value;
      for (const k of Object.keys(t.expected)) assert.equal(url[k], t.expected[k], k);
    });
  });
}

// Only the UTF-8 expectations apply: a Worker's URLs are always UTF-8. As WPT does, the query is
// checked, and the fragment (always UTF-8).
percentTests.forEach((t, i) => {
  if (typeof t === 'string' || !('utf-8' in t.output)) return;
  test(`percent-encoding.json: ${i} ${show(t.input)}`, () => {
    const url = new URL(`https://doesnotmatter.invalid/?${t.input}#${t.input}`);
    assert.equal(url.search, '?' + t.output['utf-8'], 'query');
    assert.equal(url.hash, '#' + t.output['utf-8'], 'fragment');
  });
});

formTests.forEach((t, i) => {
  test(`urlencoded-parser-data.json: ${i} ${show(t.input)}`, () => {
    const params = new URLSearchParams(t.input);
    assert.deepEqual([...params], t.output);
    assert.equal(params.size, t.output.length, 'size');
  });
});
