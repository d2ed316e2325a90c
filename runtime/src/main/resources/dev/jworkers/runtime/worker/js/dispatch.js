// The fetch event: turns a request from the host into a Request, calls the Worker's handler
// (ES module `fetch(request, env, ctx)` or a service-worker `fetch` listener) and hands the
// Response back to the host, streaming bodies that are ReadableStreams.
(function (ops, internal) {
  'use strict';
  const http = ops.http;
  const CTX = Symbol('ExecutionContext');
  let env = {};

  class ExecutionContext {
    #id;
    constructor(token, id) {
      if (token !== CTX) throw new TypeError('Illegal constructor');
      this.#id = id;
    }
    waitUntil(promise) {
      const id = this.#id;
      http.waitUntil(id, 1);
      Promise.resolve(promise).then(
        () => http.waitUntil(id, -1),
        (e) => { internal.reportError(e); http.waitUntil(id, -1); });
    }
    passThroughOnException() {
      // Accepted: there is no origin to pass through to, so an exception still answers 500.
    }
    get props() { return {}; }
  }
  Object.defineProperty(ExecutionContext.prototype, Symbol.toStringTag, { value: 'ExecutionContext', configurable: true });

  const fetchEventState = new WeakMap();
  class FetchEvent extends internal.Event {
    constructor(type, init) {
      super(type);
      if (init === CTX) return;
      throw new TypeError('Illegal constructor');
    }
    get request() { return fetchEventState.get(this).request; }
    respondWith(response) {
      const s = fetchEventState.get(this);
      if (!s) throw new TypeError('Illegal invocation');
      if (s.responded) throw internal.domException('FetchEvent.respondWith() has already been called; it can only be called once.', 'InvalidStateError');
      s.responded = true;
      s.response = response;
    }
    waitUntil(promise) { fetchEventState.get(this).ctx.waitUntil(promise); }
    passThroughOnException() { }
  }
  internal.defineGlobal('FetchEvent', FetchEvent);

  // The scheduled event (cron triggers): `scheduled(controller, env, ctx)` of the default export,
  // or a service-worker 'scheduled' listener getting a ScheduledEvent.
  class ScheduledController {
    #time; #cron;
    constructor(token, time, cron) {
      if (token !== CTX) throw new TypeError('Illegal constructor');
      this.#time = time;
      this.#cron = cron;
    }
    get scheduledTime() { return this.#time; }
    get cron() { return this.#cron; }
    noRetry() { }
  }
  Object.defineProperty(ScheduledController.prototype, Symbol.toStringTag, { value: 'ScheduledController', configurable: true });
  const scheduledEventState = new WeakMap();
  class ScheduledEvent extends internal.Event {
    constructor(type, init) {
      super(type);
      if (init === CTX) return;
      throw new TypeError('Illegal constructor');
    }
    get scheduledTime() { return scheduledEventState.get(this).controller.scheduledTime; }
    get cron() { return scheduledEventState.get(this).controller.cron; }
    noRetry() { }
    waitUntil(promise) { scheduledEventState.get(this).ctx.waitUntil(promise); }
  }
  internal.defineGlobal('ScheduledController', ScheduledController);
  internal.defineGlobal('ScheduledEvent', ScheduledEvent);
  internal.defineGlobal('ExecutionContext', ExecutionContext);

  // `vars` arrive as one JSON object; service-worker scripts see them (and bindings) as globals.
  let serviceWorker = false;
  internal.setEnv = function (json, asGlobals) {
    env = JSON.parse(json);
    serviceWorker = asGlobals;
    if (asGlobals) for (const k of Object.keys(env)) internal.defineGlobal(k, env[k]);
    // What `import ... from 'cloudflare:workers'` reads (see BundleFileSystem's built-in modules).
    Object.defineProperty(globalThis, Symbol.for('cloudflare:workers'), { value: internal.cloudflareWorkers(env) });
  };
  // A binding: env[name] (and, for service-worker scripts, a global).
  internal.setBinding = function (name, value) {
    env[name] = value;
    if (serviceWorker) internal.defineGlobal(name, value);
  };
  internal.addServiceBinding = (name, handle) => internal.setBinding(name, internal.makeFetcher(handle));
  internal.addAssetsBinding = (name, handle) => internal.setBinding(name, internal.makeFetcher(handle, undefined, true));
  internal.workerEnv = () => env;
  internal.moduleExport = (name) => (moduleNs !== null && Object.prototype.hasOwnProperty.call(moduleNs, name) ? moduleNs[name] : undefined);

  // The module's exports; `default` (or a named export a service binding selects) handles events.
  let moduleNs = null;
  let defaultHandlers = null;   // the fast path: a default export that is a plain handlers object
  internal.useModule = function (ns) {
    moduleNs = ns;
    const main = ns.default;
    if (internal.isEntrypointClass(main)) return typeof main.prototype.fetch === 'function';
    if (main === null || (typeof main !== 'object' && typeof main !== 'function') || typeof main.fetch !== 'function') return false;
    defaultHandlers = main;
    return true;
  };

  // An event's receiver: a new instance of a WorkerEntrypoint class, or the handlers object
  // (whose functions get (arg, env, ctx)).
  internal.entrypoint = function (name, requestId) {
    const ctx = new ExecutionContext(CTX, requestId);
    if (moduleNs === null) throw new TypeError('This Worker is a service-worker script: it has no entrypoints for RPC.');
    const exp = name === null ? moduleNs.default : (Object.prototype.hasOwnProperty.call(moduleNs, name) ? moduleNs[name] : undefined);
    const label = name === null ? 'default export' : `export "${name}"`;
    if (exp === undefined) throw new TypeError(`The Worker has no ${label}.`);
    if (internal.isEntrypointClass(exp)) return { target: new exp(ctx, env), handlers: false, env, ctx };
    if (exp !== null && typeof exp === 'object') return { target: exp, handlers: true, env, ctx };
    throw new TypeError(`The Worker's ${label} is neither a class extending WorkerEntrypoint nor an object of handlers.`);
  };

  function fetchHandler(request, id, entrypoint, actorId, actorName) {
    if (actorId !== null) {
      return internal.withActor(entrypoint, actorId, actorName, (obj) => {
        if (typeof obj.fetch !== 'function') throw new TypeError('Handler does not export a fetch() function.');
        return obj.fetch(request);
      });
    }
    if (entrypoint === null && defaultHandlers !== null) return defaultHandlers.fetch(request, env, new ExecutionContext(CTX, id));
    if (moduleNs === null) {
      if (swHandler === null) throw new TypeError('Handler does not export a fetch() function.');
      return swHandler(request, id);
    }
    const ep = internal.entrypoint(entrypoint, id);
    if (typeof ep.target.fetch !== 'function') throw new TypeError('Handler does not export a fetch() function.');
    return ep.handlers ? ep.target.fetch(request, env, ep.ctx) : ep.target.fetch(request);
  }

  // The global scope is the EventTarget service-worker scripts add their listeners to
  // (events.js defines the global addEventListener and friends).
  internal.initEventTarget(globalThis);
  let swHandler = null;
  internal.useServiceWorker = function () {
    if (internal.listenerCount(globalThis, 'fetch') === 0) return false;
    swHandler = (request, id) => {
      const event = new FetchEvent('fetch', CTX);
      const state = { request, responded: false, response: undefined, ctx: new ExecutionContext(CTX, id) };
      fetchEventState.set(event, state);
      internal.fireEvent(globalThis, event);
      if (!state.responded) throw new Error('No response: no fetch listener called event.respondWith().');
      return state.response;
    };
    return true;
  };

  function scheduledHandler(controller, id) {
    if (moduleNs === null) {
      if (internal.listenerCount(globalThis, 'scheduled') === 0) throw new TypeError('Handler does not export a scheduled() function.');
      const event = new ScheduledEvent('scheduled', CTX);
      scheduledEventState.set(event, { controller, ctx: new ExecutionContext(CTX, id) });
      internal.fireEvent(globalThis, event);
      return undefined;
    }
    const ep = internal.entrypoint(null, id);
    if (typeof ep.target.scheduled !== 'function') throw new TypeError('Handler does not export a scheduled() function.');
    return ep.handlers ? ep.target.scheduled(controller, env, ep.ctx) : ep.target.scheduled(controller);
  }

  // A cron trigger firing (or the test endpoint): answers 200 when the handler has settled,
  // or fails with its error.
  internal.dispatchScheduled = function (id, scheduledTime, cron) {
    const controller = new ScheduledController(CTX, scheduledTime, cron);
    let run;
    try {
      run = Promise.resolve(scheduledHandler(controller, id));
    } catch (e) {
      run = Promise.reject(e);
    }
    run.then(() => http.respond(id, 200, 'OK', 'content-type\ntext/plain;charset=UTF-8\n', 'Ran scheduled event'),
      (e) => fail(id, e, false));
  };

  // A request for this Worker: from a listener, or (binding) from another Worker's service binding,
  // whose fetch() rejects with the handler's error instead of receiving a 500.
  internal.dispatchFetch = function (id, method, url, headersBlob, hasBody, entrypoint, binding, actorId, actorName) {
    const request = internal.makeRequest(method, url, headersBlob,
      hasBody ? () => internal.latin1Bytes(http.requestBody(id)) : null);
    let result;
    try {
      result = fetchHandler(request, id, entrypoint, actorId, actorName);
    } catch (e) {
      fail(id, e, binding);
      return;
    }
    if (internal.isResponse(result)) send(id, result, binding);
    else Promise.resolve(result).then((r) => send(id, r, binding), (e) => fail(id, e, binding));
  };

  function fail(id, error, binding) {
    if (binding) {
      const bytes = internal.serializeError(error);
      ops.rpc.fetchThrew(id, bytes.buffer, bytes.length);
    } else {
      http.fail(id, internal.describeError(error));
    }
  }

  function send(id, response, binding) {
    if (!internal.isResponse(response)) {
      fail(id, new TypeError("Incorrect type for Promise: the Promise did not resolve to 'Response'."), binding);
      return;
    }
    let parts;
    try {
      parts = internal.responseParts(response);
    } catch (e) {
      fail(id, e, binding);
      return;
    }
    const [status, statusText, headers, body] = parts;
    if (status === 0) {
      fail(id, new TypeError('Return value from serve handler is an error Response (Response.error()).'), binding);
      return;
    }
    if (body === null || typeof body === 'string') http.respond(id, status, statusText, headers, body);
    else if (body instanceof Uint8Array) http.respondBytes(id, status, statusText, headers, body.buffer, body.byteOffset, body.byteLength);
    else pump(id, status, statusText, headers, body);
  }

  // Streams a ReadableStream body chunk by chunk, waiting whenever the connection is full.
  async function pump(id, status, statusText, headers, stream) {
    const reader = stream.getReader();
    http.start(id, status, statusText, headers);
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const bytes = internal.chunkBytes(value);
        const state = http.write(id, bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (state < 0) {
          reader.cancel(new Error('The client disconnected.')).catch(() => {});
          return;
        }
        if (state === 0) await new Promise((resolve) => http.onWritable(id, resolve));
      }
      http.end(id);
    } catch (e) {
      internal.reportError(e);
      http.abort(id);
    }
  }
})
