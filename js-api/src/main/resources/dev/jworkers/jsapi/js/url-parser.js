// The full URL parser of the WHATWG URL Standard, loaded by url.js on first use (see there): the
// basic URL parser's state machine, the host parser (IPv4, IPv6, opaque hosts, domain to ASCII)
// and percent-decoding. States that read a run of code points (authority, host, path segments,
// query, fragment) consume it as one slice instead of one code point at a time.
(function (ops, internal) {
  'use strict';
  const {
    EOF, UrlRecord, isSpecial, defaultPort, encodeSet, inSet, percentEncode, isDigit, toUSV, isSingleDot,
    isDoubleDot, C0_SET, FRAGMENT_SET, QUERY_SET, SPECIAL_QUERY_SET, PATH_SET, USERINFO_SET,
  } = internal.urlShared;
  const {
    SCHEME_START, NO_SCHEME, SPECIAL_RELATIVE_OR_AUTHORITY, PATH_OR_AUTHORITY, RELATIVE, RELATIVE_SLASH,
    SPECIAL_AUTHORITY_SLASHES, SPECIAL_AUTHORITY_IGNORE_SLASHES, AUTHORITY, HOST, HOSTNAME, PORT, FILE,
    FILE_SLASH, FILE_HOST, PATH_START, PATH, OPAQUE_PATH, QUERY, FRAGMENT,
  } = internal.urlShared.states;

  function hexValue(c) {
    if (c >= 0x30 && c <= 0x39) return c - 0x30;
    if (c >= 0x61 && c <= 0x66) return c - 0x57;
    if (c >= 0x41 && c <= 0x46) return c - 0x37;
    return -1;
  }
  const isAlpha = (c) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

  // Code points the host parser rejects (forbidden host code points), and for domains also C0
  // controls, % and DEL (forbidden domain code points).
  const FORBIDDEN_HOST = encodeSet([0, 0, 0, 0], '\0\t\n\r #/:<>?@[\\]^|');
  const FORBIDDEN_DOMAIN = encodeSet(C0_SET, ' #%/:<>?@[\\]^|');

  // The UTF-8 bytes of s with %XX sequences decoded, UTF-8 decoded again (without BOM handling,
  // invalid sequences becoming U+FFFD as the Encoding Standard's decoder does). While every
  // escape decodes to ASCII, that is the same as replacing escapes in the string itself.
  function percentDecode(s) {
    let i = s.indexOf('%');
    if (i === -1) return toUSV(s);
    const n = s.length;
    let out = '', start = 0;
    while (i !== -1) {
      if (i + 2 < n) {
        const h = hexValue(s.charCodeAt(i + 1)), l = hexValue(s.charCodeAt(i + 2));
        if (h >= 0 && l >= 0) {
          const b = h << 4 | l;
          if (b >= 0x80) return percentDecodeBytes(s);
          out += s.slice(start, i) + String.fromCharCode(b);
          start = i + 3;
          i = s.indexOf('%', start);
          continue;
        }
      }
      i = s.indexOf('%', i + 1);
    }
    return toUSV(out + s.slice(start));
  }

  function percentDecodeBytes(s) {
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
      if (inSet(FORBIDDEN_DOMAIN, c)) forbidden = true;
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
      if (c >= 0x80 || inSet(FORBIDDEN_DOMAIN, c)) return null;
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
        if (c < 0x80 && inSet(FORBIDDEN_HOST, c)) return null;
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
  // The basic URL parser

  const TAB_OR_NEWLINE = /[\t\n\r]/;
  const TABS_AND_NEWLINES = /[\t\n\r]/g;

  const includesCredentials = (u) => u.username !== '' || u.password !== '';

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

  internal.urlParser = { basicParse, percentDecode };
})
