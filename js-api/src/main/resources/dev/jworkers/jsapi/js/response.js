// Response (Fetch standard), with Response.json/redirect/error.
(function (ops, internal) {
  'use strict';
  const NULL_BODY = new Set([101, 204, 205, 304]);
  const REDIRECT = new Set([301, 302, 303, 307, 308]);
  const REASON = /^[\t\x20-\x7e\x80-\xff]*$/;
  let stateOf, isResponse;

  class Response {
    #s;
    static {
      stateOf = (r) => { if (!(#s in r)) throw new TypeError('Illegal invocation'); return r.#s; };
      isResponse = (v) => v !== null && typeof v === 'object' && #s in v;
    }

    constructor(body = null, init = undefined) {
      if (init !== undefined && init !== null && typeof init !== 'object') {
        throw new TypeError("Failed to construct 'Response': The provided value is not of type 'ResponseInit'.");
      }
      init = init || {};
      const status = init.status === undefined ? 200 : toStatus(init.status);
      if (status < 200 || status > 599) {
        throw new RangeError(`Failed to construct 'Response': The status provided (${status}) is outside the range [200, 599].`);
      }
      const statusText = init.statusText === undefined ? '' : String(init.statusText);
      if (!REASON.test(statusText)) throw new TypeError("Failed to construct 'Response': Invalid statusText.");
      const headers = init.headers === undefined ? null : new internal.Headers(init.headers);
      let b = null;
      let hdrs = headers;
      if (body !== null && body !== undefined) {
        if (NULL_BODY.has(status)) throw new TypeError("Failed to construct 'Response': Response with null body status cannot have body");
        const { body: extracted, type } = internal.extractBody(body);
        b = extracted;
        if (type !== null) {
          if (hdrs === null) hdrs = new internal.Headers();
          if (!hdrs.has('content-type')) hdrs.set('content-type', type);
        }
      }
      this.#s = { status, statusText, headers: hdrs, body: b, type: 'default', url: '' };
    }
    get status() { return stateOf(this).status; }
    get statusText() { return stateOf(this).statusText; }
    get ok() { const s = stateOf(this).status; return s >= 200 && s <= 299; }
    get headers() { const s = stateOf(this); return s.headers || (s.headers = new internal.Headers()); }
    get redirected() { stateOf(this); return false; }
    get type() { return stateOf(this).type; }
    get url() { return stateOf(this).url; }
    get webSocket() { stateOf(this); return null; }
    get cf() { stateOf(this); return undefined; }
    clone() {
      const s = stateOf(this);
      const r = new Response(null, { status: s.status === 0 ? 200 : s.status, statusText: s.statusText });
      const c = stateOf(r);
      c.status = s.status;
      c.headers = s.headers ? new internal.Headers(s.headers) : null;
      c.body = internal.cloneBody(s.body);
      c.type = s.type;
      c.url = s.url;
      return r;
    }
    static json(data, init = undefined) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError("Failed to execute 'json' on 'Response': The data is not serializable to JSON.");
      const headers = new internal.Headers(init && init.headers !== undefined ? init.headers : undefined);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new Response(text, { status: init && init.status, statusText: init && init.statusText, headers });
    }
    static redirect(url, status = 302) {
      status = toStatus(status);
      if (!REDIRECT.has(status)) throw new RangeError(`Failed to execute 'redirect' on 'Response': Invalid status code ${status}`);
      let href = String(url);
      if (typeof globalThis.URL === 'function') href = new globalThis.URL(href).href;
      return new Response(null, { status, headers: { location: href } });
    }
    static error() {
      const r = new Response(null);
      const s = stateOf(r);
      s.status = 0; s.type = 'error';
      return r;
    }
  }
  Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });
  internal.mixinBody(Response.prototype, (r) => stateOf(r).body);

  function toStatus(v) {
    const n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) & 0xffff : 0;
  }

  internal.isResponse = isResponse;
  // What the host needs to send a Response: [status, statusText, headersBlob, body].
  internal.responseParts = function (r) {
    const s = stateOf(r);
    return [s.status, s.statusText, s.headers === null ? '' : internal.headersToBlob(s.headers), internal.bodyForHost(s.body)];
  };
  internal.Response = Response;
  internal.defineGlobal('Response', Response);
})
