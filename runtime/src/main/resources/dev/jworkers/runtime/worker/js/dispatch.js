// The fetch event: turns a request from the host into a Request, calls the Worker's handler
// (ES module `fetch(request, env, ctx)` or a service-worker `fetch` listener) and hands the
// Response back to the host, streaming bodies that are ReadableStreams.
(function (ops, internal) {
  'use strict';
  const http = ops.http;
  const CTX = Symbol('ExecutionContext');
  let env = {};
  let handler = null;

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
  internal.defineGlobal('ExecutionContext', ExecutionContext);

  // `vars` arrive as one JSON object; service-worker scripts see them as globals.
  internal.setEnv = function (json, asGlobals) {
    env = JSON.parse(json);
    if (asGlobals) for (const k of Object.keys(env)) internal.defineGlobal(k, env[k]);
  };

  internal.useModule = function (ns) {
    const main = ns.default;
    if (main === null || (typeof main !== 'object' && typeof main !== 'function') || typeof main.fetch !== 'function') return false;
    handler = (request, id) => main.fetch(request, env, new ExecutionContext(CTX, id));
    return true;
  };

  // The global scope is the EventTarget service-worker scripts add their listeners to
  // (events.js defines the global addEventListener and friends).
  internal.initEventTarget(globalThis);
  internal.useServiceWorker = function () {
    if (internal.listenerCount(globalThis, 'fetch') === 0) return false;
    handler = (request, id) => {
      const event = new FetchEvent('fetch', CTX);
      const state = { request, responded: false, response: undefined, ctx: new ExecutionContext(CTX, id) };
      fetchEventState.set(event, state);
      internal.fireEvent(globalThis, event);
      if (!state.responded) throw new Error('No response: no fetch listener called event.respondWith().');
      return state.response;
    };
    return true;
  };

  internal.dispatchFetch = function (id, method, url, headersBlob, hasBody) {
    const request = internal.makeRequest(method, url, headersBlob,
      hasBody ? () => bodyBytes(http.requestBody(id)) : null);
    let result;
    try {
      result = handler(request, id);
    } catch (e) {
      fail(id, e);
      return;
    }
    if (internal.isResponse(result)) send(id, result);
    else Promise.resolve(result).then((r) => send(id, r), (e) => fail(id, e));
  };

  // The host passes the body as a Latin-1 string (one char per byte): copying it with charCodeAt
  // is ~1 ns per byte once compiled, against ~50 ns through an interop buffer.
  function bodyBytes(latin1) {
    const n = latin1.length;
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = latin1.charCodeAt(i);
    return bytes;
  }

  function fail(id, error) {
    http.fail(id, internal.describeError(error));
  }

  function send(id, response) {
    if (!internal.isResponse(response)) {
      fail(id, new TypeError("Incorrect type for Promise: the Promise did not resolve to 'Response'."));
      return;
    }
    let parts;
    try {
      parts = internal.responseParts(response);
    } catch (e) {
      fail(id, e);
      return;
    }
    const [status, statusText, headers, body] = parts;
    if (status === 0) {
      fail(id, new TypeError('Return value from serve handler is an error Response (Response.error()).'));
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
