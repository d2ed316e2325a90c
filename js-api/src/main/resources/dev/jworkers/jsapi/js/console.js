// console.js — the Workers `console` and a Node-style value inspector.
//
// Evaluated as a classic script; its completion value is the function below, called once per
// JS context with:
//   ops.console.write(level, text)  host sink; level 0=debug 1=log/info 2=warn 3=error
//   internal                        object shared by bootstrap files; receives
//                                   internal.inspect(value, options) and internal.format(args)
//                                   (plus internal.formatWithOptions(options, args))
//
// inspect() takes Node's options (depth, showHidden, breakLength, compact, maxArrayLength,
// maxStringLength, customInspect, sorted, getters) and honours
// value[Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect), so JS classes of the
// runtime can choose how they print. trace and assert write at level 3 (error); the
// count/time misuse warnings ("Warning: ...") at level 2.
//
// The output format follows what Node 20's util.inspect prints with its defaults (workerd prints
// console output the same way), checked case by case against `node -e`. Written from Node's
// observable behaviour only. Known differences from Node:
//   - Proxies cannot be detected from JS: Node inspects a Proxy's target without running traps; we
//     go through the traps. A trap (or any other user code we must run, such as a custom inspect
//     function or a Symbol.toStringTag getter) that throws renders the value as
//     `<Inspection threw (message)>` instead of throwing out of console.log.
//   - Promise state is invisible to JS, so promises print as `Promise { <pending> }` whatever
//     their state, unless a bootstrap file provides internal.promiseDetails(p) returning
//     `{ state: 'pending' | 'fulfilled' | 'rejected', value }` (then the output is Node's).
//   - Map/Set iterators cannot be previewed without consuming them; they print like plain
//     objects, e.g. `Object [Map Iterator] {}` (Node: `[Map Iterator] { 'a' }`).
//   - Objects whose prototype chain has no named constructor print `Object <...>` where Node uses
//     V8's internal class name (e.g. `f <[Object: null prototype] {}> {}`).
//   - `%o` / showHidden do not list prototype properties of class instances.
//   - Strings are measured in UTF-16 units, not terminal columns (matters for wide characters
//     only), and the whole output is never colored.
//   - console.assert follows the WHATWG console spec: a non-string first argument is printed
//     after "Assertion failed" rather than converted with String() as Node does.
//   - Arrays and typed arrays longer than 2^20 elements are not searched for extra non-index
//     properties (the only way from JS is to list every index key).
(function (ops, internal) {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Built-ins captured at start-up, so user code that patches prototypes later cannot change or
  // break the formatter. uncurry(f)(self, ...args) === f.call(self, ...args).
  const uncurry = Function.prototype.bind.bind(Function.prototype.call);
  const getterOf = (proto, key) => uncurry(Object.getOwnPropertyDescriptor(proto, key).get);

  const ObjectKeys = Object.keys;
  const getOwnPropertyNames = Object.getOwnPropertyNames;
  const getOwnPropertySymbols = Object.getOwnPropertySymbols;
  const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const getPrototypeOf = Object.getPrototypeOf;
  const defineProperty = Object.defineProperty;
  const hasOwn = Object.hasOwn;
  const ObjectIs = Object.is;
  const propertyIsEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
  const ObjectToString = uncurry(Object.prototype.toString);
  const ArrayIsArray = Array.isArray;
  const FunctionToString = uncurry(Function.prototype.toString);
  const ErrorToString = uncurry(Error.prototype.toString);
  const JSONStringify = JSON.stringify;
  const MathMin = Math.min, MathMax = Math.max, MathSqrt = Math.sqrt, MathRound = Math.round;
  const MathFloor = Math.floor;
  const SymbolToString = uncurry(Symbol.prototype.toString);
  const SymbolIterator = Symbol.iterator;
  const SymbolToStringTag = Symbol.toStringTag;

  const MapSize = getterOf(Map.prototype, 'size');
  const MapEntries = uncurry(Map.prototype.entries);
  const MapIteratorNext = uncurry(getPrototypeOf(new Map().entries()).next);
  const SetSize = getterOf(Set.prototype, 'size');
  const SetValues = uncurry(Set.prototype.values);
  const SetIteratorNext = uncurry(getPrototypeOf(new Set().values()).next);
  const WeakMapHas = uncurry(WeakMap.prototype.has);
  const WeakSetHas = uncurry(WeakSet.prototype.has);
  const DateGetTime = uncurry(Date.prototype.getTime);
  const DateToISOString = uncurry(Date.prototype.toISOString);
  const DateToString = uncurry(Date.prototype.toString);
  const RegExpSource = getterOf(RegExp.prototype, 'source');
  const RegExpToString = uncurry(RegExp.prototype.toString);
  const ArrayBufferByteLength = getterOf(ArrayBuffer.prototype, 'byteLength');
  const SharedArrayBufferByteLength = typeof SharedArrayBuffer === 'function'
    ? getterOf(SharedArrayBuffer.prototype, 'byteLength') : undefined;
  const DataViewByteLength = getterOf(DataView.prototype, 'byteLength');
  const TypedArrayProto = getPrototypeOf(Uint8Array.prototype);
  // Returns the typed array's kind ('Uint8Array', ...) or undefined; never throws.
  const TypedArrayTag = getterOf(TypedArrayProto, SymbolToStringTag);
  const TypedArrayLength = getterOf(TypedArrayProto, 'length');
  const NumberValueOf = uncurry(Number.prototype.valueOf);
  const StringValueOf = uncurry(String.prototype.valueOf);
  const BooleanValueOf = uncurry(Boolean.prototype.valueOf);
  const SymbolValueOf = uncurry(Symbol.prototype.valueOf);
  const BigIntValueOf = typeof BigInt === 'function' ? uncurry(BigInt.prototype.valueOf) : undefined;

  const AsyncFunctionProto = getPrototypeOf(async function () {});
  const GeneratorFunctionProto = getPrototypeOf(function* () {});
  const AsyncGeneratorFunctionProto = getPrototypeOf(async function* () {});

  const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

  // ---------------------------------------------------------------------------------------------
  // Type detection. JS has no util.types, so each check is a brand check: a built-in method that
  // throws unless its receiver has the right internal slots. To avoid running a dozen throwing
  // checks per object, the prototype chain is walked first and the brand check is run only for
  // the built-in prototype found there. Objects with no Object.prototype in their chain (null
  // prototype, foreign realm) fall back to trying every check.
  const tryCheck = (fn) => (v) => { try { fn(v); return true; } catch { return false; } };
  const BRANDS = [
    ['map', Map.prototype, tryCheck(MapSize)],
    ['set', Set.prototype, tryCheck(SetSize)],
    ['weakmap', WeakMap.prototype, tryCheck((v) => WeakMapHas(v, {}))],
    ['weakset', WeakSet.prototype, tryCheck((v) => WeakSetHas(v, {}))],
    ['date', Date.prototype, tryCheck(DateGetTime)],
    // The source getter accepts RegExp.prototype itself, which is not a RegExp.
    ['regexp', RegExp.prototype, (v) => v !== RegExp.prototype && tryCheck(RegExpSource)(v)],
    // No method brand-checks errors; Node counts `instanceof Error` too, which the walk gives.
    ['error', Error.prototype, (v) => true],
    ['arraybuffer', ArrayBuffer.prototype, tryCheck(ArrayBufferByteLength)],
    ['dataview', DataView.prototype, tryCheck(DataViewByteLength)],
    // then() would mark a rejected promise as handled, so promises are trusted by prototype.
    ['promise', Promise.prototype, (v) => true],
    ['number', Number.prototype, tryCheck(NumberValueOf)],
    ['string', String.prototype, tryCheck(StringValueOf)],
    ['boolean', Boolean.prototype, tryCheck(BooleanValueOf)],
    ['symbol', Symbol.prototype, tryCheck(SymbolValueOf)],
  ];
  if (SharedArrayBufferByteLength !== undefined) {
    BRANDS.push(['sharedarraybuffer', SharedArrayBuffer.prototype, tryCheck(SharedArrayBufferByteLength)]);
  }
  if (BigIntValueOf !== undefined) BRANDS.push(['bigint', BigInt.prototype, tryCheck(BigIntValueOf)]);
  const brandByProto = new Map();
  for (const b of BRANDS) brandByProto.set(b[1], b);
  // Without a prototype hint only real brand checks count (not 'error'/'promise').
  const slowBrands = BRANDS.filter((b) => b[0] !== 'error' && b[0] !== 'promise');

  function classify(value) {
    let proto = getPrototypeOf(value);
    while (proto !== null) {
      if (proto === Object.prototype) return 'object';
      const brand = brandByProto.get(proto);
      if (brand !== undefined) return brand[2](value) ? brand[0] : 'object';
      proto = getPrototypeOf(proto);
    }
    for (const b of slowBrands) if (b[2](value)) return b[0];
    try {
      if (ObjectToString(value) === '[object Error]') return 'error';
    } catch { /* a throwing toStringTag getter: not an error we can show as one */ }
    return 'object';
  }

  // ---------------------------------------------------------------------------------------------
  // Options and context.
  const defaultOptions = {
    showHidden: false,
    depth: 2,
    colors: false,
    customInspect: true,
    showProxy: false,
    maxArrayLength: 100,
    maxStringLength: 10000,
    breakLength: 80,
    compact: 3,
    sorted: false,
    getters: false,
    numericSeparator: false,
  };

  function makeContext(options) {
    const ctx = {
      indentationLvl: 0,
      seen: [],
      currentDepth: 0,
      circular: undefined,
    };
    for (const k of ObjectKeys(defaultOptions)) ctx[k] = defaultOptions[k];
    if (options !== undefined && options !== null && typeof options === 'object') {
      for (const k of ObjectKeys(defaultOptions)) {
        if (hasOwn(options, k) && options[k] !== undefined) ctx[k] = options[k];
      }
    }
    // depth: null (or Infinity) means unlimited.
    if (ctx.depth === null) ctx.depth = Infinity;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    if (ctx.compact === false) ctx.compact = 0;
    return ctx;
  }

  // The options object handed to custom inspect functions (like Node's).
  function userOptions(ctx) {
    const out = {};
    for (const k of ObjectKeys(defaultOptions)) out[k] = ctx[k];
    if (out.depth === Infinity) out.depth = null;
    out.stylize = (s) => String(s);
    return out;
  }

  function inspect(value, options) {
    return formatValue(makeContext(options), value, 0);
  }
  defineProperty(inspect, 'custom', { value: customInspectSymbol, enumerable: false });

  // ---------------------------------------------------------------------------------------------
  // Primitives.

  // Escapes for C0/C1 control characters, as Node writes them (uppercase hex).
  const meta = [];
  for (let i = 0; i < 0xa0; i++) meta.push('');
  for (let i = 0; i < 0x20; i++) meta[i] = '\\x' + i.toString(16).toUpperCase().padStart(2, '0');
  for (let i = 0x7f; i < 0xa0; i++) meta[i] = '\\x' + i.toString(16).toUpperCase();
  meta[8] = '\\b'; meta[9] = '\\t'; meta[10] = '\\n'; meta[12] = '\\f'; meta[13] = '\\r';
  meta[39] = "\\'"; meta[92] = '\\\\';

  // Characters that need escaping: controls, quote, backslash, lone surrogates.
  const needsEscapeSingle =
    /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
  const needsEscapeOther =
    /[\x00-\x1f\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  // Quote a string the way Node does: prefer ', else " if the text has ' but no ", else `.
  function quote(str) {
    let q = "'";
    let re = needsEscapeSingle;
    if (str.includes("'")) {
      if (!str.includes('"')) q = '"';
      else if (!str.includes('`') && !str.includes('${')) q = '`';
      if (q !== "'") re = needsEscapeOther;
    }
    if (!re.test(str)) return q + str + q;
    let out = '';
    let last = 0;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      let rep;
      if (c < 0xa0) {
        if (c === 39 && q !== "'") continue;
        rep = meta[c];
        if (rep === '') continue;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        if (c <= 0xdbff && i + 1 < str.length) {
          const n = str.charCodeAt(i + 1);
          if (n >= 0xdc00 && n <= 0xdfff) { i++; continue; } // a valid pair
        } else if (c >= 0xdc00 && i > 0) {
          const p = str.charCodeAt(i - 1);
          if (p >= 0xd800 && p <= 0xdbff) continue;
        }
        rep = '\\u' + c.toString(16);
      } else {
        continue;
      }
      out += str.slice(last, i) + rep;
      last = i + 1;
    }
    return q + out + str.slice(last) + q;
  }

  function formatString(ctx, value) {
    let trailer = '';
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
    }
    // Long multi-line strings inside objects are split after each newline, as 'a\n' + 'b'.
    if (ctx.compact !== true && value.length > 16 &&
        value.length > ctx.breakLength - ctx.indentationLvl - 4 && value.indexOf('\n') !== -1) {
      const parts = [];
      let start = 0;
      for (let nl = value.indexOf('\n'); nl !== -1 && nl + 1 < value.length; nl = value.indexOf('\n', start)) {
        parts.push(quote(value.slice(start, nl + 1)));
        start = nl + 1;
      }
      parts.push(quote(value.slice(start)));
      return parts.join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
    }
    return quote(value) + trailer;
  }

  function formatNumber(n) {
    return ObjectIs(n, -0) ? '-0' : `${n}`;
  }

  function formatPrimitive(ctx, value) {
    switch (typeof value) {
      case 'string': return formatString(ctx, value);
      case 'number': return formatNumber(value);
      case 'bigint': return `${value}n`;
      case 'boolean': return value ? 'true' : 'false';
      case 'undefined': return 'undefined';
      case 'symbol': return SymbolToString(value);
      default: return String(value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Objects.

  const kObjectType = 0;      // entry printed as `key: value`
  const kArrayType = 1;       // array element: value only
  const kArrayExtrasType = 2; // extra key on an array-like: `key: value`, array line layout

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(ctx, value);
    if (value === null) return 'null';

    // Anything below may run user code (proxy traps, getters for toStringTag or the custom
    // inspect symbol, custom inspect functions). Contain its failures to this value.
    const savedIndentation = ctx.indentationLvl;
    const savedSeen = ctx.seen.length;
    try {
      if (ctx.customInspect) {
        const custom = value[customInspectSymbol];
        if (typeof custom === 'function' && custom !== inspect && !isOwnPrototype(value)) {
          const depth = ctx.depth === Infinity ? null : ctx.depth - recurseTimes;
          const ret = uncurry(custom)(value, depth, userOptions(ctx), inspect);
          if (ret !== value) {
            if (typeof ret !== 'string') return formatValue(ctx, ret, recurseTimes);
            return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
          }
        }
      }
      if (ctx.seen.includes(value)) {
        if (ctx.circular === undefined) ctx.circular = new Map();
        let index = ctx.circular.get(value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          ctx.circular.set(value, index);
        }
        return `[Circular *${index}]`;
      }
      return formatRaw(ctx, value, recurseTimes, typedArray);
    } catch (err) {
      ctx.indentationLvl = savedIndentation;
      ctx.seen.length = savedSeen;
      return describeFailure(err, value);
    }
  }

  // `value.constructor.prototype === value`: do not call a class's custom inspect on its prototype.
  function isOwnPrototype(value) {
    const c = value.constructor;
    return !!c && c.prototype === value;
  }

  function errorMessage(err) {
    try {
      if (err !== null && typeof err === 'object' && typeof err.message === 'string') return err.message;
      return String(err);
    } catch {
      return 'unknown error';
    }
  }

  function describeFailure(err, value) {
    const message = errorMessage(err);
    if (err instanceof RangeError && /call stack/i.test(message)) {
      // Node's wording for over-deep structures.
      let name = 'Object';
      try { name = ArrayIsArray(value) ? 'Array' : name; } catch { /* keep Object */ }
      return `[${name}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`;
    }
    return `<Inspection threw (${message})>`;
  }

  function isInstanceof(obj, ctor) {
    try { return obj instanceof ctor; } catch { return false; }
  }

  // Name of the nearest named constructor on the prototype chain whose instance `obj` is; null
  // for a null-prototype object.
  function getConstructorName(obj, ctx, recurseTimes) {
    let firstProto;
    let cur = obj;
    while (cur !== null && cur !== undefined) {
      const desc = getOwnPropertyDescriptor(cur, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '' &&
          isInstanceof(obj, desc.value)) {
        return String(desc.value.name);
      }
      cur = getPrototypeOf(cur);
      if (firstProto === undefined) firstProto = cur;
    }
    if (firstProto === null) return null;
    // A chain without a usable constructor: show the prototype itself, like Node.
    const base = typeof obj === 'function' ? 'Function' : ArrayIsArray(obj) ? 'Array' : 'Object';
    if (recurseTimes > ctx.depth) return `${base} <Complex prototype>`;
    const protoName = getConstructorName(firstProto, ctx, recurseTimes + 1);
    if (protoName === null) {
      const opts = userOptions(ctx);
      opts.customInspect = false;
      opts.depth = -1;
      return `${base} <${inspect(firstProto, opts)}>`;
    }
    return `${base} <${protoName}>`;
  }

  // "Name(size) [tag] " / "[fallback(size): null prototype] [tag] "
  function getPrefix(constructor, tag, fallback, size = '') {
    if (constructor === null) {
      if (tag !== '' && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== '' && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  // Own enumerable string keys plus own enumerable symbols (everything with showHidden).
  function getKeys(value, showHidden) {
    let keys;
    const symbols = getOwnPropertySymbols(value);
    if (showHidden) {
      keys = getOwnPropertyNames(value);
      for (const s of symbols) keys.push(s);
    } else {
      keys = ObjectKeys(value);
      for (const s of symbols) if (propertyIsEnumerable(value, s)) keys.push(s);
    }
    return keys;
  }

  const indexKeyRe = /^(?:0|[1-9][0-9]*)$/;
  function isIndexKey(k) {
    return typeof k === 'string' && indexKeyRe.test(k) && +k < 4294967295;
  }

  // Keys of an array-like that are not element indices.
  function getNonIndexKeys(value, showHidden, length) {
    if (length > 1048576) {
      // Listing every index key of a huge array is too costly; only symbols are looked at.
      const out = [];
      for (const s of getOwnPropertySymbols(value)) {
        if (showHidden || propertyIsEnumerable(value, s)) out.push(s);
      }
      return out;
    }
    const keys = getKeys(value, showHidden);
    // Index keys come first in property order; skip the run of them cheaply, then filter.
    let i = 0;
    while (i < keys.length && keys[i] === `${i}`) i++;
    const out = [];
    for (; i < keys.length; i++) if (!isIndexKey(keys[i])) out.push(keys[i]);
    return out;
  }

  function getTag(value, ctx) {
    let tag;
    try {
      tag = value[SymbolToStringTag];
    } catch {
      return '';
    }
    if (typeof tag !== 'string' || tag === '') return '';
    // An own (enumerable) toStringTag is printed as a property already.
    const own = ctx.showHidden ? hasOwn(value, SymbolToStringTag) : propertyIsEnumerable(value, SymbolToStringTag);
    return own ? '' : tag;
  }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    const constructor = getConstructorName(value, ctx, recurseTimes);
    const tag = getTag(value, ctx);

    let base = '';
    let formatter = noEntries;
    let braces;
    let noIterator = true;
    let extrasType = kObjectType;
    let kind; // from classify(), computed at most once

    // Array-likes and keyed collections.
    if (value[SymbolIterator] || constructor === null) {
      noIterator = false;
      let taKind;
      if (ArrayIsArray(value)) {
        const length = value.length;
        const prefix = (constructor !== 'Array' || tag !== '') ? getPrefix(constructor, tag, 'Array', `(${length})`) : '';
        keys = getNonIndexKeys(value, ctx.showHidden, length);
        braces = [`${prefix}[`, ']'];
        if (length === 0 && keys.length === 0) return `${braces[0]}]`;
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if ((taKind = TypedArrayTag(value)) !== undefined) {
        const length = TypedArrayLength(value);
        keys = getNonIndexKeys(value, ctx.showHidden, length);
        const prefix = getPrefix(constructor, tag, taKind, `(${length})`);
        braces = [`${prefix}[`, ']'];
        if (length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
        formatter = (c, v, r) => formatTypedArray(c, v, r, length);
        extrasType = kArrayExtrasType;
      } else {
        kind = classify(value);
        if (kind === 'set') {
          const size = SetSize(value);
          const prefix = getPrefix(constructor, tag, 'Set', `(${size})`);
          keys = getKeys(value, ctx.showHidden);
          formatter = formatSet;
          if (size === 0 && keys.length === 0) return `${prefix}{}`;
          braces = [`${prefix}{`, '}'];
        } else if (kind === 'map') {
          const size = MapSize(value);
          const prefix = getPrefix(constructor, tag, 'Map', `(${size})`);
          keys = getKeys(value, ctx.showHidden);
          formatter = formatMap;
          if (size === 0 && keys.length === 0) return `${prefix}{}`;
          braces = [`${prefix}{`, '}'];
        } else {
          noIterator = true;
        }
      }
    }

    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ['{', '}'];
      if (typeof value === 'function') {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0) return base;
      } else if (constructor === 'Object') {
        if (isArgumentsObject(value)) {
          // Node 20 prints arguments objects with their index keys, like a plain object.
          braces[0] = '[Arguments] {';
        } else if (tag !== '') {
          braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
        }
        if (keys.length === 0) return `${braces[0]}}`;
      } else {
        if (kind === undefined) kind = classify(value);
        if (kind === 'regexp') {
          base = RegExpToString(value);
          const prefix = getPrefix(constructor, tag, 'RegExp');
          if (prefix !== 'RegExp ') base = `${prefix}${base}`;
          if (keys.length === 0 || recurseTimes > ctx.depth) return base;
        } else if (kind === 'date') {
          const time = DateGetTime(value);
          base = time !== time ? DateToString(value) : DateToISOString(value);
          if (keys.length === 0) return base;
          const prefix = getPrefix(constructor, tag, 'Date');
          if (prefix !== 'Date ') base = `${prefix}${base}`;
        } else if (kind === 'error') {
          base = formatError(value, constructor, tag, ctx, keys);
          if (keys.length === 0) return base;
        } else if (kind === 'arraybuffer' || kind === 'sharedarraybuffer') {
          const prefix = getPrefix(constructor, tag, kind === 'arraybuffer' ? 'ArrayBuffer' : 'SharedArrayBuffer');
          const byteLength = kind === 'arraybuffer' ? ArrayBufferByteLength(value) : SharedArrayBufferByteLength(value);
          if (typedArray === undefined) {
            formatter = formatArrayBuffer;
          } else if (keys.length === 0) {
            return `${prefix}{ byteLength: ${formatNumber(byteLength)} }`;
          }
          braces[0] = `${prefix}{`;
          keys.unshift('byteLength');
        } else if (kind === 'dataview') {
          braces[0] = `${getPrefix(constructor, tag, 'DataView')}{`;
          // buffer goes last: it is the only non-primitive.
          keys.unshift('byteLength', 'byteOffset', 'buffer');
        } else if (kind === 'promise') {
          braces[0] = `${getPrefix(constructor, tag, 'Promise')}{`;
          formatter = formatPromise;
        } else if (kind === 'weakset') {
          braces[0] = `${getPrefix(constructor, tag, 'WeakSet')}{`;
          formatter = formatWeakCollection;
        } else if (kind === 'weakmap') {
          braces[0] = `${getPrefix(constructor, tag, 'WeakMap')}{`;
          formatter = formatWeakCollection;
        } else if (constructor === null && tag === 'Module') {
          // A module namespace object.
          braces[0] = '[Module: null prototype] {';
          formatter = formatNamespace(keys);
        } else if (kind === 'number' || kind === 'string' || kind === 'boolean' ||
                   kind === 'symbol' || kind === 'bigint') {
          base = getBoxedBase(value, ctx, keys, constructor, tag, kind);
          if (keys.length === 0) return base;
        } else {
          if (keys.length === 0) return `${getPrefix(constructor, tag, 'Object')}{}`;
          braces[0] = `${getPrefix(constructor, tag, 'Object')}{`;
        }
      }
    }

    // Too deep: just name the thing.
    if (recurseTimes > ctx.depth) {
      let name = getPrefix(constructor, tag, 'Object').slice(0, -1);
      if (constructor !== null) name = `[${name}]`;
      return name;
    }

    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    ctx.seen.pop();

    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = `<ref *${index}>`;
        if (ctx.compact !== true) base = base === '' ? reference : `${reference} ${base}`;
        else braces[0] = `${reference} ${braces[0]}`;
      }
    }

    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) {
        output.sort(comparator);
      } else if (keys.length > 1) {
        const sorted = output.slice(output.length - keys.length).sort(comparator);
        output.splice(output.length - keys.length, keys.length, ...sorted);
      }
    }

    return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  }

  // Every arguments object has an own `callee`; checking it first keeps toString (which may run a
  // throwing toStringTag getter) off ordinary objects.
  function isArgumentsObject(value) {
    if (!hasOwn(value, 'callee')) return false;
    try { return ObjectToString(value) === '[object Arguments]'; } catch { return false; }
  }

  function noEntries() {
    return [];
  }

  function getFunctionBase(value, constructor, tag) {
    let source = '';
    try { source = FunctionToString(value); } catch { /* e.g. a revoked proxy */ }
    if (source.startsWith('class') && source.endsWith('}') && /^class[\s{]/.test(source)) {
      return getClassBase(value, constructor, tag);
    }
    const proto = getPrototypeOf(value);
    let type = 'Function';
    if (proto === GeneratorFunctionProto) type = 'GeneratorFunction';
    else if (proto === AsyncFunctionProto) type = 'AsyncFunction';
    else if (proto === AsyncGeneratorFunctionProto) type = 'AsyncGeneratorFunction';
    let base = `[${type}`;
    if (constructor === null) base += ' (null prototype)';
    const name = value.name;
    if (name === '' || typeof name !== 'string') base += ' (anonymous)';
    else base += `: ${name}`;
    base += ']';
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function getClassBase(value, constructor, tag) {
    const name = (hasOwn(value, 'name') && value.name) || '(anonymous)';
    let base = `class ${name}`;
    if (constructor !== 'Function' && constructor !== null) base += ` [${constructor}]`;
    if (tag !== '' && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = getPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += ' extends [null prototype]';
    }
    return `[${base}]`;
  }

  function getBoxedBase(value, ctx, keys, constructor, tag, kind) {
    let type, primitive;
    switch (kind) {
      case 'number': type = 'Number'; primitive = NumberValueOf(value); break;
      case 'string':
        type = 'String';
        primitive = StringValueOf(value);
        // The character indices are noise next to the string itself.
        keys.splice(0, primitive.length);
        break;
      case 'boolean': type = 'Boolean'; primitive = BooleanValueOf(value); break;
      case 'bigint': type = 'BigInt'; primitive = BigIntValueOf(value); break;
      default: type = 'Symbol'; primitive = SymbolValueOf(value);
    }
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? ' (null prototype)' : ` (${constructor})`;
    base += `: ${formatPrimitive(ctx, primitive)}]`;
    if (tag !== '' && tag !== constructor) base += ` [${tag}]`;
    return base;
  }

  // --- errors ---

  function getStackString(err) {
    let stack;
    try { stack = err.stack; } catch { /* fall through */ }
    if (stack) return String(stack);
    try { return ErrorToString(err); } catch { return '[object Error]'; }
  }

  function formatError(err, constructor, tag, ctx, keys) {
    const name = err.name != null ? String(err.name) : 'Error';
    let stack = getStackString(err);

    // name/message/stack set as enumerable own properties are already visible in the stack.
    if (!ctx.showHidden && keys.length !== 0) {
      for (const k of ['name', 'message', 'stack']) {
        const i = keys.indexOf(k);
        if (i !== -1 && stack.includes(err[k])) keys.splice(i, 1);
      }
    }
    // cause and AggregateError's errors are non-enumerable but worth showing.
    if ('cause' in err && (keys.length === 0 || !keys.includes('cause'))) keys.push('cause');
    if (ArrayIsArray(err.errors) && (keys.length === 0 || !keys.includes('errors'))) keys.push('errors');

    stack = improveStack(stack, constructor, name, tag);

    // The message may itself contain "\n    at"; look for frames after it.
    const message = err.message;
    let pos = (message && typeof message === 'string' && stack.indexOf(message)) || -1;
    if (pos !== -1) pos += message.length;
    const stackStart = stack.indexOf('\n    at', pos);
    if (stackStart === -1) {
      // No frames: wrap in brackets so it reads as a value.
      stack = `[${stack}]`;
    } else {
      const frames = removeCauseFrames(err, stack.slice(stackStart + 1).split('\n'));
      stack = `${stack.slice(0, stackStart)}\n${frames.join('\n')}`;
    }
    if (ctx.indentationLvl !== 0) {
      stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
    }
    return stack;
  }

  // Make the first line name the actual class, e.g. "MyErr [Error]: msg" for a subclass that
  // kept name 'Error'. Only for stacks that look regular.
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null ||
        (name.endsWith('Error') && stack.startsWith(name) &&
         (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
      let fallback = 'Error';
      if (constructor === null) {
        const m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (m && m[1]) || '';
        len = fallback.length;
        fallback = fallback || 'Error';
      }
      const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) {
          stack = len === 0 ? `${prefix}: ${stack}` : `${prefix}${stack.slice(len)}`;
        } else {
          stack = `${prefix} [${name}]${stack.slice(len)}`;
        }
      }
    }
    return stack;
  }

  // Frames the error shares with its cause's stack are collapsed into one line.
  function removeCauseFrames(err, frames) {
    let cause;
    try { cause = err.cause; } catch { return frames; }
    if (cause === null || typeof cause !== 'object' || !isInstanceof(cause, Error)) return frames;
    const causeStack = getStackString(cause);
    const start = causeStack.indexOf('\n    at');
    if (start === -1) return frames;
    const causeFrames = causeStack.slice(start + 1).split('\n');
    // Find the first run of more than three identical consecutive frames.
    for (let i = 0; i < frames.length - 3; i++) {
      const pos = causeFrames.indexOf(frames[i]);
      if (pos === -1 || causeFrames.length - pos <= 3) continue;
      const maxLen = MathMin(frames.length - i, causeFrames.length - pos);
      let len = 1;
      while (len < maxLen && frames[i + len] === causeFrames[pos + len]) len++;
      if (len > 3) {
        const skipped = len - 2;
        frames.splice(i + 1, skipped, `    ... ${skipped} lines matching cause stack trace ...`);
        break;
      }
    }
    return frames;
  }

  // --- entry formatters (each returns an array of entry strings) ---

  function moreItems(remaining) {
    return `... ${remaining} more item${remaining > 1 ? 's' : ''}`;
  }

  function formatArray(ctx, value, recurseTimes) {
    const length = value.length;
    const max = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < max; i++) {
      if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, max, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (length > max) output.push(moreItems(length - max));
    return output;
  }

  // Arrays with holes: runs of missing indices become "<N empty items>"; each run counts as
  // one entry against maxArrayLength.
  function formatSparseArray(ctx, value, recurseTimes, max, output, firstHole) {
    const keys = ObjectKeys(value);
    let index = firstHole;
    for (let k = firstHole; k < keys.length && output.length < max; k++) {
      const key = keys[k];
      if (!isIndexKey(key)) break;
      const n = +key;
      if (n !== index) {
        const empty = n - index;
        output.push(`<${empty} empty item${empty > 1 ? 's' : ''}>`);
        index = n;
        if (output.length === max) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== max) {
      if (remaining > 0) output.push(`<${remaining} empty item${remaining > 1 ? 's' : ''}>`);
    } else if (remaining > 0) {
      output.push(moreItems(remaining));
    }
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes, length) {
    const max = MathMin(MathMax(0, ctx.maxArrayLength), length);
    const output = [];
    for (let i = 0; i < max; i++) {
      const v = value[i];
      output.push(typeof v === 'bigint' ? `${v}n` : formatNumber(v));
    }
    if (length > max) output.push(moreItems(length - max));
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
        output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatArrayBuffer(ctx, value) {
    let bytes;
    try {
      bytes = new Uint8Array(value);
    } catch {
      return ['(detached)'];
    }
    const max = MathMin(MathMax(0, ctx.maxArrayLength), bytes.length);
    let hex = '';
    for (let i = 0; i < max; i++) {
      if (i !== 0) hex += ' ';
      const b = bytes[i];
      hex += (b < 16 ? '0' : '') + b.toString(16);
    }
    const remaining = bytes.length - max;
    if (remaining > 0) hex += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    return [`[Uint8Contents]: <${hex}>`];
  }

  function formatSet(ctx, value, recurseTimes) {
    const size = SetSize(value);
    const max = MathMin(MathMax(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    const it = SetValues(value);
    for (let i = 0; i < max; i++) {
      const step = SetIteratorNext(it);
      if (step.done) break;
      output.push(formatValue(ctx, step.value, recurseTimes));
    }
    if (size > max) output.push(moreItems(size - max));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    const size = MapSize(value);
    const max = MathMin(MathMax(0, ctx.maxArrayLength), size);
    const output = [];
    ctx.indentationLvl += 2;
    const it = MapEntries(value);
    for (let i = 0; i < max; i++) {
      const step = MapIteratorNext(it);
      if (step.done) break;
      const k = formatValue(ctx, step.value[0], recurseTimes);
      const v = formatValue(ctx, step.value[1], recurseTimes);
      output.push(`${k} => ${v}`);
    }
    if (size > max) output.push(moreItems(size - max));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatPromise(ctx, value, recurseTimes) {
    let details;
    if (typeof internal.promiseDetails === 'function') {
      try { details = internal.promiseDetails(value); } catch { details = undefined; }
    }
    if (!details || details.state === 'pending') return ['<pending>'];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, details.value, recurseTimes);
    ctx.indentationLvl -= 2;
    return [details.state === 'rejected' ? `<rejected> ${str}` : str];
  }

  function formatWeakCollection() {
    return ['<items unknown>'];
  }

  function formatNamespace(keys) {
    return (ctx, value, recurseTimes) => {
      const output = [];
      for (const key of keys) {
        try {
          output.push(formatProperty(ctx, value, recurseTimes, key, kObjectType));
        } catch {
          // A binding in its temporal dead zone.
          output.push(`${formatKey(key, true)}: <uninitialized>`);
        }
      }
      keys.length = 0; // already printed
      return output;
    };
  }

  const identifierRe = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function formatKey(key, enumerable) {
    if (typeof key === 'symbol') return `[${SymbolToString(key)}]`;
    if (key === '__proto__') return "['__proto__']";
    if (enumerable === false) return `[${key}]`;
    if (identifierRe.test(key)) return key;
    return quote(key);
  }

  function formatProperty(ctx, value, recurseTimes, key, type) {
    let str;
    let extra = ' ';
    const desc = getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      // compact=true lines object values up three columns in.
      const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < str.length) {
        extra = `\n${' '.repeat(ctx.indentationLvl)}`;
      }
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
      if (ctx.getters && (ctx.getters === true ||
          (ctx.getters === 'get' && desc.set === undefined) ||
          (ctx.getters === 'set' && desc.set !== undefined))) {
        str = formatGetterValue(ctx, value, recurseTimes, desc.get, label);
      } else {
        str = `[${label}]`;
      }
    } else if (desc.set !== undefined) {
      str = '[Setter]';
    } else {
      str = 'undefined';
    }
    if (type === kArrayType) return str;
    return `${formatKey(key, desc.enumerable)}:${extra}${str}`;
  }

  // Only with the `getters` option: call the getter and show its result.
  function formatGetterValue(ctx, value, recurseTimes, getter, label) {
    try {
      const v = uncurry(getter)(value);
      ctx.indentationLvl += 2;
      let str;
      if (v === null) str = `[${label}: null]`;
      else if (typeof v === 'object' || typeof v === 'function') str = `[${label}] ${formatValue(ctx, v, recurseTimes)}`;
      else str = `[${label}: ${formatPrimitive(ctx, v)}]`;
      ctx.indentationLvl -= 2;
      return str;
    } catch (err) {
      return `[${label}: <Inspection threw (${errorMessage(err)})>]`;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Layout.

  // Decide between one line `{ a, b }` and one entry per line. With the default compact=3, an
  // object goes on one line when it nests at most 3 levels of objects below it and the line fits
  // in breakLength (80) counting indentation; arrays of more than 6 entries are set in columns.
  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) {
          output = groupArrayElements(ctx, output, value);
        }
        // ctx.currentDepth is the depth of the innermost object formatted last; only objects
        // with few levels below them are candidates for a single line.
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joined = output.join(', ');
            if (!joined.includes('\n')) {
              return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }
    // compact === true: fill lines, keeping the braces on the first and last entry lines.
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
    }
    const indentation = ' '.repeat(ctx.indentationLvl);
    const ln = base === '' && braces[0].length === 1 ? ' ' : `${base ? ` ${base}` : ''}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let total = output.length + start;
    if (total + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      total += output[i].length;
      if (total > ctx.breakLength) return false;
    }
    return base === '' || !base.includes('\n');
  }

  // Set many short array entries in aligned columns (numbers right-aligned, others left-aligned).
  // The column count aims at a roughly square block, at most 15 columns and within breakLength;
  // arrays whose entries differ a lot in length are left one per line.
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    // A trailing "... N more items" is not part of the grid.
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2; // ", "
    const dataLen = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
      const len = output[i].length;
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      // Entries are about 2.5 times as tall as a character is wide; aim for a square-ish block.
      const averageBias = MathSqrt(actualMax - totalLength / output.length);
      const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
      const columns = MathMin(
        MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
        MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength = [];
      for (let c = 0; c < columns; c++) {
        let lineLength = 0;
        for (let j = c; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      // Right-align when every element is a number or bigint.
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          const t = typeof value[i];
          if (t !== 'number' && t !== 'bigint') { padStart = false; break; }
        }
      }
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = MathMin(i + columns, outputLength);
        let line = '';
        let j = i;
        for (; j < max - 1; j++) {
          const cell = `${output[j]}, `;
          line += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
        }
        line += padStart ? output[j].padStart(maxLineLength[j - i] - separatorSpace, ' ') : output[j];
        grouped.push(line);
      }
      if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
      output = grouped;
    }
    return output;
  }

  // ---------------------------------------------------------------------------------------------
  // printf-style formatting of console arguments.

  // Objects whose toString is the built-in one are inspected by %s; others use their toString.
  function hasBuiltInToString(value) {
    try {
      if (typeof value.toString !== 'function') return true;
      if (hasOwn(value, 'toString')) return false;
      let p = value;
      do { p = getPrototypeOf(p); } while (p !== null && !hasOwn(p, 'toString'));
      if (p === null) return true;
      const desc = getOwnPropertyDescriptor(p, 'constructor');
      return desc !== undefined && typeof desc.value === 'function' && builtInNames.has(desc.value.name);
    } catch {
      return true;
    }
  }
  // Global constructors present at start-up (the language built-ins). Descriptors are read so
  // that no lazy global getter runs.
  const builtInNames = new Set(getOwnPropertyNames(globalThis).filter((n) => {
    if (!/^[A-Z][a-zA-Z0-9]+$/.test(n)) return false;
    const d = getOwnPropertyDescriptor(globalThis, n);
    return d !== undefined && typeof d.value === 'function';
  }));

  function stringifySafe(value) {
    try {
      return JSONStringify(value);
    } catch (err) {
      const msg = errorMessage(err);
      if (/circular|cyclic/i.test(msg)) return '[Circular]';
      return `<Inspection threw (${msg})>`;
    }
  }

  function safeNumber(fn, v) {
    try { return formatNumber(fn(v)); } catch { return 'NaN'; }
  }

  function formatWithOptions(options, args) {
    const first = args[0];
    let a = 0;
    let str = '';
    let join = '';
    if (typeof first === 'string') {
      if (args.length === 1) return first;
      let lastPos = 0;
      let tempStr;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue; // '%'
        const next = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (next) {
            case 115: { // 's'
              const arg = args[++a];
              if (typeof arg === 'number') tempStr = formatNumber(arg);
              else if (typeof arg === 'bigint') tempStr = `${arg}n`;
              else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) tempStr = safeString(arg);
              else tempStr = inspect(arg, { ...options, depth: 0, colors: false, compact: 3 });
              break;
            }
            case 106: // 'j'
              tempStr = `${stringifySafe(args[++a])}`;
              break;
            case 100: { // 'd'
              const arg = args[++a];
              if (typeof arg === 'bigint') tempStr = `${arg}n`;
              else if (typeof arg === 'symbol') tempStr = 'NaN';
              else tempStr = safeNumber(Number, arg);
              break;
            }
            case 79: // 'O'
              tempStr = inspect(args[++a], options);
              break;
            case 111: // 'o'
              tempStr = inspect(args[++a], { ...options, showHidden: true, showProxy: true, depth: 4 });
              break;
            case 105: { // 'i'
              const arg = args[++a];
              if (typeof arg === 'bigint') tempStr = `${arg}n`;
              else if (typeof arg === 'symbol') tempStr = 'NaN';
              else tempStr = safeNumber((v) => parseInt(safeString(v)), arg);
              break;
            }
            case 102: { // 'f'
              const arg = args[++a];
              if (typeof arg === 'symbol') tempStr = 'NaN';
              else tempStr = safeNumber((v) => parseFloat(safeString(v)), arg);
              break;
            }
            case 99: // 'c': CSS is meaningless here; drop the argument.
              a++;
              tempStr = '';
              break;
            case 37: // '%%'
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default: // unknown: leave as written
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = ' ';
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== 'string' ? inspect(value, options) : value;
      join = ' ';
      a++;
    }
    return str;
  }

  function safeString(v) {
    try { return String(v); } catch (err) { return `<Inspection threw (${errorMessage(err)})>`; }
  }

  function format(args) {
    return formatWithOptions(undefined, args);
  }

  internal.inspect = inspect;
  internal.format = format;
  internal.formatWithOptions = formatWithOptions;

  // ---------------------------------------------------------------------------------------------
  // The console object. Methods close over their state instead of using `this`, so they work
  // detached (`const { log } = console`).

  const write = ops.console.write;
  const LEVEL_DEBUG = 0, LEVEL_LOG = 1, LEVEL_WARN = 2, LEVEL_ERROR = 3;
  let groupIndent = '';
  const counts = new Map();
  const timers = new Map();

  function emit(level, text) {
    if (groupIndent !== '') {
      if (text.includes('\n')) text = text.replaceAll('\n', `\n${groupIndent}`);
      text = groupIndent + text;
    }
    write(level, text);
  }

  function formatArgs(args) {
    // Fast path for the most common call, console.log('text').
    if (args.length === 1 && typeof args[0] === 'string') return args[0];
    try {
      return formatWithOptions(undefined, args);
    } catch (err) {
      return `<Inspection threw (${errorMessage(err)})>`;
    }
  }

  const now = () => (typeof performance === 'object' && performance !== null &&
    typeof performance.now === 'function') ? performance.now() : Date.now();

  function formatTime(ms) {
    const pad = (n, w) => `${n}`.padStart(w, '0');
    if (ms >= 60000) {
      const hours = MathFloor(ms / 3600000);
      const minutes = MathFloor((ms % 3600000) / 60000);
      const [seconds, millis] = ((ms % 60000) / 1000).toFixed(3).split('.');
      if (hours !== 0) return `${hours}:${pad(minutes, 2)}:${pad(seconds, 2)}.${millis} (h:mm:ss.mmm)`;
      return `${minutes}:${pad(seconds, 2)}.${millis} (m:ss.mmm)`;
    }
    if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
    return `${Number(ms.toFixed(3))}ms`;
  }

  function timeElapsed(label, fn, args) {
    const start = timers.get(label);
    if (start === undefined) {
      emit(LEVEL_WARN, `Warning: No such label '${label}' for console.${fn}()`);
      return;
    }
    let text = `${label}: ${formatTime(now() - start)}`;
    if (args.length > 0) text += ` ${formatArgs(args)}`;
    emit(LEVEL_LOG, text);
  }

  const tableChars = {
    middleMiddle: '─', rowMiddle: '┼', topRight: '┐', topLeft: '┌', leftMiddle: '├',
    topMiddle: '┬', bottomRight: '┘', bottomLeft: '└', bottomMiddle: '┴', rightMiddle: '┤',
    left: '│ ', right: ' │', middle: ' │ ',
  };

  // Draw a box table with left-aligned cells (Node 20.20's console.table look).
  function renderTable(head, columns) {
    const widths = head.map((h) => h.length);
    const rowCount = MathMax(...columns.map((c) => c.length));
    const rows = [];
    for (let r = 0; r < rowCount; r++) {
      const row = [];
      for (let c = 0; c < head.length; c++) {
        const cell = hasOwn(columns[c], r) ? columns[c][r] : '';
        row.push(cell);
        if (cell.length > widths[c]) widths[c] = cell.length;
      }
      rows.push(row);
    }
    const renderRow = (row) => {
      let out = tableChars.left;
      for (let c = 0; c < row.length; c++) {
        out += row[c] + ' '.repeat(widths[c] - row[c].length);
        if (c !== row.length - 1) out += tableChars.middle;
      }
      return out + tableChars.right;
    };
    const divider = widths.map((w) => tableChars.middleMiddle.repeat(w + 2));
    let result = `${tableChars.topLeft}${divider.join(tableChars.topMiddle)}${tableChars.topRight}\n` +
      `${renderRow(head)}\n` +
      `${tableChars.leftMiddle}${divider.join(tableChars.rowMiddle)}${tableChars.rightMiddle}\n`;
    for (const row of rows) result += `${renderRow(row)}\n`;
    return result + `${tableChars.bottomLeft}${divider.join(tableChars.bottomMiddle)}${tableChars.bottomRight}`;
  }

  // Cells are inspected compactly: objects with more than two keys collapse to [Object].
  function tableCell(v) {
    const depth = v !== null && typeof v === 'object' && !ArrayIsArray(v) && ObjectKeys(v).length > 2 ? -1 : 0;
    return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
  }

  function buildTable(data, properties) {
    const indexColumn = (n) => Array.from({ length: n }, (_, i) => tableCell(i));
    const kind = classify(data);
    if (kind === 'map') {
      const keys = [], values = [];
      const it = MapEntries(data);
      for (let s = MapIteratorNext(it); !s.done; s = MapIteratorNext(it)) {
        keys.push(tableCell(s.value[0]));
        values.push(tableCell(s.value[1]));
      }
      return renderTable(['(iteration index)', 'Key', 'Values'], [indexColumn(keys.length), keys, values]);
    }
    if (kind === 'set') {
      const values = [];
      const it = SetValues(data);
      for (let s = SetIteratorNext(it); !s.done; s = SetIteratorNext(it)) values.push(tableCell(s.value));
      return renderTable(['(iteration index)', 'Values'], [indexColumn(values.length), values]);
    }
    const columns = new Map(); // column key -> cells by row
    let hasPrimitives = false;
    const valuesColumn = [];
    const indexKeys = ObjectKeys(data);
    for (let i = 0; i < indexKeys.length; i++) {
      const item = data[indexKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesColumn[i] = tableCell(item);
      } else {
        const keys = properties || ObjectKeys(item);
        for (const key of keys) {
          if (!columns.has(key)) columns.set(key, []);
          columns.get(key)[i] = (primitive || !hasOwn(item, key)) ? '' : tableCell(item[key]);
        }
      }
    }
    const head = ['(index)'];
    const cols = [indexKeys];
    for (const [key, cells] of columns) {
      head.push(`${key}`);
      cols.push(cells);
    }
    if (hasPrimitives) {
      head.push('Values');
      cols.push(valuesColumn);
    }
    return renderTable(head, cols);
  }

  const console = {
    log(...args) { emit(LEVEL_LOG, formatArgs(args)); },
    info(...args) { emit(LEVEL_LOG, formatArgs(args)); },
    debug(...args) { emit(LEVEL_DEBUG, formatArgs(args)); },
    warn(...args) { emit(LEVEL_WARN, formatArgs(args)); },
    error(...args) { emit(LEVEL_ERROR, formatArgs(args)); },
    dirxml(...args) { emit(LEVEL_LOG, formatArgs(args)); },

    trace(...args) {
      // "Trace: message" followed by the caller's frames (this function's own frame removed).
      let frames = '';
      try {
        const stack = `${new Error().stack}`;
        const lines = stack.split('\n');
        let i = 0;
        while (i < lines.length && !lines[i].startsWith('    at ')) i++;
        frames = lines.slice(i + 1).join('\n');
      } catch { /* no stack available */ }
      const header = args.length === 0 ? 'Trace' : `Trace: ${formatArgs(args)}`;
      emit(LEVEL_ERROR, frames === '' ? header : `${header}\n${frames}`);
    },

    assert(condition, ...data) {
      if (condition) return;
      // WHATWG console spec: prefix a string message, else print the label before the data.
      if (data.length === 0) data = ['Assertion failed'];
      else if (typeof data[0] === 'string') data[0] = `Assertion failed: ${data[0]}`;
      else data.unshift('Assertion failed');
      emit(LEVEL_ERROR, formatArgs(data));
    },

    dir(value, options) {
      let text;
      try {
        text = inspect(value, { customInspect: false, ...(options !== null && typeof options === 'object' ? options : {}) });
      } catch (err) {
        text = `<Inspection threw (${errorMessage(err)})>`;
      }
      emit(LEVEL_LOG, text);
    },

    table(data, properties) {
      if (data === null || typeof data !== 'object') {
        emit(LEVEL_LOG, formatArgs([data]));
        return;
      }
      let text;
      try {
        text = buildTable(data, ArrayIsArray(properties) ? properties : undefined);
      } catch (err) {
        text = formatArgs([data]);
      }
      emit(LEVEL_LOG, text);
    },

    group(...labels) {
      if (labels.length > 0) emit(LEVEL_LOG, formatArgs(labels));
      groupIndent += '  ';
    },
    groupCollapsed(...labels) {
      if (labels.length > 0) emit(LEVEL_LOG, formatArgs(labels));
      groupIndent += '  ';
    },
    groupEnd() {
      groupIndent = groupIndent.slice(0, MathMax(0, groupIndent.length - 2));
    },

    count(label = 'default') {
      label = `${label}`;
      const n = (counts.get(label) || 0) + 1;
      counts.set(label, n);
      emit(LEVEL_LOG, `${label}: ${n}`);
    },
    countReset(label = 'default') {
      label = `${label}`;
      if (!counts.has(label)) {
        emit(LEVEL_WARN, `Warning: Count for '${label}' does not exist`);
        return;
      }
      counts.delete(label);
    },

    time(label = 'default') {
      label = `${label}`;
      if (timers.has(label)) {
        emit(LEVEL_WARN, `Warning: Label '${label}' already exists for console.time()`);
        return;
      }
      timers.set(label, now());
    },
    timeLog(label = 'default', ...data) {
      timeElapsed(`${label}`, 'timeLog', data);
    },
    timeEnd(label = 'default') {
      label = `${label}`;
      timeElapsed(label, 'timeEnd', []);
      timers.delete(label);
    },

    // Nothing to clear, profile or stamp in a log stream.
    clear() {},
    profile() {},
    profileEnd() {},
    timeStamp() {},
  };
  defineProperty(console, SymbolToStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });

  // Loaded lazily behind console-lazy.js's stub: that stub stays the global and delegates here.
  internal.realConsole = console;
  if (!internal.consoleStub) {
    defineProperty(globalThis, 'console', { value: console, writable: true, enumerable: false, configurable: true });
  }
})
