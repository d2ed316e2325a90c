// JS RPC between Worker contexts, and the classes of `cloudflare:workers`.
// A stub is a callable Proxy around a host handle (an RpcImport): reading a property gives an
// RpcProperty (call it, or await it to read a remote property), calling gives an RpcPromise (await
// it, or pipeline further calls on it). Arguments and results are V8-serialized; functions and
// RpcTargets inside them travel by reference as capability indexes (the serializer's host hook),
// stubs forward their own handle. The callee side resolves a call's path under workerd's rules:
// an RpcTarget or WorkerEntrypoint exposes its class's methods and getters, never own properties.
(function (ops, internal) {
  'use strict';
  const rpc = ops.rpc;
  const { uncurry } = internal.primordials;
  const { getPrototypeOf, getOwnPropertyDescriptor, defineProperty, hasOwn, freeze } = Object;
  const isPrototypeOf = uncurry(Object.prototype.isPrototypeOf);
  const ObjectPrototype = Object.prototype;
  const PromiseCtor = Promise;
  const promiseThen = uncurry(Promise.prototype.then);
  const Uint8ArrayCtor = Uint8Array;

  // --- the classes user code extends ---

  class RpcTarget {}
  class WorkerEntrypoint {
    constructor(ctx, env) {
      this.ctx = ctx;
      this.env = env;
    }
  }
  class DurableObject {
    constructor(ctx, env) {
      this.ctx = ctx;
      this.env = env;
    }
  }
  const BASES = [RpcTarget.prototype, WorkerEntrypoint.prototype, DurableObject.prototype];
  function isTargetLike(v) {
    if (v === null || typeof v !== 'object') return false;
    for (let i = 0; i < BASES.length; i++) if (isPrototypeOf(BASES[i], v)) return true;
    return false;
  }
  internal.isEntrypointClass = (v) => typeof v === 'function' && v.prototype != null && isPrototypeOf(WorkerEntrypoint.prototype, v.prototype);

  // --- bytes: the host passes serialized data as Latin-1 strings (one char per byte) ---

  function toBytes(latin1) {
    const n = latin1.length;
    const bytes = new Uint8ArrayCtor(n);
    for (let i = 0; i < n; i++) bytes[i] = latin1.charCodeAt(i);
    return bytes;
  }
  internal.latin1Bytes = toBytes;

  // --- what this context exports: objects others hold stubs to ---

  const exported = new Map();
  let nextExport = 1;
  function exportLocal(v) {
    const id = nextExport++;
    exported.set(id, v);
    return id;
  }

  // --- stubs ---

  const stubState = new WeakMap();   // stub -> { handle, disposed }
  const pipelines = new WeakSet();   // RpcProperty / RpcPromise proxies
  const disposed = () => new Error('RPC stub used after being disposed.');

  function disposeState(state) {
    if (state.disposed) return;
    state.disposed = true;
    rpc.release(state.handle);
  }

  // RpcProperty and RpcPromise are thenables: then/catch/finally act on the pending value.
  const isThenMember = (prop) => prop === 'then' || prop === 'catch' || prop === 'finally';
  function thenMember(prop, promise) {
    if (prop === 'then') return (a, b) => promiseThen(promise(), a, b);
    if (prop === 'catch') return (b) => promiseThen(promise(), undefined, b);
    return (f) => promise().finally(f);
  }

  function makeStub(handle) {
    const state = { handle, disposed: false };
    const methods = {
      dup() {
        if (state.disposed) throw disposed();
        const h = rpc.dup(state.handle);
        if (h === null) throw disposed();
        return makeStub(h);
      },
      dispose() { disposeState(state); },
    };
    const stub = new Proxy(function RpcStub() {}, {
      get(t, prop) {
        if (prop === 'dup') return methods.dup;
        if (prop === Symbol.dispose) return methods.dispose;
        if (prop === Symbol.toStringTag) return 'RpcStub';
        if (typeof prop === 'symbol' || prop === 'then') return undefined;
        return makePath({ state, promise: null }, [prop]);
      },
      apply(t, self, args) { return makePromise(remote(state, [], args)); },
      has() { return true; },
      set() { return false; },
      defineProperty() { return false; },
      deleteProperty() { return false; },
    });
    stubState.set(stub, state);
    return stub;
  }

  // A property path on a stub (state) or on a pending result (promise): call it or await it.
  function makePath(base, path) {
    let read = null;
    const value = () => read || (read = base.state !== null ? remote(base.state, path, undefined)
      : promiseThen(base.promise, (v) => walk(v, path, undefined)));
    const p = new Proxy(function RpcProperty() {}, {
      get(t, prop) {
        if (isThenMember(prop)) return thenMember(prop, value);
        if (prop === Symbol.toStringTag) return 'RpcProperty';
        if (typeof prop === 'symbol') return undefined;
        return makePath(base, [...path, prop]);
      },
      apply(t, self, args) {
        return makePromise(base.state !== null ? remote(base.state, path, args)
          : promiseThen(base.promise, (v) => walk(v, path, args)));
      },
    });
    pipelines.add(p);
    return p;
  }

  // The result of a call: a promise that also pipelines property reads and calls.
  function makePromise(promise) {
    const p = new Proxy(function RpcPromise() {}, {
      get(t, prop) {
        if (isThenMember(prop)) return thenMember(prop, () => promise);
        if (prop === Symbol.dispose) return () => { promiseThen(promise, disposeValue, () => {}); };
        if (prop === Symbol.toStringTag) return 'RpcPromise';
        if (typeof prop === 'symbol') return undefined;
        return makePath({ state: null, promise }, [prop]);
      },
      apply(t, self, args) { return makePromise(promiseThen(promise, (v) => walk(v, [], args))); },
    });
    pipelines.add(p);
    return p;
  }

  function disposeValue(v) {
    const s = stubState.get(v);
    if (s !== undefined) disposeState(s);
  }

  // Follows `path` on a received value: plain parts locally, the rest on the first stub met.
  function walk(v, path, args) {
    for (let i = 0; i < path.length; i++) {
      const s = stubState.get(v);
      if (s !== undefined) return remote(s, path.slice(i), args);
      if (args !== undefined && i === path.length - 1) return v[path[i]](...args);
      v = v[path[i]];
    }
    if (args === undefined) return v;
    const s = stubState.get(v);
    return s !== undefined ? remote(s, [], args) : v(...args);
  }

  // --- calls out ---

  const pendingCalls = new Map();
  let nextCall = 1;

  function hostFor(caps) {
    return {
      claim(v) {
        const s = stubState.get(v);
        if (s !== undefined) {
          if (s.disposed) throw disposed();
          caps.push(s.handle);
        } else if (pipelines.has(v)) {
          throw new TypeError('An RpcPromise or RpcProperty cannot be sent over RPC; await it first.');
        } else if (typeof v === 'function' || isTargetLike(v)) {
          caps.push(exportLocal(v));
        } else {
          const ctor = v.constructor;
          const name = typeof ctor === 'function' && typeof ctor.name === 'string' && ctor.name ? ctor.name : 'Object';
          throw new internal.DOMException(`Could not serialize object of type "${name}". This type does not support serialization.`, 'DataCloneError');
        }
        return caps.length - 1;
      },
    };
  }
  function takeFrom(imports) {
    return {
      take(i) {
        if (!(i < imports.length)) throw new Error('Unable to deserialize cloned data: capability index out of range.');
        return makeStub(imports[i]);
      },
    };
  }

  // Serializes `value` with its capabilities (null: none allowed); local exports are forgotten
  // again if it fails.
  function serialize(value, caps) {
    if (caps === null) return internal.v8Serialize(value);
    try {
      return internal.v8Serialize(value, hostFor(caps));
    } catch (e) {
      for (let i = 0; i < caps.length; i++) if (typeof caps[i] === 'number') exported.delete(caps[i]);
      throw e;
    }
  }

  function remote(state, path, args) {
    return new PromiseCtor((resolve, reject) => {
      if (state.disposed) throw disposed();
      const caps = [];
      const bytes = serialize(args === undefined ? [path] : [path, args], caps);
      const id = nextCall++;
      pendingCalls.set(id, { resolve, reject });
      const refused = rpc.call(state.handle, bytes.buffer, bytes.length, caps, id);
      if (refused !== null) {
        pendingCalls.delete(id);
        reject(new Error(refused));
      }
    });
  }

  const VALUE = 0, THROWN = 1, MESSAGE = 2;

  function settle(id, kind, data, imports) {
    const p = pendingCalls.get(id);
    if (p === undefined) return;
    pendingCalls.delete(id);
    if (kind === MESSAGE) {
      p.reject(remoteError(['Error', 'Error', data, null]));
      return;
    }
    let v;
    try {
      v = internal.v8Deserialize(toBytes(data), takeFrom(imports), data);
    } catch (e) {
      p.reject(e);
      return;
    }
    if (kind === VALUE) p.resolve(v);
    else p.reject(remoteError(v));
  }

  // --- errors cross as [constructor, name, message, own properties] ---

  const ERRORS = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };
  function errorRecord(e) {
    if (internal.isDOMException(e)) return ['DOMException', e.name, e.message, null];
    if (e === null || typeof e !== 'object' || !isPrototypeOf(Error.prototype, e)) return ['Error', 'Error', String(e), null];
    let ctor = 'Error';
    for (let p = getPrototypeOf(e); p !== null; p = getPrototypeOf(p)) {
      const c = hasOwn(p, 'constructor') ? p.constructor : undefined;
      if (c !== undefined && ERRORS[c.name] === c) { ctor = c.name; break; }
    }
    let props = null;
    const keys = Object.keys(e);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === 'stack' || k === 'message' || k === 'name') continue;
      if (props === null) props = {};
      props[k] = e[k];
    }
    return [ctor, String(e.name), String(e.message), props];
  }
  function serializeError(e, caps) {
    const record = errorRecord(e);
    try {
      return serialize(record, caps);
    } catch (x) {
      if (caps !== null) caps.length = 0;
      record[3] = null;   // own properties that cannot be serialized are dropped
      return serialize(record, caps);
    }
  }
  function remoteError(record) {
    const [ctor, name, message, props] = record;
    let e;
    if (ctor === 'DOMException') e = new internal.DOMException(message, name);
    else {
      e = new (hasOwn(ERRORS, ctor) ? ERRORS[ctor] : Error)(message);
      if (e.name !== name) defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
    }
    if (props !== null) for (const k of Object.keys(props)) e[k] = props[k];
    e.remote = true;
    const stack = typeof e.stack === 'string' ? e.stack : '';
    const nl = stack.indexOf('\n');
    defineProperty(e, 'stack', { value: `${name}: ${message}` + (nl >= 0 ? stack.slice(nl) : ''), writable: true, configurable: true, enumerable: false });
    return e;
  }
  // For a binding fetch's error, which travels without a capability table.
  internal.serializeError = (e) => serializeError(e, null);
  internal.remoteError = (data) => remoteError(internal.v8Deserialize(toBytes(data), undefined, data));

  // --- calls in ---

  const notImplemented = (name) => new TypeError(`The RPC receiver does not implement the method "${name}".`);

  // A property as RPC sees it: an RpcTarget-like object exposes what its class defines (methods,
  // getters), a plain object its own properties; nothing else is reachable.
  function member(obj, name) {
    if (isTargetLike(obj)) {
      if (name !== 'constructor') {
        for (let p = getPrototypeOf(obj); p !== null && p !== ObjectPrototype && !BASES.includes(p); p = getPrototypeOf(p)) {
          const d = getOwnPropertyDescriptor(p, name);
          if (d === undefined) continue;
          if (d.get !== undefined) return d.get.call(obj);
          return d.value;
        }
      }
      throw notImplemented(name);
    }
    if (obj !== null && typeof obj === 'object') {
      const proto = getPrototypeOf(obj);
      if ((proto === ObjectPrototype || proto === null || Array.isArray(obj)) && hasOwn(obj, name)) return obj[name];
    }
    throw notImplemented(name);
  }

  async function invoke(target, path, args) {
    if (path.length === 0) {
      if (typeof target !== 'function') throw new TypeError('The RPC receiver is not a function.');
      return args === undefined ? target : target(...args);
    }
    let obj = target;
    for (let i = 0; i < path.length - 1; i++) obj = await member(obj, path[i]);
    const name = path[path.length - 1];
    if (args === undefined) return member(obj, name);
    const f = member(obj, name);
    if (typeof f !== 'function') throw new TypeError(`"${name}" is not a method of the RPC receiver.`);
    return f.apply(obj, args);
  }

  // A top-level handler function of an object export: workerd passes exactly one argument.
  function invokeHandler(handlers, path, args, env, ctx) {
    const name = path[0];
    if (path.length !== 1 || args === undefined || typeof handlers[name] !== 'function' || name === 'fetch') throw notImplemented(name);
    if (args.length !== 1) {
      throw new TypeError(`Attempted to call RPC function "${name}" with the wrong number of arguments. When calling a top-level handler function that is not declared as part of a class, you must always send exactly one argument. In order to support variable numbers of arguments, the server must use class-based syntax (extending WorkerEntrypoint) instead.`);
    }
    return handlers[name](args[0], env, ctx);
  }

  function deliver(requestId, exportId, entrypoint, data, imports, actorId, actorName) {
    let result;
    try {
      const message = internal.v8Deserialize(toBytes(data), takeFrom(imports), data);
      const path = message[0], args = message[1];
      if (actorId !== null) {
        result = internal.withActor(entrypoint, actorId, actorName, (obj) => invoke(obj, path, args));
      } else if (exportId === 0) {
        const ep = internal.entrypoint(entrypoint, requestId);
        result = ep.handlers ? invokeHandler(ep.target, path, args, ep.env, ep.ctx) : invoke(ep.target, path, args);
      } else {
        const target = exported.get(exportId);
        if (target === undefined) throw disposed();
        result = invoke(target, path, args);
      }
    } catch (e) {
      result = PromiseCtor.reject(e);
    }
    promiseThen(PromiseCtor.resolve(result), (v) => replyValue(requestId, v), (e) => replyError(requestId, e));
  }

  function replyValue(requestId, v) {
    const caps = [];
    let bytes;
    try {
      bytes = serialize(v, caps);
    } catch (e) {
      replyError(requestId, e);
      return;
    }
    rpc.reply(requestId, VALUE, bytes.buffer, bytes.length, caps);
  }
  function replyError(requestId, e) {
    const caps = [];
    const bytes = serializeError(e, caps);
    rpc.reply(requestId, THROWN, bytes.buffer, bytes.length, caps);
  }

  // --- service bindings: env.NAME is a Fetcher ---

  const fetchCalls = new Map();
  const streams = new Map();

  // A service binding, or (with `extra` = { id, name }) a Durable Object stub, or (`assets`) the
  // static assets of this Worker, which take fetch() only.
  function makeFetcher(handle, extra, assets) {
    const state = { handle, disposed: false };
    const fetcher = {
      fetch(input, init) { return bindingFetch(state, input, init); },
      connect() { throw new Error('connect() over a service binding is not supported.'); },
    };
    if (extra !== undefined) Object.assign(fetcher, extra);
    defineProperty(fetcher, Symbol.toStringTag, { value: extra !== undefined ? 'DurableObject' : 'Fetcher' });
    return new Proxy(fetcher, {
      get(t, prop) {
        if (hasOwn(t, prop) || typeof prop === 'symbol') return t[prop];
        if (prop === 'then') return undefined;
        if (assets === true) return noMethod(prop);
        return makePath({ state, promise: null }, [prop]);
      },
    });
  }
  internal.makeFetcher = makeFetcher;
  // What calling a method other than fetch() on the assets binding gives, as workerd's asset service answers it.
  const noMethod = (name) => function () { return PromiseCtor.reject(notImplemented(name)); };

  async function bindingFetch(state, input, init) {
    const request = new internal.Request(input, init);
    const body = request.body === null ? null : new Uint8ArrayCtor(await request.arrayBuffer());
    const headers = internal.headersToBlob(request.headers);
    return new PromiseCtor((resolve, reject) => {
      const id = nextCall++;
      fetchCalls.set(id, { resolve, reject });
      const refused = rpc.fetch(state.handle, request.method, request.url, headers,
        body === null ? null : body.buffer, body === null ? -1 : body.length, id);
      if (refused !== null) {
        fetchCalls.delete(id);
        reject(new Error(refused));
      }
    });
  }

  function fetchDone(id, kind, status, reason, headers, body, streamId) {
    const p = fetchCalls.get(id);
    if (p === undefined) {
      if (streamId !== 0) rpc.streamCancel(streamId);
      return;
    }
    fetchCalls.delete(id);
    if (kind === 2) { p.reject(new Error(body)); return; }
    if (kind === 3) { p.reject(internal.remoteError(body)); return; }
    let responseBody = null;
    if (kind === 1) responseBody = incomingStream(streamId);
    else if (body !== null && body.length > 0) responseBody = toBytes(body);
    const init = { status, statusText: reason, headers: internal.headersFromBlob(headers, false) };
    p.resolve(new internal.Response(internal.isNullBodyStatus(status) ? null : responseBody, init));
  }

  // A body the host delivers chunk by chunk (a binding's response, an outbound fetch's): `register`
  // gets the controller and a counter to call with each chunk's size; each pull acknowledges what
  // was consumed (`ack(n)`), so the host can send more; `cancel()` when the reader gives up.
  internal.hostBodyStream = function (register, ack, cancel) {
    let unacked = 0;
    return new internal.ReadableStream({
      start(controller) { register(controller, (n) => { unacked += n; }); },
      pull() {
        if (unacked > 0) { ack(unacked); unacked = 0; }
      },
      cancel() { cancel(); },
    }, { highWaterMark: 65536, size: (chunk) => chunk.byteLength });
  };

  function incomingStream(streamId) {
    return internal.hostBodyStream((controller, count) => streams.set(streamId, { controller, count }),
      (n) => rpc.streamAck(streamId, n),
      () => { streams.delete(streamId); rpc.streamCancel(streamId); });
  }

  function streamEvent(streamId, event, data) {
    const s = streams.get(streamId);
    if (s === undefined) return;
    if (event === 0) {
      s.count(data.length);
      s.controller.enqueue(toBytes(data));
    } else {
      streams.delete(streamId);
      if (event === 1) s.controller.close();
      else s.controller.error(new Error(data));
    }
  }

  rpc.init(deliver, settle, (id) => { exported.delete(id); }, fetchDone, streamEvent);

  // --- the module `cloudflare:workers` ---

  class RpcStub {
    constructor(value) {
      if (stubState.has(value)) return value.dup();
      if (typeof value !== 'function' && !isTargetLike(value)) throw new TypeError('RpcStub can only wrap a function or an RpcTarget.');
      return makeStub(rpc.localStub(exportLocal(value)));
    }
  }

  internal.waitUntil = waitUntil;
  function waitUntil(promise) {
    const id = rpc.currentRequest();
    if (id === 0) return;
    ops.http.waitUntil(id, 1);
    promiseThen(PromiseCtor.resolve(promise), () => ops.http.waitUntil(id, -1),
      (e) => { internal.reportError(e); ops.http.waitUntil(id, -1); });
  }

  internal.cloudflareWorkers = function (env) {
    return freeze({ __proto__: null, RpcTarget, RpcStub, WorkerEntrypoint, DurableObject, env, waitUntil });
  };
})
