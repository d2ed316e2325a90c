// Event and EventTarget (DOM standard), enough for the global scope's `fetch` listeners.
// Full fidelity (CustomEvent, AbortSignal, options, ...) grows here in the web-API issue.
(function (ops, internal) {
  'use strict';

  // Internal state lives in WeakMaps so that other bootstrap files can reach it and user code cannot.
  const eventState = new WeakMap();
  const listenersOf = new WeakMap();

  class Event {
    constructor(type, init = undefined) {
      if (arguments.length < 1) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
      eventState.set(this, {
        type: String(type), bubbles: !!(init && init.bubbles), cancelable: !!(init && init.cancelable),
        defaultPrevented: false, stop: false, timeStamp: Date.now(), target: null, phase: 0,
      });
    }
    get type() { return state(this).type; }
    get bubbles() { return state(this).bubbles; }
    get cancelable() { return state(this).cancelable; }
    get defaultPrevented() { return state(this).defaultPrevented; }
    get timeStamp() { return state(this).timeStamp; }
    get target() { return state(this).target; }
    get currentTarget() { const s = state(this); return s.phase === 0 ? null : s.target; }
    get eventPhase() { return state(this).phase; }
    get isTrusted() { return false; }
    preventDefault() { const s = state(this); if (s.cancelable) s.defaultPrevented = true; }
    stopPropagation() { state(this); }
    stopImmediatePropagation() { state(this).stop = true; }
    composedPath() { const s = state(this); return s.phase !== 0 && s.target ? [s.target] : []; }
  }
  function state(event) {
    const s = eventState.get(event);
    if (!s) throw new TypeError('Illegal invocation');
    return s;
  }
  for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
    Object.defineProperty(Event, name, { value, enumerable: true });
    Object.defineProperty(Event.prototype, name, { value, enumerable: true });
  }

  class EventTarget {
    constructor() { listenersOf.set(this, new Map()); }
    addEventListener(type, listener, options = undefined) {
      const map = listeners(this);
      if (listener == null) return;
      type = String(type);
      const once = typeof options === 'object' && options !== null && !!options.once;
      let list = map.get(type);
      if (!list) map.set(type, list = []);
      if (list.some(l => l.listener === listener)) return;
      list.push({ listener, once });
    }
    removeEventListener(type, listener) {
      const list = listeners(this).get(String(type));
      if (!list) return;
      const i = list.findIndex(l => l.listener === listener);
      if (i >= 0) list.splice(i, 1);
    }
    dispatchEvent(event) {
      const map = listeners(this);
      if (!eventState.has(event)) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      const s = eventState.get(event);
      const list = map.get(s.type);
      s.target = this; s.phase = 2;
      try {
        for (const entry of list ? [...list] : []) {
          if (entry.once) this.removeEventListener(s.type, entry.listener);
          const l = entry.listener;
          try {
            if (typeof l === 'function') l.call(this, event);
            else if (typeof l.handleEvent === 'function') l.handleEvent(event);
          } catch (e) {
            internal.reportError(e);
          }
          if (s.stop) break;
        }
      } finally {
        s.phase = 0;
      }
      return !s.defaultPrevented;
    }
  }
  function listeners(target) {
    const map = listenersOf.get(target);
    if (!map) throw new TypeError('Illegal invocation');
    return map;
  }

  internal.Event = Event;
  internal.EventTarget = EventTarget;
  internal.listenerCount = (target, type) => (listenersOf.get(target)?.get(type) || []).length;
  internal.initEventTarget = (target) => listenersOf.set(target, new Map());
  internal.defineGlobal('Event', Event);
  internal.defineGlobal('EventTarget', EventTarget);
})
