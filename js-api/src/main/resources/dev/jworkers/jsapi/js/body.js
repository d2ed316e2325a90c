// The Body mixin shared by Request and Response: sources (string, bytes, stream, host bytes),
// the lazily created `body` stream and the consuming methods.
(function (ops, internal) {
  'use strict';
  const USED = 'Body has already been used. It can only be used once. Use tee() first if you need to read it twice.';

  // A body is { source, stream, used }. source: null | string | Uint8Array | ReadableStream |
  // function returning Uint8Array (bytes held by the host until first read).
  function extractBody(init) {
    if (init === undefined || init === null) return { body: null, type: null };
    if (typeof init === 'string') return { body: newBody(init), type: 'text/plain;charset=UTF-8' };
    if (init instanceof ArrayBuffer) return { body: newBody(new Uint8Array(init.slice(0))), type: null };
    if (ArrayBuffer.isView(init)) {
      const copy = new Uint8Array(init.byteLength);
      copy.set(new Uint8Array(init.buffer, init.byteOffset, init.byteLength));
      return { body: newBody(copy), type: null };
    }
    if (internal.isReadableStream(init)) {
      if (internal.isDisturbed(init) || internal.isLocked(init)) throw new TypeError('This ReadableStream is disturbed (has already been read from), and cannot be used as a body.');
      return { body: newBody(init), type: null };
    }
    return { body: newBody(String(init)), type: 'text/plain;charset=UTF-8' };
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

  // Consumes the body: resolves to a string (asText) or to a Uint8Array.
  function consume(body, asText) {
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

  function cloneBody(body) {
    if (body === null) return null;
    if (bodyUsed(body)) throw new TypeError(USED);
    if (body.stream === null && !internal.isReadableStream(body.source)) {
      if (typeof body.source === 'function') body.source = body.source();
      return newBody(body.source);
    }
    throw new TypeError('Cloning a body that is a ReadableStream is not supported yet.');
  }

  // Mixes the consuming methods into a class whose instances hold their body at `getBody(this)`.
  internal.mixinBody = function (proto, getBody) {
    Object.defineProperties(proto, {
      body: { get() { return bodyStream(getBody(this)); }, configurable: true, enumerable: true },
      bodyUsed: { get() { return bodyUsed(getBody(this)); }, configurable: true, enumerable: true },
      text: { value: function text() { try { return consume(getBody(this), true); } catch (e) { return Promise.reject(e); } }, writable: true, configurable: true, enumerable: true },
      json: { value: function json() { try { return consume(getBody(this), true).then(JSON.parse); } catch (e) { return Promise.reject(e); } }, writable: true, configurable: true, enumerable: true },
      arrayBuffer: {
        value: function arrayBuffer() {
          try {
            return consume(getBody(this), false).then(b => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) ? b.buffer : b.slice().buffer);
          } catch (e) { return Promise.reject(e); }
        }, writable: true, configurable: true, enumerable: true,
      },
      bytes: {
        value: function bytes() {
          try { return consume(getBody(this), false).then(b => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength) ? b : b.slice()); } catch (e) { return Promise.reject(e); }
        }, writable: true, configurable: true, enumerable: true,
      },
    });
  };

  internal.extractBody = extractBody;
  internal.newBody = newBody;
  internal.cloneBody = cloneBody;
  internal.bodyUsed = bodyUsed;
  internal.chunkBytes = chunkBytes;
  internal.bodyForHost = function (body) {
    // What the host sends: null, a string, a Uint8Array or a ReadableStream.
    if (body === null) return null;
    if (bodyUsed(body)) throw new TypeError(USED);
    body.used = true;
    if (body.stream !== null) return body.stream;
    return typeof body.source === 'function' ? body.source() : body.source;
  };
})
