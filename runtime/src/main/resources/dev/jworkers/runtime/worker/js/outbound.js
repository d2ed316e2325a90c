// The global fetch(): requests to the network (http:, https:) and data: URLs. The host sends one
// HTTP request at a time (ops.outbound); redirects are followed here, as the Fetch standard's
// "HTTP-redirect fetch" says, with workerd's limit and messages.
(function (ops, internal) {
  'use strict';
  const out = ops.outbound;
  const MAX_REDIRECTS = 20;
  const REDIRECT = new Set([301, 302, 303, 307, 308]);
  const calls = new Map();     // callId -> { resolve, reject } until the head arrives
  const streams = new Map();   // callId -> { controller, count } while a body streams in
  let nextCall = 1;

  async function fetch(input, init = undefined) {
    const request = new internal.Request(input, init);
    const signal = request.signal;
    if (internal.isAborted(signal)) throw internal.abortReason(signal);
    const url = new URL(request.url);
    if (url.protocol === 'data:') return dataResponse(request.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(`Fetch API cannot load: ${request.url}`);

    let method = request.method;
    let headers = internal.headersToBlob(request.headers);
    let body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
    const urls = [request.url];
    for (;;) {
      const current = new URL(urls[urls.length - 1]);
      const response = await sendOnce(current, method, headers, body, signal);
      const location = response.headers.get('location');
      if (request.redirect !== 'follow' || !REDIRECT.has(response.status) || location === null) {
        return finalResponse(response, urls);
      }
      if (response.body !== null) response.body.cancel().catch(() => {});
      if (urls.length > MAX_REDIRECTS) throw new TypeError('Too many redirects.' + urls.join(', '));
      let next;
      try {
        next = new URL(location, current);
      } catch {
        throw new TypeError(`Invalid Location header; unable to follow redirect.`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new TypeError(`Fetch API cannot load: ${next.href}`);
      if ((response.status === 303 && method !== 'GET' && method !== 'HEAD')
          || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = null;
      }
      if (next.origin !== current.origin) headers = withoutHeader(headers, 'authorization');
      urls.push(next.href);
    }
  }

  // One request on the wire; resolves with the response as it arrived.
  function sendOnce(url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
      const id = nextCall++;
      const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      const https = url.protocol === 'https:';
      const port = url.port === '' ? (https ? 443 : 80) : Number(url.port);
      const onAbort = (reason) => {
        const pending = calls.get(id);
        calls.delete(id);
        const s = streams.get(id);
        streams.delete(id);
        out.cancel(id);
        if (pending !== undefined) reject(reason);
        if (s !== undefined) s.controller.error(reason);
      };
      calls.set(id, {
        resolve,
        reject(e) { internal.removeAbortAlgorithm(signal, onAbort); reject(e); },
        done() { internal.removeAbortAlgorithm(signal, onAbort); },
      });
      internal.addAbortAlgorithm(signal, onAbort);
      const refused = out.send(id, https, hostname, port, url.pathname + url.search, url.host, method, headers,
        body === null ? null : body.buffer, body === null ? -1 : body.length);
      if (refused !== null) {
        calls.get(id).reject(new TypeError(refused));
        calls.delete(id);
      }
    });
  }

  function answered(id, kind, status, reason, headersBlob, body) {
    const p = calls.get(id);
    calls.delete(id);
    if (p === undefined) {
      if (kind === 1) out.cancel(id);
      return;
    }
    if (kind === 2) { p.reject(new Error(body)); return; }
    const nullBody = internal.isNullBodyStatus(status);
    let responseBody = null;
    if (kind === 1 && !nullBody) {
      responseBody = incoming(id, p);
    } else {
      p.done();
      if (kind === 1) out.cancel(id);   // a body where the status allows none: not read
      else if (!nullBody && body !== null && body.length > 0) responseBody = internal.latin1Bytes(body);
    }
    p.resolve(internal.makeResponse(status, reason, internal.headersFromBlob(headersBlob, true), responseBody, '', false));
  }

  function incoming(id, pending) {
    return internal.hostBodyStream((controller, count) => streams.set(id, { controller, count, pending }),
      (n) => out.ack(id, n),
      () => {
        const s = streams.get(id);
        streams.delete(id);
        if (s !== undefined) s.pending.done();
        out.cancel(id);
      });
  }

  function streamed(id, event, data) {
    const s = streams.get(id);
    if (s === undefined) return;
    if (event === 0) {
      s.count(data.length);
      s.controller.enqueue(internal.latin1Bytes(data));
      return;
    }
    streams.delete(id);
    s.pending.done();
    if (event === 1) s.controller.close();
    else s.controller.error(new Error(data));
  }

  out.init(answered, streamed);

  function finalResponse(response, urls) {
    internal.setResponseUrl(response, urls[urls.length - 1], urls.length > 1);
    return response;
  }

  function withoutHeader(blob, lowerName) {
    const parts = blob.split('\n');
    let kept = '';
    for (let i = 0; i + 1 < parts.length; i += 2) {
      if (parts[i].toLowerCase() !== lowerName) kept += parts[i] + '\n' + parts[i + 1] + '\n';
    }
    return kept;
  }

  // The Fetch standard's data: URL processor.
  function dataResponse(href) {
    let rest = href.slice(5);
    const hash = rest.indexOf('#');
    if (hash >= 0) rest = rest.slice(0, hash);
    const comma = rest.indexOf(',');
    if (comma < 0) throw new TypeError(`Fetch API cannot load: ${href}`);
    let mime = rest.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
    let bytes = percentDecode(rest.slice(comma + 1));
    const base64 = /;[\x20]*base64$/i.exec(mime);
    if (base64 !== null) {
      mime = mime.slice(0, base64.index);
      let text = '';
      for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
      let decoded;
      try {
        decoded = internal.atob(text);
      } catch {
        throw new TypeError(`Fetch API cannot load: ${href}`);
      }
      bytes = internal.latin1Bytes(decoded);
    }
    if (mime.startsWith(';')) mime = 'text/plain' + mime;
    if (mime === '') mime = 'text/plain;charset=US-ASCII';
    const headers = new internal.Headers();
    internal.setHeader(headers, 'content-type', mime);
    internal.setHeadersImmutable(headers);
    return internal.makeResponse(200, 'OK', headers, bytes, href, false);
  }

  function percentDecode(s) {
    const bytes = new TextEncoder().encode(s);
    const outBytes = new Uint8Array(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        outBytes[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
        i += 2;
      } else {
        outBytes[n++] = b;
      }
    }
    return outBytes.subarray(0, n);
  }
  function isHex(b) {
    return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
  }

  Object.defineProperty(fetch, 'name', { value: 'fetch' });
  internal.defineGlobal('fetch', fetch);
})
