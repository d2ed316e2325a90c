// A small key-value store over a Durable Object's key-value storage API, one object per bucket.
//   PUT    /<bucket>/<key>           store the request body (text) under key
//   GET    /<bucket>/<key>           the value, or 404
//   DELETE /<bucket>/<key>           delete it
//   GET    /<bucket>?prefix=&start=&end=&limit=&reverse=   list keys and values (JSON), in key order
import { DurableObject } from 'cloudflare:workers';

export class Bucket extends DurableObject {
  async put(key, value) {
    await this.ctx.storage.put(key, value);
  }

  async get(key) {
    return (await this.ctx.storage.get(key)) ?? null;
  }

  async delete(key) {
    return this.ctx.storage.delete(key);
  }

  async list(options) {
    return Object.fromEntries(await this.ctx.storage.list(options));
  }
}

function listOptions(params) {
  const options = {};
  for (const name of ['prefix', 'start', 'startAfter', 'end']) {
    if (params.has(name)) options[name] = params.get(name);
  }
  if (params.has('limit')) options.limit = Number(params.get('limit'));
  if (params.get('reverse') === 'true') options.reverse = true;
  return options;
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const [bucketName, ...rest] = url.pathname.slice(1).split('/');
    if (!bucketName) return new Response('usage: /<bucket>[/<key>]\n', { status: 400 });
    const bucket = env.BUCKET.getByName(bucketName);
    const key = rest.map(decodeURIComponent).join('/');
    try {
      if (key === '') {
        if (request.method !== 'GET') return new Response('method not allowed\n', { status: 405 });
        return Response.json(await bucket.list(listOptions(url.searchParams)));
      }
      switch (request.method) {
        case 'PUT':
          await bucket.put(key, await request.text());
          return new Response(null, { status: 204 });
        case 'GET': {
          const value = await bucket.get(key);
          return value === null ? new Response('not found\n', { status: 404 }) : new Response(value);
        }
        case 'DELETE':
          return Response.json({ deleted: await bucket.delete(key) });
        default:
          return new Response('method not allowed\n', { status: 405 });
      }
    } catch (e) {
      // Storage limits (a key over 2 KiB, a value over 128 KiB) arrive here as RangeErrors.
      return new Response(`${e.name}: ${e.message}\n`, { status: 400 });
    }
  },
};
