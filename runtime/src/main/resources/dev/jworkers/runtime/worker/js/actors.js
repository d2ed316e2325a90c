// Durable Objects as a Worker sees them: DurableObjectNamespace (env bindings), DurableObjectId, the
// stubs (a Fetcher whose calls go to the object's owner shard), and, on the owner, the live
// instances: one per id in this context, constructed on first use with (ctx, env).
(function (ops, internal) {
  'use strict';
  const rpc = ops.rpc;
  const TOKEN = Symbol('DurableObjects');
  const ID_FORM = /^[0-9a-f]{64}$/;
  let namespaceOf;   // the namespace an id belongs to (set inside DurableObjectId, which owns #ns)

  class DurableObjectId {
    #id;
    #ns;
    constructor(token, ns, id, name) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#ns = ns;
      this.#id = id;
      Object.defineProperty(this, 'jurisdiction', { value: undefined, enumerable: true });
      Object.defineProperty(this, 'name', { value: name, enumerable: true });
    }
    toString() { return this.#id; }
    equals(other) { return other instanceof DurableObjectId && #id in other && other.#id === this.#id; }
    static { namespaceOf = (id) => id.#ns; }
  }
  Object.defineProperty(DurableObjectId.prototype, Symbol.toStringTag, { value: 'DurableObjectId', configurable: true });

  class DurableObjectNamespace {
    #ns;
    constructor(token, ns) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#ns = ns;
    }
    idFromName(name) {
      const n = String(name);
      return new DurableObjectId(TOKEN, this.#ns, rpc.idFromName(this.#ns, n), n);
    }
    newUniqueId(options) {
      if (options != null && options.jurisdiction !== undefined) return this.jurisdiction(options.jurisdiction).newUniqueId();
      return new DurableObjectId(TOKEN, this.#ns, rpc.newUniqueId(this.#ns), undefined);
    }
    idFromString(id) {
      const r = rpc.parseId(this.#ns, String(id));
      if (!ID_FORM.test(r)) throw new TypeError(r);
      return new DurableObjectId(TOKEN, this.#ns, r, undefined);
    }
    get(id, options) {
      if (!(id instanceof DurableObjectId)) throw new TypeError("Failed to execute 'get' on 'DurableObjectNamespace': parameter 1 is not of type 'DurableObjectId'.");
      if (namespaceOf(id) !== this.#ns) throw new TypeError('Durable Object ID is not valid for this namespace.');
      return internal.makeFetcher(rpc.actorHandle(this.#ns, id.toString(), id.name === undefined ? null : id.name), { id, name: id.name });
    }
    getByName(name, options) { return this.get(this.idFromName(name), options); }
    // Jurisdictions restrict where Cloudflare stores an object; one self-hosted deployment has one
    // place, so every jurisdiction is this namespace.
    jurisdiction(name) { return this; }
  }
  Object.defineProperty(DurableObjectNamespace.prototype, Symbol.toStringTag, { value: 'DurableObjectNamespace', configurable: true });

  internal.addNamespaceBinding = function (name, ns) {
    internal.setBinding(name, new DurableObjectNamespace(TOKEN, ns));
  };

  // --- on the owner: live objects ---
  // One slot per live object: its instance, and its input gate for blockConcurrencyWhile() and
  // transaction(): while `blocked` > 0, new events wait in `waiting` and run in arrival order.

  const actorsOps = ops.actors;
  const setTimer = internal.setTimeout, clearTimer = internal.clearTimeout;
  const ERRORS = { Error, TypeError, RangeError };
  const BLOCK_LIMIT_MS = actorsOps.blockLimitMillis();   // 30 s unless the host says otherwise
  const live = new Map();   // `${className}:${id}` -> Slot
  const settle = internal.settle;

  class Slot {
    constructor(key, host) {
      this.key = key;
      this.host = host;
      this.instance = undefined;
      this.blocked = 0;
      this.waiting = null;   // events queued at the input gate, made when one has to wait
      this.broken = null;
      this.Cls = null;
    }
    // Runs fn with no other event delivered to this object until the promise it returns settles.
    exclusive(fn) {
      this.blocked++;
      let timer;
      const limit = new Promise((_, reject) => {
        timer = setTimer(() => reject(new Error('A call to blockConcurrencyWhile() in a Durable Object waited for too long. The call was canceled and the Durable Object was reset.')), BLOCK_LIMIT_MS);
      });
      return Promise.race([settle(fn), limit]).then((v) => {
        clearTimer(timer);
        this.unblock();
        return v;
      }, (e) => {
        clearTimer(timer);
        reset(this, e);
        this.unblock();
        throw e;
      });
    }
    unblock() {
      this.blocked--;
      while (this.blocked === 0 && this.waiting !== null && this.waiting.length > 0) this.waiting.shift()();
    }
    // What storage.js asks of its object: alarms (methods here, not closures per object: an idle
    // object should cost little heap).
    getAlarm() { return settle(() => { const t = this.host.getAlarm(); return t < 0 ? null : t; }); }
    setAlarm(t) { return settle(() => { this.host.setAlarm(alarmTime(this.Cls, t)); }); }
    deleteAlarm() { return settle(() => { this.host.deleteAlarm(); }); }
  }

  function reset(slot, error) {
    if (slot.broken !== null) return;
    slot.broken = error;
    if (live.get(slot.key) === slot) live.delete(slot.key);
  }

  class DurableObjectState {
    #id;
    #slot;
    #storage;
    constructor(token, id, slot, storage) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#id = id;
      this.#slot = slot;
      this.#storage = storage;
    }
    get id() { return this.#id; }
    get storage() { return this.#storage; }
    waitUntil(promise) { internal.waitUntil(promise); }
    blockConcurrencyWhile(callback) { return this.#slot.exclusive(callback); }
    abort(reason) {
      const error = reason instanceof Error ? reason : new Error(reason === undefined ? 'Durable Object was aborted.' : String(reason));
      reset(this.#slot, error);
      throw error;
    }
  }
  Object.defineProperty(DurableObjectState.prototype, Symbol.toStringTag, { value: 'DurableObjectState', configurable: true });

  function slotFor(className, id, name) {
    const key = `${className}:${id}`;
    const existing = live.get(key);
    if (existing !== undefined) return existing;
    const Cls = internal.moduleExport(className);
    if (typeof Cls !== 'function') throw new TypeError(`This Worker does not export a Durable Object class named "${className}".`);
    const host = actorsOps.actor(className, id, name);
    const slot = new Slot(key, host);
    slot.Cls = Cls;
    // The id as the object sees it: from a namespace whose index does not matter on this side.
    const state = new DurableObjectState(TOKEN, new DurableObjectId(TOKEN, -1, id, name === null ? undefined : name), slot,
      internal.makeStorage(host, slot));
    live.set(key, slot);
    try {
      slot.instance = new Cls(state, internal.workerEnv());
    } catch (e) {
      live.delete(key);
      throw e;
    }
    return slot;
  }

  // setAlarm()'s argument as ms since the epoch, checked as workerd checks it; the past means now.
  function alarmTime(Cls, t) {
    if (typeof Cls.prototype.alarm !== 'function') throw new TypeError('Your Durable Object class must have an alarm() handler in order to call setAlarm()');
    let ms;
    if (typeof t === 'number') ms = t;
    else if (t instanceof Date) ms = t.getTime();
    else throw new TypeError("Failed to execute 'setAlarm' on 'DurableObjectStorage': parameter 1 is not of type 'date'.");
    if (ms !== ms || ms === Infinity || ms === -Infinity) throw new TypeError('The value cannot be converted because it is not a valid Date.');
    ms = Math.floor(ms);
    if (ms <= 0) throw new TypeError('setAlarm() cannot be called with an alarm time <= 0');
    return Math.max(ms, Date.now());
  }

  // An alarm is due (from the host, as the event `requestId`): runs alarm() and reports back.
  function dispatchAlarm(requestId, className, id, name, retryCount) {
    const run = settle(() => internal.withActor(className, id, name, (obj) => {
      if (typeof obj.alarm !== 'function') throw new TypeError('The Durable Object class has no alarm() handler.');
      return obj.alarm({ retryCount, isRetry: retryCount > 0 });
    }));
    run.then(() => actorsOps.alarmDone(requestId, true, null), (e) => {
      internal.reportError(e);
      actorsOps.alarmDone(requestId, false, e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    });
  }

  // Delivers one event (fetch, RPC call, alarm) to object `id`: now, or after whatever holds its
  // input gate. Returns fn's result, or a promise of it.
  internal.withActor = function (className, id, name, fn) {
    const slot = slotFor(className, id, name);
    if (slot.blocked === 0) return fn(slot.instance);
    return new Promise((resolve, reject) => {
      if (slot.waiting === null) slot.waiting = [];
      slot.waiting.push(() => {
        if (slot.broken !== null) { reject(slot.broken); return; }
        try { resolve(fn(slot.instance)); } catch (e) { reject(e); }
      });
    });
  };

  actorsOps.init(
    (ctor, message) => { throw new ERRORS[ctor](message); },
    (className, id) => { const key = `${className}:${id}`; const slot = live.get(key); if (slot !== undefined) reset(slot, new Error('Durable Object was evicted.')); },
    dispatchAlarm);
})
