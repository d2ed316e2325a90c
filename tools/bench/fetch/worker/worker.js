// Outbound fetch benchmark: every request fetches a small page from a local origin (the URL's
// `origin` parameter) and answers with its text, so each request is one subrequest on a
// kept-alive connection plus the body copied through JS.
export default {
  async fetch(request) {
    const origin = new URL(request.url).searchParams.get('origin');
    const res = await fetch(origin + '/page');
    return new Response(await res.text(), { headers: { 'content-type': 'text/plain' } });
  },
};
