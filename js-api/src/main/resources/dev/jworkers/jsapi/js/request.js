// Request (Fetch standard, with workerd's choices: its method list, no "error" redirect mode, the
// `cf` and `fetcher` members). The host builds incoming requests through internal.makeRequest,
// which skips the parsing a user-constructed Request needs and makes the headers immutable.
(function (ops, internal) {
  'use strict';
  // The methods workerd accepts (case-insensitive, normalised to upper case).
  const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'PURGE', 'OPTIONS', 'TRACE', 'COPY', 'LOCK',
    'MKCOL', 'MOVE', 'PROPFIND', 'PROPPATCH', 'SEARCH', 'UNLOCK', 'ACL', 'REPORT', 'MKACTIVITY', 'CHECKOUT', 'MERGE',
    'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE', 'QUERY', 'BAN']);
  const FROM_HOST = Symbol('fromHost');
  let stateOf;

  class Request extends internal.Body {
    #s;
    static { stateOf = (r) => { if (r === null || typeof r !== 'object' || !(#s in r)) throw new TypeError('Illegal invocation'); return r.#s; }; }

    constructor(input = undefined, init = undefined) {
      if (input === FROM_HOST) {
        super(internal.BODY_TOKEN, init.body);
        this.#s = init;
        return;
      }
      if (input === undefined) throw new TypeError("Failed to construct 'Request': constructor parameter 1 is not of type 'Request or string'.");
      if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeError("Failed to construct 'Request': constructor parameter 2 is not of type 'RequestInitializerDict or Request'.");
      }
      const src = input !== null && typeof input === 'object' && #s in input ? input : null;
      const from = src === null ? null : src.#s;
      init = init == null ? {} : init;
      const s = {
        method: from ? from.method : 'GET',
        url: from ? from.url : parseUrl(`${input}`),
        headers: null, headersBlob: null,
        redirect: from ? from.redirect : 'follow',
        cf: from ? from.cf : undefined,
        signal: from ? from.signal : null,
        fetcher: null,
        body: null,
      };
      if (init.method !== undefined) s.method = normalizeMethod(init.method);
      if (init.redirect !== undefined) {
        const r = `${init.redirect}`;
        if (r !== 'follow' && r !== 'manual') {
          throw new TypeError('Invalid redirect value, must be one of "follow" or "manual" ("error" won\'t be implemented since it does not make sense at the edge; use "manual" and check the response status code).');
        }
        s.redirect = r;
      }
      if (init.cf !== undefined) s.cf = init.cf;
      if (init.signal !== undefined) {
        if (init.signal !== null && internal.isAbortSignal && !internal.isAbortSignal(init.signal)) {
          throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
        }
        s.signal = init.signal;
      }
      s.headers = new internal.Headers(init.headers !== undefined ? init.headers : (from ? headersOf(from) : undefined));
      let body = null;
      if (init.body !== undefined && init.body !== null) {
        const [b, type] = internal.extractBody(init.body);
        body = b;
        if (type !== null && !s.headers.has('content-type')) internal.setHeader(s.headers, 'content-type', type);
      } else if (src !== null && init.body === undefined) {
        if (src.bodyUsed) throw new TypeError('Cannot reconstruct a Request with a used body.');
        body = internal.takeBody(src);
      }
      if (body !== null && (s.method === 'GET' || s.method === 'HEAD')) {
        throw new TypeError('Request with a GET or HEAD method cannot have a body.');
      }
      super(internal.BODY_TOKEN, body);
      this.#s = s;
    }
    clone() {
      const s = stateOf(this);
      const headers = new internal.Headers(headersOf(s));
      if (internal.isHeadersImmutable(headersOf(s))) internal.setHeadersImmutable(headers);
      return new Request(FROM_HOST, {
        method: s.method, url: s.url, headers, headersBlob: null, redirect: s.redirect, cf: s.cf,
        signal: s.signal, fetcher: s.fetcher, body: internal.cloneBody(internal.bodyOf(this)),
      });
    }
    get method() { return stateOf(this).method; }
    get url() { return stateOf(this).url; }
    get headers() { return headersOf(stateOf(this)); }
    get redirect() { return stateOf(this).redirect; }
    get fetcher() { return stateOf(this).fetcher; }
    get signal() {
      const s = stateOf(this);
      if (s.signal === null && internal.createAbortSignal) s.signal = internal.createAbortSignal();
      return s.signal;
    }
    get cf() { return stateOf(this).cf; }
    get integrity() { stateOf(this); return ''; }
    get keepalive() { stateOf(this); return false; }
    get cache() { stateOf(this); return undefined; }
  }
  Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });
  for (const key of ['clone', 'method', 'url', 'headers', 'redirect', 'fetcher', 'signal', 'cf', 'integrity', 'keepalive', 'cache']) {
    Object.defineProperty(Request.prototype, key, { enumerable: true });
  }

  // Headers of incoming requests are parsed from the host's blob on first use.
  function headersOf(s) {
    if (s.headers === null) { s.headers = internal.headersFromBlob(s.headersBlob, true); s.headersBlob = null; }
    return s.headers;
  }

  function normalizeMethod(m) {
    m = `${m}`;
    const upper = m.toUpperCase();
    if (!METHODS.has(upper)) throw new TypeError(`Invalid HTTP method string: ${m}`);
    return upper;
  }

  function parseUrl(url) {
    // internal.parseURL is url.js's parser, out of reach of user code that patches URL.
    const href = internal.parseURL(url);
    if (href === null) throw new TypeError(`Invalid URL: ${url}`);
    return href;
  }

  internal.makeRequest = function (method, url, headersBlob, bodySource) {
    return new Request(FROM_HOST, {
      method, url, headers: null, headersBlob, redirect: 'manual', cf: undefined, signal: null, fetcher: null,
      body: bodySource === null ? null : internal.newBody(bodySource),
    });
  };
  internal.Request = Request;
  internal.defineGlobal('Request', Request);
})
