// The back end: a WorkerEntrypoint whose public methods other Workers call over JS RPC.
import { WorkerEntrypoint, RpcTarget } from 'cloudflare:workers';

class Tally extends RpcTarget {
  #count = 0;
  add(n) {
    this.#count += n;
    return this.#count;
  }
}

export class Greeter extends WorkerEntrypoint {
  greet(name) {
    return `Hello, ${name}! (from ${this.env.GREETING_FROM})`;
  }

  // Returns an object with methods: the caller gets a stub and calls back into it.
  tally() {
    return new Tally();
  }

  async fail() {
    throw new RangeError('the greeter refuses');
  }
}

// Plain HTTP through the same service binding (env.GREETER.fetch).
export default {
  fetch(request) {
    return new Response(`greeter saw ${request.method} ${new URL(request.url).pathname}\n`);
  },
};
