// TextEncoder and TextDecoder (WHATWG Encoding standard). Encoding (always UTF-8) runs in JS,
// where the JIT makes it fast; decoding runs in ops.encoding (EncodingOps.java), because a string
// is built from bytes several times faster in Java. TextDecoder supports UTF-8, UTF-16LE/BE and
// the standard's single-byte encodings; its streaming state is the few undecoded bytes of an
// incomplete sequence, packed in an int (see EncodingOps).
(function (ops, internal) {
  'use strict';
  const encOps = ops.encoding;

  // ---- Buffer sources, read through the intrinsic getters so user code cannot fake them.
  const getter = (proto, key) => Object.getOwnPropertyDescriptor(proto, key).get;
  const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
  const taTag = getter(TypedArrayProto, Symbol.toStringTag);
  const taBuffer = getter(TypedArrayProto, 'buffer');
  const taOffset = getter(TypedArrayProto, 'byteOffset');
  const taLength = getter(TypedArrayProto, 'byteLength');
  const dvBuffer = getter(DataView.prototype, 'buffer');
  const dvOffset = getter(DataView.prototype, 'byteOffset');
  const dvLength = getter(DataView.prototype, 'byteLength');
  const abLength = getter(ArrayBuffer.prototype, 'byteLength');
  const abDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached') ? getter(ArrayBuffer.prototype, 'detached') : null;
  const SAB = typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : null;
  const sabLength = SAB ? getter(SAB.prototype, 'byteLength') : null;

  function isArrayBuffer(x) {
    try { abLength.call(x); return true; } catch (e) { return false; }
  }
  function isSharedArrayBuffer(x) {
    if (sabLength === null) return false;
    try { sabLength.call(x); return true; } catch (e) { return false; }
  }
  function isDetached(buffer) {
    if (abDetached === null || !isArrayBuffer(buffer)) return false;
    return abDetached.call(buffer);
  }

  // The bytes of an AllowSharedBufferSource, as (srcBuffer, srcOffset, srcLength); false if `x` is
  // none. A detached buffer has no bytes (the standard's "get a copy of the buffer source").
  let srcBuffer = null, srcOffset = 0, srcLength = 0;
  function bufferSource(x) {
    if (typeof x !== 'object' || x === null) return false;
    if (ArrayBuffer.isView(x)) {
      if (taTag.call(x) !== undefined) {
        srcBuffer = taBuffer.call(x); srcOffset = taOffset.call(x); srcLength = taLength.call(x);
      } else {
        srcBuffer = dvBuffer.call(x);
        if (isDetached(srcBuffer)) { srcOffset = 0; srcLength = 0; return true; }
        srcOffset = dvOffset.call(x); srcLength = dvLength.call(x);
      }
      return true;
    }
    if (isArrayBuffer(x)) { srcBuffer = x; srcOffset = 0; srcLength = abLength.call(x); return true; }
    if (isSharedArrayBuffer(x)) { srcBuffer = x; srcOffset = 0; srcLength = sabLength.call(x); return true; }
    return false;
  }

  // ---- WebIDL conversions
  const toDOMString = (v) => `${v}`;   // ToString: throws on a Symbol, unlike String(v)
  function dictionary(v, where, type) {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'object' && typeof v !== 'function') {
      throw new TypeError(`${where}: The provided value is not of type '${type}'.`);
    }
    return v;
  }
  function illegal() { return new TypeError('Illegal invocation'); }

  // ---- Labels (the standard's label table). Labels of the legacy multi-byte encodings and of
  // "replacement" are absent: constructing a TextDecoder with them throws a RangeError.
  const LABELS = {
    'utf-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8',
    'ibm866': '866 cp866 csibm866 ibm866',
    'iso-8859-2': 'csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2',
    'iso-8859-3': 'csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3',
    'iso-8859-4': 'csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4',
    'iso-8859-5': 'csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988',
    'iso-8859-6': 'arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e ' +
      'iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987',
    'iso-8859-7': 'csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 ' +
      'iso_8859-7 iso_8859-7:1987 sun_eu_greek',
    'iso-8859-8': 'csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 ' +
      'iso_8859-8 iso_8859-8:1988 visual',
    'iso-8859-8-i': 'csiso88598i iso-8859-8-i logical',
    'iso-8859-10': 'csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6',
    'iso-8859-13': 'iso-8859-13 iso8859-13 iso885913',
    'iso-8859-14': 'iso-8859-14 iso8859-14 iso885914',
    'iso-8859-15': 'csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9',
    'iso-8859-16': 'iso-8859-16',
    'koi8-r': 'cskoi8r koi koi8 koi8-r koi8_r',
    'koi8-u': 'koi8-ru koi8-u',
    'macintosh': 'csmacintosh mac macintosh x-mac-roman',
    'windows-874': 'dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874',
    'windows-1250': 'cp1250 windows-1250 x-cp1250',
    'windows-1251': 'cp1251 windows-1251 x-cp1251',
    'windows-1252': 'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 ' +
      'iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252',
    'windows-1253': 'cp1253 windows-1253 x-cp1253',
    'windows-1254': 'cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 ' +
      'l5 latin5 windows-1254 x-cp1254',
    'windows-1255': 'cp1255 windows-1255 x-cp1255',
    'windows-1256': 'cp1256 windows-1256 x-cp1256',
    'windows-1257': 'cp1257 windows-1257 x-cp1257',
    'windows-1258': 'cp1258 windows-1258 x-cp1258',
    'x-mac-cyrillic': 'x-mac-cyrillic x-mac-ukrainian',
    'utf-16be': 'unicodefffe utf-16be',
    'utf-16le': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le',
    'x-user-defined': 'x-user-defined',
  };
  let labelMap = null;      // label -> encoding record, built on the first label that is not "utf-8"
  const records = new Map();   // name -> { name, id, bom }
  function record(name) {
    let r = records.get(name);
    if (r === undefined) {
      const id = encOps.id(name);
      if (id < 0) return null;
      r = { name, id, bom: name === 'utf-8' || name === 'utf-16le' || name === 'utf-16be' };
      records.set(name, r);
    }
    return r;
  }
  const ASCII_WS_EDGES = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
  // The standard's "get an encoding": trim ASCII whitespace, ASCII-lowercase, look up; null if none.
  function getEncoding(label) {
    if (label === 'utf-8') return record('utf-8');
    let l = label.replace(ASCII_WS_EDGES, '');
    // Every label is ASCII, so a label with other characters matches none (and toLowerCase, which
    // also lowers non-ASCII letters like U+212A KELVIN SIGN, is only ever applied to ASCII).
    if (/[^\x00-\x7f]/.test(l)) return null;
    l = l.toLowerCase();
    if (labelMap === null) {
      labelMap = new Map();
      for (const name of Object.keys(LABELS)) for (const lb of LABELS[name].split(' ')) labelMap.set(lb, name);
    }
    const name = labelMap.get(l);
    return name === undefined ? null : record(name);
  }

  // ---- UTF-8 encoding

  // Two loops on purpose: utf8Encode's writes into a buffer sized for the worst case and needs no
  // bounds checks; encodeInto's stops before a code point that does not fit. Lone surrogates
  // become U+FFFD (EF BF BD) in both.

  // Writes the UTF-8 of str[start..] to dest from `from` (which has room for 3 bytes per code unit
  // left). The loop counters are locals: GraalJS compiled a loop over a parameter ~100x slower.
  function encodeRest(str, start, dest, from) {
    const n = str.length;
    let i = start, w = from;
    while (i < n) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        dest[w++] = c;
        i++;
      } else if (c < 0x800) {
        dest[w++] = 0xc0 | (c >> 6);
        dest[w++] = 0x80 | (c & 0x3f);
        i++;
      } else if (c < 0xd800 || c > 0xdfff) {
        dest[w++] = 0xe0 | (c >> 12);
        dest[w++] = 0x80 | ((c >> 6) & 0x3f);
        dest[w++] = 0x80 | (c & 0x3f);
        i++;
      } else {
        const d = c <= 0xdbff && i + 1 < n ? str.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          dest[w++] = 0xf0 | (c >> 18);
          dest[w++] = 0x80 | ((c >> 12) & 0x3f);
          dest[w++] = 0x80 | ((c >> 6) & 0x3f);
          dest[w++] = 0x80 | (c & 0x3f);
          i += 2;
        } else {
          dest[w++] = 0xef; dest[w++] = 0xbf; dest[w++] = 0xbd;
          i++;
        }
      }
    }
    return w;
  }

  // The request hot path: ASCII is copied in one pass; anything else is encoded into a buffer
  // sized for the worst case and copied out at its real length.
  function utf8Encode(str) {
    const n = str.length;
    const ascii = new Uint8Array(n);
    let i = 0;
    for (; i < n; i++) {
      const c = str.charCodeAt(i);
      if (c >= 0x80) break;
      ascii[i] = c;
    }
    if (i === n) return ascii;
    const out = new Uint8Array(i + (n - i) * 3);
    out.set(ascii.subarray(0, i));
    return out.slice(0, encodeRest(str, i, out, i));
  }

  // The standard's encodeInto: as many whole code points as fit into dest[0..cap).
  function encodeInto(str, dest, cap) {
    const n = str.length;
    let i = 0, w = 0;
    while (i < n) {
      let c = str.charCodeAt(i);
      if (c < 0x80) {
        if (w >= cap) break;
        dest[w++] = c;
        i++;
      } else if (c < 0x800) {
        if (w + 2 > cap) break;
        dest[w++] = 0xc0 | (c >> 6);
        dest[w++] = 0x80 | (c & 0x3f);
        i++;
      } else if (c < 0xd800 || c > 0xdfff) {
        if (w + 3 > cap) break;
        dest[w++] = 0xe0 | (c >> 12);
        dest[w++] = 0x80 | ((c >> 6) & 0x3f);
        dest[w++] = 0x80 | (c & 0x3f);
        i++;
      } else {
        const d = c <= 0xdbff && i + 1 < n ? str.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (w + 4 > cap) break;
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          dest[w++] = 0xf0 | (c >> 18);
          dest[w++] = 0x80 | ((c >> 12) & 0x3f);
          dest[w++] = 0x80 | ((c >> 6) & 0x3f);
          dest[w++] = 0x80 | (c & 0x3f);
          i += 2;
        } else {
          if (w + 3 > cap) break;
          dest[w++] = 0xef; dest[w++] = 0xbf; dest[w++] = 0xbd;
          i++;
        }
      }
    }
    return { read: i, written: w };
  }

  // Any buffer source (normally a Uint8Array) -> string.
  function utf8Decode(bytes) {
    if (!bufferSource(bytes)) throw new TypeError('utf8Decode: not an ArrayBuffer or ArrayBufferView');
    const buffer = srcBuffer;
    srcBuffer = null;
    return srcLength === 0 ? '' : encOps.decodeUtf8(buffer, srcOffset, srcLength);
  }

  // ---- TextEncoder

  class TextEncoder {
    #brand = true;
    static #check(self) {
      if (typeof self !== 'object' || self === null || !(#brand in self)) throw illegal();
    }
    get encoding() {
      TextEncoder.#check(this);
      return 'utf-8';
    }
    encode(input = '') {
      TextEncoder.#check(this);
      return utf8Encode(toDOMString(input));
    }
    encodeInto(source, destination) {
      TextEncoder.#check(this);
      if (arguments.length < 2) {
        throw new TypeError(`Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only ${arguments.length} present.`);
      }
      source = toDOMString(source);
      if (typeof destination !== 'object' || destination === null || !ArrayBuffer.isView(destination) ||
          taTag.call(destination) !== 'Uint8Array') {
        throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.");
      }
      return encodeInto(source, destination, taLength.call(destination));
    }
  }

  // ---- TextDecoder

  const CTOR = "Failed to construct 'TextDecoder'";
  const DECODE = "Failed to execute 'decode' on 'TextDecoder'";

  class TextDecoder {
    #encoding;
    #fatal;
    #ignoreBOM;
    #doNotFlush = false;
    #bomSeen = false;
    #pending = 0;   // undecoded bytes of an incomplete sequence, packed by EncodingOps

    constructor(label = 'utf-8', options = undefined) {
      label = toDOMString(label);
      const opts = dictionary(options, CTOR, 'TextDecoderOptions');
      const fatal = opts !== null && !!opts.fatal;
      const ignoreBOM = opts !== null && !!opts.ignoreBOM;
      const encoding = getEncoding(label);
      if (encoding === null) throw new RangeError(`${CTOR}: The encoding label provided ('${label}') is invalid.`);
      this.#encoding = encoding;
      this.#fatal = fatal;
      this.#ignoreBOM = ignoreBOM;
    }
    static #check(self) {
      if (typeof self !== 'object' || self === null || !(#encoding in self)) throw illegal();
    }
    get encoding() {
      TextDecoder.#check(this);
      return this.#encoding.name;
    }
    get fatal() {
      TextDecoder.#check(this);
      return this.#fatal;
    }
    get ignoreBOM() {
      TextDecoder.#check(this);
      return this.#ignoreBOM;
    }
    decode(input = undefined, options = undefined) {
      TextDecoder.#check(this);
      let buffer = null, offset = 0, length = 0;
      if (input !== undefined) {
        if (!bufferSource(input)) throw new TypeError(`${DECODE}: The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.`);
        buffer = srcBuffer; offset = srcOffset; length = srcLength;
        srcBuffer = null;
      }
      const opts = dictionary(options, DECODE, 'TextDecodeOptions');
      const stream = opts !== null && !!opts.stream;
      if (!this.#doNotFlush) {
        this.#pending = 0;
        this.#bomSeen = false;
      }
      this.#doNotFlush = stream;
      const enc = this.#encoding;
      let text = '';
      if (length > 0 || this.#pending !== 0) {
        text = encOps.decode(enc.id, buffer, offset, length, this.#pending, !stream, this.#fatal);
        if (text === null) {
          // A fatal error ends the stream: the next call starts afresh.
          this.#pending = 0;
          this.#doNotFlush = false;
          throw new TypeError(`${DECODE}: The encoded data was not valid.`);
        }
        this.#pending = stream ? encOps.state() : 0;
      }
      // The first decoded character of a UTF-8/UTF-16 stream is dropped if it is a BOM.
      if (enc.bom && !this.#bomSeen && !this.#ignoreBOM && text.length > 0) {
        this.#bomSeen = true;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      return text;
    }
  }

  // WebIDL: operations and attributes are enumerable; the prototype has the interface's tag.
  for (const [cls, tag] of [[TextEncoder, 'TextEncoder'], [TextDecoder, 'TextDecoder']]) {
    for (const key of Object.getOwnPropertyNames(cls.prototype)) {
      if (key !== 'constructor') Object.defineProperty(cls.prototype, key, { enumerable: true });
    }
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
  }

  internal.utf8Encode = utf8Encode;     // string -> Uint8Array (lone surrogates as U+FFFD)
  internal.utf8Decode = utf8Decode;     // Uint8Array -> string (errors as U+FFFD, a BOM is kept)
  // A label -> the name of its encoding if TextDecoder supports it, else null.
  internal.getEncoding = (label) => { const r = getEncoding(toDOMString(label)); return r && r.name; };
  // Any AllowSharedBufferSource -> { buffer, offset, length } read through the intrinsic getters, or null.
  internal.bufferSource = (x) => {
    if (!bufferSource(x)) return null;
    const r = { buffer: srcBuffer, offset: srcOffset, length: srcLength };
    srcBuffer = null;
    return r;
  };
  internal.TextEncoder = TextEncoder;
  internal.TextDecoder = TextDecoder;
  internal.defineGlobal('TextEncoder', TextEncoder);
  internal.defineGlobal('TextDecoder', TextDecoder);
})
