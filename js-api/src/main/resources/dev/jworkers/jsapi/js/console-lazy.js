// The global `console` as installed at start-up: a stub with console's methods that loads
// console.js (the Node-style formatter, the largest bootstrap file) the first time anything is
// logged or inspected, then delegates to it. Saves parsing ~1,500 lines on every cold start.
(function (ops, internal) {
  'use strict';
  const METHODS = ['debug', 'log', 'info', 'warn', 'error', 'trace', 'assert', 'dir', 'dirxml', 'table',
    'group', 'groupCollapsed', 'groupEnd', 'count', 'countReset', 'time', 'timeLog', 'timeEnd',
    'clear', 'profile', 'profileEnd', 'timeStamp'];
  const { apply } = Reflect;
  let real = null;

  function load() {
    if (real === null) {
      ops.bootstrap.load('console.js');
      real = internal.realConsole;
    }
    return real;
  }

  const stub = {};
  for (const name of METHODS) {
    // Named like the real method; works detached (`const { log } = console`).
    const method = { [name](...args) { const c = load(); return apply(c[name], c, args); } }[name];
    Object.defineProperty(stub, name, { value: method, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(stub, Symbol.toStringTag, { value: 'console', writable: false, enumerable: false, configurable: true });
  internal.consoleStub = stub;

  // Formatting used by other bootstrap files loads console.js on first use too.
  for (const name of ['inspect', 'format', 'formatWithOptions']) {
    internal[name] = function (...args) {
      load();
      return apply(internal[name], internal, args);
    };
  }
  internal.defineGlobal('console', stub);
})
