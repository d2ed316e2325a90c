// First bootstrap file: helpers every other file uses.
(function (ops, internal) {
  'use strict';
  // Web IDL globals are writable, configurable and not enumerable.
  internal.defineGlobal = function (name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  };
  // An error for the log: its stack (which starts with name and message) when it has one.
  internal.describeError = function (error) {
    try {
      if (error instanceof Error && typeof error.stack === 'string') return error.stack;
      return internal.inspect ? internal.inspect(error) : String(error);
    } catch (e) {
      return '[unprintable error]';
    }
  };
  // Uncaught errors from listeners, timers and microtasks: logged, never fatal.
  internal.reportError = function (error) {
    ops.console.write(3, 'Uncaught ' + internal.describeError(error));
  };
  // Unhandled promise rejections: with js.unhandled-rejections=handler GraalJS calls this handler
  // once the microtask queue has drained at the end of a call into the context. Until events.js
  // replaces internal.onUnhandledRejection (with the `unhandledrejection` event) they are logged.
  // The `Graal` global (js.graal-builtin) exists only to install it, and is deleted just below.
  internal.onUnhandledRejection = function (reason) {
    ops.console.write(3, 'Uncaught (in promise) ' + internal.describeError(reason));
  };
  const graal = globalThis.Graal;
  if (graal && typeof graal.setUnhandledPromiseRejectionHandler === 'function') {
    graal.setUnhandledPromiseRejectionHandler((reason, promise) => internal.onUnhandledRejection(reason, promise));
  }
  // GraalJS defines `Java` even when no host class can be looked up; Workers have no such global.
  for (const name of ['Java', 'Packages', 'java', 'javax', 'Graal', 'Polyglot', 'load', 'print', 'printErr', 'quit', 'read', 'readbuffer', 'loadWithNewGlobal', 'arguments']) {
    if (Object.getOwnPropertyDescriptor(globalThis, name)) delete globalThis[name];
  }
  // Symbol.dispose / Symbol.asyncDispose (explicit resource management): V8, and so workerd, has
  // them; GraalJS 25 does not. RPC stubs are disposed through them. (`using` syntax is not parsed.)
  for (const name of ['dispose', 'asyncDispose']) {
    if (typeof Symbol[name] !== 'symbol') Object.defineProperty(Symbol, name, { value: Symbol(`Symbol.${name}`) });
  }
  // Internal functions whose file (one of JsApi.LAZY_FILES) is evaluated on the first call; the
  // file replaces these stubs with the real functions.
  internal.lazyFunctions = function (file, names) {
    for (const name of names) {
      const stub = function (...args) {
        ops.bootstrap.load(file);
        if (internal[name] === stub) throw new Error(`${file} did not define internal.${name}`);
        return Reflect.apply(internal[name], this, args);
      };
      internal[name] = stub;
    }
  };
  // The V8 serialization format is only needed by RPC and storage: loaded when first used.
  internal.lazyFunctions('v8-serializer.js', ['v8Serialize', 'v8Deserialize']);
  internal.defineGlobal('reportError', function reportError(error) { internal.reportError(error); });
  internal.defineGlobal('self', globalThis);
})
