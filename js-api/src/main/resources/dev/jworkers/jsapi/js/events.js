// Event and EventTarget (DOM standard), CustomEvent, ErrorEvent, PromiseRejectionEvent and
// MessageEvent (HTML), event handler attributes (`onabort`, the global `onerror`, ...), and the
// global scope's `error` and `unhandledrejection` events.
//
// Event targets here have no parents (there is no DOM tree), so an event's path is its target
// alone: capturing listeners run first, then the others, all with eventPhase AT_TARGET.
(function (ops, internal) {
  'use strict';
  const { DOMException } = internal;
  const { apply, getPrototypeOf } = Reflect;

  const NONE = 0, AT_TARGET = 2;
  const CAPTURING = 1, BUBBLING = 2;   // the two "invoke" passes at the target

  // ---- argument conversion helpers (WebIDL) ----

  function argCount(iface, op, need, got) {
    if (got >= need) return;
    const what = op === null ? `Failed to construct '${iface}'` : `Failed to execute '${op}' on '${iface}'`;
    throw new TypeError(`${what}: ${need} argument${need > 1 ? 's' : ''} required, but only ${got} present.`);
  }
  function domString(v) {
    if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    return String(v);
  }
  function usvString(v) {
    return domString(v).toWellFormed();
  }
  function unsignedLong(v) {
    const n = +v;
    if (!Number.isFinite(n)) return 0;
    const x = Math.trunc(n) % 4294967296;
    return x < 0 ? x + 4294967296 : x + 0;
  }
  // A dictionary argument: undefined and null mean "all defaults"; other non-objects are errors.
  function dictionary(v, ctor) {
    if (v === undefined || v === null) return null;
    if (typeof v !== 'object' && typeof v !== 'function') {
      const iface = interfaceName(ctor);
      throw new TypeError(`Failed to construct '${iface}': The provided value is not of type '${iface}Init'.`);
    }
    return v;
  }

  // ---- Event ----

  // The built-in interface a constructor belongs to, for error messages of subclasses.
  const interfaceNames = new Map();
  function interfaceName(ctor) {
    for (let c = ctor; typeof c === 'function'; c = getPrototypeOf(c)) {
      const n = interfaceNames.get(c);
      if (n) return n;
    }
    return 'Event';
  }

  // isTrusted is [LegacyUnforgeable]: an own accessor of every event, sharing one getter.
  let stateOf;
  const isTrustedDescriptor = {
    get: Object.getOwnPropertyDescriptor({ get isTrusted() { return stateOf(this).trusted; } }, 'isTrusted').get,
    enumerable: true,
    configurable: false,
  };

  class Event {
    #s;
    constructor(type, eventInitDict = undefined) {
      if (arguments.length < 1) argCount(interfaceName(new.target), null, 1, 0);
      type = domString(type);
      const init = dictionary(eventInitDict, new.target);
      // Members are read in WebIDL order (inherited dictionaries first, then lexicographic).
      const bubbles = init !== null && !!init.bubbles;
      const cancelable = init !== null && !!init.cancelable;
      const composed = init !== null && !!init.composed;
      this.#s = {
        type, bubbles, cancelable, composed,
        target: null, currentTarget: null, phase: NONE,
        stop: false, stopImmediate: false, canceled: false, inPassive: false,
        initialized: true, dispatching: false, trusted: false,
        // Milliseconds since the epoch: performance.now() in workerd, whose time origin is 0.
        timeStamp: Date.now(),
      };
      Object.defineProperty(this, 'isTrusted', isTrustedDescriptor);
    }
    get type() { return stateOf(this).type; }
    get target() { return stateOf(this).target; }
    get srcElement() { return stateOf(this).target; }
    get currentTarget() { return stateOf(this).currentTarget; }
    composedPath() {
      const s = stateOf(this);
      return s.dispatching && s.currentTarget !== null ? [s.currentTarget] : [];
    }
    get eventPhase() { return stateOf(this).phase; }
    stopPropagation() { stateOf(this).stop = true; }
    get cancelBubble() { return stateOf(this).stop; }
    set cancelBubble(value) { const s = stateOf(this); if (value) s.stop = true; }
    stopImmediatePropagation() { const s = stateOf(this); s.stop = true; s.stopImmediate = true; }
    get bubbles() { return stateOf(this).bubbles; }
    get cancelable() { return stateOf(this).cancelable; }
    get returnValue() { return !stateOf(this).canceled; }
    set returnValue(value) { const s = stateOf(this); if (!value) cancel(s); }
    preventDefault() { cancel(stateOf(this)); }
    get defaultPrevented() { return stateOf(this).canceled; }
    get composed() { return stateOf(this).composed; }
    get timeStamp() { return stateOf(this).timeStamp; }
    initEvent(type, bubbles = false, cancelable = false) {
      const s = stateOf(this);
      argCount('Event', 'initEvent', 1, arguments.length);
      type = domString(type);
      initialize(s, type, !!bubbles, !!cancelable);
    }

    static {
      stateOf = (e) => {
        if (e === null || typeof e !== 'object' || !(#s in e)) throw new TypeError('Illegal invocation');
        return e.#s;
      };
      internal.isEvent = (e) => e !== null && typeof e === 'object' && #s in e;
    }
  }
  // "set the canceled flag"
  function cancel(s) {
    if (s.cancelable && !s.inPassive) s.canceled = true;
  }
  // "initialize" (initEvent and the legacy init*Event methods); a no-op while dispatching.
  function initialize(s, type, bubbles, cancelable) {
    if (s.dispatching) return false;
    s.initialized = true;
    s.stop = false;
    s.stopImmediate = false;
    s.canceled = false;
    s.trusted = false;
    s.target = null;
    s.type = type;
    s.bubbles = bubbles;
    s.cancelable = cancelable;
    return true;
  }
  internal.webidlInterface(Event, 'Event');
  internal.webidlConstants(Event, [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]);
  interfaceNames.set(Event, 'Event');

  // ---- EventTarget ----

  // target -> Map(type -> array of listeners). A WeakMap rather than a private field so that
  // any object (the global object) can be made an event target.
  const targets = new WeakMap();

  // `this` of EventTarget methods; undefined/null means the global object, as WebIDL does for
  // interfaces the global implements (so a bare `addEventListener(...)` works in modules).
  function listenersOf(t) {
    const map = targets.get(t ?? globalThis);
    if (map === undefined) throw new TypeError('Illegal invocation');
    return map;
  }

  function checkCallback(callback, op) {
    if (callback !== null && callback !== undefined && typeof callback !== 'object' && typeof callback !== 'function') {
      throw new TypeError(`Failed to execute '${op}' on 'EventTarget': parameter 2 is not of type 'Object'.`);
    }
  }

  class EventTarget {
    constructor() {
      targets.set(this, new Map());
    }
    addEventListener(type, callback, options = undefined) {
      const map = listenersOf(this);
      argCount('EventTarget', 'addEventListener', 2, arguments.length);
      type = domString(type);
      checkCallback(callback, 'addEventListener');
      // "flatten more": AddEventListenerOptions members in WebIDL order, or a boolean `capture`.
      let capture = false, once = false, passive = false, signal = null;
      if (options !== null && (typeof options === 'object' || typeof options === 'function')) {
        capture = !!options.capture;
        once = !!options.once;
        passive = !!options.passive;
        const s = options.signal;
        if (s !== undefined) {
          if (!internal.isAbortSignal(s)) {
            throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': Failed to read the 'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.");
          }
          signal = s;
        }
      } else if (options !== undefined) {
        capture = !!options;
      }
      if (signal !== null && internal.isAborted(signal)) return;
      if (callback === null || callback === undefined) return;
      addListener(map, type, callback, capture, once, passive, signal);
    }
    removeEventListener(type, callback, options = undefined) {
      const map = listenersOf(this);
      argCount('EventTarget', 'removeEventListener', 2, arguments.length);
      type = domString(type);
      checkCallback(callback, 'removeEventListener');
      let capture = false;
      if (options !== null && (typeof options === 'object' || typeof options === 'function')) capture = !!options.capture;
      else if (options !== undefined) capture = !!options;
      const list = map.get(type);
      if (list === undefined) return;
      for (const l of list) {
        if (l.callback === callback && l.capture === capture) {
          removeListener(map, type, l);
          return;
        }
      }
    }
    dispatchEvent(event) {
      const map = listenersOf(this);
      argCount('EventTarget', 'dispatchEvent', 1, arguments.length);
      if (!internal.isEvent(event)) {
        throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      }
      const s = stateOf(event);
      if (s.dispatching || !s.initialized) {
        throw new DOMException("Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched.", 'InvalidStateError');
      }
      s.trusted = false;
      return dispatch(this ?? globalThis, map, event, s);
    }
  }
  internal.webidlInterface(EventTarget, 'EventTarget');

  function addListener(map, type, callback, capture, once, passive, signal) {
    let list = map.get(type);
    if (list === undefined) map.set(type, list = []);
    for (const l of list) if (l.callback === callback && l.capture === capture) return null;
    const listener = { callback, capture, once, passive, removed: false, signal, onAbort: null };
    list.push(listener);
    if (signal !== null) {
      listener.onAbort = () => removeListener(map, type, listener);
      internal.addAbortAlgorithm(signal, listener.onAbort);
    }
    return listener;
  }

  function removeListener(map, type, listener) {
    if (listener.removed) return;
    listener.removed = true;
    const list = map.get(type);
    const i = list.indexOf(listener);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) map.delete(type);
    // Not required by the DOM standard, but keeps long-lived signals from collecting dead closures.
    if (listener.onAbort !== null) internal.removeAbortAlgorithm(listener.signal, listener.onAbort);
  }

  // "dispatch", for a target without parents.
  function dispatch(target, map, event, s) {
    s.dispatching = true;
    s.target = target;
    try {
      if (map.has(s.type)) {
        s.phase = AT_TARGET;
        invoke(target, map, event, s, CAPTURING);
        invoke(target, map, event, s, BUBBLING);
      }
    } finally {
      s.phase = NONE;
      s.currentTarget = null;
      s.dispatching = false;
      s.stop = false;
      s.stopImmediate = false;
    }
    return !s.canceled;
  }

  function invoke(target, map, event, s, pass) {
    if (s.stop) return;
    const list = map.get(s.type);
    if (list === undefined) return;
    s.currentTarget = target;
    // Listeners added from now on are not called by this pass; removed ones are skipped.
    const listeners = list.slice();
    for (const l of listeners) {
      if (l.removed) continue;
      if (pass === CAPTURING ? !l.capture : l.capture) continue;
      if (l.once) removeListener(map, s.type, l);
      if (l.passive) s.inPassive = true;
      callListener(l.callback, target, event);
      s.inPassive = false;
      if (s.stopImmediate) return;
    }
  }

  // "call a user object's operation": functions are called with the current target as `this`;
  // other objects have their `handleEvent` looked up on every call. Errors are reported, not thrown.
  function callListener(callback, target, event) {
    try {
      if (typeof callback === 'function') {
        apply(callback, target, [event]);
      } else {
        const handleEvent = callback.handleEvent;
        if (typeof handleEvent !== 'function') throw new TypeError("'handleEvent' property of the event listener is not callable.");
        apply(handleEvent, callback, [event]);
      }
    } catch (e) {
      internal.reportError(e);
    }
  }

  // ---- event handler attributes (HTML) ----

  // target -> Map(type -> { value, listener })
  const handlersOf = new WeakMap();

  function getHandler(target, type) {
    const m = handlersOf.get(target);
    const h = m && m.get(type);
    return h ? h.value : null;
  }

  // Setting a handler adds one listener the first time (its place in the listener order), later
  // settings only change the function; null or any non-object removes it.
  function setHandler(target, type, value, special) {
    const map = targets.get(target);
    let m = handlersOf.get(target);
    let h = m && m.get(type);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (h) {
        m.delete(type);
        if (h.listener !== null) removeListener(map, type, h.listener);
      }
      return;
    }
    if (h) {
      h.value = value;
      return;
    }
    if (!m) handlersOf.set(target, m = new Map());
    h = { value, listener: null };
    m.set(type, h);
    h.listener = addListener(map, type, function (event) { processHandler(h, this, event, special); },
      false, false, false, null);
  }

  // "the event handler processing algorithm"
  function processHandler(h, target, event, special) {
    const callback = h.value;
    if (typeof callback !== 'function') return;
    const s = stateOf(event);
    let ret;
    if (special && internal.isErrorEvent(event) && s.type === 'error') {
      ret = apply(callback, target, [event.message, event.filename, event.lineno, event.colno, event.error]);
      if (ret === true) cancel(s);
    } else {
      ret = apply(callback, target, [event]);
      if (ret === false) cancel(s);
    }
  }

  // Defines `on<type>` on `proto`, an accessor like WebIDL's EventHandler attributes;
  // `check(this)` is the interface's brand check (it throws for other objects).
  internal.defineEventHandler = function (proto, type, check) {
    const name = 'on' + type;
    const accessors = {
      get [name]() { check(this); return getHandler(this, type); },
      set [name](value) { check(this); setHandler(this, type, value, false); },
    };
    const d = Object.getOwnPropertyDescriptor(accessors, name);
    Object.defineProperty(proto, name, { get: d.get, set: d.set, enumerable: true, configurable: true });
  };

  // ---- Event subclasses ----

  // Brand checks of the subclasses (set from their static blocks): return the event or throw.
  let customEvent, errorEvent, rejectionEvent, messageEvent;
  const illegal = () => { throw new TypeError('Illegal invocation'); };

  class CustomEvent extends Event {
    #detail;
    constructor(type, eventInitDict = undefined) {
      argCount('CustomEvent', null, 1, arguments.length);
      super(type, eventInitDict);
      const detail = eventInitDict == null ? undefined : eventInitDict.detail;
      this.#detail = detail === undefined ? null : detail;
    }
    get detail() { return customEvent(this).#detail; }
    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      const self = customEvent(this);
      argCount('CustomEvent', 'initCustomEvent', 1, arguments.length);
      type = domString(type);
      if (initialize(stateOf(self), type, !!bubbles, !!cancelable)) self.#detail = detail;
    }
    static {
      customEvent = (e) => e !== null && typeof e === 'object' && #detail in e ? e : illegal();
    }
  }
  internal.webidlInterface(CustomEvent, 'CustomEvent');
  interfaceNames.set(CustomEvent, 'CustomEvent');

  class ErrorEvent extends Event {
    #message; #filename; #lineno; #colno; #error;
    constructor(type, eventInitDict = undefined) {
      argCount('ErrorEvent', null, 1, arguments.length);
      super(type, eventInitDict);
      const init = eventInitDict == null ? null : eventInitDict;
      // ErrorEventInit members in lexicographic order: colno, error, filename, lineno, message.
      let v;
      this.#colno = init === null || (v = init.colno) === undefined ? 0 : unsignedLong(v);
      this.#error = init === null ? undefined : init.error;
      this.#filename = init === null || (v = init.filename) === undefined ? '' : usvString(v);
      this.#lineno = init === null || (v = init.lineno) === undefined ? 0 : unsignedLong(v);
      this.#message = init === null || (v = init.message) === undefined ? '' : domString(v);
    }
    get message() { return errorEvent(this).#message; }
    get filename() { return errorEvent(this).#filename; }
    get lineno() { return errorEvent(this).#lineno; }
    get colno() { return errorEvent(this).#colno; }
    get error() { return errorEvent(this).#error; }
    static {
      errorEvent = (e) => e !== null && typeof e === 'object' && #message in e ? e : illegal();
      internal.isErrorEvent = (e) => e !== null && typeof e === 'object' && #message in e;
    }
  }
  internal.webidlInterface(ErrorEvent, 'ErrorEvent');
  interfaceNames.set(ErrorEvent, 'ErrorEvent');

  class PromiseRejectionEvent extends Event {
    #promise; #reason;
    constructor(type, eventInitDict) {
      argCount('PromiseRejectionEvent', null, 2, arguments.length);
      super(type, eventInitDict);
      const init = eventInitDict == null ? null : eventInitDict;
      const promise = init === null ? undefined : init.promise;
      if (promise === undefined) {
        throw new TypeError("Failed to construct 'PromiseRejectionEvent': Failed to read the 'promise' property from 'PromiseRejectionEventInit': Required member is undefined.");
      }
      if (promise === null || (typeof promise !== 'object' && typeof promise !== 'function')) {
        throw new TypeError("Failed to construct 'PromiseRejectionEvent': Failed to read the 'promise' property from 'PromiseRejectionEventInit': The provided value is not of type 'object'.");
      }
      this.#promise = promise;
      this.#reason = init.reason;
    }
    get promise() { return rejectionEvent(this).#promise; }
    get reason() { return rejectionEvent(this).#reason; }
    static {
      rejectionEvent = (e) => e !== null && typeof e === 'object' && #promise in e ? e : illegal();
    }
  }
  internal.webidlInterface(PromiseRejectionEvent, 'PromiseRejectionEvent');
  interfaceNames.set(PromiseRejectionEvent, 'PromiseRejectionEvent');

  // MessageEventSource is a MessagePort, ServiceWorker or WindowProxy; only a MessagePort could
  // exist here, and only once some bootstrap file provides internal.isMessagePort.
  function messagePort(v, member) {
    if (internal.isMessagePort && internal.isMessagePort(v)) return v;
    throw new TypeError(`Failed to construct 'MessageEvent': Failed to read the '${member}' property from 'MessageEventInit': The provided value is not of type '${member === 'source' ? '(MessagePort or ServiceWorker or Window)' : 'MessagePort'}'.`);
  }
  function portList(v) {
    if (v === undefined) return Object.freeze([]);
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || typeof v[Symbol.iterator] !== 'function') {
      throw new TypeError("Failed to construct 'MessageEvent': Failed to read the 'ports' property from 'MessageEventInit': The provided value cannot be converted to a sequence.");
    }
    const ports = [];
    for (const p of v) ports.push(messagePort(p, 'ports'));
    return Object.freeze(ports);
  }

  class MessageEvent extends Event {
    #data; #origin; #lastEventId; #source; #ports;
    constructor(type, eventInitDict = undefined) {
      argCount('MessageEvent', null, 1, arguments.length);
      super(type, eventInitDict);
      const init = eventInitDict == null ? null : eventInitDict;
      // MessageEventInit members in lexicographic order: data, lastEventId, origin, ports, source.
      let v;
      this.#data = init === null || (v = init.data) === undefined ? null : v;
      this.#lastEventId = init === null || (v = init.lastEventId) === undefined ? '' : domString(v);
      this.#origin = init === null || (v = init.origin) === undefined ? '' : usvString(v);
      this.#ports = portList(init === null ? undefined : init.ports);
      this.#source = init === null || (v = init.source) == null ? null : messagePort(v, 'source');
    }
    get data() { return messageEvent(this).#data; }
    get origin() { return messageEvent(this).#origin; }
    get lastEventId() { return messageEvent(this).#lastEventId; }
    get source() { return messageEvent(this).#source; }
    get ports() { return messageEvent(this).#ports; }
    initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = '', lastEventId = '', source = null, ports = []) {
      const self = messageEvent(this);
      argCount('MessageEvent', 'initMessageEvent', 1, arguments.length);
      type = domString(type);
      origin = usvString(origin);
      lastEventId = domString(lastEventId);
      source = source === null || source === undefined ? null : messagePort(source, 'source');
      ports = portList(ports);
      if (!initialize(stateOf(self), type, !!bubbles, !!cancelable)) return;
      self.#data = data;
      self.#origin = origin;
      self.#lastEventId = lastEventId;
      self.#source = source;
      self.#ports = ports;
    }
    static {
      messageEvent = (e) => e !== null && typeof e === 'object' && #data in e ? e : illegal();
    }
  }
  internal.webidlInterface(MessageEvent, 'MessageEvent');
  interfaceNames.set(MessageEvent, 'MessageEvent');

  // ---- console.log output ----

  // How console.log prints platform objects (as Node does): a few main attributes instead of an
  // object with no own properties. `fields(x)` gives them; it also does the brand check.
  internal.defineInspect = function (proto, fields) {
    Object.defineProperty(proto, Symbol.for('nodejs.util.inspect.custom'), {
      value: function (depth, options, inspect) {
        const values = fields(this);
        const name = this.constructor && typeof this.constructor.name === 'string' ? this.constructor.name : '';
        if (typeof depth === 'number' && depth < 0) return name;
        const nested = typeof options.depth === 'number' ? options.depth - 1 : options.depth;
        return `${name} ${inspect(values, { ...options, depth: nested })}`;
      },
      writable: true, configurable: true,
    });
  };
  internal.defineInspect(Event.prototype, (e) => {
    const s = stateOf(e);
    return { type: s.type, defaultPrevented: s.canceled, cancelable: s.cancelable, timeStamp: s.timeStamp };
  });

  // ---- hooks for other bootstrap files ----

  internal.Event = Event;
  internal.EventTarget = EventTarget;
  internal.CustomEvent = CustomEvent;
  internal.ErrorEvent = ErrorEvent;
  internal.PromiseRejectionEvent = PromiseRejectionEvent;
  internal.MessageEvent = MessageEvent;
  internal.listenerCount = (target, type) => {
    const list = targets.get(target)?.get(type);
    return list === undefined ? 0 : list.length;
  };
  // Makes any object (the global object) an event target; calling it again changes nothing.
  internal.initEventTarget = (target) => {
    if (!targets.has(target)) targets.set(target, new Map());
  };
  internal.isEventTarget = (v) => v !== null && typeof v === 'object' && targets.has(v);
  // Fires an event from the platform (isTrusted true); returns false if it was canceled.
  internal.fireEvent = (target, event) => {
    const s = stateOf(event);
    if (s.dispatching) throw new DOMException('The event is already being dispatched.', 'InvalidStateError');
    s.trusted = true;
    return dispatch(target, listenersOf(target), event, s);
  };

  for (const [name, value] of [['Event', Event], ['EventTarget', EventTarget], ['CustomEvent', CustomEvent],
    ['ErrorEvent', ErrorEvent], ['PromiseRejectionEvent', PromiseRejectionEvent], ['MessageEvent', MessageEvent]]) {
    internal.defineGlobal(name, value);
  }

  // ---- the global scope as an event target ----

  internal.initEventTarget(globalThis);
  // As on a browser's global scope: the very functions of EventTarget.prototype.
  for (const m of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
    internal.defineGlobal(m, EventTarget.prototype[m]);
  }
  for (const type of ['error', 'unhandledrejection', 'rejectionhandled']) {
    const name = 'on' + type;
    const special = type === 'error';
    const accessors = {
      get [name]() { return getHandler(globalThis, type); },
      set [name](value) { setHandler(globalThis, type, value, special); },
    };
    const d = Object.getOwnPropertyDescriptor(accessors, name);
    Object.defineProperty(globalThis, name, { get: d.get, set: d.set, enumerable: false, configurable: true });
  }

  // "report an exception": an `error` event at the global scope, cancelable; logged unless
  // canceled. An exception from an `error` listener itself is only logged (no recursion).
  let reportingError = false;
  internal.reportError = function (error) {
    if (!reportingError && internal.listenerCount(globalThis, 'error') > 0) {
      reportingError = true;
      let logIt = true;
      try {
        const [filename, lineno, colno] = errorLocation(error);
        const event = new ErrorEvent('error', { cancelable: true, message: errorMessage(error), filename, lineno, colno, error });
        logIt = internal.fireEvent(globalThis, event);
      } catch (e) {
        // The event could not even be built; log the original error below.
      } finally {
        reportingError = false;
      }
      if (!logIt) return;
    }
    ops.console.write(3, 'Uncaught ' + internal.describeError(error));
  };

  function errorMessage(error) {
    try {
      return 'Uncaught ' + String(error);
    } catch (e) {
      return 'Uncaught exception';
    }
  }
  // File, line and column of the first stack frame of an Error, as far as the stack shows them.
  function errorLocation(error) {
    try {
      const stack = error instanceof Error ? error.stack : undefined;
      const m = typeof stack === 'string' && /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/m.exec(stack);
      if (m) return [m[1], +m[2], +m[3]];
    } catch (e) {
      // A throwing `stack` getter: no location.
    }
    return ['', 0, 0];
  }

  // Unhandled promise rejections, reported by GraalJS once the microtask queue is drained at the
  // end of a call into the context (prelude.js installs the hook): a cancelable
  // `unhandledrejection` event at the global scope, then the log line unless it was canceled.
  internal.onUnhandledRejection = function (reason, promise) {
    let logIt = true;
    try {
      if (internal.listenerCount(globalThis, 'unhandledrejection') > 0) {
        const event = new PromiseRejectionEvent('unhandledrejection', { cancelable: true, promise, reason });
        logIt = internal.fireEvent(globalThis, event);
        // GraalJS runs microtasks queued by these listeners only on the next call into the
        // context: make sure there is one soon.
        if (internal.setTimeout) internal.setTimeout(() => {}, 0);
      }
    } catch (e) {
      // Listener errors were reported already; never let anything escape into the host.
    }
    if (logIt) {
      try {
        ops.console.write(3, 'Uncaught (in promise) ' + internal.describeError(reason));
      } catch (e) {
        // Nothing more can be done.
      }
    }
  };
})
