// Durable Objects benchmark: each request reaches one Counter object, which increments a row in its
// SQLite storage and answers the new value. The request picks the object and the way in:
//   ?id=NAME     always the object named NAME ("hot": every request on one object)
//   ?ids=N       a random one of N objects per request (obj-0 .. obj-N-1), so wrk needs no script
//   ?via=fetch   stub.fetch(request): the object's fetch() answers, and that is the answer
//   ?via=rpc     await stub.inc(): a JS RPC call; the Worker answers the number
// Both ways answer 200 with the counter's new value as text.
import { DurableObject } from 'cloudflare:workers';

export class Counter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
  }

  inc() {
    return this.ctx.storage.sql
      .exec('INSERT INTO counter (id, n) VALUES (1, 1) ON CONFLICT(id) DO UPDATE SET n = n + 1 RETURNING n')
      .one().n;
  }

  async fetch(request) {
    return new Response(String(this.inc()));
  }
}

export default {
  async fetch(request, env) {
    const params = new URL(request.url).searchParams;
    const ids = Number(params.get('ids') || 0);
    const name = ids > 0 ? `obj-${Math.floor(Math.random() * ids)}` : params.get('id') || 'hot';
    const stub = env.COUNTER.getByName(name);
    switch (params.get('via') || 'rpc') {
      case 'fetch':
        return stub.fetch(request);
      case 'rpc':
        return new Response(String(await stub.inc()));
      default:
        return new Response('via must be fetch or rpc\n', { status: 400 });
    }
  },
};
