// RPC benchmark, calling side: each request makes CALLS sequential calls to the back Worker over a
// service binding (?mode=add, the default), or one echo of a 10 KB object (?mode=echo), which
// serializes it four times (arguments and result, each written and read); the object is 10,355
// bytes in the V8 format.
const CALLS = 20;

function tenKilobyteObject() {
  const items = [];
  for (let i = 0; i < 64; i++) {
    items.push({ id: i, name: `item-${i}`, price: i * 1.25, tags: ['a', 'b', 'c'], active: i % 2 === 0,
      note: 'lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incid' });
  }
  return { kind: 'catalog', version: 3, created: new Date(0), items };
}
const PAYLOAD = tenKilobyteObject();

export default {
  async fetch(request, env) {
    const mode = new URL(request.url).searchParams.get('mode') || 'add';
    if (mode === 'echo') {
      const back = await env.BACK.echo(PAYLOAD);
      return new Response(back.items.length === 64 ? 'ok' : 'wrong');
    }
    let sum = 0;
    for (let i = 0; i < CALLS; i++) sum += await env.BACK.add(i, 1);
    return new Response(sum === 210 ? 'ok' : 'wrong');
  },
};
