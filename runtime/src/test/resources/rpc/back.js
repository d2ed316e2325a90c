// The callee: a named entrypoint (Api) and a default one, as in workerd's js-rpc tests.
import { WorkerEntrypoint, RpcTarget, env as moduleEnv } from 'cloudflare:workers';

class Counter extends RpcTarget {
  #n = 0;
  constructor() { super(); this.secret = 'own properties are not exposed'; }
  inc(by = 1) { return this.#n += by; }
  get value() { return this.#n; }
  child() { return new Counter(); }
}

let order = [];
let cancelled = false;

export class Api extends WorkerEntrypoint {
  add(a, b) { return a + b; }
  echo(v) { return v; }
  get answer() { return 42; }
  counter() { return new Counter(); }
  async twice(fn) { return [await fn(1), await fn(2)]; }
  nested() { return { label: 'n', list: [1, 2], counter: new Counter(), double: (x) => x * 2 }; }
  fail() { const e = new RangeError('out of range'); e.code = 'E_RANGE'; e.detail = { at: 3 }; throw e; }
  failCustom() { class AppError extends Error {} const e = new AppError('nope'); e.name = 'AppError'; throw e; }
  failString() { throw 'plain'; }
  record(i) { order.push(i); return order.length; }
  takeOrder() { const o = order; order = []; return o; }
  sameEnv() { return moduleEnv === this.env && typeof this.ctx.waitUntil === 'function'; }
  returnsClass() { return new (class Point { x = 1; })(); }
  fetch(req) { return new Response('api ' + new URL(req.url).pathname); }
}

export default class extends WorkerEntrypoint {
  async fetch(req) {
    const url = new URL(req.url);
    if (url.pathname === '/throw') throw new TypeError('fetch failed here');
    if (url.pathname === '/stream') {
      let i = 0;
      return new Response(new ReadableStream({
        pull(c) {
          if (i === 64) { c.close(); return; }
          c.enqueue(new Uint8Array(16384).fill(i++ % 251));
        },
      }));
    }
    if (url.pathname === '/forever') {
      return new Response(new ReadableStream({
        pull(c) { c.enqueue(new Uint8Array(65536)); },
        cancel() { cancelled = true; },
      }));
    }
    return new Response(`${req.method} ${url.pathname} ${req.headers.get('x-test')} ${await req.text()}`,
      { status: 201, headers: { 'x-back': 'yes' } });
  }
  ping() { return 'pong'; }
  wasCancelled() { return cancelled; }
}
