// V8's ValueSerializer wire format (what workerd stores for Durable Objects and sends for JS RPC):
// internal.v8Serialize(value) -> Uint8Array (version 15) and internal.v8Deserialize(bytes) -> value
// (versions 13-15). Written from the format's observable behaviour: a 0xFF header and a version
// varint, then one tagged value; objects get ids in serialization order for back-references.
// Host objects (Blob, Headers, ...) are not supported yet and throw DataCloneError. A caller may pass
// a `host` ({ claim(v) -> index, take(index) -> value }): JS RPC uses it to send functions and class
// instances (RpcTargets, stubs) as '\\' host objects that carry an index into its capability table.
(function (ops, internal) {
  'use strict';
  const {
    booleanValue, numberValue, bigintValue, stringValue, symbolValue, dateValue, regexpSource,
    abByteLength, abMaxByteLength, abResizable, abDetached, taName, taBuffer, taByteOffset,
    taByteLength, dvBuffer, dvByteOffset, dvByteLength, mapSize, setSize, mapSet, mapGet, setAdd,
    weakMapHas, weakSetHas, objectToString, uncurry, getter, TypedArrayPrototype, UNCLONEABLE_TAGS,
  } = internal.primordials;
  const host = ops.clone;   // kind(v): 0 ordinary, 1 Proxy, 2 has [[ErrorData]]
  const PROXY = 1, ERROR = 2;
  const VERSION = 15;

  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, keys: objectKeys, hasOwn } = Object;
  const isArray = Array.isArray, isView = ArrayBuffer.isView;
  const ObjectPrototype = Object.prototype;
  const ArrayPrototype = Array.prototype;
  const fromCharCode = String.fromCharCode;
  const mapForEach = uncurry(Map.prototype.forEach);
  const setForEach = uncurry(Set.prototype.forEach);
  const { Map: MapCtor, Set: SetCtor, Uint8Array: Uint8ArrayCtor, ArrayBuffer: ArrayBufferCtor, DataView: DataViewCtor,
    Date: DateCtor, RegExp: RegExpCtor, Object: ObjectCtor, TextDecoder: TextDecoderCtor } = globalThis;

  // RegExp flag bits (V8's JSRegExp::Flags) with the getter of each flag.
  const REGEXP_FLAGS = [['g', 'global', 1], ['i', 'ignoreCase', 2], ['m', 'multiline', 4], ['y', 'sticky', 8],
    ['u', 'unicode', 16], ['s', 'dotAll', 32], ['d', 'hasIndices', 128], ['v', 'unicodeSets', 256]]
    .filter(([, k]) => getOwnPropertyDescriptor(RegExp.prototype, k)).map(([f, k, bit]) => [f, getter(RegExp.prototype, k), bit]);

  // ArrayBufferView sub-tags by constructor name, and back.
  const VIEW_TAGS = { Int8Array: 0x62, Uint8Array: 0x42, Uint8ClampedArray: 0x43, Int16Array: 0x77, Uint16Array: 0x57,
    Int32Array: 0x64, Uint32Array: 0x44, Float16Array: 0x68, Float32Array: 0x66, Float64Array: 0x46,
    BigInt64Array: 0x71, BigUint64Array: 0x51 };
  const VIEW_CTORS = new MapCtor();
  for (const name of objectKeys(VIEW_TAGS)) if (typeof globalThis[name] === 'function') mapSet(VIEW_CTORS, VIEW_TAGS[name], globalThis[name]);
  const DATA_VIEW_TAG = 0x3f;

  // Error prototype sub-tags (by the error's name, as V8 does).
  const ERROR_TAGS = { EvalError: 0x45, RangeError: 0x52, ReferenceError: 0x46, SyntaxError: 0x53, TypeError: 0x54, URIError: 0x55 };
  const ERROR_CTORS = new MapCtor();
  for (const name of objectKeys(ERROR_TAGS)) mapSet(ERROR_CTORS, ERROR_TAGS[name], globalThis[name]);
  const ErrorCtor = Error;

  const PLATFORM_INTERFACES = ['Headers', 'Request', 'Response', 'ReadableStream', 'WritableStream', 'TransformStream',
    'TextEncoder', 'TextDecoder', 'Event', 'EventTarget', 'AbortController', 'AbortSignal', 'FormData', 'URL',
    'URLSearchParams', 'URLPattern', 'DOMException', 'Blob', 'File'];
  let platformPrototypes = null;

  function dataCloneError(message) { return new internal.DOMException(message, 'DataCloneError'); }
  function uncloneable(v) {
    let desc;
    try {
      desc = typeof v === 'symbol' ? symbolValue(v).toString() : typeof v === 'function' ? `${v}` : `#<${objectToString(v).slice(8, -1)}>`;
    } catch (e) { desc = typeof v; }
    return dataCloneError(`${desc} could not be cloned.`);
  }
  function is(check, v) {
    try { check(v); return true; } catch (e) { return false; }
  }
  function isPlatformObject(v) {
    if (platformPrototypes === null) {
      platformPrototypes = new SetCtor();
      for (const name of PLATFORM_INTERFACES) {
        const c = typeof internal[name] === 'function' ? internal[name] : globalThis[name];
        if (typeof c === 'function' && c.prototype) setAdd(platformPrototypes, c.prototype);
      }
    }
    for (let p = getPrototypeOf(v); p !== null && p !== ObjectPrototype; p = getPrototypeOf(p)) {
      if (platformPrototypes.has(p)) return true;
    }
    return false;
  }

  // A canonical array index ("0".."4294967294") as a number, else -1: V8 writes such keys as numbers.
  function arrayIndex(key) {
    const c = key.charCodeAt(0);
    if (!(c >= 0x30 && c <= 0x39) || key.length > 10) return -1;
    const n = +key;
    return Math.floor(n) === n && n <= 4294967294 && `${n}` === key ? n : -1;
  }

  // --- serializing ---

  class Writer {
    constructor(host) {
      this.host = host;
      this.buf = new Uint8ArrayCtor(64);
      this.pos = 0;
      this.ids = new MapCtor();
      this.nextId = 0;
      this.scratch = new DataViewCtor(new ArrayBufferCtor(8));
    }
    reserve(n) {
      if (this.pos + n <= this.buf.length) return;
      const grown = new Uint8ArrayCtor(Math.max(this.buf.length * 2, this.pos + n));
      grown.set(this.buf.subarray(0, this.pos));
      this.buf = grown;
    }
    byte(b) { this.reserve(1); this.buf[this.pos++] = b; }
    varint(v) {   // non-negative integer up to 2^53
      this.reserve(8);
      while (v >= 0x80) { this.buf[this.pos++] = (v % 0x80) | 0x80; v = Math.floor(v / 0x80); }
      this.buf[this.pos++] = v;
    }
    double(d) {
      this.scratch.setFloat64(0, d, true);
      this.reserve(8);
      for (let i = 0; i < 8; i++) this.buf[this.pos++] = this.scratch.getUint8(i);
    }
    bytes(u8) { this.reserve(u8.length); this.buf.set(u8, this.pos); this.pos += u8.length; }
    number(n) {
      if ((n | 0) === n && !Object.is(n, -0)) {
        this.byte(0x49);   // 'I'
        this.varint(((n << 1) ^ (n >> 31)) >>> 0);
      } else {
        this.byte(0x4e);   // 'N'
        this.double(n);
      }
    }
    string(s) {
      const n = s.length;
      let oneByte = true;
      for (let i = 0; i < n; i++) if (s.charCodeAt(i) > 0xff) { oneByte = false; break; }
      if (oneByte) {
        this.byte(0x22);   // '"'
        this.varint(n);
        this.reserve(n);
        for (let i = 0; i < n; i++) this.buf[this.pos++] = s.charCodeAt(i);
        return;
      }
      // Two-byte data starts at an even offset: a padding tag goes first when it would not.
      const byteLength = n * 2;
      let varintSize = 1;
      for (let v = byteLength; v >= 0x80; v = Math.floor(v / 0x80)) varintSize++;
      if ((this.pos + 1 + varintSize) & 1) this.byte(0x00);
      this.byte(0x63);   // 'c'
      this.varint(byteLength);
      this.reserve(byteLength);
      for (let i = 0; i < n; i++) {
        const c = s.charCodeAt(i);
        this.buf[this.pos++] = c & 0xff;
        this.buf[this.pos++] = c >> 8;
      }
    }
    bigint(b) {   // the contents after 'Z' / 'z': sign and length bit field, then 64-bit digits little-endian
      const negative = b < 0n;
      let m = negative ? -b : b;
      const bytes = [];
      while (m > 0n) { bytes[bytes.length] = Number(m & 0xffn); m >>= 8n; }
      while (bytes.length % 8 !== 0) bytes[bytes.length] = 0;
      this.varint(bytes.length * 2 + (negative ? 1 : 0));
      this.bytes(bytes);
    }
    key(k) {
      const index = arrayIndex(k);
      if (index >= 0) this.number(index);
      else this.string(k);
    }
    // Own enumerable string-keyed properties (skipping index keys when `skipIndices`); returns the count.
    properties(v, skipIndices) {
      const keys = objectKeys(v);
      let count = 0;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (skipIndices && arrayIndex(k) >= 0) continue;
        if (!hasOwn(v, k)) continue;   // deleted by an earlier getter
        this.key(k);
        this.value(v[k]);
        count++;
      }
      return count;
    }

    value(v) {
      switch (typeof v) {
        case 'undefined': this.byte(0x5f); return;
        case 'boolean': this.byte(v ? 0x54 : 0x46); return;
        case 'number': this.number(v); return;
        case 'string': this.string(v); return;
        case 'bigint': this.byte(0x5a); this.bigint(v); return;
        case 'object': if (v === null) { this.byte(0x30); return; } break;
        case 'function': if (this.host !== null) { this.hostObject(v); return; } throw uncloneable(v);
        default: throw uncloneable(v);   // symbol
      }
      if (this.backReference(v)) return;
      if (host.kind(v) === PROXY) throw uncloneable(v);
      // A view's buffer goes first, and takes its id before the view's.
      if (isView(v)) {
        this.receiver(isDataView(v) ? dvBuffer(v) : taBuffer(v));
        mapSet(this.ids, v, this.nextId++);
        this.view(v);
        return;
      }
      this.receiver(v);
    }

    // '^' and the id when `v` was written before; true if so.
    backReference(v) {
      const seen = mapGet(this.ids, v);
      if (seen === undefined) return false;
      this.byte(0x5e);   // '^'
      this.varint(seen);
      return true;
    }

    receiver(v) {
      if (this.backReference(v)) return;
      const id = this.nextId++;
      mapSet(this.ids, v, id);
      if (isArray(v)) return this.array(v);
      const proto = getPrototypeOf(v);
      if (proto !== ObjectPrototype && proto !== null) {
        if (isHostObject(v)) throw uncloneable(v);
        if (host.kind(v) === ERROR) return this.error(v);
        const type = builtinType(v);
        if (type !== null) return this.builtin(v, type);
        if (this.host !== null) return this.claimed(this.host.claim(v));
      }
      this.byte(0x6f);   // 'o'
      const count = this.properties(v, false);
      this.byte(0x7b);   // '{'
      this.varint(count);
    }

    // A host object: its capability index (the host assigns it, or throws DataCloneError).
    hostObject(v) {
      if (this.backReference(v)) return;
      mapSet(this.ids, v, this.nextId++);
      this.claimed(this.host.claim(v));
    }
    claimed(index) {
      this.byte(0x5c);   // '\\'
      this.varint(index);
    }

    array(v) {
      const length = v.length;
      let dense = true;
      for (let i = 0; i < length; i++) if (!hasOwn(v, i)) { dense = false; break; }
      if (dense) {
        this.byte(0x41);   // 'A'
        this.varint(length);
        for (let i = 0; i < length; i++) {
          if (hasOwn(v, i)) this.value(v[i]);
          else this.byte(0x2d);   // '-': deleted meanwhile
        }
        const count = this.properties(v, true);
        this.byte(0x24);   // '$'
        this.varint(count);
        this.varint(length);
      } else {
        this.byte(0x61);   // 'a'
        this.varint(length);
        const count = this.properties(v, false);
        this.byte(0x40);   // '@'
        this.varint(count);
        this.varint(length);
      }
    }

    builtin(v, type) {
      switch (type) {
        case 'Date': this.byte(0x44); this.double(dateValue(v)); return;
        case 'Boolean': this.byte(booleanValue(v) ? 0x79 : 0x78); return;
        case 'Number': this.byte(0x6e); this.double(numberValue(v)); return;
        case 'BigInt': this.byte(0x7a); this.bigint(bigintValue(v)); return;
        case 'String': this.byte(0x73); this.string(stringValue(v)); return;
        case 'RegExp': {
          this.byte(0x52);
          this.string(regexpSource(v));
          let flags = 0;
          for (let i = 0; i < REGEXP_FLAGS.length; i++) if (REGEXP_FLAGS[i][1](v)) flags |= REGEXP_FLAGS[i][2];
          this.varint(flags);
          return;
        }
        case 'Map': {
          this.byte(0x3b);   // ';'
          const entries = [];
          mapForEach(v, (value, key) => { entries[entries.length] = key; entries[entries.length] = value; });
          for (let i = 0; i < entries.length; i++) this.value(entries[i]);
          this.byte(0x3a);   // ':'
          this.varint(entries.length);
          return;
        }
        case 'Set': {
          this.byte(0x27);   // '\''
          const entries = [];
          setForEach(v, (value) => { entries[entries.length] = value; });
          for (let i = 0; i < entries.length; i++) this.value(entries[i]);
          this.byte(0x2c);   // ','
          this.varint(entries.length);
          return;
        }
        case 'ArrayBuffer': {
          if (abDetached(v)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
          const length = abByteLength(v);
          if (abResizable(v)) {
            this.byte(0x7e);   // '~'
            this.varint(length);
            this.varint(abMaxByteLength(v));
          } else {
            this.byte(0x42);   // 'B'
            this.varint(length);
          }
          this.bytes(new Uint8ArrayCtor(v, 0, length));
          return;
        }
      }
    }

    view(v) {
      let tag, buffer, offset, length;
      if (isDataView(v)) {
        tag = DATA_VIEW_TAG; buffer = dvBuffer(v); offset = dvByteOffset(v); length = dvByteLength(v);
      } else {
        tag = VIEW_TAGS[taName(v)]; buffer = taBuffer(v); offset = taByteOffset(v); length = taByteLength(v);
      }
      if (abDetached(buffer)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      this.byte(0x56);   // 'V'
      this.byte(tag);
      this.varint(offset);
      this.varint(length);
      // Flags: bit 1 backed by a resizable buffer (bit 0, length-tracking, is not observable here).
      this.varint(abResizable(buffer) ? 2 : 0);
    }

    error(v) {
      this.byte(0x72);   // 'r'
      const name = `${v.name}`;
      if (hasOwn(ERROR_TAGS, name)) this.byte(ERROR_TAGS[name]);
      const messageDesc = getOwnPropertyDescriptor(v, 'message');
      if (messageDesc !== undefined && hasOwn(messageDesc, 'value')) {
        this.byte(0x6d);   // 'm'
        this.string(`${messageDesc.value}`);
      }
      const causeDesc = getOwnPropertyDescriptor(v, 'cause');
      if (causeDesc !== undefined && hasOwn(causeDesc, 'value')) {
        this.byte(0x63);   // 'c'
        this.value(causeDesc.value);
      }
      const stack = v.stack;
      if (typeof stack === 'string') {
        this.byte(0x73);   // 's'
        this.string(stack);
      }
      this.byte(0x2e);   // '.'
    }
  }

  function isDataView(v) { return is(dvByteOffset, v); }

  // The built-in kind of a non-plain object ('Date', 'Map', ...), null for one serialized as a
  // plain object (class instances lose their prototype, as in V8), or throws DataCloneError.
  const BRANDS = [['Date', dateValue], ['RegExp', regexpSource], ['Map', mapSize], ['Set', setSize],
    ['ArrayBuffer', abByteLength], ['Boolean', booleanValue], ['Number', numberValue], ['String', stringValue],
    ['BigInt', bigintValue]];
  const UNCLONEABLE_BRANDS = [(v) => weakMapHas(v, ObjectPrototype), (v) => weakSetHas(v, ObjectPrototype), symbolValue];
  // Objects workerd serializes through its host-object hook (Blob, DOMException, ...): not yet supported.
  function isHostObject(v) {
    return (typeof internal.isBlob === 'function' && internal.isBlob(v)) ||
      (typeof internal.isDOMException === 'function' && internal.isDOMException(v)) || isPlatformObject(v);
  }
  function builtinType(v) {
    for (let i = 0; i < BRANDS.length; i++) {
      const [type, check] = BRANDS[i];
      if (type === 'RegExp' && v === RegExp.prototype) continue;
      if (is(check, v)) return type;
    }
    const tag = objectToString(v).slice(8, -1);
    if (UNCLONEABLE_TAGS.has(tag) || tag === 'SharedArrayBuffer') throw uncloneable(v);
    for (let i = 0; i < UNCLONEABLE_BRANDS.length; i++) if (is(UNCLONEABLE_BRANDS[i], v)) throw uncloneable(v);
    return null;
  }

  internal.v8Serialize = function v8Serialize(value, host) {
    const w = new Writer(host === undefined ? null : host);
    w.byte(0xff);
    w.varint(VERSION);
    w.value(value);
    return w.buf.slice(0, w.pos);
  };

  // --- deserializing ---

  function malformed(detail) {
    return new ErrorCtor(`Unable to deserialize cloned data: ${detail}.`);
  }

  class Reader {
    constructor(bytes) {
      this.buf = bytes;
      this.pos = 0;
      this.version = 0;
      this.objects = [];
      this.scratch = new DataViewCtor(new ArrayBufferCtor(8));
      this.host = null;
      this.text = null;
    }
    byte() {
      if (this.pos >= this.buf.length) throw malformed('unexpected end of data');
      return this.buf[this.pos++];
    }
    tag() {   // the next tag, skipping padding
      let t;
      do t = this.byte(); while (t === 0x00);
      return t;
    }
    peekTag() {
      let p = this.pos;
      while (p < this.buf.length && this.buf[p] === 0x00) p++;
      return p < this.buf.length ? this.buf[p] : -1;
    }
    varint() {
      let v = 0, scale = 1, b;
      do {
        b = this.byte();
        v += (b & 0x7f) * scale;
        scale *= 0x80;
        if (scale > 2 ** 63) throw malformed('varint too long');
      } while (b & 0x80);
      return v;
    }
    uint32() {
      const v = this.varint();
      if (v > 0xffffffff) throw malformed('integer out of range');
      return v;
    }
    double() {
      if (this.pos + 8 > this.buf.length) throw malformed('unexpected end of data');
      for (let i = 0; i < 8; i++) this.scratch.setUint8(i, this.buf[this.pos++]);
      return this.scratch.getFloat64(0, true);
    }
    raw(n) {
      if (n > this.buf.length - this.pos) throw malformed('unexpected end of data');
      const out = this.buf.subarray(this.pos, this.pos + n);
      this.pos += n;
      return out;
    }
    latin1(n) {
      if (this.text !== null) {   // the same bytes as a Latin-1 string: a substring is far cheaper
        if (n > this.buf.length - this.pos) throw malformed('unexpected end of data');
        const start = this.pos;
        this.pos += n;
        return this.text.substring(start, this.pos);
      }
      const b = this.raw(n);
      let s = '';
      for (let i = 0; i < n; i += 4096) s += fromCharCode.apply(null, b.subarray(i, Math.min(n, i + 4096)));
      return s;
    }
    twoByte(n) {
      if (n & 1) throw malformed('odd two-byte string length');
      const b = this.raw(n);
      let s = '';
      const units = [];
      for (let i = 0; i < n; i += 2) {
        units[units.length] = b[i] | (b[i + 1] << 8);
        if (units.length === 4096) { s += fromCharCode.apply(null, units); units.length = 0; }
      }
      return s + fromCharCode.apply(null, units);
    }
    bigint() {
      const bitField = this.uint32();
      const n = Math.floor(bitField / 2);
      const b = this.raw(n);
      let v = 0n;
      for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
      return bitField & 1 ? -v : v;
    }
    string() {   // a string value where one is required (RegExp source, String object, error fields)
      const v = this.value();
      if (typeof v !== 'string') throw malformed('expected a string');
      return v;
    }
    addObject(id, v) { this.objects[id] = v; return v; }

    // The common tags first, in a function small enough for Graal to keep compiled with inlining;
    // the big switch of rare ones lives in rareValue.
    value() {
      const t = this.tag();
      if (t === 0x22) return this.latin1(this.uint32());   // '"'
      if (t === 0x49) { const z = this.uint32(); return (z >>> 1) ^ -(z & 1); }   // 'I'
      if (t === 0x6f) { const id = this.objects.length; return this.properties(this.addObject(id, {}), 0x7b, id); }   // 'o'
      if (t === 0x4e) return this.double();   // 'N'
      if (t === 0x54) return true;
      if (t === 0x46) return false;
      return this.rareValue(t);
    }

    rareValue(t) {
      switch (t) {
        case 0x3f: this.uint32(); return this.value();   // '?' verify object count: ignored
        case 0x5f: return undefined;
        case 0x30: return null;
        case 0x54: return true;
        case 0x46: return false;
        case 0x49: { const z = this.uint32(); return (z >>> 1) ^ -(z & 1); }
        case 0x55: return this.uint32();
        case 0x4e: return this.double();
        case 0x5a: return this.bigint();
        case 0x53: return new TextDecoderCtor().decode(this.raw(this.uint32()));   // 'S' UTF-8
        case 0x22: return this.latin1(this.uint32());
        case 0x63: return this.twoByte(this.uint32());
        case 0x5e: {
          const id = this.uint32();
          if (!(id < this.objects.length) || this.objects[id] === undefined) throw malformed(`invalid back-reference ${id}`);
          return this.maybeView(this.objects[id]);
        }
        case 0x6f: { const id = this.objects.length; return this.properties(this.addObject(id, {}), 0x7b, id); }
        case 0x61: {
          const id = this.objects.length;
          const length = this.uint32();
          const a = this.addObject(id, []);
          a.length = length;
          const count = this.readProperties(a, 0x40);
          this.checkCount(count);
          if (this.uint32() !== length) throw malformed('array length mismatch');
          return a;
        }
        case 0x41: {
          const id = this.objects.length;
          const length = this.uint32();
          const a = this.addObject(id, []);
          a.length = length;
          for (let i = 0; i < length; i++) {
            if (this.peekTag() === 0x2d) { this.tag(); continue; }   // hole
            defineData(a, i, this.value());
          }
          const count = this.readProperties(a, 0x24);
          this.checkCount(count);
          if (this.uint32() !== length) throw malformed('array length mismatch');
          return a;
        }
        case 0x44: return this.addObject(this.objects.length, new DateCtor(this.double()));
        case 0x79: return this.addObject(this.objects.length, new ObjectCtor(true));
        case 0x78: return this.addObject(this.objects.length, new ObjectCtor(false));
        case 0x6e: return this.addObject(this.objects.length, new ObjectCtor(this.double()));
        case 0x7a: return this.addObject(this.objects.length, new ObjectCtor(this.bigint()));
        case 0x73: { const id = this.objects.length; return this.addObject(id, new ObjectCtor(this.string())); }
        case 0x52: {
          const id = this.objects.length;
          const source = this.string();
          const bits = this.uint32();
          let flags = '';
          for (let i = 0; i < REGEXP_FLAGS.length; i++) if (bits & REGEXP_FLAGS[i][2]) flags += REGEXP_FLAGS[i][0];
          let re;
          try { re = new RegExpCtor(source, flags); } catch (e) { throw malformed('invalid regular expression'); }
          return this.addObject(id, re);
        }
        case 0x3b: {
          const id = this.objects.length;
          const m = this.addObject(id, new MapCtor());
          let n = 0;
          while (this.peekTag() !== 0x3a) {
            const key = this.value();
            mapSet(m, key, this.value());
            n += 2;
          }
          this.tag();
          if (this.uint32() !== n) throw malformed('Map size mismatch');
          return m;
        }
        case 0x27: {
          const id = this.objects.length;
          const s = this.addObject(id, new SetCtor());
          let n = 0;
          while (this.peekTag() !== 0x2c) { setAdd(s, this.value()); n++; }
          this.tag();
          if (this.uint32() !== n) throw malformed('Set size mismatch');
          return s;
        }
        case 0x42: {
          const id = this.objects.length;
          const length = this.uint32();
          const ab = new ArrayBufferCtor(length);
          new Uint8ArrayCtor(ab).set(this.raw(length));
          return this.maybeView(this.addObject(id, ab));
        }
        case 0x7e: {
          const id = this.objects.length;
          const length = this.uint32();
          const max = this.uint32();
          if (length > max) throw malformed('ArrayBuffer length exceeds its maximum');
          const ab = new ArrayBufferCtor(length, { maxByteLength: max });
          new Uint8ArrayCtor(ab).set(this.raw(length));
          return this.maybeView(this.addObject(id, ab));
        }
        case 0x72: return this.error();
        case 0x5c: {
          if (this.host === null) throw dataCloneError('Host objects are not supported.');
          const id = this.objects.length;
          return this.addObject(id, this.host.take(this.uint32()));
        }
        case 0x56: throw malformed('ArrayBufferView without a buffer');
        default: throw malformed(`unknown tag 0x${t.toString(16)}`);
      }
    }

    properties(o, endTag, id) {
      const count = this.readProperties(o, endTag);
      this.checkCount(count);
      return o;
    }
    readProperties(o, endTag) {
      let count = 0;
      while (this.peekTag() !== endTag) {
        if (this.peekTag() === -1) throw malformed('unexpected end of data');
        const key = this.value();
        if (typeof key !== 'string' && typeof key !== 'number') throw malformed('invalid property key');
        defineData(o, key, this.value());
        count++;
      }
      this.tag();
      return count;
    }
    checkCount(count) {
      if (this.uint32() !== count) throw malformed('property count mismatch');
    }

    // An ArrayBuffer followed by 'V' is the buffer of the view that comes next.
    maybeView(v) {
      if (this.peekTag() !== 0x56 || !(v instanceof ArrayBufferCtor)) return v;
      this.tag();
      const id = this.objects.length;
      const sub = this.byte();
      const offset = this.uint32();
      const length = this.uint32();
      // Flags (version 14+): bit 0 marks a length-tracking view (only meaningful on a resizable buffer).
      const tracking = this.version >= 14 && (this.uint32() & 1) !== 0 && abResizable(v);
      const bufferLength = abByteLength(v);
      if (offset + length > bufferLength) throw malformed('ArrayBufferView out of bounds');
      let view;
      if (sub === DATA_VIEW_TAG) view = tracking ? new DataViewCtor(v, offset) : new DataViewCtor(v, offset, length);
      else {
        const C = mapGet(VIEW_CTORS, sub);
        if (C === undefined) throw malformed(`unknown ArrayBufferView type 0x${sub.toString(16)}`);
        const size = C.BYTES_PER_ELEMENT;
        if (offset % size !== 0 || length % size !== 0) throw malformed('misaligned ArrayBufferView');
        view = tracking ? new C(v, offset) : new C(v, offset, length / size);
      }
      return this.addObject(id, view);
    }

    error() {
      const id = this.objects.length;
      this.addObject(id, null);   // reserved: a cause may refer back to it only after it exists
      let C = ErrorCtor, message, stack, cause, hasCause = false;
      for (;;) {
        const t = this.tag();
        if (t === 0x2e) break;
        if (t === 0x6d) message = this.string();
        else if (t === 0x73) stack = this.string();
        else if (t === 0x63) {
          // The error exists before its cause is read, so the cause can refer back to it.
          if (this.objects[id] === null) this.objects[id] = new C();
          cause = this.value();
          hasCause = true;
        } else if (mapGet(ERROR_CTORS, t) !== undefined) C = mapGet(ERROR_CTORS, t);
        else throw malformed(`unknown error tag 0x${t.toString(16)}`);
      }
      const e = this.objects[id] === null ? new C() : this.objects[id];
      this.objects[id] = e;
      if (message !== undefined) defineProperty(e, 'message', { value: message, writable: true, configurable: true, enumerable: false });
      if (stack !== undefined) defineProperty(e, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
      if (hasCause) defineProperty(e, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
      return e;
    }
  }

  // CreateDataProperty on an object or array the reader made. Plain assignment does the same, and
  // is much cheaper, unless the prototype chain has something with that name (a setter would run).
  function defineData(o, key, value) {
    if (key !== '__proto__' && !(key in (isArray(o) ? ArrayPrototype : ObjectPrototype))) o[key] = value;
    else defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  }

  // `latin1`, when given, is the same bytes as a string of char codes 0-255 (how the host hands
  // data to JS); one-byte strings are then cut out of it instead of decoded.
  internal.v8Deserialize = function v8Deserialize(bytes, host, latin1) {
    if (!(bytes instanceof Uint8ArrayCtor)) {
      if (bytes instanceof ArrayBufferCtor) bytes = new Uint8ArrayCtor(bytes);
      else if (isView(bytes)) bytes = new Uint8ArrayCtor(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      else throw new TypeError('v8Deserialize expects bytes');
    }
    const r = new Reader(bytes);
    r.host = host === undefined ? null : host;
    r.text = typeof latin1 === 'string' && latin1.length === bytes.length ? latin1 : null;
    if (r.byte() !== 0xff) throw malformed('missing version header');
    r.version = r.uint32();
    if (r.version < 13 || r.version > VERSION) throw malformed(`unsupported version ${r.version}`);
    const v = r.value();
    return v;
  };
});
