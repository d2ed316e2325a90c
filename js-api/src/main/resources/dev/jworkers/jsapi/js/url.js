// URL and URLSearchParams (WHATWG URL Standard). This file holds the API, the serializers and a
// fast path for the common already-canonical http(s) URL (every incoming request's URL), which
// needs no full parse. The full parser (the standard's state machine, hosts, percent-decoding)
// is url-parser.js, loaded on first use: it is most of the code, and start-up does not pay for
// parsing it.
(function (ops, internal) {
  'use strict';

  const EOF = -1;
  const INVALID = 'Invalid URL string.';

  // ---------------------------------------------------------------------------------------------
  // Strings and percent-encoding

  const SPECIAL = new Map([['ftp', 21], ['file', null], ['http', 80], ['https', 443], ['ws', 80], ['wss', 443]]);
  function isSpecial(scheme) {
    switch (scheme) {
      case 'http': case 'https': case 'ws': case 'wss': case 'ftp': case 'file': return true;
      default: return false;
    }
  }
  const defaultPort = (scheme) => SPECIAL.get(scheme);  // undefined for non-special schemes

  // Percent-encode sets over ASCII as 128-bit masks (four 32-bit words); built from a few
  // strings, which costs less at start-up than filling tables. Every set also holds all code
  // points above U+007E.
  function encodeSet(parent, chars) {
    const m = parent ? parent.slice() : [-1, 0, 0, 1 << 31];  // C0 controls and DEL
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      m[c >> 5] |= 1 << (c & 31);
    }
    return m;
  }
  const inSet = (set, c) => (set[c >> 5] & (1 << (c & 31))) !== 0;  // c < 0x80
  const C0_SET = encodeSet(null, '');
  const FRAGMENT_SET = encodeSet(C0_SET, ' "<>`');
  const QUERY_SET = encodeSet(C0_SET, ' "#<>');
  const SPECIAL_QUERY_SET = encodeSet(QUERY_SET, "'");
  const PATH_SET = encodeSet(QUERY_SET, '?^`{}');
  const USERINFO_SET = encodeSet(PATH_SET, '/:;=@[\\]|');
  const COMPONENT_SET = encodeSet(USERINFO_SET, '$%&+,');
  const FORM_SET = encodeSet(COMPONENT_SET, "!'()~");

  const HEX_DIGITS = '0123456789ABCDEF';
  const pct = (b) => '%' + HEX_DIGITS[b >> 4] + HEX_DIGITS[b & 15];

  // UTF-8 percent-encodes the code points of s that are in set (lone surrogates as U+FFFD).
  // Returns s itself when nothing needs encoding, which is the common case.
  function percentEncode(s, set, spaceAsPlus) {
    const n = s.length;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || inSet(set, c)) break;
    }
    if (i === n) return s;
    let out = s.slice(0, i), start = i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (!inSet(set, c)) continue;
        if (start < i) out += s.slice(start, i);
        out += spaceAsPlus && c === 0x20 ? '+' : pct(c);
        start = i + 1;
        continue;
      }
      if (start < i) out += s.slice(start, i);
      let cp = c;
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) { cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else cp = 0xfffd;
      }
      if (cp < 0x800) out += pct(0xc0 | cp >> 6) + pct(0x80 | cp & 63);
      else if (cp < 0x10000) out += pct(0xe0 | cp >> 12) + pct(0x80 | cp >> 6 & 63) + pct(0x80 | cp & 63);
      else out += pct(0xf0 | cp >> 18) + pct(0x80 | cp >> 12 & 63) + pct(0x80 | cp >> 6 & 63) + pct(0x80 | cp & 63);
      start = i + 1;
    }
    if (start < n) out += s.slice(start);
    return out;
  }

  const isDigit = (c) => c >= 0x30 && c <= 0x39;

  // ToString as WebIDL does it (a Symbol throws), and USVString (lone surrogates become U+FFFD).
  function toStr(v) {
    if (typeof v === 'string') return v;
    if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    return String(v);
  }
  const hasWellFormed = typeof String.prototype.isWellFormed === 'function';
  function toUSV(v) {
    const s = toStr(v);
    if (hasWellFormed) return s.isWellFormed() ? s : s.toWellFormed();
    return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  }

  // ---------------------------------------------------------------------------------------------
  // application/x-www-form-urlencoded

  function formDecode(s) {
    if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
    return s.indexOf('%') === -1 ? toUSV(s) : parser().percentDecode(s);
  }

  // Splitting the string on & and = equals splitting its UTF-8 bytes: both are ASCII.
  function formParse(input) {
    const out = [];
    const n = input.length;
    let start = 0, eq = -1;
    while (start < n) {
      let amp = input.indexOf('&', start);
      if (amp === -1) amp = n;
      if (amp > start) {
        // The first '=' at or after start; kept while it lies ahead, so "a&a&a..." stays linear.
        if (eq < start) { eq = input.indexOf('=', start); if (eq === -1) eq = n; }
        if (eq >= amp) out.push([formDecode(input.slice(start, amp)), '']);
        else out.push([formDecode(input.slice(start, eq)), formDecode(input.slice(eq + 1, amp))]);
      }
      start = amp + 1;
    }
    return out;
  }

  function formSerialize(list) {
    let out = '';
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out += '&';
      out += percentEncode(list[i][0], FORM_SET, true) + '=' + percentEncode(list[i][1], FORM_SET, true);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // URL records

  class UrlRecord {
    constructor() {
      this.scheme = '';
      this.username = '';
      this.password = '';
      this.host = null;
      this.port = null;
      this.path = [];       // a string when the URL has an opaque path
      this.query = null;
      this.fragment = null;
    }
  }

  const SCHEME_START = 1, NO_SCHEME = 3, SPECIAL_RELATIVE_OR_AUTHORITY = 4,
    PATH_OR_AUTHORITY = 5, RELATIVE = 6, RELATIVE_SLASH = 7, SPECIAL_AUTHORITY_SLASHES = 8,
    SPECIAL_AUTHORITY_IGNORE_SLASHES = 9, AUTHORITY = 10, HOST = 11, HOSTNAME = 12, PORT = 13,
    FILE = 14, FILE_SLASH = 15, FILE_HOST = 16, PATH_START = 17, PATH = 18, OPAQUE_PATH = 19,
    QUERY = 20, FRAGMENT = 21;

  const cannotHaveCredentialsOrPort = (u) => u.host === null || u.host === '' || u.scheme === 'file';

  function isSingleDot(s) {
    return s === '.' || (s.length === 3 && s.charCodeAt(0) === 0x25 && s.charCodeAt(1) === 0x32 && (s.charCodeAt(2) | 0x20) === 0x65);
  }
  function isDoubleDot(s) {
    switch (s.length) {
      case 2: return s === '..';
      case 4: return (s.charCodeAt(0) === 0x2e && isSingleDot(s.slice(1))) || (s.charCodeAt(3) === 0x2e && isSingleDot(s.slice(0, 3)));
      case 6: return isSingleDot(s.slice(0, 3)) && isSingleDot(s.slice(3));
      default: return false;
    }
  }

  // What url-parser.js uses from this file.
  internal.urlShared = {
    EOF, UrlRecord, isSpecial, defaultPort, encodeSet, inSet, percentEncode, isDigit, toUSV, isSingleDot,
    isDoubleDot, C0_SET, FRAGMENT_SET, QUERY_SET, SPECIAL_QUERY_SET, PATH_SET, USERINFO_SET,
    states: {
      SCHEME_START, NO_SCHEME, SPECIAL_RELATIVE_OR_AUTHORITY, PATH_OR_AUTHORITY, RELATIVE, RELATIVE_SLASH,
      SPECIAL_AUTHORITY_SLASHES, SPECIAL_AUTHORITY_IGNORE_SLASHES, AUTHORITY, HOST, HOSTNAME, PORT, FILE,
      FILE_SLASH, FILE_HOST, PATH_START, PATH, OPAQUE_PATH, QUERY, FRAGMENT,
    },
  };
  let parserModule = null;
  // { basicParse, percentDecode } from url-parser.js, loaded the first time it is needed.
  function parser() {
    if (parserModule === null) {
      ops.bootstrap.load('url-parser.js');
      parserModule = internal.urlParser;
    }
    return parserModule;
  }

  // The common case, an http(s) URL already in canonical form: no credentials, a lowercase-able
  // ASCII domain that does not end in a number, and path, query and fragment with nothing to
  // encode or resolve. Returns [record, href] or null to fall back to the full parser.
  function fastParse(s) {
    const n = s.length;
    let i;
    if (s.startsWith('https://')) i = 8;
    else if (s.startsWith('http://')) i = 7;
    else return null;
    const scheme = i === 8 ? 'https' : 'http';
    const hostStart = i;
    let upper = false;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e || isDigit(c)) continue;
      if (c >= 0x41 && c <= 0x5a) { upper = true; continue; }
      if (c === 0x3a || c === 0x2f || c === 0x3f || c === 0x23) break;
      return null;
    }
    const hostEnd = i;
    // A host whose last label starts with a digit is an IPv4 address or invalid: only the
    // canonical dotted-decimal form is taken here. A trailing dot is left to the full parser.
    const labelStart = Math.max(s.lastIndexOf('.', hostEnd - 1) + 1, hostStart);
    if (labelStart === hostEnd) return null;
    if (isDigit(s.charCodeAt(labelStart)) && !isCanonicalIPv4(s, hostStart, hostEnd)) return null;
    let port = null, canonical = !upper;
    if (i < n && s.charCodeAt(i) === 0x3a) {
      const portStart = ++i;
      let v = 0;
      for (; i < n && isDigit(s.charCodeAt(i)); i++) {
        v = v * 10 + s.charCodeAt(i) - 0x30;
        if (v > 65535) return null;
      }
      const c = i < n ? s.charCodeAt(i) : EOF;
      if (c !== EOF && c !== 0x2f && c !== 0x3f && c !== 0x23) return null;
      if (i === portStart || v === SPECIAL.get(scheme) || s.charCodeAt(portStart) === 0x30) canonical = false;
      if (i > portStart && v !== SPECIAL.get(scheme)) port = v;
    }
    const path = [];
    let segStart = i + 1;
    if (i < n && s.charCodeAt(i) === 0x2f) {
      for (i++; i <= n; i++) {
        const c = i < n ? s.charCodeAt(i) : EOF;
        if (c === 0x2f || c === 0x3f || c === 0x23 || c === EOF) {
          const len = i - segStart;
          if (len > 0 && len <= 6 && (s.charCodeAt(segStart) === 0x2e || s.charCodeAt(segStart) === 0x25)) {
            const seg = s.slice(segStart, i);
            if (isSingleDot(seg) || isDoubleDot(seg)) return null;
          }
          path.push(s.slice(segStart, i));
          if (c !== 0x2f) break;
          segStart = i + 1;
          continue;
        }
        if (c <= 0x20 || c >= 0x7f || inSet(PATH_SET, c) || c === 0x5c) return null;
      }
    } else {
      path.push('');
      canonical = false;  // an empty path serializes as "/"
    }
    let query = null, fragment = null;
    if (i < n && s.charCodeAt(i) === 0x3f) {
      const qs = ++i;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x23) break;
        if (c <= 0x20 || c >= 0x7f || inSet(SPECIAL_QUERY_SET, c)) return null;
      }
      query = s.slice(qs, i);
    }
    if (i < n) {  // at '#'
      const fs = ++i;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c <= 0x20 || c >= 0x7f || inSet(FRAGMENT_SET, c)) return null;
      }
      fragment = s.slice(fs);
    }
    const r = new UrlRecord();
    r.scheme = scheme;
    r.host = upper ? s.slice(hostStart, hostEnd).toLowerCase() : s.slice(hostStart, hostEnd);
    r.port = port;
    r.path = path;
    r.query = query;
    r.fragment = fragment;
    return canonical ? [r, s] : [r, null];
  }

  // s[start, end) is four decimal numbers 0-255 without leading zeros, joined by dots.
  function isCanonicalIPv4(s, start, end) {
    let parts = 0, v = 0, digits = 0;
    for (let i = start; i <= end; i++) {
      const c = i < end ? s.charCodeAt(i) : 0x2e;
      if (c === 0x2e) {
        if (digits === 0 || ++parts > 4) return false;
        v = digits = 0;
        continue;
      }
      if (!isDigit(c) || (digits > 0 && v === 0)) return false;
      v = v * 10 + c - 0x30;
      digits++;
      if (v > 255) return false;
    }
    return parts === 4;
  }

  // Parses input against an optional base record: [record, href or null] or null.
  function parseRecord(input, base) {
    if (base === null || input.charCodeAt(0) === 0x68) {
      const fast = fastParse(input);
      if (fast !== null) return fast;
    }
    const r = parser().basicParse(input, base, null, 0);
    return r === null ? null : [r, null];
  }

  function pathString(r) {
    const path = r.path;
    if (typeof path === 'string') return path;
    let out = '';
    for (let i = 0; i < path.length; i++) out += '/' + path[i];
    return out;
  }

  function serialize(r, excludeFragment) {
    let out = r.scheme + ':';
    if (r.host !== null) {
      out += '//';
      if (r.username !== '' || r.password !== '') {
        out += r.username;
        if (r.password !== '') out += ':' + r.password;
        out += '@';
      }
      out += r.host;
      if (r.port !== null) out += ':' + r.port;
    } else if (typeof r.path !== 'string' && r.path.length > 1 && r.path[0] === '') {
      out += '/.';  // keeps "web+demo:/.//not-a-host/" from reading back with a host
    }
    out += pathString(r);
    if (r.query !== null) out += '?' + r.query;
    if (!excludeFragment && r.fragment !== null) out += '#' + r.fragment;
    return out;
  }

  function originOf(r) {
    switch (r.scheme) {
      case 'blob': {
        const inner = parseRecord(pathString(r), null);
        if (inner !== null && (inner[0].scheme === 'http' || inner[0].scheme === 'https')) return originOf(inner[0]);
        return 'null';
      }
      case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
        return r.scheme + '://' + r.host + (r.port !== null ? ':' + r.port : '');
      default:
        return 'null';
    }
  }

  // ---------------------------------------------------------------------------------------------
  // URL

  const FROM_RECORD = Symbol('fromRecord');
  let isURL, setQueryFromParams, paramsForURL, setParamsList;

  function required(what, count, present, plural) {
    if (present < count) {
      throw new TypeError(`${what}: ${count} argument${plural ? 's' : ''} required, but only ${present} present.`);
    }
  }

  class URL {
    #r;
    #href;
    #params = null;

    static {
      isURL = (u) => u !== null && typeof u === 'object' && #r in u;
      setQueryFromParams = (u, query) => { u.#r.query = query; u.#href = null; };
    }

    constructor(url, base = undefined) {
      if (url === FROM_RECORD) { this.#r = base[0]; this.#href = base[1]; return; }
      required("Failed to construct 'URL'", 1, arguments.length, false);
      const parsed = parseWithBase(url, base);
      if (parsed === null) throw new TypeError(INVALID);
      this.#r = parsed[0];
      this.#href = parsed[1];
    }

    static parse(url, base = undefined) {
      required("Failed to execute 'parse' on 'URL'", 1, arguments.length, false);
      const parsed = parseWithBase(url, base);
      return parsed === null ? null : new URL(FROM_RECORD, parsed);
    }

    static canParse(url, base = undefined) {
      required("Failed to execute 'canParse' on 'URL'", 1, arguments.length, false);
      return parseWithBase(url, base) !== null;
    }

    get href() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.#href ??= serialize(this.#r, false);
    }
    set href(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      const parsed = parseRecord(toStr(value), null);
      if (parsed === null) throw new TypeError(INVALID);
      this.#r = parsed[0];
      this.#href = parsed[1];
      if (this.#params !== null) setParamsList(this.#params, this.#r.query === null ? [] : formParse(this.#r.query));
    }
    get origin() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return originOf(this.#r);
    }
    get protocol() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.#r.scheme + ':';
    }
    set protocol(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      parser().basicParse(toStr(value) + ':', null, this.#r, SCHEME_START);
      this.#href = null;
    }
    get username() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.#r.username;
    }
    set username(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      if (cannotHaveCredentialsOrPort(this.#r)) return;
      this.#r.username = percentEncode(value, USERINFO_SET, false);
      this.#href = null;
    }
    get password() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.#r.password;
    }
    set password(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      if (cannotHaveCredentialsOrPort(this.#r)) return;
      this.#r.password = percentEncode(value, USERINFO_SET, false);
      this.#href = null;
    }
    get host() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      const r = this.#r;
      if (r.host === null) return '';
      return r.port === null ? r.host : r.host + ':' + r.port;
    }
    set host(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      if (typeof this.#r.path === 'string') return;
      parser().basicParse(value, null, this.#r, HOST);
      this.#href = null;
    }
    get hostname() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.#r.host ?? '';
    }
    set hostname(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      if (typeof this.#r.path === 'string') return;
      parser().basicParse(value, null, this.#r, HOSTNAME);
      this.#href = null;
    }
    get port() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      const port = this.#r.port;
      return port === null ? '' : String(port);
    }
    set port(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      if (cannotHaveCredentialsOrPort(this.#r)) return;
      if (value === '') this.#r.port = null;
      else parser().basicParse(value, null, this.#r, PORT);
      this.#href = null;
    }
    get pathname() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return pathString(this.#r);
    }
    set pathname(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      if (typeof this.#r.path === 'string') return;
      this.#r.path = [];
      parser().basicParse(value, null, this.#r, PATH_START);
      this.#href = null;
    }
    get search() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      const q = this.#r.query;
      return q === null || q === '' ? '' : '?' + q;
    }
    set search(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      const r = this.#r;
      this.#href = null;
      if (value === '') {
        r.query = null;
        if (this.#params !== null) setParamsList(this.#params, []);
        return;
      }
      const input = value.charCodeAt(0) === 0x3f ? value.slice(1) : value;
      r.query = '';
      parser().basicParse(input, null, r, QUERY);
      if (this.#params !== null) setParamsList(this.#params, formParse(input));
    }
    get searchParams() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.#params ??= paramsForURL(this, this.#r.query);
    }
    get hash() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      const f = this.#r.fragment;
      return f === null || f === '' ? '' : '#' + f;
    }
    set hash(value) {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      value = toStr(value);
      const r = this.#r;
      this.#href = null;
      if (value === '') { r.fragment = null; return; }
      r.fragment = '';
      parser().basicParse(value.charCodeAt(0) === 0x23 ? value.slice(1) : value, null, r, FRAGMENT);
    }
    toJSON() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.href;
    }
    toString() {
      if (!isURL(this)) throw new TypeError('Illegal invocation');
      return this.href;
    }
  }

  function parseWithBase(url, base) {
    url = toStr(url);
    let baseRecord = null;
    if (base !== undefined) {
      const b = parseRecord(toStr(base), null);
      if (b === null) return null;
      baseRecord = b[0];
    }
    return parseRecord(url, baseRecord);
  }

  // ---------------------------------------------------------------------------------------------
  // URLSearchParams

  const FOR_URL = Symbol('forURL');
  let listOf, isParams;

  class URLSearchParams {
    #list;
    #url = null;

    static {
      isParams = (p) => p !== null && typeof p === 'object' && #list in p;
      listOf = (p) => {
        if (!isParams(p)) throw new TypeError('Illegal invocation');
        return p.#list;
      };
      paramsForURL = (url, query) => {
        const p = new URLSearchParams(FOR_URL);
        p.#list = query === null ? [] : formParse(query);
        p.#url = url;
        return p;
      };
      setParamsList = (p, list) => { p.#list = list; };
    }

    constructor(init = '') {
      this.#list = [];
      if (init === FOR_URL) return;
      if (init !== null && (typeof init === 'object' || typeof init === 'function')) {
        const method = init[Symbol.iterator];
        if (method !== undefined && method !== null) {
          if (typeof method !== 'function') throw new TypeError("Failed to construct 'URLSearchParams': The object must have a callable @@iterator property.");
          this.#list = pairsFromSequence(init, method);
        } else {
          this.#list = pairsFromRecord(init);
        }
      } else {
        const s = toUSV(init);
        this.#list = formParse(s.charCodeAt(0) === 0x3f ? s.slice(1) : s);
      }
    }

    get size() { return listOf(this).length; }

    append(name, value) {
      const list = listOf(this);
      required("Failed to execute 'append' on 'URLSearchParams'", 2, arguments.length, true);
      list.push([toUSV(name), toUSV(value)]);
      this.#update();
    }
    delete(name, value = undefined) {
      let list = listOf(this);
      required("Failed to execute 'delete' on 'URLSearchParams'", 1, arguments.length, false);
      name = toUSV(name);
      if (value !== undefined) {
        value = toUSV(value);
        list = list.filter((e) => e[0] !== name || e[1] !== value);
      } else {
        list = list.filter((e) => e[0] !== name);
      }
      this.#list = list;
      this.#update();
    }
    get(name) {
      const list = listOf(this);
      required("Failed to execute 'get' on 'URLSearchParams'", 1, arguments.length, false);
      name = toUSV(name);
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return list[i][1];
      return null;
    }
    getAll(name) {
      const list = listOf(this);
      required("Failed to execute 'getAll' on 'URLSearchParams'", 1, arguments.length, false);
      name = toUSV(name);
      const out = [];
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) out.push(list[i][1]);
      return out;
    }
    has(name, value = undefined) {
      const list = listOf(this);
      required("Failed to execute 'has' on 'URLSearchParams'", 1, arguments.length, false);
      name = toUSV(name);
      if (value !== undefined) {
        value = toUSV(value);
        for (let i = 0; i < list.length; i++) if (list[i][0] === name && list[i][1] === value) return true;
        return false;
      }
      for (let i = 0; i < list.length; i++) if (list[i][0] === name) return true;
      return false;
    }
    set(name, value) {
      const list = listOf(this);
      required("Failed to execute 'set' on 'URLSearchParams'", 2, arguments.length, true);
      name = toUSV(name);
      value = toUSV(value);
      const i = list.findIndex((e) => e[0] === name);
      if (i === -1) list.push([name, value]);
      else {
        list[i] = [name, value];
        this.#list = list.filter((e, j) => j <= i || e[0] !== name);
      }
      this.#update();
    }
    sort() {
      const list = listOf(this);
      // Array.prototype.sort is stable; < on strings compares UTF-16 code units, as asked.
      list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      this.#update();
    }
    forEach(callback, thisArg = undefined) {
      listOf(this);
      required("Failed to execute 'forEach' on 'URLSearchParams'", 1, arguments.length, false);
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'URLSearchParams': The callback provided as parameter 1 is not a function.");
      for (let i = 0; i < this.#list.length; i++) {
        const e = this.#list[i];
        callback.call(thisArg, e[1], e[0], this);
      }
    }
    entries() { listOf(this); return new ParamsIterator(this, 'key+value'); }
    keys() { listOf(this); return new ParamsIterator(this, 'key'); }
    values() { listOf(this); return new ParamsIterator(this, 'value'); }
    toString() { return formSerialize(listOf(this)); }

    // The update steps: the associated URL's query follows the list.
    #update() {
      if (this.#url === null) return;
      const s = formSerialize(this.#list);
      setQueryFromParams(this.#url, s === '' ? null : s);
    }
  }

  function pairsFromSequence(init, method) {
    const list = [];
    const it = method.call(init);
    if (it === null || typeof it !== 'object') throw new TypeError('Result of the Symbol.iterator method is not an object');
    const next = it.next;
    for (;;) {
      const step = next.call(it);
      if (step === null || typeof step !== 'object') throw new TypeError('Iterator result is not an object');
      if (step.done) break;
      const pair = step.value;
      if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') || typeof pair[Symbol.iterator] !== 'function') {
        throw new TypeError("Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.");
      }
      const items = [...pair];
      if (items.length !== 2) throw new TypeError("Failed to construct 'URLSearchParams': Sequence initializer must only contain pair elements");
      list.push([toUSV(items[0]), toUSV(items[1])]);
    }
    return list;
  }

  function pairsFromRecord(init) {
    // record<USVString, USVString>: own enumerable keys in order; a later key that converts to the
    // same string (lone surrogates) replaces the earlier value in place.
    const map = new Map();
    for (const key of Reflect.ownKeys(init)) {
      const desc = Reflect.getOwnPropertyDescriptor(init, key);
      if (desc === undefined || !desc.enumerable) continue;
      const k = toUSV(key);
      map.set(k, toUSV(init[key]));
    }
    return Array.from(map, (e) => [e[0], e[1]]);
  }

  // URLSearchParams Iterator: live over the list, as WebIDL's default iterators are.
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  class ParamsIterator {
    #params;
    #kind;
    #index = 0;
    constructor(params, kind) { this.#params = params; this.#kind = kind; }
    next() {
      if (this === null || typeof this !== 'object' || !(#params in this)) throw new TypeError('Illegal invocation');
      const list = listOf(this.#params);
      if (this.#index >= list.length) return { value: undefined, done: true };
      const e = list[this.#index++];
      const kind = this.#kind;
      return { value: kind === 'key' ? e[0] : kind === 'value' ? e[1] : [e[0], e[1]], done: false };
    }
  }
  Object.setPrototypeOf(ParamsIterator.prototype, IteratorPrototype);
  delete ParamsIterator.prototype.constructor;
  Object.defineProperty(ParamsIterator.prototype, 'next', { enumerable: true });
  Object.defineProperty(ParamsIterator.prototype, Symbol.toStringTag, { value: 'URLSearchParams Iterator', configurable: true });

  // WebIDL: operations and attributes are enumerable; the class tag is not.
  for (const C of [URL, URLSearchParams]) {
    for (const target of [C.prototype, C]) {
      for (const key of Object.getOwnPropertyNames(target)) {
        if (key === 'constructor' || key === 'prototype' || key === 'length' || key === 'name') continue;
        Object.defineProperty(target, key, { enumerable: true });
      }
    }
  }
  Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
  Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
  Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
    value: URLSearchParams.prototype.entries, writable: true, configurable: true, enumerable: false,
  });

  // console.log shows the components (as Node and workerd do), not an empty object.
  const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
  Object.defineProperty(URL.prototype, inspectSymbol, {
    value: function (depth, options, inspect) {
      if (!isURL(this) || typeof inspect !== 'function') return this;
      const shown = {};
      for (const k of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash']) shown[k] = this[k];
      return 'URL ' + inspect(shown, options);
    },
    writable: true, configurable: true,
  });
  Object.defineProperty(URLSearchParams.prototype, inspectSymbol, {
    value: function (depth, options, inspect) {
      if (!isParams(this) || typeof inspect !== 'function') return this;
      const list = listOf(this);
      if (list.length === 0) return 'URLSearchParams {}';
      return 'URLSearchParams { ' + list.map((e) => inspect(e[0], options) + ' => ' + inspect(e[1], options)).join(', ') + ' }';
    },
    writable: true, configurable: true,
  });

  internal.URL = URL;
  internal.URLSearchParams = URLSearchParams;
  internal.isURL = isURL;
  internal.isURLSearchParams = isParams;
  // The serialized URL, or null when input (against the optional base string) does not parse.
  internal.parseURL = function (input, base = undefined) {
    const parsed = parseWithBase(String(input), base);
    return parsed === null ? null : parsed[1] ?? serialize(parsed[0], false);
  };
  // application/x-www-form-urlencoded: string -> [[name, value], ...] and back.
  internal.urlEncodedParse = (input) => formParse(toUSV(input));
  internal.urlEncodedSerialize = (pairs) => formSerialize(Array.from(pairs, (p) => [toUSV(p[0]), toUSV(p[1])]));
  internal.urlSearchParamsToString = (p) => formSerialize(listOf(p));
  internal.defineGlobal('URL', URL);
  internal.defineGlobal('URLSearchParams', URLSearchParams);
})
