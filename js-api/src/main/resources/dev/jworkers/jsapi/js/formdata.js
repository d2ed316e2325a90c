// FormData (XHR standard) and the multipart/form-data and application/x-www-form-urlencoded
// codecs behind Request/Response bodies: internal.formDataSerialize and internal.formDataParse.
(function (ops, internal) {
  'use strict';
  const { toUSVString, webidlInterface } = internal.blobWebIDL;
  const isBlob = internal.isBlob;

  let entriesOf;   // (formData) => its live entry list [[name, value], ...]; throws on anything else
  let isFormData;

  class FormData {
    #entries = [];
    constructor(form = undefined, submitter = undefined) {
      // Workers have no HTMLFormElement: only the argument-less form exists.
      if (form !== undefined) throw new TypeError("Failed to construct 'FormData': parameter 1 is not of type 'HTMLFormElement'.");
      if (submitter !== undefined && submitter !== null) throw new TypeError("Failed to construct 'FormData': parameter 2 is not of type 'HTMLElement'.");
    }
    append(name, value, filename = undefined) {
      const list = entriesOf(this);
      list.push(createEntry('append', arguments.length, name, value, filename));
    }
    delete(name) {
      const list = entriesOf(this);
      required('delete', arguments.length, 1);
      name = toUSVString(name);
      let w = 0;
      for (let r = 0; r < list.length; r++) if (list[r][0] !== name) list[w++] = list[r];
      list.length = w;
    }
    get(name) {
      const list = entriesOf(this);
      required('get', arguments.length, 1);
      name = toUSVString(name);
      for (const e of list) if (e[0] === name) return e[1];
      return null;
    }
    getAll(name) {
      const list = entriesOf(this);
      required('getAll', arguments.length, 1);
      name = toUSVString(name);
      const out = [];
      for (const e of list) if (e[0] === name) out.push(e[1]);
      return out;
    }
    has(name) {
      const list = entriesOf(this);
      required('has', arguments.length, 1);
      name = toUSVString(name);
      for (const e of list) if (e[0] === name) return true;
      return false;
    }
    set(name, value, filename = undefined) {
      const list = entriesOf(this);
      const entry = createEntry('set', arguments.length, name, value, filename);
      const first = list.findIndex((e) => e[0] === entry[0]);
      if (first < 0) { list.push(entry); return; }
      list[first] = entry;
      let w = first + 1;
      for (let r = first + 1; r < list.length; r++) if (list[r][0] !== entry[0]) list[w++] = list[r];
      list.length = w;
    }
    entries() { return newIterator(this, 'key+value'); }
    keys() { return newIterator(this, 'key'); }
    values() { return newIterator(this, 'value'); }
    forEach(callback, thisArg = undefined) {
      let list = entriesOf(this);
      if (typeof callback !== 'function') throw new TypeError("Failed to execute 'forEach' on 'FormData': The callback provided as parameter 1 is not a function.");
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        callback.call(thisArg, e[1], e[0], this);
        list = entriesOf(this);
      }
    }
    static {
      isFormData = (v) => typeof v === 'object' && v !== null && #entries in v;
      entriesOf = (v) => {
        if (!isFormData(v)) throw new TypeError('Illegal invocation');
        return v.#entries;
      };
    }
  }

  function required(method, got, want) {
    if (got < want) {
      throw new TypeError(`Failed to execute '${method}' on 'FormData': ${want} argument${want > 1 ? 's' : ''} required, but only ${got} present.`);
    }
  }

  // Overload resolution of append/set, then "create an entry" (XHR standard).
  function createEntry(method, argc, name, value, filename) {
    required(method, argc, 2);
    const blobOverload = argc >= 3 || isBlob(value);
    name = toUSVString(name);
    if (!blobOverload) return [name, toUSVString(value)];
    if (!isBlob(value)) throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'.`);
    const info = internal.fileInfo(value);
    if (filename !== undefined) filename = toUSVString(filename);
    if (info !== null && filename === undefined) return [name, value];
    const bytes = internal.blobBytes(value), type = internal.blobType(value);
    return [name, internal.newFile(bytes, filename === undefined ? 'blob' : filename, type,
      info !== null ? info.lastModified : Date.now())];
  }

  // Pair iterators (WebIDL): live over the entry list, with a shared "FormData Iterator" prototype.
  const iteratorState = new WeakMap();
  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  const FormDataIteratorPrototype = Object.create(IteratorPrototype, {
    next: {
      value: function next() {
        const s = iteratorState.get(this);
        if (!s) throw new TypeError('Illegal invocation');
        const list = entriesOf(s.target);
        if (s.index >= list.length) return { value: undefined, done: true };
        const e = list[s.index++];
        const value = s.kind === 'key' ? e[0] : s.kind === 'value' ? e[1] : [e[0], e[1]];
        return { value, done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: 'FormData Iterator', configurable: true },
  });
  function newIterator(target, kind) {
    entriesOf(target);
    const it = Object.create(FormDataIteratorPrototype);
    iteratorState.set(it, { target, kind, index: 0 });
    return it;
  }

  webidlInterface(FormData, 'FormData');
  Object.defineProperty(FormData.prototype, Symbol.iterator, {
    value: FormData.prototype.entries, writable: true, configurable: true, enumerable: false,
  });

  // --- multipart/form-data (HTML standard's encoding algorithm) ---

  const CRLF = new Uint8Array([13, 10]);
  const BOUNDARY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

  function newBoundary() {
    let s = '----jworkersFormBoundary';
    for (let i = 0; i < 24; i++) s += BOUNDARY_CHARS[Math.floor(Math.random() * BOUNDARY_CHARS.length)];
    return s;
  }
  // Lone CR or LF become CRLF, as form submission does for names and string values.
  function normalizeNewlines(s) { return /[\r\n]/.test(s) ? s.replace(/\r\n|\r|\n/g, '\r\n') : s; }
  function escapeName(s) { return /["\r\n]/.test(s) ? s.replace(/["\r\n]/g, (c) => (c === '"' ? '%22' : c === '\r' ? '%0D' : '%0A')) : s; }

  function concat(chunks) {
    let total = 0;
    for (const c of chunks) total += c.length;
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  function formDataSerialize(fd, boundary = newBoundary()) {
    const chunks = [];
    for (const [name, value] of entriesOf(fd)) {
      let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(normalizeNewlines(name))}"`;
      if (typeof value === 'string') {
        chunks.push(internal.utf8Encode(`${head}\r\n\r\n${normalizeNewlines(value)}\r\n`));
      } else {
        const type = internal.blobType(value) || 'application/octet-stream';
        head += `; filename="${escapeName(internal.fileInfo(value).name)}"\r\nContent-Type: ${type}\r\n\r\n`;
        chunks.push(internal.utf8Encode(head), internal.blobBytes(value), CRLF);
      }
    }
    chunks.push(internal.utf8Encode(`--${boundary}--\r\n`));
    return { bytes: concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
  }

  // --- parsing (Fetch standard's formData(); parts per RFC 7578) ---

  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const fail = (why) => { throw new TypeError(`Failed to parse body as FormData: ${why}.`); };

  // A MIME type (MIME Sniffing standard): { essence, params: Map } or null.
  function parseMimeType(input) {
    const s = input.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    const semi = s.indexOf(';');
    const essence = (semi < 0 ? s : s.slice(0, semi)).replace(/[\t\n\r ]+$/, '').toLowerCase();
    const slash = essence.indexOf('/');
    if (slash <= 0 || !TOKEN.test(essence.slice(0, slash)) || !TOKEN.test(essence.slice(slash + 1))) return null;
    const params = new Map();
    let i = semi < 0 ? s.length : semi + 1;
    while (i < s.length) {
      while (i < s.length && /[\t\n\r ]/.test(s[i])) i++;
      let j = i;
      while (j < s.length && s[j] !== ';' && s[j] !== '=') j++;
      const name = s.slice(i, j).toLowerCase();
      i = j;
      if (i >= s.length) break;
      if (s[i] === ';') { i++; continue; }
      i++;   // '='
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i++];
        }
        while (i < s.length && s[i] !== ';') i++;
      } else {
        j = s.indexOf(';', i);
        if (j < 0) j = s.length;
        value = s.slice(i, j).replace(/[\t\n\r ]+$/, '');
        i = j;
        if (value === '') { i++; continue; }
      }
      i++;
      if (name !== '' && TOKEN.test(name) && !params.has(name)) params.set(name, value);
    }
    return { essence, params };
  }

  function indexOfBytes(hay, needle, from) {
    const n = needle.length, last = hay.length - n;
    for (let i = hay.indexOf(needle[0], from); i !== -1 && i <= last; i = hay.indexOf(needle[0], i + 1)) {
      let j = 1;
      while (j < n && hay[i + j] === needle[j]) j++;
      if (j === n) return i;
    }
    return -1;
  }
  function asciiBytes(s) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  // `form-data; name="x"; filename="y"`: quoted (browsers write no backslash escapes; ", CR and LF
  // come as %22, %0D, %0A) or bare parameter values. Returns { name, filename } or null.
  function parseDisposition(v) {
    const n = v.length;
    const semi = v.indexOf(';');
    if ((semi < 0 ? v : v.slice(0, semi)).trim().toLowerCase() !== 'form-data') return null;
    const params = new Map();
    let i = semi < 0 ? n : semi + 1;
    while (i < n) {
      while (i < n && (v[i] === ' ' || v[i] === '\t')) i++;
      let j = i;
      while (j < n && v[j] !== '=' && v[j] !== ';') j++;
      const key = v.slice(i, j).trim().toLowerCase();
      let value = '';
      i = j;
      if (v[i] === '=') {
        i++;
        while (i < n && (v[i] === ' ' || v[i] === '\t')) i++;
        if (v[i] === '"') {
          j = v.indexOf('"', i + 1);
          if (j < 0) return null;
          value = v.slice(i + 1, j);
          i = j + 1;
          while (i < n && (v[i] === ' ' || v[i] === '\t')) i++;
          if (i < n && v[i] !== ';') return null;
        } else {
          j = v.indexOf(';', i);
          if (j < 0) j = n;
          value = v.slice(i, j).trim();
          i = j;
        }
      }
      i++;   // ';'
      if (key !== '' && !params.has(key)) params.set(key, value);
    }
    if (!params.has('name')) return null;
    const unescape = (s) => s.replace(/%0A|%0D|%22/g, (m) => (m === '%0A' ? '\n' : m === '%0D' ? '\r' : '"'));
    return { name: unescape(params.get('name')), filename: params.has('filename') ? unescape(params.get('filename')) : null };
  }

  // The bytes are handed over: File values share them.
  function parseMultipart(bytes, boundary) {
    const fd = new FormData();
    const list = entriesOf(fd);
    const delimiter = asciiBytes('--' + boundary);
    const partEnd = asciiBytes('\r\n--' + boundary);
    const n = bytes.length;
    let pos;
    if (indexOfBytes(bytes.subarray(0, delimiter.length), delimiter, 0) === 0) pos = delimiter.length;
    else {
      // A preamble (RFC 2046) ends with a CRLF before the first delimiter.
      const at = indexOfBytes(bytes, partEnd, 0);
      if (at < 0) fail('no multipart boundary found');
      pos = at + partEnd.length;
    }
    for (;;) {
      if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) return fd;   // close delimiter; epilogue ignored
      while (bytes[pos] === 0x20 || bytes[pos] === 0x09) pos++;       // transport padding
      if (bytes[pos] !== 13 || bytes[pos + 1] !== 10) fail(pos >= n ? 'missing the closing boundary' : 'expected CRLF after a boundary');
      pos += 2;
      let name = null, filename = null, contentType = null;
      if (bytes[pos] === 13 && bytes[pos + 1] === 10) fail('a part has no headers');
      const headersEnd = indexOfBytes(bytes, asciiBytes('\r\n\r\n'), pos);
      if (headersEnd < 0) fail('unterminated part headers');
      for (const line of internal.utf8Decode(bytes.subarray(pos, headersEnd)).split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0 || /[\r\n]/.test(line)) fail('malformed part header');
        const key = line.slice(0, colon).replace(/^[\t ]+|[\t ]+$/g, '');
        if (!TOKEN.test(key)) fail('malformed part header name');
        const value = line.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
        const lower = key.toLowerCase();
        if (lower === 'content-disposition') {
          const d = parseDisposition(value);
          if (d === null) fail('malformed Content-Disposition');
          ({ name, filename } = d);
        } else if (lower === 'content-type') {
          contentType = value;
        }
      }
      if (name === null) fail('a part has no Content-Disposition name');
      pos = headersEnd + 4;
      const end = indexOfBytes(bytes, partEnd, pos);
      if (end < 0) fail('missing the closing boundary');
      const body = bytes.subarray(pos, end);
      pos = end + partEnd.length;
      if (filename !== null) {
        // RFC 7578's default type; a type that is not ASCII is dropped.
        list.push([name, internal.newFile(body, filename, contentType === null ? 'text/plain' : contentType)]);
      } else {
        list.push([name, internal.utf8Decode(body)]);   // UTF-8 decode without BOM: a BOM is kept
      }
    }
  }

  // application/x-www-form-urlencoded parsing (URL standard), on bytes.
  function hexValue(b) {
    if (b >= 0x30 && b <= 0x39) return b - 0x30;
    if (b >= 0x41 && b <= 0x46) return b - 0x37;
    if (b >= 0x61 && b <= 0x66) return b - 0x57;
    return -1;
  }
  function percentDecodePlus(bytes) {
    const out = new Uint8Array(bytes.length);
    let w = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x2b) { out[w++] = 0x20; continue; }
      if (b === 0x25 && i + 2 < bytes.length) {
        const h = hexValue(bytes[i + 1]), l = hexValue(bytes[i + 2]);
        if (h >= 0 && l >= 0) { out[w++] = h * 16 + l; i += 2; continue; }
      }
      out[w++] = b;
    }
    return internal.utf8Decode(out.subarray(0, w));
  }
  function parseUrlEncodedLocal(bytes) {
    const pairs = [];
    let start = 0;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x26, start);
      if (end < 0) end = bytes.length;
      if (end > start) {
        const seq = bytes.subarray(start, end);
        const eq = seq.indexOf(0x3d);
        pairs.push(eq < 0 ? [percentDecodePlus(seq), ''] : [percentDecodePlus(seq.subarray(0, eq)), percentDecodePlus(seq.subarray(eq + 1))]);
      }
      start = end + 1;
    }
    return pairs;
  }
  // URL's own parser when url.js provides one (it takes a string), else the local one.
  function parseUrlEncoded(bytes) {
    const fd = new FormData();
    const list = entriesOf(fd);
    let pairs = null;
    if (typeof internal.urlEncodedParse === 'function') {
      try {
        pairs = [];
        for (const p of internal.urlEncodedParse(internal.utf8Decode(bytes))) {
          pairs.push(Array.isArray(p) ? [p[0], p[1]] : [p.name, p.value]);
        }
      } catch (e) {
        pairs = null;
      }
    }
    for (const [k, v] of pairs || parseUrlEncodedLocal(bytes)) list.push([k, v]);
    return fd;
  }

  function formDataParse(bytes, contentType) {
    const mime = contentType == null ? null : parseMimeType(String(contentType));
    if (mime !== null && mime.essence === 'multipart/form-data') {
      const boundary = mime.params.get('boundary');
      if (!boundary) fail('the multipart/form-data Content-Type has no boundary');
      return parseMultipart(bytes, boundary);
    }
    if (mime !== null && mime.essence === 'application/x-www-form-urlencoded') return parseUrlEncoded(bytes);
    throw new TypeError('Unrecognized Content-Type header value. FormData can only parse the following MIME types: multipart/form-data, application/x-www-form-urlencoded');
  }

  internal.FormData = FormData;
  internal.isFormData = isFormData;
  // A snapshot of the entries as [name, value] pairs (values: strings or Files).
  internal.formDataEntries = (fd) => entriesOf(fd).map((e) => [e[0], e[1]]);
  internal.formDataSerialize = formDataSerialize;
  internal.formDataParse = formDataParse;
  internal.defineGlobal('FormData', FormData);
})
