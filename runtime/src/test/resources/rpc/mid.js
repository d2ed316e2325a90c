// The middle of a chain of three Workers: forwards callbacks and stubs between the other two.
import { WorkerEntrypoint } from 'cloudflare:workers';

export default class extends WorkerEntrypoint {
  relay(fn) { return this.env.BACK.twice(fn); }
  counterOfBack() { return this.env.BACK.counter(); }
  async viaBoth(x) { return (await this.env.BACK.add(x, 1)) * 10; }
  fetch() { return new Response('mid'); }
}
