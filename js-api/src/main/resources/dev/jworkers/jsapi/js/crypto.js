// The global `crypto` (Web Crypto's Crypto interface): getRandomValues() and randomUUID(), with
// workerd's checks, order and messages (checked against workerd itself). The random bytes come
// from ops.crypto (CryptoOps.java, a SecureRandom per Context). `crypto.subtle` (SubtleCrypto) is
// not provided yet, so it reads as undefined.
(function (ops, internal) {
  'use strict';
  const cryptoOps = ops.crypto;
  const { taName, taBuffer, taByteOffset, taByteLength } = internal.primordials;
  const isView = ArrayBuffer.isView;
  const U8 = Uint8Array;
  const MAX_BYTES = 65536;
  // The integer-typed arrays getRandomValues accepts; every other view (Float16/32/64Array,
  // DataView) is a TypeMismatchError.
  const INTEGER_ARRAYS = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
    'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']);
  const setHas = internal.primordials.setHas;

  // Not a class: workerd answers `Crypto()` without `new` with "Illegal constructor" too.
  function Crypto() { throw new TypeError('Illegal constructor'); }
  let instance = null;
  function check(self) {
    if (self !== instance || instance === null) throw new TypeError('Illegal invocation');
  }

  const methods = {
    getRandomValues(array) {
      check(this);
      // WebIDL ArrayBufferView conversion ([AllowShared]): typed arrays and DataViews, nothing else.
      if (!isView(array)) {
        throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.");
      }
      const name = taName(array);   // undefined for a DataView
      if (name === undefined || !setHas(INTEGER_ARRAYS, name)) {
        throw internal.domException('ArrayBufferView argument to getRandomValues() must be an integer-typed view.', 'TypeMismatchError');
      }
      const length = taByteLength(array);   // 0 when detached; the current length when length-tracking
      if (length > MAX_BYTES) {
        throw internal.domException(`getRandomValues() only accepts buffers of size <= 64K but provided ${length} bytes.`, 'QuotaExceededError');
      }
      if (length > 0) {
        const bytes = cryptoOps.randomBytes(length);
        const target = new U8(taBuffer(array), taByteOffset(array), length);
        for (let i = 0; i < length; i++) target[i] = bytes.charCodeAt(i);
      }
      return array;
    },
    randomUUID() {
      check(this);
      return cryptoOps.randomUUID();
    },
  };
  // WebIDL operations: enumerable, writable, configurable, on the prototype.
  for (const key of ['getRandomValues', 'randomUUID']) {
    Object.defineProperty(Crypto.prototype, key, { value: methods[key], enumerable: true, writable: true, configurable: true });
  }
  Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
  Object.defineProperty(Crypto, 'prototype', { writable: false, enumerable: false, configurable: false });

  instance = Object.create(Crypto.prototype);
  internal.Crypto = Crypto;
  internal.defineGlobal('Crypto', Crypto);
  // workerd has `crypto` as a writable, enumerable data property of the global scope.
  Object.defineProperty(globalThis, 'crypto', { value: instance, writable: true, enumerable: true, configurable: true });
})
