// DOMException (WebIDL): constructor, name/message/code, legacy constants, Error inheritance.
import { test, assert } from './harness.js';

test('constructor: no arguments gives name Error and an empty message', () => {
  const e = new DOMException();
  assert.equal(e.name, 'Error');
  assert.equal(e.message, '');
  assert.equal(e.code, 0);
});

test('constructor: message and name are converted with ToString', () => {
  assert.equal(new DOMException(null).message, 'null');
  assert.equal(new DOMException(undefined).message, '');
  assert.equal(new DOMException('bar', undefined).name, 'Error');
  assert.equal(new DOMException(42, { toString: () => 'NotFoundError' }).name, 'NotFoundError');
  assert.equal(new DOMException(42, { toString: () => 'NotFoundError' }).message, '42');
  const boom = new Error('boom');
  assert.throws(() => new DOMException({ toString() { throw boom; } }), /boom/);
  assert.throws(() => new DOMException(Symbol('x')), TypeError);
  assert.throws(() => new DOMException('x', Symbol('y')), TypeError);
});

test('constructor: requires new', () => {
  assert.throws(() => DOMException('x'), TypeError);
  assert.equal(DOMException.length, 0);
  assert.equal(DOMException.name, 'DOMException');
});

test('constructor: name, message and code are inherited accessors, not own properties', () => {
  for (const e of [new DOMException(), new DOMException('foo'), new DOMException('bar', 'NotSupportedError')]) {
    assert.ok(!Object.prototype.hasOwnProperty.call(e, 'name'));
    assert.ok(!Object.prototype.hasOwnProperty.call(e, 'message'));
    assert.ok(!Object.prototype.hasOwnProperty.call(e, 'code'));
  }
  for (const key of ['name', 'message', 'code']) {
    const d = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
    assert.equal(typeof d.get, 'function', key);
    assert.equal(d.set, undefined, key);
    assert.ok(d.enumerable && d.configurable, key);
    assert.equal(d.get.name, 'get ' + key);
  }
});

const CODES = [
  ['IndexSizeError', 1], ['HierarchyRequestError', 3], ['WrongDocumentError', 4], ['InvalidCharacterError', 5],
  ['NoModificationAllowedError', 7], ['NotFoundError', 8], ['NotSupportedError', 9], ['InUseAttributeError', 10],
  ['InvalidStateError', 11], ['SyntaxError', 12], ['InvalidModificationError', 13], ['NamespaceError', 14],
  ['InvalidAccessError', 15], ['TypeMismatchError', 17], ['SecurityError', 18], ['NetworkError', 19],
  ['AbortError', 20], ['URLMismatchError', 21], ['QuotaExceededError', 22], ['TimeoutError', 23],
  ['InvalidNodeTypeError', 24], ['DataCloneError', 25],
  // Dropped from the names table: their constants remain but the code is 0.
  ['DOMStringSizeError', 0], ['NoDataAllowedError', 0], ['ValidationError', 0],
  // Names that never had a legacy code.
  ['EncodingError', 0], ['NotReadableError', 0], ['UnknownError', 0], ['ConstraintError', 0], ['DataError', 0],
  ['TransactionInactiveError', 0], ['ReadOnlyError', 0], ['VersionError', 0], ['OperationError', 0],
  ['NotAllowedError', 0], ['OptOutError', 0], ['foo', 0], ['abortError', 0],
];
for (const [name, code] of CODES) {
  test(`codes: new DOMException("msg", "${name}").code is ${code}`, () => {
    const e = new DOMException('msg', name);
    assert.equal(e.name, name);
    assert.equal(e.message, 'msg');
    assert.equal(e.code, code);
  });
}

const CONSTANTS = [
  ['INDEX_SIZE_ERR', 1], ['DOMSTRING_SIZE_ERR', 2], ['HIERARCHY_REQUEST_ERR', 3], ['WRONG_DOCUMENT_ERR', 4],
  ['INVALID_CHARACTER_ERR', 5], ['NO_DATA_ALLOWED_ERR', 6], ['NO_MODIFICATION_ALLOWED_ERR', 7], ['NOT_FOUND_ERR', 8],
  ['NOT_SUPPORTED_ERR', 9], ['INUSE_ATTRIBUTE_ERR', 10], ['INVALID_STATE_ERR', 11], ['SYNTAX_ERR', 12],
  ['INVALID_MODIFICATION_ERR', 13], ['NAMESPACE_ERR', 14], ['INVALID_ACCESS_ERR', 15], ['VALIDATION_ERR', 16],
  ['TYPE_MISMATCH_ERR', 17], ['SECURITY_ERR', 18], ['NETWORK_ERR', 19], ['ABORT_ERR', 20], ['URL_MISMATCH_ERR', 21],
  ['QUOTA_EXCEEDED_ERR', 22], ['TIMEOUT_ERR', 23], ['INVALID_NODE_TYPE_ERR', 24], ['DATA_CLONE_ERR', 25],
];
test('constants: on the constructor, the prototype and instances, read-only', () => {
  const e = new DOMException();
  for (const [name, value] of CONSTANTS) {
    for (const holder of [DOMException, DOMException.prototype]) {
      const d = Object.getOwnPropertyDescriptor(holder, name);
      assert.deepEqual(d, { value, writable: false, enumerable: true, configurable: false }, name);
    }
    assert.equal(e[name], value, name);
  }
  assert.throws(() => { DOMException.ABORT_ERR = 1; }, TypeError);
});

