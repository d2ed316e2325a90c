// First bootstrap file: helpers every other file uses.
(function (ops, internal) {
  'use strict';
  // Web IDL globals are writable, configurable and not enumerable.
  internal.defineGlobal = function (name, value) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  };
  // Uncaught errors from listeners, timers and microtasks: logged, never fatal.
  internal.reportError = function (error) {
    let text;
    try {
      text = internal.inspect ? internal.inspect(error) : String(error);
    } catch (e) {
      text = '[unprintable error]';
    }
    ops.console.write(3, 'Uncaught ' + text);
  };
  internal.defineGlobal('reportError', function reportError(error) { internal.reportError(error); });
  internal.defineGlobal('self', globalThis);
})
