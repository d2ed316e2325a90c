// AbortController and AbortSignal (DOM standard), including AbortSignal.timeout() and
// AbortSignal.any() with dependent signals.
(function (ops, internal) {
  'use strict';
  const { DOMException, EventTarget, Event } = internal;
  const KEY = Symbol('AbortSignal');

  // The state of each signal; `sig(x)` is the brand check.
  let sig;

  class AbortSignal extends EventTarget {
    #s;
    constructor(key = undefined) {
      if (key !== KEY) throw new TypeError("Failed to construct 'AbortSignal': Illegal constructor");
      super();
      this.#s = {
        aborted: false,
        reason: undefined,
        algorithms: null,   // internal steps run on abort, before the `abort` event
        dependent: false,   // made by AbortSignal.any()
        sources: null,      // for dependent signals: the signals it follows
        dependents: null,   // for other signals: the dependent signals following it
      };
    }
    static abort(reason = undefined) {
      const signal = new AbortSignal(KEY);
      const s = signal.#s;
      s.aborted = true;
      s.reason = reason === undefined ? abortError() : reason;
      return signal;
    }
    static timeout(milliseconds) {
      if (arguments.length < 1) throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': 1 argument required, but only 0 present.");
      const ms = enforceRange(milliseconds);
      const signal = new AbortSignal(KEY);
      internal.setTimeout(() => signalAbort(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError')), ms);
      return signal;
    }
    static any(signals) {
      if (arguments.length < 1) throw new TypeError("Failed to execute 'any' on 'AbortSignal': 1 argument required, but only 0 present.");
      if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
        throw new TypeError("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.");
      }
      const list = [];
      for (const signal of signals) {
        if (!internal.isAbortSignal(signal)) {
          throw new TypeError("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
        }
        list.push(signal);
      }
      return createDependent(list);
    }
    get aborted() { return sig(this).aborted; }
    get reason() { return sig(this).reason; }
    throwIfAborted() {
      const s = sig(this);
      if (s.aborted) throw s.reason;
    }

    static {
      sig = (x) => {
        if (x === null || typeof x !== 'object' || !(#s in x)) throw new TypeError('Illegal invocation');
        return x.#s;
      };
      internal.isAbortSignal = (x) => x !== null && typeof x === 'object' && #s in x;
    }
  }
  internal.defineEventHandler(AbortSignal.prototype, 'abort', sig);
  internal.webidlInterface(AbortSignal, 'AbortSignal');

  function abortError() {
    return new DOMException('The operation was aborted', 'AbortError');
  }

  // [EnforceRange] unsigned long long
  function enforceRange(v) {
    const n = +v;
    if (!Number.isFinite(n)) throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is not a finite number.");
    const x = Math.trunc(n);
    if (x < 0 || x > Number.MAX_SAFE_INTEGER) {
      throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.");
    }
    return x + 0;
  }

  // "signal abort"
  function signalAbort(signal, reason) {
    const s = sig(signal);
    if (s.aborted) return;
    s.aborted = true;
    s.reason = reason === undefined ? abortError() : reason;
    const dependents = [];
    if (s.dependents !== null) {
      for (const d of s.dependents) {
        const ds = sig(d);
        if (!ds.aborted) {
          ds.aborted = true;
          ds.reason = s.reason;
          dependents.push(d);
        }
      }
      s.dependents = null;
    }
    runAbortSteps(signal, s);
    for (const d of dependents) runAbortSteps(d, sig(d));
  }

  function runAbortSteps(signal, s) {
    const algorithms = s.algorithms;
    s.algorithms = null;
    s.sources = null;
    if (algorithms !== null) {
      for (const algorithm of algorithms) {
        try {
          algorithm(s.reason);
        } catch (e) {
          internal.reportError(e);
        }
      }
    }
    internal.fireEvent(signal, new Event('abort'));
  }

  // "create a dependent abort signal". Sources keep strong references to their dependents until
  // they abort (the standard holds them weakly): a dependent lives as long as a source does.
  function createDependent(signals) {
    const result = new AbortSignal(KEY);
    const rs = sig(result);
    for (const signal of signals) {
      const s = sig(signal);
      if (s.aborted) {
        rs.aborted = true;
        rs.reason = s.reason;
        return result;
      }
    }
    rs.dependent = true;
    rs.sources = new Set();
    for (const signal of signals) {
      const s = sig(signal);
      if (!s.dependent) {
        follow(rs, result, signal, s);
      } else {
        for (const source of s.sources) follow(rs, result, source, sig(source));
      }
    }
    return result;
  }
  function follow(rs, result, source, s) {
    rs.sources.add(source);
    if (s.dependents === null) s.dependents = new Set();
    s.dependents.add(result);
  }

  let controller;   // brand check: returns the controller or throws
  class AbortController {
    #signal;
    constructor() {
      this.#signal = new AbortSignal(KEY);
    }
    get signal() { return controller(this).#signal; }
    abort(reason = undefined) { signalAbort(controller(this).#signal, reason); }
    static {
      controller = (x) => {
        if (x === null || typeof x !== 'object' || !(#signal in x)) throw new TypeError('Illegal invocation');
        return x;
      };
    }
  }
  internal.webidlInterface(AbortController, 'AbortController');
  internal.defineInspect(AbortSignal.prototype, (x) => ({ aborted: sig(x).aborted }));
  internal.defineInspect(AbortController.prototype, (x) => ({ signal: controller(x).signal }));

  // ---- hooks for other bootstrap files (Request.signal, fetch, streams) ----

  internal.AbortSignal = AbortSignal;
  internal.AbortController = AbortController;
  internal.createAbortSignal = () => new AbortSignal(KEY);
  // Aborts a signal from the host side; `reason` undefined gives the default AbortError.
  internal.abortSignal = (signal, reason) => signalAbort(signal, reason);
  internal.createDependentAbortSignal = (signals) => createDependent(signals);
  internal.isAborted = (signal) => sig(signal).aborted;
  internal.abortReason = (signal) => sig(signal).reason;
  // Abort algorithms run (with the reason) when the signal aborts, before its `abort` event.
  internal.addAbortAlgorithm = (signal, algorithm) => {
    const s = sig(signal);
    if (s.aborted) return;
    if (s.algorithms === null) s.algorithms = [];
    s.algorithms.push(algorithm);
  };
  internal.removeAbortAlgorithm = (signal, algorithm) => {
    const list = sig(signal).algorithms;
    if (list === null) return;
    const i = list.indexOf(algorithm);
    if (i >= 0) list.splice(i, 1);
  };

  internal.defineGlobal('AbortController', AbortController);
  internal.defineGlobal('AbortSignal', AbortSignal);
})
