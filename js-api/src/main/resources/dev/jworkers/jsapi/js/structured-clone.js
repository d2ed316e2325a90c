// structuredClone (HTML standard's StructuredSerializeWithTransfer + StructuredDeserializeWithTransfer
// within one realm). Serializing first builds records, so that getters run in the spec's order,
// errors leave transferred buffers attached, and transfers happen only once all of it succeeded.
// Intrinsics are captured at start-up: user code (getters) runs in the middle of a clone.
(function (ops, internal) {
  'use strict';
  const {
    booleanValue, numberValue, bigintValue, stringValue, symbolValue, dateValue, regexpSource,
    abByteLength, abMaxByteLength, abResizable, abDetached, taName, taBuffer, taByteOffset,
    taByteLength, dvBuffer, dvByteOffset, dvByteLength, mapSize, setSize, mapSet, mapGet, mapHas,
    setAdd, setHas, weakMapHas, weakSetHas, objectToString, uncurry, getter, TypedArrayPrototype,
    UNCLONEABLE_TAGS,
  } = internal.primordials;
  const host = ops.clone;   // kind(v): 0 ordinary, 1 Proxy, 2 has [[ErrorData]]
  const PROXY = 1, ERROR = 2;

  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, keys: objectKeys, hasOwn } = Object;
  const isArray = Array.isArray, isView = ArrayBuffer.isView;
  const ObjectPrototype = Object.prototype;
  const functionToString = uncurry(Function.prototype.toString);
  const symbolToString = uncurry(Symbol.prototype.toString);

  // [[OriginalFlags]] through the per-flag getters, in the order of RegExp.prototype.flags.
  const regexpFlags = [['d', 'hasIndices'], ['g', 'global'], ['i', 'ignoreCase'], ['m', 'multiline'], ['s', 'dotAll'],
    ['u', 'unicode'], ['v', 'unicodeSets'], ['y', 'sticky']]
    .filter(([, k]) => getOwnPropertyDescriptor(RegExp.prototype, k)).map(([f, k]) => [f, getter(RegExp.prototype, k)]);
  const abSlice = uncurry(ArrayBuffer.prototype.slice);
  const abResize = uncurry(ArrayBuffer.prototype.resize);
  const abTransfer = uncurry(ArrayBuffer.prototype.transfer);
  const sabByteLength = typeof SharedArrayBuffer === 'function' ? getter(SharedArrayBuffer.prototype, 'byteLength') : null;
  const taLength = getter(TypedArrayPrototype, 'length');
  const taEntries = uncurry(TypedArrayPrototype.entries);   // throws when out of bounds or detached
  const mapEntries = uncurry(Map.prototype.entries);
  const setValues = uncurry(Set.prototype.values);
  const mapIteratorNext = uncurry(getPrototypeOf(new Map().entries()).next);
  const setIteratorNext = uncurry(getPrototypeOf(new Set().values()).next);
  const stringSlice = uncurry(String.prototype.slice);
  const weakRefDeref = typeof WeakRef === 'function' ? uncurry(WeakRef.prototype.deref) : null;
  const registryUnregister = typeof FinalizationRegistry === 'function' ? uncurry(FinalizationRegistry.prototype.unregister) : null;
  const { Boolean: BooleanCtor, Number: NumberCtor, String: StringCtor, Object: ObjectCtor, Date: DateCtor,
    RegExp: RegExpCtor, ArrayBuffer: ArrayBufferCtor, DataView: DataViewCtor, Map: MapCtor, Set: SetCtor,
    Uint8Array: Uint8ArrayCtor } = globalThis;

  const TYPED_ARRAYS = Object.create(null);
  for (const name of ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']) {
    if (typeof globalThis[name] === 'function') TYPED_ARRAYS[name] = globalThis[name];
  }
  const ERRORS = Object.create(null);
  for (const name of ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']) {
    ERRORS[name] = globalThis[name];
  }

  function is(check, v) {
    try { check(v); return true; } catch (e) { return false; }
  }

  // DataCloneError: a DOMException when dom-exception.js provides it, else an Error that looks like one.
  function domExceptionClass() {
    if (typeof internal.DOMException === 'function') return internal.DOMException;
    return null;
  }
  function dataCloneError(message) {
    const DOMExceptionCtor = domExceptionClass() || (typeof globalThis.DOMException === 'function' ? globalThis.DOMException : null);
    if (DOMExceptionCtor !== null) return new DOMExceptionCtor(message, 'DataCloneError');
    const e = new Error(message);
    defineProperty(e, 'name', { value: 'DataCloneError', writable: true, configurable: true });
    defineProperty(e, 'code', { value: 25, writable: true, configurable: true });
    return e;
  }
  function uncloneable(v, what) {
    let desc;
    if (typeof v === 'symbol') desc = symbolToString(v);
    else if (typeof v === 'function') { try { desc = functionToString(v); } catch (e) { desc = 'function'; } }
    else desc = `#<${what}>`;
    return dataCloneError(`${desc} could not be cloned.`);
  }

  // name and message of a DOMException, or null. dom-exception.js may offer a brand check;
  // otherwise its WebIDL attribute getters (which throw on other objects) serve as one.
  let dom;
  function domExceptionFields(v) {
    if (dom === undefined) {
      dom = null;
      const D = domExceptionClass();
      if (D !== null) {
        const get = (key) => {
          const d = getOwnPropertyDescriptor(D.prototype, key);
          return d && typeof d.get === 'function' ? uncurry(d.get) : null;
        };
        const code = get('code'), name = get('name'), message = get('message');
        const probe = code || name || message;
        const hasInstance = uncurry(Function.prototype[Symbol.hasInstance]);
        dom = {
          brand: typeof internal.isDOMException === 'function' ? internal.isDOMException
            : probe !== null ? (x) => is(probe, x) : (x) => hasInstance(D, x),
          name: name || ((x) => x.name),
          message: message || ((x) => x.message),
        };
      }
    }
    if (dom === null || !dom.brand(v)) return null;
    return { name: `${dom.name(v)}`, message: `${dom.message(v)}` };
  }

  // Platform objects that are not serializable (Headers, Request, streams, ...): found through
  // their interfaces' prototypes, collected on first use from the bootstrap's classes.
  const PLATFORM_INTERFACES = ['Headers', 'Request', 'Response', 'ReadableStream', 'ReadableStreamDefaultReader',
    'ReadableStreamBYOBReader', 'ReadableStreamDefaultController', 'ReadableByteStreamController',
    'ReadableStreamBYOBRequest', 'WritableStream', 'WritableStreamDefaultWriter', 'WritableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController', 'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
    'TextEncoder', 'TextDecoder', 'TextEncoderStream', 'TextDecoderStream', 'CompressionStream', 'DecompressionStream',
    'Event', 'EventTarget', 'AbortController', 'AbortSignal', 'FormData', 'URL', 'URLSearchParams', 'URLPattern',
    'Crypto', 'CryptoKey', 'SubtleCrypto', 'Cache', 'CacheStorage', 'WebSocket', 'MessageChannel', 'MessagePort',
    'HTMLRewriter', 'Navigator', 'Performance', 'Scheduler', 'FixedLengthStream', 'IdentityTransformStream', 'DigestStream'];
  let platformPrototypes = null;
  function isPlatformObject(v) {
    if (platformPrototypes === null) {
      platformPrototypes = new SetCtor();
      for (let i = 0; i < PLATFORM_INTERFACES.length; i++) {
        const name = PLATFORM_INTERFACES[i];
        const c = typeof internal[name] === 'function' ? internal[name] : globalThis[name];
        if (typeof c === 'function' && c.prototype) setAdd(platformPrototypes, c.prototype);
      }
    }
    for (let p = getPrototypeOf(v); p !== null && p !== ObjectPrototype; p = getPrototypeOf(p)) {
      if (setHas(platformPrototypes, p)) return true;
    }
    return false;
  }

  // The built-in type of an object with internal slots ('Date', 'Map', ...), 'Object' for an
  // ordinary object, or throws DataCloneError. Plain objects take the fast path.
  const BRANDS = [
    ['Date', dateValue], ['RegExp', (v) => { if (v === RegExp.prototype) throw v; regexpSource(v); }], ['Map', mapSize],
    ['Set', setSize], ['ArrayBuffer', abByteLength], ['Boolean', booleanValue], ['Number', numberValue],
    ['String', stringValue], ['BigInt', bigintValue],
  ];
  const BY_PROTOTYPE = new Map(BRANDS.map((b) => [globalThis[b[0]].prototype, b]));
  const UNCLONEABLE_BRANDS = [
    ['Symbol', symbolValue], ['SharedArrayBuffer', sabByteLength], ['WeakMap', (v) => weakMapHas(v, ObjectPrototype)],
    ['WeakSet', (v) => weakSetHas(v, ObjectPrototype)], ['WeakRef', weakRefDeref],
    ['FinalizationRegistry', registryUnregister && ((v) => registryUnregister(v, ObjectPrototype))],
  ].filter(([, check]) => check);
  function builtinType(v) {
    const likely = BY_PROTOTYPE.get(getPrototypeOf(v));
    if (likely !== undefined && is(likely[1], v)) return likely[0];
    const tag = stringSlice(objectToString(v), 8, -1);
    if (setHas(UNCLONEABLE_TAGS, tag)) throw uncloneable(v, tag);
    for (let i = 0; i < BRANDS.length; i++) if (is(BRANDS[i][1], v)) return BRANDS[i][0];
    for (let i = 0; i < UNCLONEABLE_BRANDS.length; i++) if (is(UNCLONEABLE_BRANDS[i][1], v)) throw uncloneable(v, UNCLONEABLE_BRANDS[i][0]);
    return 'Object';
  }

  // Serialization: records are plain objects { t: type, ... }; primitives stand for themselves.
  // No recursion (deep values must not overflow the stack): serializeOne makes a record and, for
  // containers, pushes a frame whose members the loop in serialize() visits next, depth first.
  function serialize(value, memory) {
    const stack = [];
    const root = serializeOne(value, memory, stack);
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      if (f.keys !== null) {
        // Own enumerable string keys, each read once, in order, skipping those deleted meanwhile.
        if (f.i >= f.keys.length) { stack.length--; continue; }
        const key = f.keys[f.i++];
        if (!hasOwn(f.v, key)) continue;
        const out = f.out, at = out.length;
        out[at] = key;
        out[at + 1] = undefined;
        out[at + 1] = serializeOne(f.v[key], memory, stack);
      } else {
        if (f.i >= f.items.length) { stack.length--; continue; }
        const out = f.out, at = out.length;
        out[at] = undefined;
        out[at] = serializeOne(f.items[f.i++], memory, stack);
      }
    }
    return root;
  }
  function pushProperties(stack, v, out) { stack[stack.length] = { keys: objectKeys(v), v, out, i: 0, items: null }; }
  function pushItems(stack, items, out) { stack[stack.length] = { keys: null, v: null, out, i: 0, items }; }

  function serializeOne(v, memory, stack) {
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'function') throw uncloneable(v);
      if (typeof v === 'symbol') throw uncloneable(v);
      return v;
    }
    const seen = mapGet(memory, v);
    if (seen !== undefined) return seen;
    const kind = host.kind(v);
    if (kind === PROXY) throw uncloneable(v, 'Object');
    let rec;
    if (isArray(v)) {
      rec = { t: 'Array', length: v.length, props: [] };
      mapSet(memory, v, rec);
      pushProperties(stack, v, rec.props);
      return rec;
    }
    if (isView(v)) {
      rec = serializeView(v, memory);
      mapSet(memory, v, rec);
      return rec;
    }
    if (kind === ERROR) return serializeDOMException(v, memory) || serializeError(v, memory, stack);
    if (v === globalThis) throw uncloneable(v, 'ServiceWorkerGlobalScope');
    const proto = getPrototypeOf(v);
    if (proto === ObjectPrototype || proto === null) {
      // Arguments objects ([[ParameterMap]]) are the one common exotic here; they own @@iterator.
      if (hasOwn(v, Symbol.iterator) && objectToString(v) === '[object Arguments]') throw uncloneable(v, 'Arguments');
      rec = { t: 'Object', props: [] };
      mapSet(memory, v, rec);
      pushProperties(stack, v, rec.props);
      return rec;
    }
    if (internal.isBlob(v)) {
      const file = internal.fileInfo(v);
      rec = { t: 'Blob', bytes: internal.blobBytes(v), type: internal.blobType(v), file };
      mapSet(memory, v, rec);
      return rec;
    }
    rec = serializeDOMException(v, memory);
    if (rec !== null) return rec;
    if (isPlatformObject(v)) throw uncloneable(v, stringSlice(objectToString(v), 8, -1));
    const type = builtinType(v);
    switch (type) {
      case 'Object':
        rec = { t: 'Object', props: [] };
        mapSet(memory, v, rec);
        pushProperties(stack, v, rec.props);
        return rec;
      case 'Boolean': rec = { t: type, value: booleanValue(v) }; break;
      case 'Number': rec = { t: type, value: numberValue(v) }; break;
      case 'BigInt': rec = { t: type, value: bigintValue(v) }; break;
      case 'String': rec = { t: type, value: stringValue(v) }; break;
      case 'Date': rec = { t: type, value: dateValue(v) }; break;
      case 'RegExp': {
        let flags = '';
        for (let i = 0; i < regexpFlags.length; i++) if (regexpFlags[i][1](v)) flags += regexpFlags[i][0];
        rec = { t: type, source: regexpSource(v), flags };
        break;
      }
      case 'ArrayBuffer': rec = serializeArrayBuffer(v); break;
      case 'Map': case 'Set': {
        // The entries are copied first: getters run later may change the Map or Set.
        rec = { t: type, entries: [] };
        mapSet(memory, v, rec);
        const copied = [];
        if (type === 'Map') {
          for (const it = mapEntries(v); ;) {
            const r = mapIteratorNext(it);
            if (r.done) break;
            copied[copied.length] = r.value[0];
            copied[copied.length] = r.value[1];
          }
        } else {
          for (const it = setValues(v); ;) {
            const r = setIteratorNext(it);
            if (r.done) break;
            copied[copied.length] = r.value;
          }
        }
        pushItems(stack, copied, rec.entries);
        return rec;
      }
    }
    mapSet(memory, v, rec);
    return rec;
  }

  function serializeDOMException(v, memory) {
    const dom = domExceptionFields(v);
    if (dom === null) return null;
    const rec = { t: 'DOMException', name: dom.name, message: dom.message };
    mapSet(memory, v, rec);
    return rec;
  }

  function serializeError(v, memory, stack) {
    const name = v.name;
    const messageDesc = getOwnPropertyDescriptor(v, 'message');
    const message = messageDesc !== undefined && hasOwn(messageDesc, 'value') ? `${messageDesc.value}` : undefined;
    // Not yet in the HTML standard, but what browsers do: the stack string and the cause come along.
    const stackDesc = getOwnPropertyDescriptor(v, 'stack');
    const stackText = stackDesc !== undefined && typeof stackDesc.value === 'string' ? stackDesc.value : undefined;
    const causeDesc = getOwnPropertyDescriptor(v, 'cause');
    const rec = {
      t: 'Error', name: typeof name === 'string' && ERRORS[name] !== undefined ? name : 'Error', message, stack: stackText,
      cause: causeDesc !== undefined && hasOwn(causeDesc, 'value') ? [] : null,   // [record] once visited
    };
    mapSet(memory, v, rec);
    if (rec.cause !== null) pushItems(stack, [causeDesc.value], rec.cause);
    return rec;
  }

  function serializeArrayBuffer(v) {
    if (abDetached(v)) throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
    if (!abResizable(v)) return { t: 'ArrayBuffer', data: abSlice(v, 0) };
    const length = abByteLength(v);
    const data = new ArrayBufferCtor(length, { maxByteLength: abMaxByteLength(v) });
    new Uint8ArrayCtor(data).set(new Uint8ArrayCtor(v, 0, length));
    return { t: 'ArrayBuffer', data };
  }

  function serializeView(v, memory) {
    const name = taName(v);
    let buffer, byteOffset, byteLength;
    try {
      if (name !== undefined) {
        buffer = taBuffer(v);
        taEntries(v);
        byteOffset = taByteOffset(v);
        byteLength = taByteLength(v);
      } else {
        buffer = dvBuffer(v);
        byteOffset = dvByteOffset(v);
        byteLength = dvByteLength(v);
      }
    } catch (e) {
      throw dataCloneError('An ArrayBufferView is out of bounds or its buffer is detached, and could not be cloned.');
    }
    if (sabByteLength !== null && is(sabByteLength, buffer)) throw uncloneable(buffer, 'SharedArrayBuffer');
    const elementSize = name === undefined ? 1 : TYPED_ARRAYS[name].BYTES_PER_ELEMENT;
    const tracking = isLengthTracking(v, buffer, name === undefined, byteOffset, byteLength, elementSize);
    return {
      t: 'View', name, buffer: serializeOne(buffer, memory, null), byteOffset,
      length: tracking ? undefined : name === undefined ? byteLength : taLength(v),
    };
  }

  // Whether a view on a resizable buffer follows the buffer's length: JS cannot ask, so the
  // buffer is resized by one element and back (no user code runs meanwhile; bytes are kept).
  function isLengthTracking(v, buffer, isDataView, byteOffset, byteLength, elementSize) {
    if (!abResizable(buffer)) return false;
    const bufferLength = abByteLength(buffer);
    if (bufferLength - (byteOffset + byteLength) >= elementSize) return false;
    const lengthNow = () => (isDataView ? dvByteLength(v) : taByteLength(v));
    if (bufferLength + elementSize <= abMaxByteLength(buffer)) {
      abResize(buffer, bufferLength + elementSize);
      const grown = lengthNow();
      abResize(buffer, bufferLength);
      return grown > byteLength;
    }
    if (bufferLength < elementSize || byteLength === 0) return false;
    const tail = new Uint8ArrayCtor(buffer, bufferLength - elementSize, elementSize).slice();
    abResize(buffer, bufferLength - elementSize);
    const inBounds = isDataView ? is(dvByteLength, v) : is(taEntries, v);
    abResize(buffer, bufferLength);
    new Uint8ArrayCtor(buffer, bufferLength - elementSize, elementSize).set(tail);
    return inBounds;
  }

  // Deserialization. Records are used once, so buffers copied while serializing are adopted.
  const DESC = Object.create(null);
  DESC.writable = true; DESC.enumerable = true; DESC.configurable = true;
  const HIDDEN = Object.create(null);
  HIDDEN.writable = true; HIDDEN.enumerable = false; HIDDEN.configurable = true;

  function deserialize(root, memory) {
    const stack = [];
    const out = deserializeOne(root, memory, stack);
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      const items = f.items;
      if (f.i >= items.length) { stack.length--; continue; }
      switch (f.kind) {
        case 'props': {
          const key = items[f.i];
          const value = deserializeOne(items[f.i + 1], memory, stack);
          f.i += 2;
          // CreateDataProperty. A plain assignment does the same when nothing on the prototype
          // chain has the key (no setter to call, no "__proto__"), and is much faster.
          if (!(key in f.out)) {
            f.out[key] = value;
          } else {
            DESC.value = value;
            defineProperty(f.out, key, DESC);
            DESC.value = undefined;
          }
          break;
        }
        case 'Map': {
          const key = deserializeOne(items[f.i], memory, stack);
          mapSet(f.out, key, deserializeOne(items[f.i + 1], memory, stack));
          f.i += 2;
          break;
        }
        case 'Set':
          setAdd(f.out, deserializeOne(items[f.i++], memory, stack));
          break;
        case 'cause':
          defineHidden(f.out, 'cause', deserializeOne(items[f.i++], memory, stack));
          break;
      }
    }
    return out;
  }
  function pushFill(stack, kind, items, out) { stack[stack.length] = { kind, items, out, i: 0 }; }

  function deserializeOne(rec, memory, stack) {
    if (typeof rec !== 'object' || rec === null) return rec;
    const seen = mapGet(memory, rec);
    if (seen !== undefined) return seen;
    let out;
    switch (rec.t) {
      case 'Object':
        out = {};
        pushFill(stack, 'props', rec.props, out);
        break;
      case 'Array':
        out = [];
        out.length = rec.length;
        pushFill(stack, 'props', rec.props, out);
        break;
      case 'Boolean': out = new BooleanCtor(rec.value); break;
      case 'Number': out = new NumberCtor(rec.value); break;
      case 'BigInt': out = ObjectCtor(rec.value); break;
      case 'String': out = new StringCtor(rec.value); break;
      case 'Date': out = new DateCtor(rec.value); break;
      case 'RegExp': out = new RegExpCtor(rec.source, rec.flags); break;
      case 'ArrayBuffer': out = rec.data; break;
      case 'Transferred': out = rec.data; break;
      case 'View': {
        const buffer = deserializeOne(rec.buffer, memory, null);
        out = rec.name === undefined
          ? new DataViewCtor(buffer, rec.byteOffset, rec.length)
          : new TYPED_ARRAYS[rec.name](buffer, rec.byteOffset, rec.length);
        break;
      }
      case 'Map': out = new MapCtor(); pushFill(stack, 'Map', rec.entries, out); break;
      case 'Set': out = new SetCtor(); pushFill(stack, 'Set', rec.entries, out); break;
      case 'Error':
        out = new ERRORS[rec.name]();
        if (rec.message !== undefined) defineHidden(out, 'message', rec.message);
        if (rec.stack !== undefined) defineHidden(out, 'stack', rec.stack);
        else delete out.stack;
        if (rec.cause !== null) pushFill(stack, 'cause', rec.cause, out);
        break;
      case 'Blob':
        out = rec.file === null ? internal.newBlob(rec.bytes, rec.type)
          : internal.newFile(rec.bytes, rec.file.name, rec.type, rec.file.lastModified);
        break;
      case 'DOMException':
        out = new (domExceptionClass())(rec.message, rec.name);
        break;
      default:
        throw new TypeError('structuredClone: unknown record ' + rec.t);
    }
    mapSet(memory, rec, out);
    return out;
  }
  function defineHidden(o, key, value) {
    HIDDEN.value = value;
    defineProperty(o, key, HIDDEN);
    HIDDEN.value = undefined;
  }
  function serializeWithTransfer(value, transferList) {
    const memory = new MapCtor();
    for (let i = 0; i < transferList.length; i++) {
      const t = transferList[i];
      if (!is(abByteLength, t)) throw dataCloneError(`Value at index ${i} does not have a transferable type.`);
      if (mapHas(memory, t)) throw dataCloneError(`ArrayBuffer at index ${i} is a duplicate of an earlier ArrayBuffer. Duplicate ArrayBuffers are not allowed.`);
      mapSet(memory, t, { t: 'Transferred', data: null });
    }
    const serialized = serialize(value, memory);
    for (let i = 0; i < transferList.length; i++) {
      const t = transferList[i];
      if (abDetached(t)) throw dataCloneError(`ArrayBuffer at index ${i} is already detached.`);
      mapGet(memory, t).data = abTransfer(t);   // detaches t; a resizable buffer stays resizable
    }
    return serialized;
  }

  // sequence<object> (WebIDL), from StructuredSerializeOptions.transfer.
  function toObjectSequence(v) {
    const prefix = "Failed to execute 'structuredClone': Failed to read the 'transfer' property from 'StructuredSerializeOptions': ";
    if ((typeof v !== 'object' || v === null) && typeof v !== 'function') throw new TypeError(prefix + 'The provided value cannot be converted to a sequence.');
    const method = v[Symbol.iterator];
    if (typeof method !== 'function') throw new TypeError(prefix + 'The object must have a callable @@iterator property.');
    const it = method.call(v);
    if ((typeof it !== 'object' || it === null) && typeof it !== 'function') throw new TypeError('Result of the Symbol.iterator method is not an object');
    const next = it.next;
    const out = [];
    for (;;) {
      const r = next.call(it);
      if ((typeof r !== 'object' || r === null) && typeof r !== 'function') throw new TypeError(`Iterator result ${String(r)} is not an object`);
      if (r.done) break;
      const item = r.value;
      if ((typeof item !== 'object' || item === null) && typeof item !== 'function') throw new TypeError(prefix + 'The provided value is not of type \'object\'.');
      out[out.length] = item;
    }
    return out;
  }

  // A method, not a function declaration: WebIDL operations are not constructors.
  const { structuredClone } = { structuredClone(value, options = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'structuredClone': 1 argument required, but only 0 present.");
    let transfer = [];
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object' && typeof options !== 'function') {
        throw new TypeError("Failed to execute 'structuredClone': The provided value is not of type 'StructuredSerializeOptions'.");
      }
      const t = options.transfer;
      if (t !== undefined) transfer = toObjectSequence(t);
    }
    return deserialize(serializeWithTransfer(value, transfer), new MapCtor());
  } };

  internal.defineGlobal('structuredClone', structuredClone);
})
