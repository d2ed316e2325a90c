// atob and btoa (HTML standard, forgiving-base64), with workerd's error messages. The work is in
// ops.encoding (EncodingOps.java): a Latin-1 string is built from bytes much faster in Java.
(function (ops, internal) {
  'use strict';
  const encOps = ops.encoding;
  const ATOB_INVALID = "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric " +
    "ASCII, and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)";
  const BTOA_INVALID = 'btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.';

  // DOMException comes from dom-exception.js; until it exists, an Error that looks like one.
  function invalidCharacterError(message) {
    const DOMException = internal.DOMException || globalThis.DOMException;
    if (typeof DOMException === 'function') return new DOMException(message, 'InvalidCharacterError');
    const e = new Error(message);
    Object.defineProperty(e, 'name', { value: 'InvalidCharacterError', configurable: true, writable: true });
    Object.defineProperty(e, 'code', { value: 5, configurable: true });
    return e;
  }
  function required(name, count) {
    if (count < 1) {
      throw new TypeError(`Failed to execute '${name}' on 'ServiceWorkerGlobalScope': 1 argument required, but only 0 present.`);
    }
  }

  function atob(data) {
    required('atob', arguments.length);
    const out = encOps.atob(`${data}`);
    if (out === null) throw invalidCharacterError(ATOB_INVALID);
    return out;
  }
  function btoa(data) {
    required('btoa', arguments.length);
    const out = encOps.btoa(`${data}`);
    if (out === null) throw invalidCharacterError(BTOA_INVALID);
    return out;
  }

  internal.atob = atob;
  internal.btoa = btoa;
  internal.defineGlobal('atob', atob);
  internal.defineGlobal('btoa', btoa);
})
