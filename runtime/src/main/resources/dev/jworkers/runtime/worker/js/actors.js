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

  const live = new Map();   // `${className}:${id}` -> instance

  class DurableObjectState {
    #id;
    constructor(token, id) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#id = id;
    }
    get id() { return this.#id; }
    waitUntil(promise) { internal.waitUntil(promise); }
  }
  Object.defineProperty(DurableObjectState.prototype, Symbol.toStringTag, { value: 'DurableObjectState', configurable: true });

  internal.actor = function (className, id, name) {
    const key = `${className}:${id}`;
    let obj = live.get(key);
    if (obj !== undefined) return obj;
    const Cls = internal.moduleExport(className);
    if (typeof Cls !== 'function') throw new TypeError(`This Worker does not export a Durable Object class named "${className}".`);
    // The id as the object sees it: from a namespace whose index does not matter on this side.
    const state = new DurableObjectState(TOKEN, new DurableObjectId(TOKEN, -1, id, name === null ? undefined : name));
    obj = new Cls(state, internal.workerEnv());
    live.set(key, obj);
    return obj;
  };
})
