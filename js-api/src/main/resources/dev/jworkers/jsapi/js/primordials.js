// Built-ins captured before any user code runs, for bootstrap code that must not be fooled by
// patched prototypes (structuredClone and the V8 serializer run user getters mid-way). Methods are
// uncurried: `mapGet(map, key)` instead of `map.get(key)`.
(function (ops, internal) {
  'use strict';
  const uncurry = (f) => Function.prototype.call.bind(f);
  const getter = (proto, key) => uncurry(Object.getOwnPropertyDescriptor(proto, key).get);
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);

  internal.primordials = Object.freeze({
    uncurry, getter, TypedArrayPrototype,
    objectToString: uncurry(Object.prototype.toString),
    booleanValue: uncurry(Boolean.prototype.valueOf),
    numberValue: uncurry(Number.prototype.valueOf),
    bigintValue: uncurry(BigInt.prototype.valueOf),
    stringValue: uncurry(String.prototype.valueOf),
    symbolValue: uncurry(Symbol.prototype.valueOf),
    dateValue: uncurry(Date.prototype.getTime),
    regexpSource: getter(RegExp.prototype, 'source'),
    abByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
    abMaxByteLength: getter(ArrayBuffer.prototype, 'maxByteLength'),
    abResizable: getter(ArrayBuffer.prototype, 'resizable'),
    abDetached: getter(ArrayBuffer.prototype, 'detached'),
    taName: getter(TypedArrayPrototype, Symbol.toStringTag),
    taBuffer: getter(TypedArrayPrototype, 'buffer'),
    taByteOffset: getter(TypedArrayPrototype, 'byteOffset'),
    taByteLength: getter(TypedArrayPrototype, 'byteLength'),
    dvBuffer: getter(DataView.prototype, 'buffer'),
    dvByteOffset: getter(DataView.prototype, 'byteOffset'),
    dvByteLength: getter(DataView.prototype, 'byteLength'),
    mapSize: getter(Map.prototype, 'size'),
    setSize: getter(Set.prototype, 'size'),
    mapSet: uncurry(Map.prototype.set),
    mapGet: uncurry(Map.prototype.get),
    mapHas: uncurry(Map.prototype.has),
    setAdd: uncurry(Set.prototype.add),
    setHas: uncurry(Set.prototype.has),
    weakMapHas: uncurry(WeakMap.prototype.has),
    weakSetHas: uncurry(WeakSet.prototype.has),
    // Objects whose @@toStringTag names a built-in with internal slots that cannot be serialized.
    UNCLONEABLE_TAGS: new Set(['Promise', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Generator',
      'AsyncGenerator', 'Map Iterator', 'Set Iterator', 'Array Iterator', 'String Iterator', 'RegExp String Iterator',
      'Iterator Helper', 'Arguments', 'Module', 'WebAssembly.Module', 'WebAssembly.Instance', 'WebAssembly.Memory',
      'WebAssembly.Table', 'WebAssembly.Global', 'WebAssembly.Tag', 'WebAssembly.Exception']),
  });
})
