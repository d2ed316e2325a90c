// atob and btoa (HTML standard: forgiving-base64 decode and encode).
import { test, assert } from './harness.js';

function isInvalidCharacterError(e) {
  assert.equal(e.name, 'InvalidCharacterError');
  if (typeof DOMException === 'function') {
    assert.ok(e instanceof DOMException, 'a DOMException');
    assert.equal(e.code, 5);
  }
  return true;
}
function rejects(input) {
  let error = null;
  try {
    atob(input);
  } catch (e) {
    error = e;
  }
  assert.ok(error !== null, `atob(${JSON.stringify(input)}) should throw`);
  isInvalidCharacterError(error);
  assert.equal(error.message, "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', " +
    "alphanumeric ASCII, and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)");
}

test('btoa: encodes code units as bytes', () => {
  assert.equal(btoa(''), '');
  assert.equal(btoa('a'), 'YQ==');
  assert.equal(btoa('ab'), 'YWI=');
  assert.equal(btoa('abc'), 'YWJj');
  assert.equal(btoa('abcd'), 'YWJjZA==');
  assert.equal(btoa('\u0000\u00ff\u00fe'), 'AP/+');
  assert.equal(btoa('\u00fb\u00ef\u00be'), '++++');
  assert.equal(btoa('\u00ff\u00ff\u00ff'), '////');
  assert.equal(btoa('Hello, World!'), 'SGVsbG8sIFdvcmxkIQ==');
  let all = '';
  for (let i = 0; i < 256; i++) all += String.fromCharCode(i);
  assert.equal(atob(btoa(all)), all);
});

test('btoa: code points above U+00FF throw InvalidCharacterError', () => {
  for (const s of ['\u0100', 'abc\u20ac', '\ud800', '\u{1f600}', '\uffff']) {
    const e = assert.throws(() => btoa(s));
    isInvalidCharacterError(e);
    assert.equal(e.message, 'btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.');
  }
});

test('btoa: argument conversion', () => {
  assert.equal(btoa(null), 'bnVsbA==');
  assert.equal(btoa(undefined), 'dW5kZWZpbmVk');
  assert.equal(btoa(12), 'MTI=');
  assert.equal(btoa({ toString() { return 'a'; } }), 'YQ==');
  assert.throws(() => btoa(Symbol()), TypeError);
  const e = assert.throws(() => btoa(), TypeError);
  assert.equal(e.message, "Failed to execute 'btoa' on 'ServiceWorkerGlobalScope': 1 argument required, but only 0 present.");
});

test('atob: decodes to a string of bytes', () => {
  assert.equal(atob(''), '');
  assert.equal(atob('YQ=='), 'a');
  assert.equal(atob('YWI='), 'ab');
  assert.equal(atob('YWJj'), 'abc');
  assert.equal(atob('AP/+'), '\u0000\u00ff\u00fe');
  assert.equal(atob('++++'), '\u00fb\u00ef\u00be');
  assert.equal(atob('SGVsbG8sIFdvcmxkIQ=='), 'Hello, World!');
});

test('atob: padding is optional, but if present it must be right', () => {
  assert.equal(atob('YQ'), 'a');
  assert.equal(atob('YWI'), 'ab');
  assert.equal(atob('YQ=='), 'a');
  assert.equal(atob('YWI='), 'ab');
  for (const s of ['YQ=', 'YQ===', 'YWI==', 'YWJj=', 'YWJj==', '=', '==', '===', '====', 'YQ==YQ==', 'Y=Q=', '=YQ=', 'YWJj====', 'a===']) {
    rejects(s);
  }
});

test('atob: a length of 4n+1 after removing whitespace fails', () => {
  for (const s of ['a', 'abcde', 'YWJjZ', 'Y', '12345']) rejects(s);
  assert.equal(atob('ab'), 'i');
  assert.equal(atob('abc'), 'i\u00b7');
  assert.equal(atob('abcd'), 'i\u00b7\u001d');
});

test('atob: ASCII whitespace anywhere is removed, other whitespace fails', () => {
  assert.equal(atob(' YQ=='), 'a');
  assert.equal(atob('YQ== '), 'a');
  assert.equal(atob('Y Q = ='), 'a');
  assert.equal(atob('\t\n\f\r YWJj\t\n\f\r '), 'abc');
  assert.equal(atob('YW\nJj\nZA\n=='), 'abcd');
  assert.equal(atob('  '), '');
  for (const ws of ['\u000b', '\u00a0', '\u2028', '\ufeff', '\u3000', '\u0085']) rejects('YW' + ws + 'Jj');
});

test('atob: characters outside the alphabet fail', () => {
  for (const s of ['YW-j', 'YW_j', 'YW.j', 'YW\u0000j', 'YW\u00e9j', 'YWJ\u{1f600}', '@@@@', 'ab\\c', 'YW%j']) rejects(s);
});

test('atob: leftover bits of the last group are discarded', () => {
  assert.equal(atob('QR=='), 'A');   // 'R' leaves nonzero bits: still fine
  assert.equal(atob('QQ=='), 'A');
  assert.equal(atob('QUJ='), 'AB');
  assert.equal(atob('QUI='), 'AB');
  assert.equal(atob('//'), '\u00ff');
  assert.equal(atob('///'), '\u00ff\u00ff');
});

test('atob: argument conversion', () => {
  assert.equal(atob(null), '\u009e\u00e9e');   // "null"
  rejects(undefined);                          // "undefined": 9 characters
  assert.equal(atob(1234), '\u00d7m\u00f8');
  assert.equal(atob({ toString() { return 'YQ'; } }), 'a');
  assert.throws(() => atob(Symbol()), TypeError);
  const e = assert.throws(() => atob(), TypeError);
  assert.equal(e.message, "Failed to execute 'atob' on 'ServiceWorkerGlobalScope': 1 argument required, but only 0 present.");
});

test('atob: long inputs round trip', () => {
  let s = '';
  for (let i = 0; i < 100000; i++) s += String.fromCharCode((i * 7919) & 0xff);
  const b = btoa(s);
  assert.equal(b.length, Math.ceil(s.length / 3) * 4);
  assert.equal(atob(b), s);
  assert.equal(atob(b.replace(/(.{76})/g, '$1\r\n')), s, 'MIME-style line breaks');
});

test('globals: atob and btoa are functions of the global scope', () => {
  for (const name of ['atob', 'btoa']) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    assert.equal(typeof d.value, 'function');
    assert.deepEqual([d.writable, d.enumerable, d.configurable], [true, false, true]);
    assert.equal(d.value.name, name);
    assert.equal(d.value.length, 1);
  }
  assert.equal(atob.call(undefined, 'YQ=='), 'a');
  assert.equal(btoa.call({}, 'a'), 'YQ==');
});
