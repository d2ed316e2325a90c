// URL and URLSearchParams (WHATWG URL Standard). The parser follows the standard's state machine,
// but states that read a run of code points (authority, host, path segments, query, fragment)
// consume it as one slice instead of one code point at a time. A fast path handles the common
// already-canonical http(s) URL (every incoming request's URL) without the state machine.
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

  // Percent-encode sets, as tables over ASCII; every set also holds all code points above U+007E.
  function encodeSet(parent, chars) {
    const t = parent ? parent.slice() : new Uint8Array(128);
    if (!parent) { for (let i = 0; i < 0x20; i++) t[i] = 1; t[0x7f] = 1; }
    for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
    return t;
  }
  const C0_SET = encodeSet(null, '');
  const FRAGMENT_SET = encodeSet(C0_SET, ' "<>`');
  const QUERY_SET = encodeSet(C0_SET, ' "#<>');
  const SPECIAL_QUERY_SET = encodeSet(QUERY_SET, "'");
  const PATH_SET = encodeSet(QUERY_SET, '?^`{}');
  const USERINFO_SET = encodeSet(PATH_SET, '/:;=@[\\]|');
  const COMPONENT_SET = encodeSet(USERINFO_SET, '$%&+,');
  const FORM_SET = encodeSet(COMPONENT_SET, "!'()~");

  // Code points the host parser rejects (forbidden host code points), and for domains also C0
  // controls, % and DEL (forbidden domain code points).
  const FORBIDDEN_HOST = encodeSet(new Uint8Array(128), '\0\t\n\r #/:<>?@[\\]^|');
  const FORBIDDEN_DOMAIN = encodeSet(C0_SET, ' #%/:<>?@[\\]^|');

  const HEX = [];
  for (let i = 0; i < 256; i++) HEX.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());

  // UTF-8 percent-encodes the code points of s that are in set (lone surrogates as U+FFFD).
  // Returns s itself when nothing needs encoding, which is the common case.
  function percentEncode(s, set, spaceAsPlus) {
    const n = s.length;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || set[c] === 1) break;
    }
    if (i === n) return s;
    let out = s.slice(0, i), start = i;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (set[c] !== 1) continue;
        if (start < i) out += s.slice(start, i);
        out += spaceAsPlus && c === 0x20 ? '+' : HEX[c];
        start = i + 1;
        continue;
      }
      if (start < i) out += s.slice(start, i);
      let cp = c;
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) { cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else cp = 0xfffd;
      }
      if (cp < 0x800) out += HEX[0xc0 | cp >> 6] + HEX[0x80 | cp & 63];
      else if (cp < 0x10000) out += HEX[0xe0 | cp >> 12] + HEX[0x80 | cp >> 6 & 63] + HEX[0x80 | cp & 63];
      else out += HEX[0xf0 | cp >> 18] + HEX[0x80 | cp >> 12 & 63] + HEX[0x80 | cp >> 6 & 63] + HEX[0x80 | cp & 63];
      start = i + 1;
    }
    if (start < n) out += s.slice(start);
    return out;
  }

  function hexValue(c) {
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x61 && c <= 0x66) return c - 0x57;
    if (c >= 0x41 && c <= 0x46) return c - 0x37;
    return -1;
  }
  const isDigit = (c) => c >= 0x30 && c <= 0x39;
  const isAlpha = (c) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

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

  // The UTF-8 bytes of s with %XX sequences decoded, UTF-8 decoded again (without BOM handling,
  // invalid sequences becoming U+FFFD as the Encoding Standard's decoder does).
  function percentDecode(s) {
    if (s.indexOf('%') === -1) return toUSV(s);
    const n = s.length;
    const b = new Uint8Array(n * 3);
    let len = 0;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) { b[len++] = c; continue; }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
      }
      if (c < 0x800) { b[len++] = 0xc0 | c >> 6; b[len++] = 0x80 | c & 63; }
      else if (c < 0x10000) { b[len++] = 0xe0 | c >> 12; b[len++] = 0x80 | c >> 6 & 63; b[len++] = 0x80 | c & 63; }
      else { b[len++] = 0xf0 | c >> 18; b[len++] = 0x80 | c >> 12 & 63; b[len++] = 0x80 | c >> 6 & 63; b[len++] = 0x80 | c & 63; }
    }
    let m = 0;
    for (let i = 0; i < len; i++) {
      const x = b[i];
      if (x === 0x25 && i + 2 < len) {
        const h = hexValue(b[i + 1]), l = hexValue(b[i + 2]);
        if (h >= 0 && l >= 0) { b[m++] = h << 4 | l; i += 2; continue; }
      }
      b[m++] = x;
    }
    return utf8Decode(b, m);
  }

  function utf8Decode(b, len) {
    const units = [];
    let out = '', cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xbf;
    for (let i = 0; i < len; i++) {
      const x = b[i];
      if (needed === 0) {
        if (x < 0x80) units.push(x);
        else if (x >= 0xc2 && x <= 0xdf) { needed = 1; cp = x & 0x1f; }
        else if (x >= 0xe0 && x <= 0xef) {
          if (x === 0xe0) lower = 0xa0; else if (x === 0xed) upper = 0x9f;
          needed = 2; cp = x & 0xf;
        } else if (x >= 0xf0 && x <= 0xf4) {
          if (x === 0xf0) lower = 0x90; else if (x === 0xf4) upper = 0x8f;
          needed = 3; cp = x & 7;
        } else units.push(0xfffd);
      } else if (x < lower || x > upper) {
        // An unexpected byte ends the sequence with one U+FFFD and is read again.
        cp = needed = seen = 0; lower = 0x80; upper = 0xbf;
        units.push(0xfffd);
        i--;
      } else {
        lower = 0x80; upper = 0xbf;
        cp = cp << 6 | x & 0x3f;
        if (++seen === needed) {
          if (cp >= 0x10000) units.push(0xd800 + (cp - 0x10000 >> 10), 0xdc00 + (cp & 0x3ff));
          else units.push(cp);
          cp = needed = seen = 0;
        }
      }
      if (units.length >= 8192) { out += String.fromCharCode.apply(null, units); units.length = 0; }
    }
    if (needed !== 0) units.push(0xfffd);
    return out + String.fromCharCode.apply(null, units);
  }

  // ---------------------------------------------------------------------------------------------
  // application/x-www-form-urlencoded

  function formDecode(s) {
    if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
    return percentDecode(s);
  }

  // Splitting the string on & and = equals splitting its UTF-8 bytes: both are ASCII.
  function formParse(input) {
    const out = [];
    const n = input.length;
    let start = 0;
    while (start < n) {
      let amp = input.indexOf('&', start);
      if (amp === -1) amp = n;
      if (amp > start) {
        const eq = input.indexOf('=', start);
        if (eq === -1 || eq > amp) out.push([formDecode(input.slice(start, amp)), '']);
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
  // Hosts. A host is kept serialized: a domain, "[ipv6]", dotted IPv4, an opaque host or "".

  function parseIPv4Number(s) {
    const n = s.length;
    if (n === 0) return -1;
    let radix = 10, i = 0;
    if (n >= 2 && s.charCodeAt(0) === 0x30) {
      const c = s.charCodeAt(1) | 0x20;
      if (c === 0x78) { radix = 16; i = 2; } else { radix = 8; i = 1; }
    }
    let v = 0;
    for (; i < n; i++) {
      const d = hexValue(s.charCodeAt(i));
      if (d < 0 || d >= radix) return -1;
      v = v * radix + d;
    }
    return v;
  }

  function endsInNumber(s) {
    let end = s.length;
    if (end > 0 && s.charCodeAt(end - 1) === 0x2e) end--;
    if (end === 0) return false;
    const start = s.lastIndexOf('.', end - 1) + 1;
    if (start === end) return false;
    let digits = true;
    for (let i = start; i < end; i++) if (!isDigit(s.charCodeAt(i))) { digits = false; break; }
    return digits || parseIPv4Number(s.slice(start, end)) >= 0;
  }

  function parseIPv4(s) {
    const parts = s.split('.');
    if (parts[parts.length - 1] === '' && parts.length > 1) parts.pop();
    if (parts.length > 4) return -1;
    const nums = [];
    for (const part of parts) {
      const v = parseIPv4Number(part);
      if (v < 0) return -1;
      nums.push(v);
    }
    const last = nums.length - 1;
    for (let i = 0; i < last; i++) if (nums[i] > 255) return -1;
    if (nums[last] >= 256 ** (4 - last)) return -1;
    let ipv4 = nums[last];
    for (let i = 0; i < last; i++) ipv4 += nums[i] * 256 ** (3 - i);
    return ipv4;
  }

  const serializeIPv4 = (v) => (v >>> 24) + '.' + (v >>> 16 & 255) + '.' + (v >>> 8 & 255) + '.' + (v & 255);

  // Parses s[start, end) as an IPv6 address: eight 16-bit pieces, or null.
  function parseIPv6(s, start, end) {
    const a = [0, 0, 0, 0, 0, 0, 0, 0];
    const at = (i) => (i < end ? s.charCodeAt(i) : EOF);
    let piece = 0, compress = -1, p = start;
    if (at(p) === 0x3a) {
      if (at(p + 1) !== 0x3a) return null;
      p += 2;
      compress = ++piece;
    }
    while (at(p) !== EOF) {
      if (piece === 8) return null;
      if (at(p) === 0x3a) {
        if (compress !== -1) return null;
        p++;
        compress = ++piece;
        continue;
      }
      let value = 0, length = 0;
      while (length < 4 && hexValue(at(p)) >= 0) { value = value * 16 + hexValue(at(p)); p++; length++; }
      if (at(p) === 0x2e) {
        if (length === 0) return null;
        p -= length;
        if (piece > 6) return null;
        let numbersSeen = 0;
        while (at(p) !== EOF) {
          let v4 = -1;
          if (numbersSeen > 0) {
            if (at(p) === 0x2e && numbersSeen < 4) p++;
            else return null;
          }
          if (!isDigit(at(p))) return null;
          while (isDigit(at(p))) {
            const d = at(p) - 0x30;
            if (v4 === -1) v4 = d;
            else if (v4 === 0) return null;
            else v4 = v4 * 10 + d;
            if (v4 > 255) return null;
            p++;
          }
          a[piece] = a[piece] * 0x100 + v4;
          numbersSeen++;
          if (numbersSeen === 2 || numbersSeen === 4) piece++;
        }
        if (numbersSeen !== 4) return null;
        break;
      } else if (at(p) === 0x3a) {
        p++;
        if (at(p) === EOF) return null;
      } else if (at(p) !== EOF) {
        return null;
      }
      a[piece++] = value;
    }
    if (compress !== -1) {
      let swaps = piece - compress;
      piece = 7;
      while (piece !== 0 && swaps > 0) {
        const j = compress + swaps - 1, t = a[piece];
        a[piece] = a[j]; a[j] = t;
        piece--; swaps--;
      }
    } else if (piece !== 8) {
      return null;
    }
    return a;
  }

  function serializeIPv6(a) {
    // The first longest run of two or more zero pieces is compressed to "::".
    let best = -1, bestLen = 1;
    for (let i = 0; i < 8;) {
      if (a[i] !== 0) { i++; continue; }
      let j = i;
      while (j < 8 && a[j] === 0) j++;
      if (j - i > bestLen) { best = i; bestLen = j - i; }
      i = j;
    }
    let out = '';
    for (let i = 0; i < 8; i++) {
      if (i === best) { out += i === 0 ? '::' : ':'; i += bestLen - 1; continue; }
      out += a[i].toString(16);
      if (i !== 7) out += ':';
    }
    return out;
  }

  // Domain to ASCII. The WPT data this runtime is held to (toascii.json, IdnaTestV2.json) expects an
  // all-ASCII domain to be only ASCII-lowercased, "xn--" labels included (a bogus "xn--a" stays as
  // it is); only domains with non-ASCII code points go through UTS #46 ToASCII, done in Java by
  // ICU4J (ops.url.domainToAscii) with the URL Standard's options.
  function domainToAscii(domain) {
    let upper = false, forbidden = false;
    for (let i = 0; i < domain.length; i++) {
      const c = domain.charCodeAt(i);
      // Mapping may turn "<" + U+0338 into U+226E: forbidden code points count after ToASCII.
      if (c >= 0x80) return checkDomain(ops.url.domainToAscii(domain));
      if (FORBIDDEN_DOMAIN[c] === 1) forbidden = true;
      else if (c >= 0x41 && c <= 0x5a) upper = true;
    }
    if (forbidden || domain === '') return null;
    return upper ? domain.toLowerCase() : domain;
  }
  function checkDomain(result) {
    if (result === null || result === undefined || result === '') return null;
    result = String(result);
    for (let i = 0; i < result.length; i++) {
      const c = result.charCodeAt(i);
      if (c >= 0x80 || FORBIDDEN_DOMAIN[c] === 1) return null;
    }
    return result;
  }

  // The host parser: the serialized host, or null on failure.
  function parseHost(input, isOpaque) {
    if (input.charCodeAt(0) === 0x5b) {
      if (input.charCodeAt(input.length - 1) !== 0x5d) return null;
      const a = parseIPv6(input, 1, input.length - 1);
      return a === null ? null : '[' + serializeIPv6(a) + ']';
    }
    if (isOpaque) {
      for (let i = 0; i < input.length; i++) {
        const c = input.charCodeAt(i);
        if (c < 0x80 && FORBIDDEN_HOST[c] === 1) return null;
      }
      return percentEncode(input, C0_SET, false);
    }
    const ascii = domainToAscii(percentDecode(input));
    if (ascii === null) return null;
    if (endsInNumber(ascii)) {
      const v = parseIPv4(ascii);
      return v < 0 ? null : serializeIPv4(v);
    }
    return ascii;
  }

  // ---------------------------------------------------------------------------------------------
  // URL records and the basic URL parser

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

  const TAB_OR_NEWLINE = /[\t\n\r]/;
  const TABS_AND_NEWLINES = /[\t\n\r]/g;

  const includesCredentials = (u) => u.username !== '' || u.password !== '';
  const cannotHaveCredentialsOrPort = (u) => u.host === null || u.host === '' || u.scheme === 'file';

  function isWindowsDriveLetter(s) {
    if (s.length !== 2 || !isAlpha(s.charCodeAt(0))) return false;
    const c = s.charCodeAt(1);
    return c === 0x3a || c === 0x7c;
  }
  const isNormalizedDriveLetter = (s) => s.length === 2 && isAlpha(s.charCodeAt(0)) && s.charCodeAt(1) === 0x3a;

  function startsWithDriveLetter(s, i) {
    const n = s.length;
    if (n - i < 2 || !isAlpha(s.charCodeAt(i))) return false;
    const c1 = s.charCodeAt(i + 1);
    if (c1 !== 0x3a && c1 !== 0x7c) return false;
    if (n - i === 2) return true;
    const c2 = s.charCodeAt(i + 2);
    return c2 === 0x2f || c2 === 0x5c || c2 === 0x3f || c2 === 0x23;
  }

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

  function shortenPath(url) {
    const path = url.path;
    if (url.scheme === 'file' && path.length === 1 && isNormalizedDriveLetter(path[0])) return;
    path.pop();
  }

  // The basic URL parser. Without url, parses input against base (a record or null) and returns a
  // new record or null. With url and a state override (the setters), changes url in place; the
  // result then only tells failure (null) from success, and the setters ignore it.
  function basicParse(input, base, url, override) {
    if (url === null) {
      url = new UrlRecord();
      let s = 0, e = input.length;
      while (s < e && input.charCodeAt(s) <= 0x20) s++;
      while (e > s && input.charCodeAt(e - 1) <= 0x20) e--;
      if (s > 0 || e < input.length) input = input.slice(s, e);
    }
    if (TAB_OR_NEWLINE.test(input)) input = input.replace(TABS_AND_NEWLINES, '');
    const n = input.length;
    let state = override || SCHEME_START;
    let special = isSpecial(url.scheme);  // follows url.scheme, which the states below set
    let p = 0;
    for (;;) {
      const c = p < n ? input.charCodeAt(p) : EOF;
      switch (state) {
        case SCHEME_START: {
          // Scheme start and scheme states: the scheme is read whole up to its ':'.
          let q = p;
          if (isAlpha(c)) {
            q++;
            for (; q < n; q++) {
              const d = input.charCodeAt(q);
              if (!(isAlpha(d) || isDigit(d) || d === 0x2b || d === 0x2d || d === 0x2e)) break;
            }
          }
          if (q === p || q === n || input.charCodeAt(q) !== 0x3a) {
            if (override) return null;
            state = NO_SCHEME;
            p = -1;
            break;
          }
          const scheme = input.slice(p, q).toLowerCase();
          p = q;
          if (override) {
            if (isSpecial(url.scheme) !== isSpecial(scheme)) return url;
            if ((includesCredentials(url) || url.port !== null) && scheme === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
            url.scheme = scheme;
            if (url.port === defaultPort(scheme)) url.port = null;
            return url;
          }
          url.scheme = scheme;
          special = isSpecial(scheme);
          if (scheme === 'file') state = FILE;
          else if (special) state = base !== null && base.scheme === scheme ? SPECIAL_RELATIVE_OR_AUTHORITY : SPECIAL_AUTHORITY_SLASHES;
          else if (p + 1 < n && input.charCodeAt(p + 1) === 0x2f) { state = PATH_OR_AUTHORITY; p++; }
          else { url.path = ''; state = OPAQUE_PATH; }
          break;
        }
        case NO_SCHEME:
          if (base === null) return null;
          if (typeof base.path === 'string') {
            if (c !== 0x23) return null;
            url.scheme = base.scheme; url.path = base.path; url.query = base.query; url.fragment = '';
            special = isSpecial(url.scheme);
            state = FRAGMENT;
          } else {
            state = base.scheme === 'file' ? FILE : RELATIVE;
            p--;
          }
          break;
        case SPECIAL_RELATIVE_OR_AUTHORITY:
          if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) { state = SPECIAL_AUTHORITY_IGNORE_SLASHES; p++; }
          else { state = RELATIVE; p--; }
          break;
        case PATH_OR_AUTHORITY:
          if (c === 0x2f) state = AUTHORITY;
          else { state = PATH; p--; }
          break;
        case RELATIVE:
          url.scheme = base.scheme;
          special = isSpecial(url.scheme);
          if (c === 0x2f || (c === 0x5c && special)) state = RELATIVE_SLASH;
          else {
            url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
            url.path = base.path.slice(); url.query = base.query;
            if (c === 0x3f) { url.query = ''; state = QUERY; }
            else if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
            else if (c !== EOF) { url.query = null; shortenPath(url); state = PATH; p--; }
          }
          break;
        case RELATIVE_SLASH:
          if (special && (c === 0x2f || c === 0x5c)) state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          else if (c === 0x2f) state = AUTHORITY;
          else {
            url.username = base.username; url.password = base.password; url.host = base.host; url.port = base.port;
            state = PATH;
            p--;
          }
          break;
        case SPECIAL_AUTHORITY_SLASHES:
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) p++;
          else p--;
          break;
        case SPECIAL_AUTHORITY_IGNORE_SLASHES:
          if (c !== 0x2f && c !== 0x5c) { state = AUTHORITY; p--; }
          break;
        case AUTHORITY: {
          // Credentials are what precedes the last '@' of the authority; earlier '@'s are encoded.
          let e = p;
          for (; e < n; e++) {
            const d = input.charCodeAt(e);
            if (d === 0x2f || d === 0x3f || d === 0x23 || (d === 0x5c && special)) break;
          }
          const at = e > p ? input.lastIndexOf('@', e - 1) : -1;
          if (at >= p) {
            if (at + 1 === e) return null;
            const colon = input.indexOf(':', p);
            if (colon === -1 || colon > at) url.username = percentEncode(input.slice(p, at), USERINFO_SET, false);
            else {
              url.username = percentEncode(input.slice(p, colon), USERINFO_SET, false);
              url.password = percentEncode(input.slice(colon + 1, at), USERINFO_SET, false);
            }
            p = at;
          } else {
            p--;
          }
          state = HOST;
          break;
        }
        case HOST:
        case HOSTNAME: {
          if (override && url.scheme === 'file') { state = FILE_HOST; p--; break; }
          let e = p, brackets = false, colon = false;
          for (; e < n; e++) {
            const d = input.charCodeAt(e);
            if (d === 0x3a && !brackets) { colon = true; break; }
            if (d === 0x2f || d === 0x3f || d === 0x23 || (d === 0x5c && special)) break;
            if (d === 0x5b) brackets = true;
            else if (d === 0x5d) brackets = false;
          }
          const buffer = input.slice(p, e);
          if (colon) {
            if (buffer === '') return null;
            if (override === HOSTNAME) return null;
            const host = parseHost(buffer, !special);
            if (host === null) return null;
            url.host = host;
            state = PORT;
            p = e;
          } else {
            if (special && buffer === '') return null;
            if (override && buffer === '' && (includesCredentials(url) || url.port !== null)) return null;
            const host = parseHost(buffer, !special);
            if (host === null) return null;
            url.host = host;
            if (override) return url;
            state = PATH_START;
            p = e - 1;
          }
          break;
        }
        case PORT: {
          let e = p;
          while (e < n && isDigit(input.charCodeAt(e))) e++;
          const d = e < n ? input.charCodeAt(e) : EOF;
          if (!(d === EOF || d === 0x2f || d === 0x3f || d === 0x23 || (d === 0x5c && special) || override)) return null;
          if (e > p) {
            let port = 0;
            for (let i = p; i < e; i++) {
              port = port * 10 + input.charCodeAt(i) - 0x30;
              if (port > 65535) return null;
            }
            url.port = port === defaultPort(url.scheme) ? null : port;
            if (override) return url;
          }
          if (override) return null;
          state = PATH_START;
          p = e - 1;
          break;
        }
        case FILE:
          url.scheme = 'file';
          special = true;
          url.host = '';
          if (c === 0x2f || c === 0x5c) state = FILE_SLASH;
          else if (base !== null && base.scheme === 'file') {
            url.host = base.host; url.path = base.path.slice(); url.query = base.query;
            if (c === 0x3f) { url.query = ''; state = QUERY; }
            else if (c === 0x23) { url.fragment = ''; state = FRAGMENT; }
            else if (c !== EOF) {
              url.query = null;
              if (!startsWithDriveLetter(input, p)) shortenPath(url);
              else url.path = [];
              state = PATH;
              p--;
            }
          } else {
            state = PATH;
            p--;
          }
          break;
        case FILE_SLASH:
          if (c === 0x2f || c === 0x5c) state = FILE_HOST;
          else {
            if (base !== null && base.scheme === 'file') {
              url.host = base.host;
              if (!startsWithDriveLetter(input, p) && base.path.length > 0 && isNormalizedDriveLetter(base.path[0])) url.path.push(base.path[0]);
            }
            state = PATH;
            p--;
          }
          break;
        case FILE_HOST: {
          let e = p;
          for (; e < n; e++) {
            const d = input.charCodeAt(e);
            if (d === 0x2f || d === 0x5c || d === 0x3f || d === 0x23) break;
          }
          const buffer = input.slice(p, e);
          if (!override && isWindowsDriveLetter(buffer)) {
            // The drive letter quirk: "file://C:/" has the drive letter in its path, not its host.
            state = PATH;
            p--;
          } else if (buffer === '') {
            url.host = '';
            if (override) return url;
            state = PATH_START;
            p = e - 1;
          } else {
            let host = parseHost(buffer, !special);
            if (host === null) return null;
            if (host === 'localhost') host = '';
            url.host = host;
            if (override) return url;
            state = PATH_START;
            p = e - 1;
          }
          break;
        }
        case PATH_START:
          if (special) {
            state = PATH;
            if (c !== 0x2f && c !== 0x5c) p--;
          } else if (!override && c === 0x3f) { url.query = ''; state = QUERY; }
          else if (!override && c === 0x23) { url.fragment = ''; state = FRAGMENT; }
          else if (c !== EOF) {
            state = PATH;
            if (c !== 0x2f) p--;
          } else if (override && url.host === null) url.path.push('');
          break;
        case PATH: {
          // One path segment per run.
          let e = p;
          for (; e < n; e++) {
            const d = input.charCodeAt(e);
            if (d === 0x2f || (d === 0x5c && special) || (!override && (d === 0x3f || d === 0x23))) break;
          }
          let segment = percentEncode(input.slice(p, e), PATH_SET, false);
          const d = e < n ? input.charCodeAt(e) : EOF;
          const slash = d === 0x2f || (d === 0x5c && special);
          if (isDoubleDot(segment)) {
            shortenPath(url);
            if (!slash) url.path.push('');
          } else if (isSingleDot(segment)) {
            if (!slash) url.path.push('');
          } else {
            if (url.scheme === 'file' && url.path.length === 0 && isWindowsDriveLetter(segment)) segment = segment.charAt(0) + ':';
            url.path.push(segment);
          }
          if (d === 0x3f) { url.query = ''; state = QUERY; }
          else if (d === 0x23) { url.fragment = ''; state = FRAGMENT; }
          p = e;
          break;
        }
        case OPAQUE_PATH: {
          let e = p;
          for (; e < n; e++) {
            const d = input.charCodeAt(e);
            if (d === 0x3f || d === 0x23) break;
          }
          let segment = percentEncode(input.slice(p, e), C0_SET, false);
          // A space right before '?' or '#' is encoded, so that it survives removing what follows.
          if (e < n && segment.charCodeAt(segment.length - 1) === 0x20) segment = segment.slice(0, -1) + '%20';
          url.path += segment;
          if (e < n) {
            if (input.charCodeAt(e) === 0x3f) { url.query = ''; state = QUERY; }
            else { url.fragment = ''; state = FRAGMENT; }
          }
          p = e;
          break;
        }
        case QUERY: {
          let e = override ? -1 : input.indexOf('#', p);
          if (e === -1) e = n;
          url.query += percentEncode(input.slice(p, e), special ? SPECIAL_QUERY_SET : QUERY_SET, false);
          if (e < n) { url.fragment = ''; state = FRAGMENT; }
          p = e;
          break;
        }
        case FRAGMENT:
          url.fragment += percentEncode(input.slice(p), FRAGMENT_SET, false);
          p = n;
          break;
      }
      if (p >= n) break;
      p++;
    }
    return url;
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
    const pathStart = i;
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
          if (c !== 0x2f) break;
          segStart = i + 1;
          continue;
        }
        if (c <= 0x20 || c >= 0x7f || PATH_SET[c] === 1 || c === 0x5c) return null;
      }
    } else {
      canonical = false;  // an empty path serializes as "/"
    }
    const pathEnd = i;
    let query = null, fragment = null;
    if (i < n && s.charCodeAt(i) === 0x3f) {
      const qs = ++i;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x23) break;
        if (c <= 0x20 || c >= 0x7f || SPECIAL_QUERY_SET[c] === 1) return null;
      }
      query = s.slice(qs, i);
    }
    if (i < n) {  // at '#'
      const fs = ++i;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c <= 0x20 || c >= 0x7f || FRAGMENT_SET[c] === 1) return null;
      }
      fragment = s.slice(fs);
    }
    const r = new UrlRecord();
    r.scheme = scheme;
    r.host = upper ? s.slice(hostStart, hostEnd).toLowerCase() : s.slice(hostStart, hostEnd);
    r.port = port;
    r.path = pathEnd > pathStart ? s.slice(pathStart + 1, pathEnd).split('/') : [''];
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
    const r = basicParse(input, base, null, 0);
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
      url = toStr(url);
      let baseRecord = null;
      if (base !== undefined) {
        const b = parseRecord(toStr(base), null);
        if (b === null) throw new TypeError(INVALID);
        baseRecord = b[0];
      }
      const parsed = parseRecord(url, baseRecord);
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
      basicParse(toStr(value) + ':', null, this.#r, SCHEME_START);
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
      basicParse(value, null, this.#r, HOST);
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
      basicParse(value, null, this.#r, HOSTNAME);
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
      else basicParse(value, null, this.#r, PORT);
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
      basicParse(value, null, this.#r, PATH_START);
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
      basicParse(input, null, r, QUERY);
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
      basicParse(value.charCodeAt(0) === 0x23 ? value.slice(1) : value, null, r, FRAGMENT);
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
