// Reminders: one Durable Object per name, each holding one reminder and its alarm.
//   POST /<name>?in=SECONDS&text=...   set the reminder (replaces an earlier one)
//   GET  /<name>                       { text, due, pending, fired: [ { text, at, retry } ] }
//   DELETE /<name>                     cancel the pending reminder
import { DurableObject } from 'cloudflare:workers';

export class Reminder extends DurableObject {
  async set(text, seconds) {
    const due = Date.now() + seconds * 1000;
    await this.ctx.storage.put('reminder', { text, due });
    await this.ctx.storage.setAlarm(due);
    return this.state();
  }

  async cancel() {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.delete('reminder');
    return this.state();
  }

  async state() {
    const reminder = (await this.ctx.storage.get('reminder')) ?? null;
    const fired = (await this.ctx.storage.get('fired')) ?? [];
    const alarm = await this.ctx.storage.getAlarm();
    return { text: reminder?.text ?? null, due: reminder?.due ?? null, pending: alarm !== null, fired };
  }

  // Runs at the time set; a throw here would be retried (with backoff) by the runtime.
  async alarm(info) {
    const reminder = await this.ctx.storage.get('reminder');
    const fired = (await this.ctx.storage.get('fired')) ?? [];
    fired.push({ text: reminder?.text ?? null, at: Date.now(), retry: info.retryCount });
    await this.ctx.storage.put('fired', fired);
    await this.ctx.storage.delete('reminder');
  }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const name = decodeURIComponent(url.pathname.slice(1));
    if (name === '') return new Response('usage: POST|GET|DELETE /<name>\n', { status: 400 });
    const reminder = env.REMINDER.getByName(name);
    switch (request.method) {
      case 'POST': {
        const seconds = Number(url.searchParams.get('in') ?? 60);
        if (!(seconds >= 0)) return new Response('in must be a number of seconds\n', { status: 400 });
        return Response.json(await reminder.set(url.searchParams.get('text') ?? 'ping', seconds));
      }
      case 'GET':
        return Response.json(await reminder.state());
      case 'DELETE':
        return Response.json(await reminder.cancel());
      default:
        return new Response('method not allowed\n', { status: 405 });
    }
  },
};
