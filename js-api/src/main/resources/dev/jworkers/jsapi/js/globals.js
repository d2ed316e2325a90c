// The remaining globals of the Workers global scope: performance, navigator, and the global
// object's own tag. Shapes follow workerd (checked against it): performance.timeOrigin is 0 and
// performance.now() counts milliseconds since the epoch, like Date.now().
(function (ops, internal) {
  'use strict';
  const ILLEGAL = 'Illegal constructor';
  const TOKEN = Symbol('internal');

  class Performance {
    constructor(token) { if (token !== TOKEN) throw new TypeError(ILLEGAL); }
    get timeOrigin() { check(this, Performance); return 0; }
    now() { check(this, Performance); return Date.now(); }
    toJSON() { check(this, Performance); return { timeOrigin: 0 }; }
  }
  class Navigator {
    constructor(token) { if (token !== TOKEN) throw new TypeError(ILLEGAL); }
    get userAgent() { check(this, Navigator); return 'Cloudflare-Workers'; }
    get hardwareConcurrency() { check(this, Navigator); return 1; }
    get language() { check(this, Navigator); return 'en'; }
    get languages() { check(this, Navigator); return ['en']; }
  }
  const instances = new WeakSet();
  function check(self, cls) {
    if (!instances.has(self) || !(self instanceof cls)) throw new TypeError('Illegal invocation');
  }
  for (const [cls, tag] of [[Performance, 'Performance'], [Navigator, 'Navigator']]) {
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: tag, configurable: true });
    // WebIDL attributes and operations are enumerable.
    for (const key of Object.getOwnPropertyNames(cls.prototype)) {
      if (key !== 'constructor') Object.defineProperty(cls.prototype, key, { enumerable: true });
    }
  }
  const performance = new Performance(TOKEN);
  const navigator = new Navigator(TOKEN);
  instances.add(performance);
  instances.add(navigator);

  internal.defineGlobal('Performance', Performance);
  internal.defineGlobal('Navigator', Navigator);
  // `performance` and `navigator` are read-only accessors on the global scope in workerd.
  Object.defineProperty(globalThis, 'performance', { get() { return performance; }, set: undefined, configurable: true, enumerable: true });
  Object.defineProperty(globalThis, 'navigator', { get() { return navigator; }, set: undefined, configurable: true, enumerable: true });

  // The global object's class chain, as in workerd: ServiceWorkerGlobalScope -> WorkerGlobalScope
  // -> EventTarget. addEventListener and friends are inherited, not own properties.
  class WorkerGlobalScope extends internal.EventTarget {
    constructor() { throw new TypeError(ILLEGAL); }
  }
  class ServiceWorkerGlobalScope extends WorkerGlobalScope {}
  Object.defineProperty(WorkerGlobalScope.prototype, Symbol.toStringTag, { value: 'WorkerGlobalScope', configurable: true });
  Object.defineProperty(ServiceWorkerGlobalScope.prototype, Symbol.toStringTag, { value: 'ServiceWorkerGlobalScope', configurable: true });
  internal.defineGlobal('WorkerGlobalScope', WorkerGlobalScope);
  internal.defineGlobal('ServiceWorkerGlobalScope', ServiceWorkerGlobalScope);
  Object.setPrototypeOf(globalThis, ServiceWorkerGlobalScope.prototype);
  // GraalJS gives the global object an own tag ('global'); workerd's shows its class.
  Object.defineProperty(globalThis, Symbol.toStringTag, { value: 'ServiceWorkerGlobalScope', configurable: true });
  for (const m of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
    if (globalThis[m] === internal.EventTarget.prototype[m]) delete globalThis[m];
  }
})
