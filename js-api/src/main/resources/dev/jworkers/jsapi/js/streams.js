// ReadableStream with a default controller and reader (WHATWG Streams), enough for bodies that
// are produced in chunks. Byte streams, tee, pipes, WritableStream and TransformStream come with
// the streams work in the web-API issues.
(function (ops, internal) {
  'use strict';
  const streamState = new WeakMap();
  const readerState = new WeakMap();
  const controllerOf = new WeakMap();

  function S(stream) {
    const s = streamState.get(stream);
    if (!s) throw new TypeError('Illegal invocation');
    return s;
  }

  class ReadableStreamDefaultController {
    constructor() { throw new TypeError('Illegal constructor'); }
    get desiredSize() { return desiredSize(controllerState(this)); }
    enqueue(chunk) {
      const s = controllerState(this);
      if (s.closeRequested || s.state !== 'readable') throw new TypeError('Cannot enqueue to a closed or errored stream');
      if (s.readRequests.length > 0) s.readRequests.shift().resolve({ value: chunk, done: false });
      else s.queue.push(chunk);
      pullIfNeeded(s);
    }
    close() {
      const s = controllerState(this);
      if (s.closeRequested || s.state !== 'readable') throw new TypeError('Cannot close a closed or errored stream');
      s.closeRequested = true;
      if (s.queue.length === 0) finishClose(s);
    }
    error(e = undefined) { errorStream(controllerState(this), e); }
  }
  function controllerState(c) {
    const s = controllerOf.get(c);
    if (!s) throw new TypeError('Illegal invocation');
    return s;
  }

  function desiredSize(s) {
    if (s.state === 'errored') return null;
    if (s.state === 'closed') return 0;
    return s.highWaterMark - s.queue.length;
  }

  function finishClose(s) {
    if (s.state !== 'readable') return;
    s.state = 'closed';
    for (const r of s.readRequests.splice(0)) r.resolve({ value: undefined, done: true });
    if (s.reader) s.reader.closed.resolve(undefined);
  }

  function errorStream(s, e) {
    if (s.state !== 'readable') return;
    s.state = 'errored';
    s.storedError = e;
    s.queue.length = 0;
    for (const r of s.readRequests.splice(0)) r.reject(e);
    if (s.reader) s.reader.closed.reject(e);
  }

  function pullIfNeeded(s) {
    if (!s.started || s.closeRequested || s.state !== 'readable' || !s.pull) return;
    if (s.readRequests.length === 0 && desiredSize(s) <= 0) return;
    if (s.pulling) { s.pullAgain = true; return; }
    s.pulling = true;
    let p;
    try { p = Promise.resolve(s.pull.call(s.source, s.controller)); } catch (e) { p = Promise.reject(e); }
    p.then(() => {
      s.pulling = false;
      if (s.pullAgain) { s.pullAgain = false; pullIfNeeded(s); }
    }, (e) => errorStream(s, e));
  }

  function deferred() {
    let resolve, reject;
    const promise = new Promise((a, b) => { resolve = a; reject = b; });
    promise.catch(() => {});
    return { promise, resolve, reject };
  }

  class ReadableStream {
    constructor(source = undefined, strategy = undefined) {
      if (source !== undefined && (source === null || typeof source !== 'object')) {
        throw new TypeError("Failed to construct 'ReadableStream': parameter 1 is not an object.");
      }
      const hwm = strategy && strategy.highWaterMark !== undefined ? Number(strategy.highWaterMark) : 1;
      if (Number.isNaN(hwm) || hwm < 0) throw new RangeError('Invalid highWaterMark');
      const s = {
        state: 'readable', queue: [], highWaterMark: hwm, source, pull: source && source.pull,
        cancelFn: source && source.cancel, started: false, pulling: false, pullAgain: false,
        closeRequested: false, readRequests: [], reader: null, storedError: undefined, disturbed: false,
        controller: null,
      };
      streamState.set(this, s);
      const controller = Object.create(ReadableStreamDefaultController.prototype);
      controllerOf.set(controller, s);
      s.controller = controller;
      let started;
      try {
        started = Promise.resolve(source && typeof source.start === 'function' ? source.start(controller) : undefined);
      } catch (e) {
        throw e;
      }
      started.then(() => { s.started = true; pullIfNeeded(s); }, (e) => errorStream(s, e));
    }
    get locked() { return S(this).reader !== null; }
    cancel(reason = undefined) {
      const s = S(this);
      if (s.reader) return Promise.reject(new TypeError('Cannot cancel a stream that is locked to a reader'));
      return cancelStream(s, reason);
    }
    getReader(options = undefined) {
      if (options && options.mode !== undefined) throw new RangeError('Only default readers are supported');
      return newReader(this);
    }
    values(options = undefined) {
      const reader = newReader(this);
      const preventCancel = !!(options && options.preventCancel);
      return {
        next() { return reader.read(); },
        return(value) {
          if (!preventCancel) reader.cancel(value).catch(() => {});
          reader.releaseLock();
          return Promise.resolve({ value, done: true });
        },
        [Symbol.asyncIterator]() { return this; },
      };
    }
    [Symbol.asyncIterator](options = undefined) { return this.values(options); }
  }
  Object.defineProperty(ReadableStream.prototype, Symbol.toStringTag, { value: 'ReadableStream', configurable: true });

  function cancelStream(s, reason) {
    s.disturbed = true;
    if (s.state === 'closed') return Promise.resolve(undefined);
    if (s.state === 'errored') return Promise.reject(s.storedError);
    s.queue.length = 0;
    finishClose(s);
    try {
      return Promise.resolve(s.cancelFn ? s.cancelFn.call(s.source, reason) : undefined).then(() => undefined);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  class ReadableStreamDefaultReader {
    constructor(stream) { newReader(stream, this); }
    get closed() { return R(this).closed.promise; }
    read() {
      const r = R(this);
      if (!r.stream) return Promise.reject(new TypeError('This reader has been released'));
      const s = r.stream;
      s.disturbed = true;
      if (s.queue.length > 0) {
        const value = s.queue.shift();
        if (s.closeRequested && s.queue.length === 0) finishClose(s);
        else pullIfNeeded(s);
        return Promise.resolve({ value, done: false });
      }
      if (s.state === 'closed') return Promise.resolve({ value: undefined, done: true });
      if (s.state === 'errored') return Promise.reject(s.storedError);
      const d = deferred();
      s.readRequests.push(d);
      pullIfNeeded(s);
      return d.promise;
    }
    releaseLock() {
      const r = R(this);
      if (!r.stream) return;
      const s = r.stream;
      const err = new TypeError('This reader has been released');
      for (const q of s.readRequests.splice(0)) q.reject(err);
      if (s.state === 'readable') r.closed.reject(err);
      s.reader = null;
      r.stream = null;
    }
    cancel(reason = undefined) {
      const r = R(this);
      if (!r.stream) return Promise.reject(new TypeError('This reader has been released'));
      return cancelStream(r.stream, reason);
    }
  }
  function R(reader) {
    const r = readerState.get(reader);
    if (!r) throw new TypeError('Illegal invocation');
    return r;
  }
  function newReader(stream, reader = Object.create(ReadableStreamDefaultReader.prototype)) {
    const s = S(stream);
    if (s.reader) throw new TypeError('ReadableStream is already locked to a reader');
    const r = { stream: s, closed: deferred() };
    s.reader = r;
    readerState.set(reader, r);
    if (s.state === 'closed') r.closed.resolve(undefined);
    if (s.state === 'errored') r.closed.reject(s.storedError);
    return reader;
  }

  internal.ReadableStream = ReadableStream;
  internal.isReadableStream = (v) => streamState.has(v);
  internal.isDisturbed = (stream) => S(stream).disturbed;
  internal.isLocked = (stream) => S(stream).reader !== null;
  // A stream over one chunk, for `body` of a Request/Response made from a string or bytes.
  internal.streamOfBytes = (bytes) => new ReadableStream({
    start(c) { if (bytes.byteLength > 0) c.enqueue(bytes); c.close(); },
  });
  // Two branches reading one stream (ReadableStreamDefaultTee): each chunk goes to both; a branch
  // that is not read buffers what the other pulls; the source is cancelled when both are.
  internal.teeStream = function (stream) {
    const reader = stream.getReader();
    const controllers = [];
    const canceled = [false, false];
    const reasons = [];
    let pulling = null;
    let done = false;
    let cancelSource;
    const sourceCanceled = new Promise((r) => { cancelSource = r; });
    function pullSource() {
      if (pulling !== null || done) return pulling;
      pulling = reader.read().then(({ value, done: end }) => {
        pulling = null;
        if (end) {
          done = true;
          for (let i = 0; i < 2; i++) if (!canceled[i]) controllers[i].close();
          return;
        }
        for (let i = 0; i < 2; i++) if (!canceled[i]) controllers[i].enqueue(value);
      }, (e) => {
        pulling = null;
        done = true;
        for (let i = 0; i < 2; i++) if (!canceled[i]) controllers[i].error(e);
      });
      return pulling;
    }
    const branch = (i) => new ReadableStream({
      start(c) { controllers[i] = c; },
      pull() { return pullSource(); },
      cancel(reason) {
        canceled[i] = true;
        reasons[i] = reason;
        if (canceled[0] && canceled[1]) cancelSource(reader.cancel(reasons));
        return sourceCanceled;
      },
    }, { highWaterMark: 0 });
    return [branch(0), branch(1)];
  };
  internal.defineGlobal('ReadableStream', ReadableStream);
  internal.defineGlobal('ReadableStreamDefaultReader', ReadableStreamDefaultReader);
  internal.defineGlobal('ReadableStreamDefaultController', ReadableStreamDefaultController);
})
