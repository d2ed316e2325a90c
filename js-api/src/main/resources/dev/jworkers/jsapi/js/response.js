// Response (Fetch standard, workerd's messages), with Response.json/redirect/error.
(function (ops, internal) {
  'use strict';
  const NULL_BODY = new Set([101, 204, 205, 304]);
  const REDIRECT = new Set([301, 302, 303, 307, 308]);
  const REASON = /^[\t\x20-\x7e\x80-\xff]*$/;
  const STATUS_RANGE = 'Responses may only be constructed with status codes in the range 200 to 599, inclusive.';
  const TOKEN = Symbol('Response');
  let stateOf, isResponse;

  class Response extends internal.Body {
    #s;
    static {
      stateOf = (r) => { if (r === null || typeof r !== 'object' || !(#s in r)) throw new TypeError('Illegal invocation'); return r.#s; };
      isResponse = (v) => v !== null && typeof v === 'object' && #s in v;
    }

    constructor(body = null, init = undefined) {
      if (body === TOKEN) {
        super(internal.BODY_TOKEN, init.body);
        this.#s = init;
        return;
      }
      if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct 'Response': constructor parameter 2 is not of type 'ResponseInitializerDict'.");
      }
      init = init == null ? {} : init;
      const status = init.status === undefined ? 200 : toStatus(init.status);
      if (!(status >= 200 && status <= 599)) throw new RangeError(STATUS_RANGE);
      const statusText = init.statusText === undefined ? '' : `${init.statusText}`;
      if (!REASON.test(statusText)) throw new TypeError('Invalid statusText');
      let headers = init.headers === undefined ? null : new internal.Headers(init.headers);
      let b = null;
      if (body !== null && body !== undefined) {
        if (NULL_BODY.has(status)) throw new TypeError('Response with null body status (101, 204, 205, or 304) cannot have a body.');
        const [extracted, type] = internal.extractBody(body);
        b = extracted;
        if (type !== null) {
          if (headers === null) headers = new internal.Headers();
          if (!headers.has('content-type')) internal.setHeader(headers, 'content-type', type);
        }
      }
      super(internal.BODY_TOKEN, b);
      this.#s = { status, statusText, headers, type: 'default', url: '', webSocket: init.webSocket ?? null, cf: init.cf };
    }
    clone() {
      const s = stateOf(this);
      let headers = null;
      if (s.headers !== null) {
        headers = new internal.Headers(s.headers);
        if (internal.isHeadersImmutable(s.headers)) internal.setHeadersImmutable(headers);
      }
      return new Response(TOKEN, {
        status: s.status, statusText: s.statusText, headers, type: s.type, url: s.url, redirected: s.redirected, webSocket: null, cf: s.cf,
        body: internal.cloneBody(internal.bodyOf(this)),
      });
    }
    get status() { return stateOf(this).status; }
    get statusText() { return stateOf(this).statusText; }
    get headers() { const s = stateOf(this); return s.headers || (s.headers = new internal.Headers()); }
    get ok() { const st = stateOf(this).status; return st >= 200 && st <= 299; }
    get redirected() { return stateOf(this).redirected === true; }
    get url() { return stateOf(this).url; }
    get webSocket() { return stateOf(this).webSocket; }
    get cf() { return stateOf(this).cf; }
    get type() { return stateOf(this).type; }

    static json(data, init = undefined) {
      const text = JSON.stringify(data);
      const headers = new internal.Headers(init && init.headers !== undefined ? init.headers : undefined);
      if (!headers.has('content-type')) internal.setHeader(headers, 'content-type', 'application/json');
      return new Response(text === undefined ? 'undefined' : text,
        { status: init && init.status, statusText: init && init.statusText, headers });
    }
    static redirect(url, status = 302) {
      status = toStatus(status);
      if (!REDIRECT.has(status)) {
        throw new RangeError(`${status} is not a redirect status code. It must be one of: 301, 302, 303, 307, or 308.`);
      }
      const input = `${url}`;
      const href = internal.parseURL(input);
      if (href === null) throw new TypeError(`Unable to parse URL: ${input}`);
      const headers = new internal.Headers();
      internal.setHeader(headers, 'location', href);
      internal.setHeadersImmutable(headers);
      return new Response(TOKEN, { status, statusText: '', headers, type: 'default', url: '', webSocket: null, cf: undefined, body: null });
    }
    static error() {
      return new Response(TOKEN, { status: 0, statusText: '', headers: null, type: 'error', url: '', webSocket: null, cf: undefined, body: null });
    }
  }
  Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });
  for (const key of ['clone', 'status', 'statusText', 'headers', 'ok', 'redirected', 'url', 'webSocket', 'cf', 'type']) {
    Object.defineProperty(Response.prototype, key, { enumerable: true });
  }

  // WebIDL unsigned short conversion (what workerd applies to `status`).
  function toStatus(v) {
    const n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) & 0xffff : NaN;
  }

  internal.isResponse = isResponse;
  internal.isNullBodyStatus = (status) => NULL_BODY.has(status);
  // What the host needs to send a Response: [status, statusText, headersBlob, body].
  internal.responseParts = function (r) {
    const s = stateOf(r);
    return [s.status, s.statusText, s.headers === null ? '' : internal.headersToBlob(s.headers), internal.bodyForHost(internal.bodyOf(r))];
  };
  // A response that came from the network (fetch): any status the server sent, its final URL,
  // whether redirects were followed; headers already made immutable by the caller.
  internal.makeResponse = function (status, statusText, headers, body, url, redirected) {
    const b = body === null ? null : internal.newBody(body);
    return new Response(TOKEN, { status, statusText, headers, type: 'default', url, redirected, webSocket: null, cf: undefined, body: b });
  };
  internal.setResponseUrl = function (r, url, redirected) {
    const s = stateOf(r);
    s.url = url;
    s.redirected = redirected;
  };
  internal.Response = Response;
  internal.defineGlobal('Response', Response);
})
