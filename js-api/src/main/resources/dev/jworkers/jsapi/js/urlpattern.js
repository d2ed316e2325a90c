// URLPattern (WHATWG URL Pattern Standard). A pattern has eight components (protocol ... hash);
// each is parsed into a part list, compiled to a RegExp with the 'v' flag (GraalJS supports it)
// and turned back into a normalized pattern string. Fixed text is canonicalized by the URL parser
// of url.js, through a dummy URL and its setters, as the standard describes it.
(function (ops, internal) {
  'use strict';
  // Built-ins are taken now: user code may replace the globals and prototypes later.
  const apply = Reflect.apply;
  const NativeRegExp = RegExp;
  const regExpExec = RegExp.prototype.exec;
  const toWellFormed = String.prototype.toWellFormed;
  const hasOwn = Object.hasOwn;

  const COMPONENTS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];
  // URLPatternInit's members in Web IDL order (lexicographic): the order they are read in.
  const INIT_KEYS = ['baseURL', 'hash', 'hostname', 'password', 'pathname', 'port', 'protocol', 'search', 'username'];
  const DEFAULT_PORTS = { ftp: '21', file: '', http: '80', https: '443', ws: '80', wss: '443' };
  const SPECIAL_SCHEMES = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];
  const isSpecialScheme = (s) => hasOwn(DEFAULT_PORTS, s);

  // Errors of the pattern machinery; the entry points turn them into TypeErrors with their prefix.
  class PatternError extends Error {}

  function usv(v) {
    if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
    return apply(toWellFormed, `${v}`, []);
  }

  // ---------------------------------------------------------------------------------------------
  // Tokenizer

  const T_OPEN = 0, T_CLOSE = 1, T_REGEXP = 2, T_NAME = 3, T_CHAR = 4, T_ESCAPED = 5,
    T_MODIFIER = 6, T_ASTERISK = 7, T_END = 8, T_INVALID = 9;
  const ID_START = /^[$_\p{ID_Start}]$/u;
  const ID_PART = /^[$\u200C\u200D\p{ID_Continue}]$/u;

  function isNameCodePoint(cp, first) {
    const s = String.fromCodePoint(cp);
    return apply(regExpExec, first ? ID_START : ID_PART, [s]) !== null;
  }

  // Positions are UTF-16 indices; the input is well formed, so code points are read whole.
  function tokenize(input, strict) {
    const tokens = [];
    const n = input.length;
    let index = 0, next = 0, cp = 0;
    const getNext = () => { cp = input.codePointAt(next); next += cp > 0xffff ? 2 : 1; };
    const seek = (i) => { next = i; getNext(); };
    const add = (type, nextPos, valuePos, valueLen) => {
      tokens.push({ type, index, value: input.slice(valuePos, valuePos + valueLen) });
      index = nextPos;
    };
    const addDefault = (type, nextPos, valuePos) => add(type, nextPos, valuePos, nextPos - valuePos);
    const error = (nextPos, valuePos, why) => {
      if (strict) throw new PatternError(`${why} at index ${valuePos}.`);
      addDefault(T_INVALID, nextPos, valuePos);
    };
    while (index < n) {
      seek(index);
      if (cp === 0x2a) { addDefault(T_ASTERISK, next, index); continue; }
      if (cp === 0x2b || cp === 0x3f) { addDefault(T_MODIFIER, next, index); continue; }
      if (cp === 0x5c) {
        if (next >= n) { error(next, index, 'Trailing escape character'); continue; }
        const escaped = next;
        getNext();
        addDefault(T_ESCAPED, next, escaped);
        continue;
      }
      if (cp === 0x7b) { addDefault(T_OPEN, next, index); continue; }
      if (cp === 0x7d) { addDefault(T_CLOSE, next, index); continue; }
      if (cp === 0x3a) {
        let pos = next;
        const start = pos;
        while (pos < n) {
          seek(pos);
          if (!isNameCodePoint(cp, pos === start)) break;
          pos = next;
        }
        if (pos <= start) { error(start, index, 'Missing parameter name'); continue; }
        addDefault(T_NAME, pos, start);
        continue;
      }
      if (cp === 0x28) {
        let depth = 1, pos = next, bad = null;
        const start = pos;
        while (pos < n) {
          seek(pos);
          if (cp > 0x7f) { bad = 'Invalid non-ASCII character in regular expression group'; break; }
          if (pos === start && cp === 0x3f) { bad = 'Regular expression group must not start with "?"'; break; }
          if (cp === 0x5c) {
            if (next >= n) { bad = 'Trailing escape character in regular expression group'; break; }
            getNext();
            if (cp > 0x7f) { bad = 'Invalid non-ASCII character in regular expression group'; break; }
            pos = next;
            continue;
          }
          if (cp === 0x29) {
            if (--depth === 0) { pos = next; break; }
          } else if (cp === 0x28) {
            depth++;
            if (next >= n) { bad = 'Unterminated regular expression group'; break; }
            const tmp = next;
            getNext();
            if (cp !== 0x3f) { bad = 'Nested capturing groups are not allowed in a regular expression group'; break; }
            next = tmp;
          }
          pos = next;
        }
        if (bad !== null) { error(start, index, bad); continue; }
        if (depth !== 0) { error(start, index, 'Unbalanced regular expression group'); continue; }
        const length = pos - start - 1;
        if (length === 0) { error(start, index, 'Empty regular expression group'); continue; }
        add(T_REGEXP, pos, start, length);
        continue;
      }
      addDefault(T_CHAR, next, index);
    }
    addDefault(T_END, index, index);
    return tokens;
  }

  // ---------------------------------------------------------------------------------------------
  // Pattern parser: pattern string -> part list

  const P_FIXED = 0, P_REGEXP = 1, P_SEGMENT = 2, P_FULL = 3;
  const FULL_WILDCARD = '.*';
  // A part's modifier is kept as its pattern syntax: '', '?', '*' or '+'.

  const DEFAULT_OPTIONS = { delimiter: '', prefix: '', ignoreCase: false };
  const HOSTNAME_OPTIONS = { delimiter: '.', prefix: '', ignoreCase: false };
  const PATHNAME_OPTIONS = { delimiter: '/', prefix: '/', ignoreCase: false };

  // Backslash-escapes the characters of s that are listed in special (ASCII code points).
  function escaper(chars) {
    const special = new Uint8Array(128);
    for (let i = 0; i < chars.length; i++) special[chars.charCodeAt(i)] = 1;
    return (s) => {
      let out = null, start = 0;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 128 && special[c] === 1) {
          out = (out ?? '') + s.slice(start, i) + '\\';
          start = i;
        }
      }
      return out === null ? s : out + s.slice(start);
    };
  }
  const escapeRegexp = escaper('.+*?^${}()[]|/\\');
  const escapePattern = escaper('+*?:{}()\\');
  const segmentWildcard = (options) => '[^' + escapeRegexp(options.delimiter) + ']+?';
  const isDigit = (c) => c >= 0x30 && c <= 0x39;

  function parsePattern(input, options, encode) {
    const tokens = tokenize(input, true);
    const segment = segmentWildcard(options);
    const parts = [];
    let pending = '', index = 0, nextNumericName = 0;

    const tryConsume = (type) => {
      const t = tokens[index];
      if (t.type !== type) return null;
      index++;
      return t;
    };
    const tryModifier = () => tryConsume(T_MODIFIER) ?? tryConsume(T_ASTERISK);
    const tryRegexpOrWildcard = (nameToken) => {
      const t = tryConsume(T_REGEXP);
      return nameToken === null && t === null ? tryConsume(T_ASTERISK) : t;
    };
    const required = (type, what) => {
      const t = tryConsume(type);
      if (t === null) throw new PatternError(`Unexpected ${describe(tokens[index])} at index ${tokens[index].index}, expected ${what}.`);
      return t;
    };
    const consumeText = () => {
      let result = '';
      for (;;) {
        const t = tryConsume(T_CHAR) ?? tryConsume(T_ESCAPED);
        if (t === null) return result;
        result += t.value;
      }
    };
    const flushPending = () => {
      if (pending === '') return;
      const value = encode(pending);
      pending = '';
      parts.push({ type: P_FIXED, value, modifier: '', name: '', prefix: '', suffix: '' });
    };
    const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
      const modifier = modifierToken === null ? '' : modifierToken.value;
      if (nameToken === null && regexpToken === null && modifier === '') {
        pending += prefix;
        return;
      }
      flushPending();
      if (nameToken === null && regexpToken === null) {
        if (prefix === '') return;
        parts.push({ type: P_FIXED, value: encode(prefix), modifier, name: '', prefix: '', suffix: '' });
        return;
      }
      let value;
      if (regexpToken === null) value = segment;
      else if (regexpToken.type === T_ASTERISK) value = FULL_WILDCARD;
      else value = regexpToken.value;
      let type = P_REGEXP;
      if (value === segment) { type = P_SEGMENT; value = ''; }
      else if (value === FULL_WILDCARD) { type = P_FULL; value = ''; }
      let name = '';
      if (nameToken !== null) name = nameToken.value;
      else name = String(nextNumericName++);
      for (const p of parts) {
        if (p.name === name) throw new PatternError(`Duplicate group name '${name}'.`);
      }
      parts.push({ type, value, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
    };

    while (index < tokens.length) {
      const charToken = tryConsume(T_CHAR);
      let nameToken = tryConsume(T_NAME);
      let regexpToken = tryRegexpOrWildcard(nameToken);
      if (nameToken !== null || regexpToken !== null) {
        let prefix = charToken === null ? '' : charToken.value;
        if (prefix !== '' && prefix !== options.prefix) {
          pending += prefix;
          prefix = '';
        }
        flushPending();
        addPart(prefix, nameToken, regexpToken, '', tryModifier());
        continue;
      }
      const fixedToken = charToken ?? tryConsume(T_ESCAPED);
      if (fixedToken !== null) {
        pending += fixedToken.value;
        continue;
      }
      if (tryConsume(T_OPEN) !== null) {
        const prefix = consumeText();
        nameToken = tryConsume(T_NAME);
        regexpToken = tryRegexpOrWildcard(nameToken);
        const suffix = consumeText();
        required(T_CLOSE, "'}'");
        addPart(prefix, nameToken, regexpToken, suffix, tryModifier());
        continue;
      }
      flushPending();
      required(T_END, 'the end of the pattern');
    }
    return parts;
  }

  function describe(token) {
    switch (token.type) {
      case T_END: return 'end of pattern';
      case T_NAME: return `name ':${token.value}'`;
      case T_REGEXP: return `regular expression '(${token.value})'`;
      default: return `'${token.value}'`;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Part list -> regular expression source and group names; part list -> pattern string

  function regexpSource(parts, options) {
    let result = '^';
    const names = [];
    for (const part of parts) {
      if (part.type === P_FIXED) {
        result += part.modifier === '' ? escapeRegexp(part.value) : '(?:' + escapeRegexp(part.value) + ')' + part.modifier;
        continue;
      }
      names.push(part.name);
      let value = part.value;
      if (part.type === P_SEGMENT) value = segmentWildcard(options);
      else if (part.type === P_FULL) value = FULL_WILDCARD;
      const repeats = part.modifier === '*' || part.modifier === '+';
      if (part.prefix === '' && part.suffix === '') {
        result += repeats ? '((?:' + value + ')' + part.modifier + ')' : '(' + value + ')' + part.modifier;
        continue;
      }
      const prefix = escapeRegexp(part.prefix), suffix = escapeRegexp(part.suffix);
      if (!repeats) {
        result += '(?:' + prefix + '(' + value + ')' + suffix + ')' + part.modifier;
        continue;
      }
      // The first repetition without the prefix, later ones with suffix and prefix between them.
      result += '(?:' + prefix + '((?:' + value + ')(?:' + suffix + prefix + '(?:' + value + '))*)' + suffix + ')';
      if (part.modifier === '*') result += '?';
    }
    return [result + '$', names];
  }

  function patternString(parts, options) {
    let result = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const previous = i > 0 ? parts[i - 1] : null;
      const next = i < parts.length - 1 ? parts[i + 1] : null;
      if (part.type === P_FIXED) {
        result += part.modifier === '' ? escapePattern(part.value) : '{' + escapePattern(part.value) + '}' + part.modifier;
        continue;
      }
      const customName = !isDigit(part.name.charCodeAt(0));
      let needsGrouping = part.suffix !== '' || (part.prefix !== '' && part.prefix !== options.prefix);
      if (!needsGrouping && customName && part.type === P_SEGMENT && part.modifier === '' &&
          next !== null && next.prefix === '' && next.suffix === '') {
        if (next.type === P_FIXED) {
          needsGrouping = next.value !== '' && isNameCodePoint(next.value.codePointAt(0), false);
        } else {
          needsGrouping = isDigit(next.name.charCodeAt(0));
        }
      }
      if (!needsGrouping && part.prefix === '' && previous !== null && previous.type === P_FIXED &&
          options.prefix !== '' && previous.value.endsWith(options.prefix)) {
        needsGrouping = true;
      }
      if (needsGrouping) result += '{';
      result += escapePattern(part.prefix);
      if (customName) result += ':' + part.name;
      if (part.type === P_REGEXP) {
        result += '(' + part.value + ')';
      } else if (part.type === P_SEGMENT && !customName) {
        result += '(' + segmentWildcard(options) + ')';
      } else if (part.type === P_FULL) {
        if (!customName && (previous === null || previous.type === P_FIXED || previous.modifier !== '' ||
            needsGrouping || part.prefix !== '')) {
          result += '*';
        } else {
          result += '(' + FULL_WILDCARD + ')';
        }
      }
      if (part.type === P_SEGMENT && customName && part.suffix !== '' &&
          isNameCodePoint(part.suffix.codePointAt(0), false)) {
        result += '\\';
      }
      result += escapePattern(part.suffix);
      if (needsGrouping) result += '}';
      result += part.modifier;
    }
    return result;
  }

  // A compiled component: its normalized pattern string, RegExp, group names and whether any
  // group is a custom regular expression.
  function compileComponent(input, encode, options, component) {
    let parts;
    try {
      parts = parsePattern(input, options, encode);
    } catch (e) {
      if (e instanceof PatternError) throw new PatternError(`Invalid ${component} pattern '${input}'. ${e.message}`);
      throw e;
    }
    const [source, names] = regexpSource(parts, options);
    let regexp;
    try {
      regexp = new NativeRegExp(source, options.ignoreCase ? 'vi' : 'v');
    } catch (e) {
      throw new PatternError(`Invalid ${component} pattern '${input}'. ${e.message}`);
    }
    let hasRegExpGroups = false;
    for (const p of parts) if (p.type === P_REGEXP) hasRegExpGroups = true;
    // A lone "*" (or named full wildcard) matches any component value: URL components never hold
    // the line terminators "." stops at, so matching can skip the RegExp.
    const p0 = parts[0];
    const any = parts.length === 1 && p0.type === P_FULL && p0.modifier === '' && p0.prefix === '' && p0.suffix === '';
    return { pattern: patternString(parts, options), regexp, names, hasRegExpGroups, any };
  }

  const execComponent = (component, input) => apply(regExpExec, component.regexp, [input]);

  function matchesSpecialScheme(protocolComponent) {
    for (const scheme of SPECIAL_SCHEMES) {
      if (execComponent(protocolComponent, scheme) !== null) return true;
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Constructor string parser: "https://*.example.com/:id?q#h" -> URLPatternInit

  const S_INIT = 0, S_PROTOCOL = 1, S_AUTHORITY = 2, S_USERNAME = 3, S_PASSWORD = 4, S_HOSTNAME = 5,
    S_PORT = 6, S_PATHNAME = 7, S_SEARCH = 8, S_HASH = 9, S_DONE = 10;
  const STATE_KEYS = [null, 'protocol', null, 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash', null];

  function parseConstructorString(input) {
    const tokens = tokenize(input, false);
    // Internal records have no prototype: properties added to Object.prototype must not show.
    const result = { __proto__: null };
    let componentStart = 0, tokenIndex = 0, tokenIncrement = 1, groupDepth = 0, ipv6Depth = 0;
    let protocolSpecial = false, state = S_INIT;

    const safeToken = (i) => tokens[i < tokens.length ? i : tokens.length - 1];
    const isNonSpecialChar = (i, value) => {
      const t = safeToken(i);
      return t.value === value && (t.type === T_CHAR || t.type === T_ESCAPED || t.type === T_INVALID);
    };
    const isHashPrefix = () => isNonSpecialChar(tokenIndex, '#');
    const isSearchPrefix = () => {
      if (isNonSpecialChar(tokenIndex, '?')) return true;
      if (tokens[tokenIndex].value !== '?') return false;
      if (tokenIndex === 0) return true;
      const type = safeToken(tokenIndex - 1).type;
      return !(type === T_NAME || type === T_REGEXP || type === T_CLOSE || type === T_ASTERISK);
    };
    const isPathnameStart = () => isNonSpecialChar(tokenIndex, '/');
    const componentString = () => input.slice(safeToken(componentStart).index, tokens[tokenIndex].index);
    const rewind = () => { tokenIndex = componentStart; tokenIncrement = 0; };
    const changeState = (newState, skip) => {
      if (STATE_KEYS[state] !== null) result[STATE_KEYS[state]] = componentString();
      if (state !== S_INIT && newState !== S_DONE) {
        // Components skipped over between two given ones are empty (pathname "/" when special).
        if (state <= S_PASSWORD && newState >= S_PORT && newState <= S_HASH && result.hostname === undefined) {
          result.hostname = '';
        }
        if (state <= S_PORT && (newState === S_SEARCH || newState === S_HASH) && result.pathname === undefined) {
          result.pathname = protocolSpecial ? '/' : '';
        }
        if (state <= S_PATHNAME && newState === S_HASH && result.search === undefined) result.search = '';
      }
      state = newState;
      tokenIndex += skip;
      componentStart = tokenIndex;
      tokenIncrement = 0;
    };

    while (tokenIndex < tokens.length) {
      tokenIncrement = 1;
      const token = tokens[tokenIndex];
      if (token.type === T_END) {
        if (state === S_INIT) {
          // No protocol: a relative pattern, starting with a pathname, search or hash.
          rewind();
          if (isHashPrefix()) changeState(S_HASH, 1);
          else if (isSearchPrefix()) changeState(S_SEARCH, 1);
          else changeState(S_PATHNAME, 0);
          tokenIndex += tokenIncrement;
          continue;
        }
        if (state === S_AUTHORITY) {
          // No "@": there is no username or password.
          rewind();
          state = S_HOSTNAME;
          tokenIndex += tokenIncrement;
          continue;
        }
        changeState(S_DONE, 0);
        break;
      }
      // Component boundaries never lie within "{ ... }".
      if (token.type === T_OPEN) {
        groupDepth++;
        tokenIndex += tokenIncrement;
        continue;
      }
      if (groupDepth > 0) {
        if (token.type === T_CLOSE) {
          groupDepth--;
        } else {
          tokenIndex += tokenIncrement;
          continue;
        }
      }
      switch (state) {
        case S_INIT:
          if (isNonSpecialChar(tokenIndex, ':')) { rewind(); state = S_PROTOCOL; }
          break;
        case S_PROTOCOL:
          if (isNonSpecialChar(tokenIndex, ':')) {
            const protocol = compileComponent(componentString(), canonicalizeProtocol, DEFAULT_OPTIONS, 'protocol');
            if (matchesSpecialScheme(protocol)) protocolSpecial = true;
            let nextState = S_PATHNAME, skip = 1;
            if (isNonSpecialChar(tokenIndex + 1, '/') && isNonSpecialChar(tokenIndex + 2, '/')) {
              nextState = S_AUTHORITY;
              skip = 3;
            } else if (protocolSpecial) {
              nextState = S_AUTHORITY;
            }
            changeState(nextState, skip);
          }
          break;
        case S_AUTHORITY:
          if (isNonSpecialChar(tokenIndex, '@')) {
            rewind();
            state = S_USERNAME;
          } else if (isPathnameStart() || isSearchPrefix() || isHashPrefix()) {
            rewind();
            state = S_HOSTNAME;
          }
          break;
        case S_USERNAME:
          if (isNonSpecialChar(tokenIndex, ':')) changeState(S_PASSWORD, 1);
          else if (isNonSpecialChar(tokenIndex, '@')) changeState(S_HOSTNAME, 1);
          break;
        case S_PASSWORD:
          if (isNonSpecialChar(tokenIndex, '@')) changeState(S_HOSTNAME, 1);
          break;
        case S_HOSTNAME:
          if (isNonSpecialChar(tokenIndex, '[')) ipv6Depth++;
          else if (isNonSpecialChar(tokenIndex, ']')) ipv6Depth--;
          else if (isNonSpecialChar(tokenIndex, ':') && ipv6Depth === 0) changeState(S_PORT, 1);
          else if (isPathnameStart()) changeState(S_PATHNAME, 0);
          else if (isSearchPrefix()) changeState(S_SEARCH, 1);
          else if (isHashPrefix()) changeState(S_HASH, 1);
          break;
        case S_PORT:
          if (isPathnameStart()) changeState(S_PATHNAME, 0);
          else if (isSearchPrefix()) changeState(S_SEARCH, 1);
          else if (isHashPrefix()) changeState(S_HASH, 1);
          break;
        case S_PATHNAME:
          if (isSearchPrefix()) changeState(S_SEARCH, 1);
          else if (isHashPrefix()) changeState(S_HASH, 1);
          break;
        case S_SEARCH:
          if (isHashPrefix()) changeState(S_HASH, 1);
          break;
        default:
          break;
      }
      tokenIndex += tokenIncrement;
    }
    // A hostname without a port means the default port, not any port.
    if (result.hostname !== undefined && result.port === undefined) result.port = '';
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Canonicalization through the URL parser (url.js). Its accessors are taken now, before user
  // code runs, so that replacing URL.prototype members cannot change URLPattern.

  const URLClass = internal.URL;
  const urlAccessors = {};
  if (typeof URLClass === 'function') {
    for (const key of ['href', ...COMPONENTS]) urlAccessors[key] = Object.getOwnPropertyDescriptor(URLClass.prototype, key);
  }
  const urlGet = (url, key) => apply(urlAccessors[key].get, url, []);
  const urlSet = (url, key, value) => apply(urlAccessors[key].set, url, [value]);

  // A URL object, or null when input (against the optional base string) does not parse.
  function parseURL(input, base) {
    if (typeof URLClass !== 'function') throw new TypeError('URLPattern needs URL, which is not available');
    try {
      return base === undefined ? new URLClass(input) : new URLClass(input, base);
    } catch (e) {
      return null;
    }
  }
  const dummyURL = (spec = 'https://dummy.invalid/') => parseURL(spec);

  // The components a URL gives to matching, as strings without their URL-syntax delimiters.
  // One call site per getter keeps each one monomorphic: this runs for every string matched.
  const getter = (key) => (urlAccessors[key] ? urlAccessors[key].get : undefined);
  const G_PROTOCOL = getter('protocol'), G_USERNAME = getter('username'), G_PASSWORD = getter('password'),
    G_HOSTNAME = getter('hostname'), G_PORT = getter('port'), G_PATHNAME = getter('pathname'),
    G_SEARCH = getter('search'), G_HASH = getter('hash');
  const NO_ARGS = [];
  function urlComponents(url) {
    return {
      protocol: apply(G_PROTOCOL, url, NO_ARGS).slice(0, -1),
      username: apply(G_USERNAME, url, NO_ARGS),
      password: apply(G_PASSWORD, url, NO_ARGS),
      hostname: apply(G_HOSTNAME, url, NO_ARGS),
      port: apply(G_PORT, url, NO_ARGS),
      pathname: apply(G_PATHNAME, url, NO_ARGS),
      search: apply(G_SEARCH, url, NO_ARGS).slice(1),
      hash: apply(G_HASH, url, NO_ARGS).slice(1),
    };
  }
  // A URL has an opaque path when its path does not start with "/" and it has no host.
  function hasOpaquePath(url, parts) {
    if (parts.pathname.charCodeAt(0) === 0x2f) return false;
    return !urlGet(url, 'href').startsWith('//', parts.protocol.length + 1);
  }

  // Values the canonicalizers below would return unchanged; they skip the URL parser.
  const PLAIN_SCHEME = /^[a-z][a-z0-9+\-.]*$/;
  const PLAIN_PATH = /^[A-Za-z0-9\-_~!$&'()*+,;=:@/]*$/;
  const PLAIN_QUERY = /^[A-Za-z0-9\-_.~!$&()*+,;=:@/?]*$/;
  const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
  const plain = (re, value) => apply(regExpExec, re, [value]) !== null;

  function canonicalizeProtocol(value) {
    if (value === '' || plain(PLAIN_SCHEME, value)) return value;
    const url = parseURL(value + '://dummy.invalid/');
    if (url === null) throw new PatternError(`Invalid protocol '${value}'.`);
    return urlGet(url, 'protocol').slice(0, -1);
  }

  function canonicalizeUsername(value) {
    if (value === '') return value;
    const url = dummyURL();
    urlSet(url, 'username', value);
    return urlGet(url, 'username');
  }

  function canonicalizePassword(value) {
    if (value === '') return value;
    const url = dummyURL();
    urlSet(url, 'password', value);
    return urlGet(url, 'password');
  }

  // The hostname setter runs the parser with the hostname state override, but ignores failure:
  // a failure leaves the host as it was, which two different dummy hosts tell apart.
  function canonicalizeHostname(value) {
    if (value === '') return value;
    if (plain(PLAIN_HOST, value) && !value.includes('xn--')) return value;
    let url = dummyURL();
    urlSet(url, 'hostname', value);
    const host = urlGet(url, 'hostname');
    if (host !== 'dummy.invalid') return host;
    url = dummyURL('https://dummy2.invalid/');
    urlSet(url, 'hostname', value);
    if (urlGet(url, 'hostname') === 'dummy2.invalid') throw new PatternError(`Invalid hostname '${value}'.`);
    return host;
  }

  function canonicalizeIPv6Hostname(value) {
    let result = '';
    for (let i = 0; i < value.length; i++) {
      let c = value.charCodeAt(i);
      const hex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
      if (!hex && c !== 0x5b && c !== 0x5d && c !== 0x3a) {
        throw new PatternError(`Invalid IPv6 hostname character '${String.fromCodePoint(value.codePointAt(i))}'.`);
      }
      if (c >= 0x41 && c <= 0x46) c += 0x20;
      result += String.fromCharCode(c);
    }
    return result;
  }

  // With protocol, that scheme's default port becomes "". Without (pattern text), no port is a
  // default one: the standard's dummy URL is https, but WPT and implementations keep "443".
  // Failure is told apart as for the hostname: it leaves the port as it was.
  function canonicalizePort(value, protocol = '') {
    if (value === '') return value;
    const scheme = hasOwn(DEFAULT_PORTS, protocol) && protocol !== 'file' ? protocol : 'x-dummy';
    const url = dummyURL(scheme + '://dummy.invalid:1/');
    urlSet(url, 'port', value);
    const port = urlGet(url, 'port');
    if (port !== '1') return port;
    const url2 = dummyURL(scheme + '://dummy.invalid:2/');
    urlSet(url2, 'port', value);
    if (urlGet(url2, 'port') === '2') throw new PatternError(`Invalid port '${value}'.`);
    return port;
  }

  // Called for pieces of a pathname too: "/-" keeps the parser from adding a leading "/" (and
  // from reading a leading "." as a dot segment); it is removed afterwards.
  function canonicalizePathname(value) {
    if (value === '' || plain(PLAIN_PATH, value)) return value;
    const leadingSlash = value.charCodeAt(0) === 0x2f;
    const url = dummyURL();
    urlSet(url, 'pathname', leadingSlash ? value : '/-' + value);
    const result = urlGet(url, 'pathname');
    return leadingSlash ? result : result.slice(2);
  }

  // The parser's opaque path state, reached by parsing "x-dummy:-<value>-": the "-" around value
  // keep it from starting with "/" and its trailing spaces from being trimmed.
  function canonicalizeOpaquePathname(value) {
    if (value === '') return value;
    const url = parseURL('x-dummy:-' + value + '-');
    if (url === null) throw new PatternError(`Invalid pathname '${value}'.`);
    const path = urlGet(url, 'pathname');
    return value.includes('?') || value.includes('#') ? path.slice(1) : path.slice(1, -1);
  }

  // The search and hash setters drop one leading "?" or "#": one is added for them to drop.
  function canonicalizeSearch(value) {
    if (value === '' || plain(PLAIN_QUERY, value)) return value;
    const url = dummyURL();
    urlSet(url, 'search', '?' + value);
    return urlGet(url, 'search').slice(1);
  }

  function canonicalizeHash(value) {
    if (value === '' || plain(PLAIN_QUERY, value)) return value;
    const url = dummyURL();
    urlSet(url, 'hash', '#' + value);
    return urlGet(url, 'hash').slice(1);
  }

  // ---------------------------------------------------------------------------------------------
  // URLPatternInit processing: base URL inheritance, then per-component processing. type is
  // 'pattern' (constructor: values stay pattern syntax) or 'url' (matching: values canonicalized).

  const processBase = (value, type) => (type === 'pattern' ? escapePattern(value) : value);

  function isAbsolutePathname(input, type) {
    if (input === '') return false;
    const c0 = input.charCodeAt(0);
    if (c0 === 0x2f) return true;
    if (type === 'url' || input.length < 2) return false;
    return (c0 === 0x5c || c0 === 0x7b) && input.charCodeAt(1) === 0x2f;
  }

  function processInit(init, type, initial) {
    const result = { __proto__: null };
    if (initial !== null) for (const key of COMPONENTS) result[key] = initial;
    const has = (key) => hasOwn(init, key) && init[key] !== undefined;
    let base = null, baseParts = null;
    if (has('baseURL')) {
      // A component at least as specific as one given in init is never inherited; username and
      // password are inherited only when matching.
      base = parseURL(init.baseURL);
      if (base === null) throw new PatternError(`Invalid baseURL '${init.baseURL}'.`);
      baseParts = urlComponents(base);
      const early = has('protocol') || has('hostname') || has('port');
      if (!has('protocol')) result.protocol = processBase(baseParts.protocol, type);
      if (type !== 'pattern' && !early && !has('username')) result.username = baseParts.username;
      if (type !== 'pattern' && !early && !has('username') && !has('password')) result.password = baseParts.password;
      if (!has('protocol') && !has('hostname')) result.hostname = processBase(baseParts.hostname, type);
      if (!early) result.port = baseParts.port;
      if (!early && !has('pathname')) result.pathname = processBase(baseParts.pathname, type);
      if (!early && !has('pathname') && !has('search')) result.search = processBase(baseParts.search, type);
      if (!early && !has('pathname') && !has('search') && !has('hash')) result.hash = processBase(baseParts.hash, type);
    }
    const url = type === 'url';
    if (has('protocol')) {
      const v = init.protocol;
      const stripped = v.endsWith(':') ? v.slice(0, -1) : v;
      result.protocol = url ? canonicalizeProtocol(stripped) : stripped;
    }
    if (has('username')) result.username = url ? canonicalizeUsername(init.username) : init.username;
    if (has('password')) result.password = url ? canonicalizePassword(init.password) : init.password;
    if (has('hostname')) result.hostname = url ? canonicalizeHostname(init.hostname) : init.hostname;
    const protocol = result.protocol ?? '';
    if (has('port')) result.port = url ? canonicalizePort(init.port, protocol) : init.port;
    if (has('pathname')) {
      let pathname = init.pathname;
      if (base !== null && !hasOpaquePath(base, baseParts) && !isAbsolutePathname(pathname, type)) {
        // Relative to the base URL's path, up to and including its last "/".
        const basePath = processBase(baseParts.pathname, type);
        const slash = basePath.lastIndexOf('/');
        if (slash >= 0) pathname = basePath.slice(0, slash + 1) + pathname;
      }
      if (url) {
        pathname = protocol === '' || isSpecialScheme(protocol)
          ? canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
      }
      result.pathname = pathname;
    }
    if (has('search')) {
      const v = init.search;
      const stripped = v.startsWith('?') ? v.slice(1) : v;
      result.search = url ? canonicalizeSearch(stripped) : stripped;
    }
    if (has('hash')) {
      const v = init.hash;
      const stripped = v.startsWith('#') ? v.slice(1) : v;
      result.hash = url ? canonicalizeHash(stripped) : stripped;
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Creating and matching URL patterns

  function create(input, baseURL, ignoreCase) {
    let init;
    if (typeof input === 'string') {
      init = parseConstructorString(input);
      if (baseURL === null && init.protocol === undefined) {
        throw new PatternError(`Relative constructor string '${input}' must have a base URL passed as the second argument.`);
      }
      if (baseURL !== null) init.baseURL = baseURL;
    } else {
      if (baseURL !== null) {
        throw new PatternError(`Invalid second argument baseURL '${baseURL}' provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead.`);
      }
      init = input;
    }
    const processed = processInit(init, 'pattern', null);
    for (const key of COMPONENTS) if (processed[key] === undefined) processed[key] = '*';
    if (isSpecialScheme(processed.protocol) && processed.port === DEFAULT_PORTS[processed.protocol]) {
      processed.port = '';
    }
    const protocol = compileComponent(processed.protocol, canonicalizeProtocol, DEFAULT_OPTIONS, 'protocol');
    const hostname = processed.hostname;
    const ipv6 = hostname.length >= 2 &&
      (hostname[0] === '[' || ((hostname[0] === '{' || hostname[0] === '\\') && hostname[1] === '['));
    const options = ignoreCase ? { ...DEFAULT_OPTIONS, ignoreCase: true } : DEFAULT_OPTIONS;
    const special = matchesSpecialScheme(protocol);
    const pathOptions = special ? (ignoreCase ? { ...PATHNAME_OPTIONS, ignoreCase: true } : PATHNAME_OPTIONS) : options;
    const pattern = {
      protocol,
      username: compileComponent(processed.username, canonicalizeUsername, DEFAULT_OPTIONS, 'username'),
      password: compileComponent(processed.password, canonicalizePassword, DEFAULT_OPTIONS, 'password'),
      hostname: compileComponent(hostname, ipv6 ? canonicalizeIPv6Hostname : canonicalizeHostname, HOSTNAME_OPTIONS, 'hostname'),
      port: compileComponent(processed.port, canonicalizePort, DEFAULT_OPTIONS, 'port'),
      pathname: compileComponent(processed.pathname, special ? canonicalizePathname : canonicalizeOpaquePathname, pathOptions, 'pathname'),
      search: compileComponent(processed.search, canonicalizeSearch, options, 'search'),
      hash: compileComponent(processed.hash, canonicalizeHash, options, 'hash'),
      hasRegExpGroups: false,
    };
    for (const key of COMPONENTS) if (pattern[key].hasRegExpGroups) pattern.hasRegExpGroups = true;
    return pattern;
  }

  // input is a converted URLPatternInput (a string or a fresh init object); baseURL a string or
  // undefined. Returns the URLPatternResult, true (a match when no result is wanted) or null.
  // Written out per component so that each RegExp call site sees one RegExp.
  function match(pattern, input, baseURL, method, wantResult) {
    let v, inputs = null;
    if (typeof input !== 'string') {
      if (baseURL !== undefined) {
        throw new TypeError(`Failed to execute '${method}' on 'URLPattern': Invalid second argument baseURL '${baseURL}' provided with a URLPatternInit input. Use the URLPatternInit.baseURL property instead.`);
      }
      try {
        v = processInit(input, 'url', '');
      } catch (e) {
        if (e instanceof PatternError) return null;
        throw e;
      }
      if (wantResult) inputs = [input];
    } else {
      const url = parseURL(input, baseURL);
      if (url === null) return null;
      v = urlComponents(url);
      if (wantResult) inputs = baseURL === undefined ? [input] : [input, baseURL];
    }
    const c = pattern;
    const protocol = c.protocol.any ? ANY : apply(regExpExec, c.protocol.regexp, [v.protocol]);
    if (protocol === null) return null;
    const username = c.username.any ? ANY : apply(regExpExec, c.username.regexp, [v.username]);
    if (username === null) return null;
    const password = c.password.any ? ANY : apply(regExpExec, c.password.regexp, [v.password]);
    if (password === null) return null;
    const hostname = c.hostname.any ? ANY : apply(regExpExec, c.hostname.regexp, [v.hostname]);
    if (hostname === null) return null;
    const port = c.port.any ? ANY : apply(regExpExec, c.port.regexp, [v.port]);
    if (port === null) return null;
    const pathname = c.pathname.any ? ANY : apply(regExpExec, c.pathname.regexp, [v.pathname]);
    if (pathname === null) return null;
    const search = c.search.any ? ANY : apply(regExpExec, c.search.regexp, [v.search]);
    if (search === null) return null;
    const hash = c.hash.any ? ANY : apply(regExpExec, c.hash.regexp, [v.hash]);
    if (hash === null) return null;
    if (!wantResult) return true;
    return {
      inputs,
      protocol: componentResult(c.protocol, v.protocol, protocol),
      username: componentResult(c.username, v.username, username),
      password: componentResult(c.password, v.password, password),
      hostname: componentResult(c.hostname, v.hostname, hostname),
      port: componentResult(c.port, v.port, port),
      pathname: componentResult(c.pathname, v.pathname, pathname),
      search: componentResult(c.search, v.search, search),
      hash: componentResult(c.hash, v.hash, hash),
    };
  }

  // The exec result of a component that matches anything: its one group is the whole input.
  const ANY = Symbol('any');

  function componentResult(component, input, exec) {
    const names = component.names;
    const groups = {};
    for (let i = 0; i < names.length; i++) {
      const value = exec === ANY ? input : exec[i + 1];
      // A group named "__proto__" is a data property, as in any Web IDL record.
      if (names[i] === '__proto__') {
        Object.defineProperty(groups, '__proto__', { value, writable: true, enumerable: true, configurable: true });
      } else {
        groups[names[i]] = value;
      }
    }
    return { input, groups };
  }

  // ---------------------------------------------------------------------------------------------
  // Web IDL conversions and the class

  // URLPatternInit: a fresh object with the members present, read in Web IDL order.
  function toInit(v) {
    const init = {};
    if (v === undefined || v === null) return init;
    for (const key of INIT_KEYS) {
      const value = v[key];
      if (value !== undefined) init[key] = usv(value);
    }
    return init;
  }
  // (USVString or URLPatternInit): objects (and null, undefined) are dictionaries.
  function toInput(v) {
    if (v === undefined || v === null || typeof v === 'object' || typeof v === 'function') return toInit(v);
    return usv(v);
  }
  function toIgnoreCase(v) {
    if (v === undefined || v === null) return false;
    if (typeof v !== 'object' && typeof v !== 'function') {
      throw new TypeError("Failed to construct 'URLPattern': constructor parameter 3 is not of type 'URLPatternOptions'.");
    }
    return !!v.ignoreCase;
  }

  const patterns = new WeakMap();
  function P(self) {
    const p = patterns.get(self);
    if (p === undefined) throw new TypeError('Illegal invocation');
    return p;
  }

  class URLPattern {
    constructor(input = undefined, baseURL = undefined, options = undefined) {
      // Overloads (input, baseURL, options) and (input, options): with two arguments an object
      // (or undefined, null) second argument is the options. Like workerd, an undefined baseURL
      // followed by options means no base URL.
      const n = arguments.length;
      const converted = toInput(input);
      let base = null, ignoreCase = false;
      if (n >= 3 && baseURL !== undefined) {
        base = usv(baseURL);
        ignoreCase = toIgnoreCase(options);
      } else if (n >= 3) {
        ignoreCase = toIgnoreCase(options);
      } else if (baseURL === undefined || baseURL === null || typeof baseURL === 'object' || typeof baseURL === 'function') {
        ignoreCase = toIgnoreCase(baseURL);
      } else {
        base = usv(baseURL);
      }
      let pattern;
      try {
        pattern = create(converted, base, ignoreCase);
      } catch (e) {
        if (e instanceof PatternError) throw new TypeError(`Failed to construct 'URLPattern': ${e.message}`);
        throw e;
      }
      patterns.set(this, pattern);
    }
    get protocol() { return P(this).protocol.pattern; }
    get username() { return P(this).username.pattern; }
    get password() { return P(this).password.pattern; }
    get hostname() { return P(this).hostname.pattern; }
    get port() { return P(this).port.pattern; }
    get pathname() { return P(this).pathname.pattern; }
    get search() { return P(this).search.pattern; }
    get hash() { return P(this).hash.pattern; }
    get hasRegExpGroups() { return P(this).hasRegExpGroups; }
    test(input = undefined, baseURL = undefined) {
      const p = P(this);
      return match(p, toInput(input), baseURL === undefined ? undefined : usv(baseURL), 'test', false) !== null;
    }
    exec(input = undefined, baseURL = undefined) {
      const p = P(this);
      return match(p, toInput(input), baseURL === undefined ? undefined : usv(baseURL), 'exec', true);
    }
  }

  Object.defineProperty(URLPattern.prototype, Symbol.toStringTag, { value: 'URLPattern', configurable: true });
  for (const key of [...COMPONENTS, 'hasRegExpGroups', 'test', 'exec']) {
    Object.defineProperty(URLPattern.prototype, key, { enumerable: true });
  }

  // console.log shows the pattern strings, as workerd and Node do, not an empty object.
  Object.defineProperty(URLPattern.prototype, Symbol.for('nodejs.util.inspect.custom'), {
    value: function (depth, options, inspect) {
      const p = patterns.get(this);
      if (p === undefined || typeof inspect !== 'function') return this;
      const shown = {};
      for (const key of COMPONENTS) shown[key] = p[key].pattern;
      shown.hasRegExpGroups = p.hasRegExpGroups;
      return 'URLPattern ' + inspect(shown, options);
    },
    writable: true, configurable: true,
  });

  internal.URLPattern = URLPattern;
  internal.isURLPattern = (v) => patterns.has(v);
  internal.defineGlobal('URLPattern', URLPattern);
})
