// Heap cost of idle Durable Objects (tools/bench/durable-objects/heap): GET /touch?from=A&count=N
// makes one RPC call to each of the objects named obj-A .. obj-(A+N-1), BATCH calls at a time, so
// each of them is live afterwards. The objects hold nothing of their own.
import { DurableObject } from 'cloudflare:workers';

const BATCH = 100;

export class Pinger extends DurableObject {
  ping() { return 1; }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname !== '/touch') return new Response('ok');
    const from = Number(url.searchParams.get('from') || 0);
    const count = Number(url.searchParams.get('count') || 0);
    if (!Number.isInteger(from) || !Number.isInteger(count) || from < 0 || count < 0) {
      return new Response('from and count must be whole numbers\n', { status: 400 });
    }
    let touched = 0;
    for (let start = from; start < from + count; start += BATCH) {
      const end = Math.min(start + BATCH, from + count);
      const calls = [];
      for (let i = start; i < end; i++) calls.push(env.PINGER.getByName(`obj-${i}`).ping());
      for (const r of await Promise.all(calls)) touched += r;
    }
    return new Response(String(touched));
  },
};
