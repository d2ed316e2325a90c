// TextEncoder / TextDecoder (Encoding standard), UTF-8 only for now; the web-API issue adds
// UTF-16 and the single-byte encodings. Implemented in JS: the JIT makes it fast and no bytes
// have to cross into Java.
(function (ops, internal) {
  'use strict';

  function utf8Encode(str) {
    const n = str.length;
    let ascii = true;
    for (let i = 0; i < n; i++) if (str.charCodeAt(i) > 0x7f) { ascii = false; break; }
    if (ascii) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = str.charCodeAt(i);
      return out;
    }
    const out = new Uint8Array(n * 3);
    const written = encodeInto(str, out).written;
    return out.slice(0, written);
  }

  // Encodes as much of `str` as fits into `dest`; lone surrogates become U+FFFD.
  function encodeInto(str, dest) {
    let read = 0, written = 0;
    const n = str.length, cap = dest.length;
    while (read < n) {
      let c = str.charCodeAt(read);
      let units = 1;
      if (c >= 0xd800 && c <= 0xdbff && read + 1 < n) {
        const d = str.charCodeAt(read + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); units = 2; }
        else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        c = 0xfffd;
      }
      if (c < 0x80) {
        if (written + 1 > cap) break;
        dest[written++] = c;
      } else if (c < 0x800) {
        if (written + 2 > cap) break;
        dest[written++] = 0xc0 | (c >> 6);
        dest[written++] = 0x80 | (c & 0x3f);
      } else if (c < 0x10000) {
        if (written + 3 > cap) break;
        dest[written++] = 0xe0 | (c >> 12);
        dest[written++] = 0x80 | ((c >> 6) & 0x3f);
        dest[written++] = 0x80 | (c & 0x3f);
      } else {
        if (written + 4 > cap) break;
        dest[written++] = 0xf0 | (c >> 18);
        dest[written++] = 0x80 | ((c >> 12) & 0x3f);
        dest[written++] = 0x80 | ((c >> 6) & 0x3f);
        dest[written++] = 0x80 | (c & 0x3f);
      }
      read += units;
    }
    return { read, written };
  }

  // Decodes `bytes` from `start`; returns [text, index of an incomplete trailing sequence].
  function utf8Decode(bytes, fatal, flush) {
    let out = '';
    let i = 0;
    const n = bytes.length;
    let chunk = [];
    const push = (cp) => {
      if (cp > 0xffff) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); }
      else chunk.push(cp);
      if (chunk.length >= 8192) { out += String.fromCharCode.apply(null, chunk); chunk = []; }
    };
    const bad = () => {
      if (fatal) throw new TypeError('The encoded data was not valid for encoding utf-8');
      push(0xfffd);
    };
    while (i < n) {
      const b = bytes[i];
      if (b < 0x80) { push(b); i++; continue; }
      let need, cp, lower = 0x80, upper = 0xbf;
      if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; if (b === 0xe0) lower = 0xa0; if (b === 0xed) upper = 0x9f; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; if (b === 0xf0) lower = 0x90; if (b === 0xf4) upper = 0x8f; }
      else { bad(); i++; continue; }
      let j = 1;
      for (; j <= need; j++) {
        if (i + j >= n) break;
        const c = bytes[i + j];
        if (c < lower || c > upper) break;
        lower = 0x80; upper = 0xbf;
        cp = (cp << 6) | (c & 0x3f);
      }
      if (j > need) { push(cp); i += j; continue; }
      if (i + j >= n && !flush) { break; }   // incomplete sequence at the end: keep for the next chunk
      bad(); i += j;
    }
    if (chunk.length) out += String.fromCharCode.apply(null, chunk);
    return [out, i];
  }

  function toBytes(input) {
    if (input === undefined) return new Uint8Array(0);
    if (input instanceof ArrayBuffer) return new Uint8Array(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw new TypeError("Failed to execute 'decode' on 'TextDecoder': parameter 1 is not of type 'ArrayBuffer' or 'ArrayBufferView'.");
  }

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return utf8Encode(String(input)); }
    encodeInto(source, destination) {
      if (!(destination instanceof Uint8Array)) throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
      return encodeInto(String(source), destination);
    }
  }

  const decoderState = new WeakMap();
  class TextDecoder {
    constructor(label = 'utf-8', options = undefined) {
      const l = String(label).trim().toLowerCase();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        throw new RangeError(`Failed to construct 'TextDecoder': The encoding label provided ('${label}') is invalid.`);
      }
      decoderState.set(this, {
        fatal: !!(options && options.fatal), ignoreBOM: !!(options && options.ignoreBOM),
        pending: null, bomSeen: false,
      });
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return st(this).fatal; }
    get ignoreBOM() { return st(this).ignoreBOM; }
    decode(input = undefined, options = undefined) {
      const s = st(this);
      const stream = !!(options && options.stream);
      let bytes = toBytes(input);
      if (s.pending) {
        const merged = new Uint8Array(s.pending.length + bytes.length);
        merged.set(s.pending); merged.set(bytes, s.pending.length);
        bytes = merged; s.pending = null;
      }
      let [text, used] = utf8Decode(bytes, s.fatal, !stream);
      if (used < bytes.length) s.pending = bytes.slice(used);
      if (!s.bomSeen && text.length > 0) {
        s.bomSeen = true;
        if (!s.ignoreBOM && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (!stream) { s.bomSeen = false; s.pending = null; }
      return text;
    }
  }
  function st(decoder) {
    const s = decoderState.get(decoder);
    if (!s) throw new TypeError('Illegal invocation');
    return s;
  }

  internal.utf8Encode = utf8Encode;
  internal.utf8Decode = (bytes) => utf8Decode(bytes, false, true)[0];
  internal.defineGlobal('TextEncoder', TextEncoder);
  internal.defineGlobal('TextDecoder', TextDecoder);
})
