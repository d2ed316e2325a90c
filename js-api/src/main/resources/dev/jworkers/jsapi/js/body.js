// Body, the parent class of Request and Response (as in workerd): the body sources, the lazily
// created `body` stream, and the consuming methods.
(function (ops, internal) {
  'use strict';
  const USED = 'Body has already been used. It can only be used once. Use tee() first if you need to read it twice.';
  const TOKEN = Symbol('Body');
  const TEXT = 'text/plain;charset=UTF-8';
  let bodyOf;

  // A body is { source, stream, used }. source: null | string | Uint8Array | ReadableStream |
  // function returning Uint8Array (bytes held by the host until first read).
  class Body {
    #b;
    static {
      bodyOf = (o) => {
        if (o === null || typeof o !== 'object' || !(#b in o)) throw new TypeError('Illegal invocation');
        return o.#b;
      };
    }
    constructor(token = undefined, body = null) {
      if (token !== TOKEN) throw new TypeError('Illegal constructor');
      this.#b = body;
    }
    get body() { return bodyStream(this.#b); }
    get bodyUsed() { return bodyUsed(this.#b); }
    arrayBuffer() {
      return consume(this, false).then((b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) ? b.buffer : b.slice().buffer);
    }
    bytes() {
      return consume(this, false).then((b) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) ? b : b.slice());
    }
    text() { return consume(this, true); }
    json() { return consume(this, true).then(JSON.parse); }
    formData() {
      return consume(this, false).then((bytes) => {
        if (!internal.formDataParse) throw new TypeError('FormData is not available.');
        return internal.formDataParse(bytes, this.headers.get('content-type') || '');
      });
    }
    blob() {
      return consume(this, false).then((bytes) => {
        if (typeof globalThis.Blob !== 'function') throw new TypeError('Blob is not available.');
        return new globalThis.Blob([bytes], { type: this.headers.get('content-type') || '' });
      });
    }
  }
  for (const key of ['body', 'bodyUsed', 'arrayBuffer', 'bytes', 'text', 'json', 'formData', 'blob']) {
    Object.defineProperty(Body.prototype, key, { enumerable: true });
  }

  // [body, content type] for a BodyInit; the content type is null when the source has none.
  function extractBody(init) {
    if (init === undefined || init === null) return [null, null];
    if (typeof init === 'string') return [newBody(init), TEXT];
    if (init instanceof ArrayBuffer) return [newBody(new Uint8Array(init.slice(0))), null];
    if (ArrayBuffer.isView(init)) {
      const copy = new Uint8Array(init.byteLength);
      copy.set(new Uint8Array(init.buffer, init.byteOffset, init.byteLength));
      return [newBody(copy), null];
    }
    if (internal.isReadableStream(init)) {
      if (internal.isDisturbed(init) || internal.isLocked(init)) {
        throw new TypeError('This ReadableStream is disturbed (has already been read from), and cannot be used as a body.');
      }
      return [newBody(init), null];
    }
    if (internal.isBlob && internal.isBlob(init)) {
      return [newBody(internal.blobBytes(init)), init.type === '' ? null : init.type];
    }
    if (internal.isURLSearchParams && internal.isURLSearchParams(init)) {
      return [newBody(internal.urlSearchParamsToString(init)), 'application/x-www-form-urlencoded;charset=UTF-8'];
    }
    if (internal.isFormData && internal.isFormData(init)) {
      const { bytes, contentType } = internal.formDataSerialize(init);
      return [newBody(bytes), contentType];
    }
    return [newBody(`${init}`), TEXT];
  }
  function newBody(source) { return { source, stream: null, used: false }; }

  function bytesOf(source) {
    if (typeof source === 'string') return internal.utf8Encode(source);
    if (typeof source === 'function') return source();
    return source;
  }

  function bodyStream(body) {
    if (body === null) return null;
    if (body.stream === null) {
      body.stream = internal.isReadableStream(body.source) ? body.source : internal.streamOfBytes(bytesOf(body.source));
    }
    return body.stream;
  }

  function bodyUsed(body) {
    return body !== null && (body.used || (body.stream !== null && internal.isDisturbed(body.stream)));
  }

  async function readAll(stream) {
    if (internal.isLocked(stream)) throw new TypeError('This ReadableStream is currently locked to a reader.');
    const reader = stream.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const bytes = chunkBytes(value);
      chunks.push(bytes);
      total += bytes.byteLength;
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.byteLength; }
    return out;
  }

  function chunkBytes(value) {
    if (value instanceof Uint8Array) return value;
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    throw new TypeError('This ReadableStream did not return bytes.');
  }

  // Consumes the body of `owner`: a promise of a string (asText) or of a Uint8Array.
  function consume(owner, asText) {
    let body;
    try {
      body = bodyOf(owner);
    } catch (e) {
      return Promise.reject(e);
    }
    if (body === null) return Promise.resolve(asText ? '' : new Uint8Array(0));
    if (bodyUsed(body)) return Promise.reject(new TypeError(USED));
    body.used = true;
    if (body.stream === null && !internal.isReadableStream(body.source)) {
      const src = body.source;
      if (asText) return Promise.resolve(typeof src === 'string' ? src : internal.utf8Decode(bytesOf(src)));
      const bytes = bytesOf(src);
      return Promise.resolve(typeof src === 'string' || typeof src === 'function' ? bytes : bytes.slice());
    }
    const p = readAll(bodyStream(body));
    return asText ? p.then(internal.utf8Decode) : p;
  }

  // A second body with the same content: bytes are shared (immutable), streams are teed.
  function cloneBody(body) {
    if (body === null) return null;
    if (bodyUsed(body)) throw new TypeError(USED);
    if (body.stream === null && !internal.isReadableStream(body.source)) {
      if (typeof body.source === 'function') body.source = body.source();
      return newBody(body.source);
    }
    const stream = bodyStream(body);
    if (internal.isLocked(stream)) throw new TypeError('This ReadableStream is currently locked to a reader.');
    const [a, b] = internal.teeStream(stream);
    body.source = a;
    body.stream = a;
    return newBody(b);
  }

  // Moves the body out of `owner` (new Request(request)): `owner` is left used.
  function takeBody(owner) {
    const body = bodyOf(owner);
    if (body === null) return null;
    const moved = { source: body.source, stream: body.stream, used: false };
    body.used = true;
    return moved;
  }

  internal.Body = Body;
  internal.BODY_TOKEN = TOKEN;
  internal.bodyOf = (o) => bodyOf(o);
  internal.extractBody = extractBody;
  internal.newBody = newBody;
  internal.cloneBody = cloneBody;
  internal.takeBody = takeBody;
  internal.chunkBytes = chunkBytes;
  internal.bodyForHost = function (body) {
    // What the host sends: null, a string, a Uint8Array or a ReadableStream.
    if (body === null) return null;
    if (bodyUsed(body)) throw new TypeError(USED);
    body.used = true;
    if (body.stream !== null) return body.stream;
    return typeof body.source === 'function' ? body.source() : body.source;
  };
  internal.defineGlobal('Body', Body);
})
