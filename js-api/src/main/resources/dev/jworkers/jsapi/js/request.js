// Request (Fetch standard). The host builds incoming requests through internal.makeRequest,
// which skips the parsing a user-constructed Request needs.
(function (ops, internal) {
  'use strict';
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const NORMALIZED = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
  const FROM_HOST = Symbol('fromHost');
  let stateOf;

  class Request {
    #s;
    static { stateOf = (r) => { if (!(#s in r)) throw new TypeError('Illegal invocation'); return r.#s; }; }

    constructor(input, init = undefined) {
      if (input === FROM_HOST) { this.#s = init; return; }
      if (arguments.length < 1) throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
      if (init !== undefined && init !== null && typeof init !== 'object') {
        throw new TypeError("Failed to construct 'Request': The provided value is not of type 'RequestInit'.");
      }
      init = init || {};
      let src = null;
      if (typeof input === 'object' && input !== null && #s in input) src = input.#s;
      const s = {
        method: src ? src.method : 'GET',
        url: src ? src.url : parseUrl(String(input)),
        headers: null, headersBlob: null,
        body: null,
        redirect: src ? src.redirect : 'follow',
        cf: src ? src.cf : undefined,
      };
      if (init.method !== undefined) s.method = normalizeMethod(init.method);
      if (init.redirect !== undefined) {
        const r = String(init.redirect);
        if (r !== 'follow' && r !== 'manual' && r !== 'error') throw new TypeError(`Failed to construct 'Request': The provided value '${r}' is not a valid enum value of type RequestRedirect.`);
        s.redirect = r;
      }
      if (init.cf !== undefined) s.cf = init.cf;
      s.headers = new internal.Headers(init.headers !== undefined ? init.headers : (src ? headersOf(src) : undefined));
      let body = null;
      if (init.body !== undefined && init.body !== null) {
        const { body: b, type } = internal.extractBody(init.body);
        body = b;
        if (type !== null && !s.headers.has('content-type')) s.headers.set('content-type', type);
      } else if (src && src.body !== null && init.body === undefined) {
        if (internal.bodyUsed(src.body)) throw new TypeError("Failed to construct 'Request': Cannot construct a Request with a Request object that has already been used.");
        body = src.body;
        src.body = internal.newBody(null);
        src.body.used = true;
      }
      if (body !== null && (s.method === 'GET' || s.method === 'HEAD')) {
        throw new TypeError("Failed to construct 'Request': Request with a GET or HEAD method cannot have a body.");
      }
      s.body = body;
      this.#s = s;
    }
    get method() { return stateOf(this).method; }
    get url() { return stateOf(this).url; }
    get headers() { return headersOf(stateOf(this)); }
    get redirect() { return stateOf(this).redirect; }
    get signal() { stateOf(this); return null; }
    get cf() { return stateOf(this).cf; }
    get fetcher() { stateOf(this); return null; }
    get integrity() { stateOf(this); return ''; }
    get keepalive() { stateOf(this); return false; }
    clone() {
      const s = stateOf(this);
      return new Request(FROM_HOST, {
        method: s.method, url: s.url, headers: new internal.Headers(headersOf(s)), headersBlob: null,
        body: internal.cloneBody(s.body), redirect: s.redirect, cf: s.cf,
      });
    }
  }
  Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });
  internal.mixinBody(Request.prototype, (r) => stateOf(r).body);

  // Headers of incoming requests are parsed from the host's blob on first use.
  function headersOf(s) {
    if (s.headers === null) { s.headers = internal.headersFromBlob(s.headersBlob); s.headersBlob = null; }
    return s.headers;
  }

  function normalizeMethod(m) {
    m = String(m);
    if (!TOKEN.test(m)) throw new TypeError(`Failed to construct 'Request': '${m}' is not a valid HTTP method.`);
    const upper = m.toUpperCase();
    return NORMALIZED.includes(upper) ? upper : m;
  }

  function parseUrl(url) {
    if (typeof globalThis.URL === 'function') {
      try { return new globalThis.URL(url).href; } catch (e) { throw new TypeError(`Invalid URL: ${url}`); }
    }
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) throw new TypeError(`Invalid URL: ${url}`);
    return url;
  }

  internal.makeRequest = function (method, url, headersBlob, bodySource) {
    return new Request(FROM_HOST, {
      method, url, headers: null, headersBlob,
      body: bodySource === null ? null : internal.newBody(bodySource), redirect: 'manual', cf: undefined,
    });
  };
  internal.Request = Request;
  internal.defineGlobal('Request', Request);
})
