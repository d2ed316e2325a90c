// A last-writer-wins key-value cluster built from Durable Objects, each object one node.
// Keys are placed on nodes by consistent hashing (ring.js); every value is a version with a
// version vector (register.js); nodes gossip their changes to each other, at most one round per
// GOSSIP_MS each, and merge what they receive, so all nodes converge to the same values.
//   PUT  /kv/<key>[?via=node-i]   write (through the key's node, or the one named)
//   GET  /kv/<key>[?via=node-i]   read: { value, vv, ts, writer, node } or 404
//   GET  /nodes                   { count, nodes }
//   GET  /nodes/<name>            that node's whole state
//   POST /grow?to=N               add nodes; the new ones receive every key by gossip
//   POST /gossip                  run a gossip round on every node now
//   GET  /converged               { converged, keys }: do all nodes hold the same versions?
import { DurableObject } from 'cloudflare:workers';
import { Ring, nodeName } from './ring.js';
import { merge, mergeVectors } from './register.js';

const GOSSIP_MS = 250;

export class Replica extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec('CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, version TEXT NOT NULL, seq INTEGER NOT NULL)');
    this.sql.exec('CREATE TABLE IF NOT EXISTS sent (peer TEXT PRIMARY KEY, seq INTEGER NOT NULL)');
    this.sql.exec('CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL)');
  }

  // Who this node is and how many nodes there are: the Worker says so on every call.
  #join(self, count) {
    this.sql.exec('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v', 'self', self);
    const known = this.#meta('count');
    if (known === null || Number(known) < count) {
      this.sql.exec('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v', 'count', String(count));
      if (known !== null) this.#soon(); // new peers: send them everything
    }
  }

  #meta(k) {
    const row = this.sql.exec('SELECT v FROM meta WHERE k = ?', k).toArray()[0];
    return row ? row.v : null;
  }

  #get(key) {
    const row = this.sql.exec('SELECT version FROM entries WHERE key = ?', key).toArray()[0];
    return row ? JSON.parse(row.version) : null;
  }

  #put(key, version) {
    const next = (this.sql.exec('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM entries').one().s);
    this.sql.exec('INSERT INTO entries (key, version, seq) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET version = excluded.version, seq = excluded.seq',
      key, JSON.stringify(version), next);
    this.#soon();
  }

  // Rate limit: one gossip round per GOSSIP_MS at most, driven by the alarm.
  async #soon() {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + GOSSIP_MS);
  }

  write(self, count, key, value) {
    this.#join(self, count);
    const local = this.#get(key);
    const vv = mergeVectors(local?.vv ?? {}, { [self]: (local?.vv?.[self] ?? 0) + 1 });
    // Never behind the version it replaces, even if this node's clock is.
    const ts = Math.max(Date.now(), (local?.ts ?? 0) + 1);
    const version = { value, vv, ts, writer: self };
    this.#put(key, version);
    return version;
  }

  read(self, count, key) {
    this.#join(self, count);
    return this.#get(key);
  }

  merge(self, count, versions) {
    this.#join(self, count);
    let changed = 0;
    for (const [key, incoming] of versions) {
      const local = this.#get(key);
      const kept = merge(local, incoming);
      if (JSON.stringify(kept) !== JSON.stringify(local)) {
        this.#put(key, kept);
        changed++;
      }
    }
    return changed;
  }

  // Sends each peer what changed here since the last round it received.
  async gossip() {
    const self = this.#meta('self');
    const count = Number(this.#meta('count') ?? 0);
    if (self === null) return 0;
    let sent = 0;
    for (let i = 0; i < count; i++) {
      const peer = nodeName(i);
      if (peer === self) continue;
      const since = this.sql.exec('SELECT seq FROM sent WHERE peer = ?', peer).toArray()[0]?.seq ?? 0;
      const rows = this.sql.exec('SELECT key, version, seq FROM entries WHERE seq > ? ORDER BY seq', since).toArray();
      if (rows.length === 0) continue;
      await this.env.REPLICA.getByName(peer).merge(peer, count, rows.map((r) => [r.key, JSON.parse(r.version)]));
      const upTo = rows[rows.length - 1].seq;
      this.sql.exec('INSERT INTO sent (peer, seq) VALUES (?, ?) ON CONFLICT(peer) DO UPDATE SET seq = MAX(seq, excluded.seq)', peer, upTo);
      sent += rows.length;
    }
    return sent;
  }

  async alarm() {
    await this.gossip();
  }

  dump() {
    const out = {};
    for (const r of this.sql.exec('SELECT key, version FROM entries ORDER BY key')) out[r.key] = JSON.parse(r.version);
    return out;
  }
}

// How many nodes the cluster has (it only grows).
export class Membership extends DurableObject {
  async count(initial) {
    return (await this.ctx.storage.get('count')) ?? initial;
  }

  async grow(to) {
    const now = await this.count(to);
    const next = Math.max(now, to);
    await this.ctx.storage.put('count', next);
    return next;
  }
}

const json = (body, status = 200) => Response.json(body, { status });

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const initial = Number(env.NODES ?? 3);
    const membership = env.MEMBERSHIP.getByName('cluster');
    const count = await membership.count(initial);
    const node = (name) => env.REPLICA.getByName(name);
    const names = Array.from({ length: count }, (_, i) => nodeName(i));
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);

    if (parts[0] === 'kv' && parts.length === 2) {
      const key = parts[1];
      const via = url.searchParams.get('via') ?? new Ring(count).owner(key);
      if (!names.includes(via)) return json({ error: `no node ${via}` }, 400);
      if (request.method === 'PUT') return json({ node: via, ...(await node(via).write(via, count, key, await request.text())) });
      if (request.method === 'GET') {
        const version = await node(via).read(via, count, key);
        return version === null ? json({ error: 'not found', node: via }, 404) : json({ node: via, ...version });
      }
      return json({ error: 'method not allowed' }, 405);
    }
    if (parts[0] === 'nodes' && parts.length === 1) return json({ count, nodes: names });
    if (parts[0] === 'nodes' && parts.length === 2) {
      if (!names.includes(parts[1])) return json({ error: `no node ${parts[1]}` }, 404);
      return json(await node(parts[1]).dump());
    }
    if (parts[0] === 'grow' && request.method === 'POST') {
      const to = Number(url.searchParams.get('to'));
      if (!Number.isInteger(to) || to < 1 || to > 64) return json({ error: 'to must be 1 to 64' }, 400);
      const now = await membership.grow(to);
      // Tell every node (old ones start sending the new ones everything).
      await Promise.all(Array.from({ length: now }, (_, i) => node(nodeName(i)).read(nodeName(i), now, '')));
      return json({ count: now });
    }
    if (parts[0] === 'gossip' && request.method === 'POST') {
      const sent = await Promise.all(names.map((n) => node(n).gossip()));
      return json({ sent: sent.reduce((a, b) => a + b, 0) });
    }
    if (parts[0] === 'converged') {
      const dumps = await Promise.all(names.map((n) => node(n).dump()));
      const first = JSON.stringify(dumps[0]);
      return json({ converged: dumps.every((d) => JSON.stringify(d) === first), keys: Object.keys(dumps[0]).length });
    }
    return json({ error: 'not found' }, 404);
  },
};
