// Per-request work of a typical API Worker, in the Request/Response/Headers layer only: read the
// incoming request's URL and headers, build a Headers object, a Request and a JSON Response.
export default {
  async fetch(request) {
    const agent = request.headers.get('user-agent') || '';
    const headers = new Headers({ 'content-type': 'application/json', 'cache-control': 'no-store' });
    headers.set('x-request-method', request.method);
    headers.append('vary', 'accept');
    const upstream = new Request(request.url, { method: 'POST', headers, body: '{"q":1}' });
    const body = await upstream.text();
    let n = 0;
    for (const [k] of upstream.headers) n += k.length;
    return Response.json({ ok: body.length + n > 0, agent: agent.length > 0 }, { headers: { 'x-api': '1' } });
  },
};
