// setTimeout/setInterval/clearTimeout/clearInterval/queueMicrotask on the shard's event loop.
// The host schedules; this file keeps the callbacks so that no JS function is held by Java.
(function (ops, internal) {
  'use strict';
  const host = ops.timers;
  const timers = new Map();
  let nextId = 1;

  function schedule(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw new TypeError("The \"callback\" argument must be of type function.");
    }
    delay = Number(delay);
    if (!(delay >= 1)) delay = 0;
    if (delay > 2147483647) delay = 2147483647;
    const id = nextId++;
    timers.set(id, { callback, args, delay, repeat });
    host.set(id, delay);
    return id;
  }

  function clear(id) {
    id = Number(id);
    if (timers.delete(id)) host.clear(id);
  }

  // Called by the host when timer `id` is due.
  internal.fireTimer = function (id) {
    const t = timers.get(id);
    if (!t) return;
    if (t.repeat) host.set(id, t.delay); else timers.delete(id);
    try {
      Reflect.apply(t.callback, globalThis, t.args);
    } catch (e) {
      internal.reportError(e);
    }
  };
  host.init(internal.fireTimer);

  // For AbortSignal.timeout() and other bootstrap code: not affected by user code replacing globals.
  internal.setTimeout = (callback, delay) => schedule(callback, delay, [], false);
  internal.clearTimeout = clear;

  internal.defineGlobal('setTimeout', function setTimeout(callback, delay = 0, ...args) { return schedule(callback, delay, args, false); });
  internal.defineGlobal('setInterval', function setInterval(callback, delay = 0, ...args) { return schedule(callback, delay, args, true); });
  internal.defineGlobal('clearTimeout', function clearTimeout(id) { clear(id); });
  internal.defineGlobal('clearInterval', function clearInterval(id) { clear(id); });

  const resolved = Promise.resolve();
  internal.defineGlobal('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    }
    resolved.then(() => {
      try { callback(); } catch (e) { internal.reportError(e); }
    });
  });
})
