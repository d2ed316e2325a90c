// structuredClone once dom-exception.js provides internal.DOMException: DataCloneError is one, and
// DOMExceptions clone as such. Uses a stand-in with WebIDL-style getters (set before the first clone).
(function (internal, test, assert) {
  'use strict';
  const CODES = { AbortError: 20, DataCloneError: 25 };
  class DOMException extends Error {
    #name;
    #message;
    constructor(message = '', name = 'Error') {
      super();
      this.#message = `${message}`;
      this.#name = `${name}`;
    }
    get name() { return this.#name; }
    get message() { return this.#message; }
    get code() { return CODES[this.#name] || 0; }
  }
  internal.DOMException = DOMException;

  test('DataCloneError is a DOMException', () => {
    const e = assert.throws(() => structuredClone(() => {}), DOMException);
    assert.equal(e.name, 'DataCloneError');
    assert.equal(e.code, 25);
  });

  test('DOMException clones with its name and message', () => {
    const c = structuredClone({ e: new DOMException('gone', 'AbortError') });
    assert.ok(c.e instanceof DOMException);
    assert.equal(c.e.name, 'AbortError');
    assert.equal(c.e.message, 'gone');
    assert.equal(c.e.code, 20);
  });

  test('other errors and objects are not taken for DOMExceptions', () => {
    const c = structuredClone([new TypeError('t'), { name: 'AbortError', message: 'm' }]);
    assert.equal(Object.getPrototypeOf(c[0]), TypeError.prototype);
    assert.equal(Object.getPrototypeOf(c[1]), Object.prototype);
  });
})