test('inheritance: instanceof Error, prototype chain like V8', () => {
  const e = new DOMException('m', 'AbortError');
  assert.ok(e instanceof DOMException);
  assert.ok(e instanceof Error);
  assert.equal(Object.getPrototypeOf(DOMException.prototype), Error.prototype);
  assert.equal(Object.getPrototypeOf(DOMException), Function.prototype);
  assert.equal(DOMException.prototype.constructor, DOMException);
  assert.ok(!Object.prototype.hasOwnProperty.call(DOMException.prototype, 'toString'));
  assert.equal(String(e), 'AbortError: m');
  assert.equal(Error.prototype.toString.call(new DOMException('', 'SyntaxError')), 'SyntaxError');
});

test('webidl: toStringTag and Object.prototype.toString', () => {
  assert.equal(Object.prototype.toString.call(new DOMException()), '[object DOMException]');
  assert.equal(Object.prototype.toString.call(DOMException.prototype), '[object DOMException]');
  const d = Object.getOwnPropertyDescriptor(DOMException.prototype, Symbol.toStringTag);
  assert.deepEqual(d, { value: 'DOMException', writable: false, enumerable: false, configurable: true });
});

test('webidl: the global is writable, configurable and not enumerable', () => {
  const d = Object.getOwnPropertyDescriptor(globalThis, 'DOMException');
  assert.ok(d.writable && d.configurable && !d.enumerable);
  assert.ok(!Object.keys(globalThis).includes('DOMException'));
});

test('webidl: getters are brand-checked', () => {
  for (const key of ['name', 'message', 'code']) {
    const get = Object.getOwnPropertyDescriptor(DOMException.prototype, key).get;
    assert.throws(() => get.call({}), TypeError, key);
    assert.throws(() => get.call(new Error('x')), TypeError, key);
    assert.throws(() => get.call(undefined), TypeError, key);
    assert.throws(() => DOMException.prototype[key], TypeError, key);
  }
  assert.throws(() => DOMException.prototype.toString(), TypeError);
  assert.throws(() => Object.create(DOMException.prototype).name, TypeError);
});

test('webidl: property enumeration of the prototype', () => {
  const keys = Object.keys(DOMException.prototype);
  for (const k of ['name', 'message', 'code', 'INDEX_SIZE_ERR', 'DATA_CLONE_ERR']) assert.ok(keys.includes(k), k);
  assert.ok(!keys.includes('constructor'));
  assert.ok(!Object.keys(new DOMException()).includes('stack'));
});

test('stack: like other errors, starting with name and message', () => {
  function makeIt() { return new DOMException('went wrong', 'DataCloneError'); }
  const e = makeIt();
  assert.equal(typeof e.stack, 'string');
  assert.ok(e.stack.startsWith('DataCloneError: went wrong\n'), e.stack);
  assert.ok(e.stack.includes('makeIt'), e.stack);
  const d = Object.getOwnPropertyDescriptor(e, 'stack');
  assert.ok(d && !d.enumerable && d.configurable, 'own, non-enumerable stack');
  assert.ok(new DOMException().stack.startsWith('Error'), 'default name in the stack');
});

test('throwing: caught as Error, with its name', () => {
  try {
    throw new DOMException('nope', 'NotAllowedError');
  } catch (e) {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'NotAllowedError');
    assert.equal(e.message, 'nope');
  }
});

test('subclassing: class extends DOMException', () => {
  class MyError extends DOMException {
    #extra;
    constructor(message, extra) { super(message, 'OperationError'); this.#extra = extra; }
    get extra() { return this.#extra; }
  }
  const e = new MyError('sub', 7);
  assert.ok(e instanceof MyError && e instanceof DOMException && e instanceof Error);
  assert.equal(e.name, 'OperationError');
  assert.equal(e.message, 'sub');
  assert.equal(e.code, 0);
  assert.equal(e.extra, 7);
  assert.equal(Object.prototype.toString.call(e), '[object DOMException]');
  assert.ok(e.stack.startsWith('OperationError: sub'));
});

test('platform: errors thrown by the platform are DOMExceptions', () => {
  const et = new EventTarget();
  const ev = new Event('x');
  let caught;
  et.addEventListener('x', () => { try { et.dispatchEvent(ev); } catch (e) { caught = e; } });
  et.dispatchEvent(ev);
  assert.ok(caught instanceof DOMException);
  assert.equal(caught.name, 'InvalidStateError');
  assert.equal(caught.code, DOMException.INVALID_STATE_ERR);
  const reason = AbortSignal.abort().reason;
  assert.ok(reason instanceof DOMException);
  assert.equal(reason.code, 20);
});
