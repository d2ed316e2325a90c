// RPC benchmark, called side: a WorkerEntrypoint with two methods.
import { WorkerEntrypoint } from 'cloudflare:workers';

export default class extends WorkerEntrypoint {
  add(a, b) { return a + b; }
  echo(v) { return v; }
}
