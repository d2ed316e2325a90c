// The caller: each path runs one scenario and answers JSON for the test to check.
import { RpcTarget, RpcStub } from 'cloudflare:workers';

function describe(e) {
  return { ctor: e?.constructor?.name, name: e?.name, message: e?.message, remote: e?.remote, code: e?.code,
    detail: e?.detail, own: Object.keys(e ?? {}).sort(), stackHead: String(e?.stack).split('\n')[0] };
}
async function settle(p) {
  try { return { ok: await p }; } catch (e) { return { error: describe(e) }; }
}

const scenarios = {
  async basic(env) {
    const counter = await env.API.counter();
    const r = {
      add: await env.API.add(2, 3),
      echo: await env.API.echo({ d: new Date(5), m: new Map([[1, 'a']]), bytes: new Uint8Array([1, 2]), big: 10n, nested: { arr: [1, , 3] } }),
      answer: await env.API.answer,
      ping: await env.SVC.ping(),
      sameEnv: await env.API.sameEnv(),
      inc: [await counter.inc(), await counter.inc(5), await counter.value],
      ownHidden: await settle(counter.secret),
      pipelined: await env.API.counter().inc(7),
      pipelinedChild: await env.API.counter().child().inc(3),
      callback: await env.API.twice((x) => x * 100),
      typeofStub: typeof counter,
      fetcherTag: Object.prototype.toString.call(env.API),
    };
    const n = await env.API.nested();
    r.nested = [n.label, n.list, await n.counter.inc(2), await n.double(21)];
    const local = new RpcStub(new (class extends RpcTarget { hi(x) { return 'hi ' + x; } })());
    r.localStub = await local.hi('there');
    r.echoed = { d: r.echo.d instanceof Date && r.echo.d.getTime(), m: r.echo.m instanceof Map && r.echo.m.get(1),
      bytes: Array.from(r.echo.bytes), big: String(r.echo.big), hole: 1 in r.echo.nested.arr };
    delete r.echo;
    return r;
  },
  async errors(env) {
    return {
      fail: (await settle(env.API.fail())).error,
      custom: (await settle(env.API.failCustom())).error,
      string: (await settle(env.API.failString())).error,
      missing: (await settle(env.API.nope())).error,
      missingProp: (await settle(env.API.nope)).error,
      instanceofRange: await env.API.fail().catch((e) => e instanceof RangeError),
      symbolArg: (await settle(env.API.echo(Symbol('s')))).error,
      classArg: (await settle(env.API.echo(new (class Foo {})()))).error,
      classResult: (await settle(env.API.returnsClass())).error,
      noEntrypoint: (await settle(env.NOPE.add(1, 2))).error,
    };
  },
  async lifetimes(env) {
    const c = await env.API.counter();
    const d = c.dup();
    await c.inc();
    c[Symbol.dispose]();
    return {
      afterDispose: (await settle(c.inc())).error,
      dupStillWorks: await d.inc(),
      dupOfDisposed: (() => { try { c.dup(); return 'no error'; } catch (e) { return e.message; } })(),
    };
  },
  async eorder(env) {
    const calls = [];
    for (let i = 0; i < 200; i++) calls.push(env.API.record(i));
    const lengths = await Promise.all(calls);
    const c = await env.API.counter();
    const incs = await Promise.all(Array.from({ length: 100 }, () => c.inc()));
    return { order: await env.API.takeOrder(), lengths, incs };
  },
  async queue(env) {
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => env.API.add(i, 0)));
    const rejected = results.filter((r) => r.status === 'rejected');
    return { fulfilled: results.length - rejected.length, rejected: rejected.length, message: rejected[0]?.reason?.message };
  },
  async three(env) {
    const c = await env.MID.counterOfBack();
    return {
      relay: await env.MID.relay((x) => `front saw ${x}`),
      forwardedStub: [await c.inc(4), await c.value],
      viaBoth: await env.MID.viaBoth(4),
    };
  },
  async fetch(env) {
    const r = await env.SVC.fetch('http://svc/path?q=1', { method: 'POST', headers: { 'x-test': 't1' }, body: 'payload' });
    const thrown = await settle(env.SVC.fetch('http://svc/throw'));
    const s = await env.SVC.fetch('http://svc/stream');
    const bytes = new Uint8Array(await s.arrayBuffer());
    let sum = 0;
    for (let i = 0; i < bytes.length; i++) sum += bytes[i];
    const forever = await env.SVC.fetch('http://svc/forever');
    const reader = forever.body.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    let cancelled = false;
    for (let i = 0; i < 100 && !cancelled; i++) {
      cancelled = await env.SVC.wasCancelled();
      if (!cancelled) await new Promise((res) => setTimeout(res, 10));
    }
    return {
      status: r.status, header: r.headers.get('x-back'), text: await r.text(),
      api: await (await env.API.fetch('http://svc/a')).text(),
      thrown: thrown.error,
      streamLength: bytes.length, streamSum: sum,
      cancelled,
    };
  },
};

export default {
  async fetch(req, env) {
    const name = new URL(req.url).pathname.slice(1);
    return Response.json(await scenarios[name](env));
  },
};
