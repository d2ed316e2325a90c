// Blob and File (File API). A Blob holds an immutable Uint8Array: slices, Files made from a single
// Blob, FormData entries and structured clones share it instead of copying. Whoever receives bytes
// through internal.blobBytes() must not write to them.
(function (ops, internal) {
  'use strict';

  const RAW = {};   // passed as blobParts by internal callers: options is then { bytes, type }
  const CHUNK = 65536;
  const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const sabByteLength = typeof SharedArrayBuffer === 'function'
    ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get : null;
  const viewBuffer = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), 'buffer').get;
  const dataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
  const toWellFormed = String.prototype.toWellFormed;
  const EMPTY = new Uint8Array(0);

  // WebIDL conversions (formdata.js uses them too, through internal.blobWebIDL).
  function toDOMString(v) { return typeof v === 'string' ? v : `${v}`; }   // throws on symbols
  function toUSVString(v) { return toWellFormed.call(typeof v === 'string' ? v : `${v}`); }
  function isObject(v) { return (typeof v === 'object' && v !== null) || typeof v === 'function'; }
  function isArrayBuffer(v) {
    try { abByteLength.call(v); return true; } catch (e) { return false; }
  }
  function isSharedArrayBuffer(v) {
    if (sabByteLength === null) return false;
    try { sabByteLength.call(v); return true; } catch (e) { return false; }
  }
  function bufferOfView(v) {
    try { return viewBuffer.call(v); } catch (e) { return dataViewBuffer.call(v); }
  }
  // The bytes a view shows now (no copy), or null when it shows none (detached, out of bounds).
  // Intrinsic getters, not v.byteLength: user code may shadow those.
  const taGet = (k) => Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), k).get;
  const dvGet = (k) => Object.getOwnPropertyDescriptor(DataView.prototype, k).get;
  const taOffset = taGet('byteOffset'), taLength = taGet('byteLength');
  const dvOffset = dvGet('byteOffset'), dvLength = dvGet('byteLength');
  function viewBytes(v) {
    let buffer, offset, length;
    try {
      buffer = viewBuffer.call(v);
      offset = taOffset.call(v); length = taLength.call(v);
    } catch (e) {
      buffer = dataViewBuffer.call(v);
      try { offset = dvOffset.call(v); length = dvLength.call(v); } catch (e2) { return null; }
    }
    return length === 0 ? null : new Uint8Array(buffer, offset, length);
  }

  // [Clamp] long long: round half to even, clamp to the 64-bit range.
  function toClampedLongLong(v) {
    let x = +v;
    if (Number.isNaN(x)) return 0;
    x = Math.min(Math.max(x, -9223372036854775808), 9223372036854775807);
    const f = Math.floor(x), d = x - f;
    const r = d < 0.5 ? f : d > 0.5 ? f + 1 : (f % 2 === 0 ? f : f + 1);
    return r + 0;
  }
  // long long: truncate, wrap modulo 2^64.
  function toLongLong(v) {
    let x = +v;
    if (!Number.isFinite(x)) return 0;
    x = Math.trunc(x) + 0;
    if (x >= -9223372036854775808 && x < 9223372036854775808) return x;
    return Number(BigInt.asIntN(64, BigInt(x)));
  }

  // The `type` of a Blob: printable ASCII, lowercased, else empty.
  function normalizeType(t) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return '';
    }
    return t.toLowerCase();
  }

  // sequence<BlobPart>: iterates with the iterator protocol, converting each element as it comes.
  function convertParts(parts, iface) {
    const out = [];
    if (!isObject(parts)) throw new TypeError(`Failed to construct '${iface}': The provided value cannot be converted to a sequence.`);
    const method = parts[Symbol.iterator];
    if (typeof method !== 'function') throw new TypeError(`Failed to construct '${iface}': The object must have a callable @@iterator property.`);
    const it = method.call(parts);
    if (!isObject(it)) throw new TypeError('Result of the Symbol.iterator method is not an object');
    const next = it.next;
    for (;;) {
      const r = next.call(it);
      if (!isObject(r)) throw new TypeError(`Iterator result ${r} is not an object`);
      if (r.done) break;
      out.push(convertPart(r.value, iface));
    }
    return out;
  }
  function convertPart(v, iface) {
    if (isObject(v)) {
      if (blobBytes(v) !== null) return v;
      if (ArrayBuffer.isView(v)) {
        if (isSharedArrayBuffer(bufferOfView(v))) throw new TypeError(`Failed to construct '${iface}': The provided ArrayBufferView value must not be shared.`);
        return v;
      }
      if (isArrayBuffer(v)) return v;
      if (isSharedArrayBuffer(v)) throw new TypeError(`Failed to construct '${iface}': The provided ArrayBuffer value must not be shared.`);
    }
    return toUSVString(v);
  }

  // BlobPropertyBag (and FilePropertyBag's lastModified): members read in lexicographic order.
  function convertOptions(options, iface, isFile) {
    let endings = 'transparent', type = '', lastModified;
    if (options !== undefined && options !== null) {
      if (!isObject(options)) throw new TypeError(`Failed to construct '${iface}': The provided value is not of type '${isFile ? 'FilePropertyBag' : 'BlobPropertyBag'}'.`);
      const e = options.endings;
      if (e !== undefined) {
        endings = toDOMString(e);
        if (endings !== 'transparent' && endings !== 'native') {
          throw new TypeError(`Failed to construct '${iface}': Failed to read the 'endings' property from 'BlobPropertyBag': The provided value '${endings}' is not a valid enum value of type EndingType.`);
        }
      }
      const t = options.type;
      if (t !== undefined) type = toDOMString(t);
      if (isFile) {
        const lm = options.lastModified;
        if (lm !== undefined) lastModified = toLongLong(lm);
      }
    }
    return { endings, type: normalizeType(type), lastModified };
  }

  // Concatenates converted parts. A lone Blob part is shared, a lone string's encoding is used as is.
  function processParts(parts, endings) {
    const chunks = [];
    let total = 0;
    for (const p of parts) {
      let bytes;
      if (typeof p === 'string') {
        bytes = internal.utf8Encode(endings === 'native' ? p.replace(/\r\n?/g, '\n') : p);
        if (parts.length === 1) return bytes;
      } else if (blobBytes(p) !== null) {
        bytes = blobBytes(p);
        if (parts.length === 1) return bytes;
      } else if (ArrayBuffer.isView(p)) {
        bytes = viewBytes(p);
        if (bytes === null) continue;
      } else {
        if (abByteLength.call(p) === 0) continue;   // also a detached buffer
        bytes = new Uint8Array(p);
      }
      chunks.push(bytes);
      total += bytes.length;
    }
    if (total === 0) return EMPTY;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  let blobBytes;   // (v) => the bytes of a Blob, or null for anything else
  let blobState;

  class Blob {
    #bytes;
    #type;
    constructor(blobParts = undefined, options = undefined) {
      if (blobParts === RAW) {
        this.#bytes = options.bytes;
        this.#type = options.type;
        return;
      }
      const parts = blobParts === undefined ? [] : convertParts(blobParts, 'Blob');
      const opts = convertOptions(options, 'Blob', false);
      this.#bytes = processParts(parts, opts.endings);
      this.#type = opts.type;
    }
    get size() { return state(this).#bytes.length; }
    get type() { return state(this).#type; }
    slice(start = undefined, end = undefined, contentType = undefined) {
      const bytes = state(this).#bytes;
      const size = bytes.length;
      let from = 0, to = size, type = '';
      if (start !== undefined) {
        const s = toClampedLongLong(start);
        from = s < 0 ? Math.max(size + s, 0) : Math.min(s, size);
      }
      if (end !== undefined) {
        const e = toClampedLongLong(end);
        to = e < 0 ? Math.max(size + e, 0) : Math.min(e, size);
      }
      if (contentType !== undefined) type = normalizeType(toDOMString(contentType));
      const span = Math.max(to - from, 0);
      return new Blob(RAW, { bytes: span === 0 ? EMPTY : bytes.subarray(from, from + span), type });
    }
    stream() {
      const bytes = state(this).#bytes;
      return streamOf(bytes);
    }
    text() {
      try {
        const text = internal.utf8Decode(state(this).#bytes);
        // UTF-8 decode (not "without BOM"): a leading BOM is dropped.
        return Promise.resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch (e) { return Promise.reject(e); }
    }
    arrayBuffer() {
      try { return Promise.resolve(state(this).#bytes.slice().buffer); } catch (e) { return Promise.reject(e); }
    }
    bytes() {
      try { return Promise.resolve(state(this).#bytes.slice()); } catch (e) { return Promise.reject(e); }
    }
    static {
      blobBytes = (v) => (isObject(v) && #bytes in v) ? v.#bytes : null;
      blobState = (v) => ({ bytes: v.#bytes, type: v.#type });
    }
  }
  function state(v) {
    if (blobBytes(v) === null) throw new TypeError('Illegal invocation');
    return v;
  }

  function streamOf(bytes) {
    let pos = 0;
    const source = {
      pull(c) {
        if (pos < bytes.length) {
          const end = Math.min(pos + CHUNK, bytes.length);
          c.enqueue(bytes.slice(pos, end));   // a copy: the reader may write to it
          pos = end;
        }
        if (pos >= bytes.length) c.close();
      },
    };
    return new internal.ReadableStream(source, { highWaterMark: 0 });
  }

  let fileState;
  class File extends Blob {
    #name;
    #lastModified;
    constructor(fileBits, fileName, options = undefined) {
      if (arguments.length < 2) throw new TypeError(`Failed to construct 'File': 2 arguments required, but only ${arguments.length} present.`);
      let bytes, name, type, lastModified;
      if (fileBits === RAW) {
        ({ bytes, name, type, lastModified } = fileName);   // internal: new File(RAW, { ... })
      } else {
        const parts = convertParts(fileBits, 'File');
        name = toUSVString(fileName);
        const opts = convertOptions(options, 'File', true);
        bytes = processParts(parts, opts.endings);
        type = opts.type;
        lastModified = opts.lastModified === undefined ? Date.now() : opts.lastModified;
      }
      super(RAW, { bytes, type });
      this.#name = name;
      this.#lastModified = lastModified;
    }
    get name() { return fileOf(this).#name; }
    get lastModified() { return fileOf(this).#lastModified; }
    get webkitRelativePath() { fileOf(this); return ''; }
    static {
      fileState = (v) => (isObject(v) && #name in v) ? { name: v.#name, lastModified: v.#lastModified } : null;
    }
  }
  function fileOf(v) {
    if (fileState(v) === null) throw new TypeError('Illegal invocation');
    return v;
  }

  // WebIDL: operations and attributes are enumerable; @@toStringTag names the interface.
  function webidlInterface(cls, name) {
    const proto = cls.prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(proto, key);
      d.enumerable = true;
      Object.defineProperty(proto, key, d);
    }
    Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
  }
  webidlInterface(Blob, 'Blob');
  webidlInterface(File, 'File');

  // WebIDL helpers for formdata.js (under this file's own name, so as not to clash with others').
  internal.blobWebIDL = { toDOMString, toUSVString, webidlInterface };
  internal.Blob = Blob;
  internal.File = File;
  internal.isBlob = (v) => blobBytes(v) !== null;
  internal.isFile = (v) => fileState(v) !== null;
  // The shared, immutable bytes of a Blob (do not write to them), or null if v is no Blob.
  internal.blobBytes = blobBytes;
  internal.blobType = (v) => blobState(state(v)).type;
  // { name, lastModified } of a File, or null.
  internal.fileInfo = fileState;
  // New Blob/File over `bytes`, which the caller hands over and must not write to afterwards.
  internal.newBlob = (bytes, type) => new Blob(RAW, { bytes, type: normalizeType(type) });
  internal.newFile = (bytes, name, type, lastModified = Date.now()) =>
    new File(RAW, { bytes, name, type: normalizeType(type), lastModified });
  internal.defineGlobal('Blob', Blob);
  internal.defineGlobal('File', File);
})
