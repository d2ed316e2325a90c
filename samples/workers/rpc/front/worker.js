// The front end: reaches the greeter through two service bindings, one to its Greeter
// entrypoint (JS RPC) and one to its default export (HTTP).
//   GET /greet?name=...   RPC: env.GREETER.greet(name)
//   GET /tally            RPC: a stub of an RpcTarget, called three times
//   GET /fail             RPC: the error the greeter throws arrives here as that error
//   anything else         forwarded with env.GREETER_HTTP.fetch(request)
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/greet':
        return new Response(await env.GREETER.greet(url.searchParams.get('name') ?? 'world'));
      case '/tally': {
        const tally = await env.GREETER.tally();
        await tally.add(1);
        await tally.add(2);
        return Response.json({ total: await tally.add(3) });
      }
      case '/fail':
        try {
          await env.GREETER.fail();
          return new Response('no error?\n', { status: 500 });
        } catch (e) {
          return Response.json({ name: e.name, message: e.message, isRangeError: e instanceof RangeError });
        }
      default:
        return env.GREETER_HTTP.fetch(request);
    }
  },
};
