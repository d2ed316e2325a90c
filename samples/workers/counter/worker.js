// A counter per name, each a SQLite-backed Durable Object.
//   GET  /<name>         the current value
//   POST /<name>         add 1 (or ?by=N) and answer the new value
//   DELETE /<name>       reset to 0
import { DurableObject } from 'cloudflare:workers';

export class Counter extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)');
  }

  value() {
    const row = this.ctx.storage.sql.exec('SELECT n FROM counter WHERE id = 1').toArray()[0];
    return row ? row.n : 0;
  }

  add(by) {
    return this.ctx.storage.sql
      .exec('INSERT INTO counter (id, n) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET n = n + excluded.n RETURNING n', by)
      .one().n;
  }

  reset() {
    this.ctx.storage.sql.exec('DELETE FROM counter');
    return 0;
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const name = decodeURIComponent(url.pathname.slice(1));
    if (name === '') return new Response('usage: GET|POST|DELETE /<name>\n', { status: 400 });
    const counter = env.COUNTER.getByName(name);
    switch (request.method) {
      case 'GET':
        return Response.json({ name, value: await counter.value() });
      case 'POST': {
        const by = Number(url.searchParams.get('by') ?? 1);
        if (!Number.isInteger(by)) return new Response('by must be an integer\n', { status: 400 });
        return Response.json({ name, value: await counter.add(by) });
      }
      case 'DELETE':
        return Response.json({ name, value: await counter.reset() });
      default:
        return new Response('method not allowed\n', { status: 405, headers: { allow: 'GET, POST, DELETE' } });
    }
  },
};
