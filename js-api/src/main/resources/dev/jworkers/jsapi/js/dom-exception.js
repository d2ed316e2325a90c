// DOMException (WebIDL), and the small WebIDL helpers the event and abort files share.
(function (ops, internal) {
  'use strict';

  // Class syntax makes methods and accessors non-enumerable; WebIDL operations, attributes and
  // static operations are enumerable. Also sets the prototype's Symbol.toStringTag.
  internal.webidlInterface = function (cls, name) {
    for (const target of [cls.prototype, cls]) {
      for (const key of Object.getOwnPropertyNames(target)) {
        if (target === cls ? key === 'prototype' || key === 'length' || key === 'name' : key === 'constructor') continue;
        const d = Object.getOwnPropertyDescriptor(target, key);
        if (d.configurable && !d.enumerable) Object.defineProperty(target, key, { enumerable: true });
      }
    }
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  };

  // WebIDL constants live on both the interface object and its prototype, read-only.
  internal.webidlConstants = function (cls, pairs) {
    for (const [key, value] of pairs) {
      const d = { value, enumerable: true, writable: false, configurable: false };
      Object.defineProperty(cls, key, d);
      Object.defineProperty(cls.prototype, key, d);
    }
  };

  // The legacy codes, in the order WebIDL lists the constants.
  const CONSTANTS = [
    ['INDEX_SIZE_ERR', 1], ['DOMSTRING_SIZE_ERR', 2], ['HIERARCHY_REQUEST_ERR', 3], ['WRONG_DOCUMENT_ERR', 4],
    ['INVALID_CHARACTER_ERR', 5], ['NO_DATA_ALLOWED_ERR', 6], ['NO_MODIFICATION_ALLOWED_ERR', 7],
    ['NOT_FOUND_ERR', 8], ['NOT_SUPPORTED_ERR', 9], ['INUSE_ATTRIBUTE_ERR', 10], ['INVALID_STATE_ERR', 11],
    ['SYNTAX_ERR', 12], ['INVALID_MODIFICATION_ERR', 13], ['NAMESPACE_ERR', 14], ['INVALID_ACCESS_ERR', 15],
    ['VALIDATION_ERR', 16], ['TYPE_MISMATCH_ERR', 17], ['SECURITY_ERR', 18], ['NETWORK_ERR', 19],
    ['ABORT_ERR', 20], ['URL_MISMATCH_ERR', 21], ['QUOTA_EXCEEDED_ERR', 22], ['TIMEOUT_ERR', 23],
    ['INVALID_NODE_TYPE_ERR', 24], ['DATA_CLONE_ERR', 25],
  ];
  // The "DOMException names table": names with a legacy code. DOMStringSizeError,
  // NoDataAllowedError and ValidationError were dropped from it (their constants remain), and
  // newer names (EncodingError, NotAllowedError, ...) never had one: all of those give code 0.
  const CODES = new Map([
    ['IndexSizeError', 1], ['HierarchyRequestError', 3], ['WrongDocumentError', 4],
    ['InvalidCharacterError', 5], ['NoModificationAllowedError', 7], ['NotFoundError', 8],
    ['NotSupportedError', 9], ['InUseAttributeError', 10], ['InvalidStateError', 11], ['SyntaxError', 12],
    ['InvalidModificationError', 13], ['NamespaceError', 14], ['InvalidAccessError', 15],
    ['TypeMismatchError', 17], ['SecurityError', 18], ['NetworkError', 19], ['AbortError', 20],
    ['URLMismatchError', 21], ['QuotaExceededError', 22], ['TimeoutError', 23],
    ['InvalidNodeTypeError', 24], ['DataCloneError', 25],
  ]);

  const stateOf = new WeakMap();   // DOMException -> { name, message }

  class DOMException {
    constructor(message = undefined, name = undefined) {
      message = message === undefined ? '' : toDOMString(message);
      name = name === undefined ? 'Error' : toDOMString(name);
      // A real Error object (like V8's DOMException): it gets GraalJS's own `stack`, whose first line
      // is built lazily from the name and message getters below, and Error.isError-like checks hold.
      // No arguments, so that `message` stays an inherited accessor as WebIDL wants.
      const self = Reflect.construct(Error, [], new.target);
      stateOf.set(self, { name, message });
      return self;
    }
    get name() { return state(this).name; }
    get message() { return state(this).message; }
    get code() { return CODES.get(state(this).name) || 0; }
  }

  function toDOMString(v) {
    if (typeof v === 'symbol') throw new TypeError("Failed to construct 'DOMException': Cannot convert a Symbol value to a string");
    return String(v);
  }
  function state(e) {
    const s = stateOf.get(e);
    if (s === undefined) throw new TypeError('Illegal invocation');
    return s;
  }

  // WebIDL: DOMException.prototype inherits from Error.prototype (the constructor itself does not).
  Object.setPrototypeOf(DOMException.prototype, Error.prototype);
  internal.webidlInterface(DOMException, 'DOMException');
  internal.webidlConstants(DOMException, CONSTANTS);

  internal.DOMException = DOMException;
  internal.isDOMException = (v) => stateOf.has(v);
  internal.domException = (message, name) => new DOMException(message, name);
  internal.defineGlobal('DOMException', DOMException);
})
