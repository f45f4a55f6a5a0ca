import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { BODY_KEEP_BYTES } from '../../../src/engine/result';
import { closedPort, collection, item, startServer, tests, type TestServer } from './helpers';

describe('native engine: HTTP', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.url === '/slow') {
        const t = setTimeout(() => res.end('late'), 3_000);
        res.on('close', () => clearTimeout(t));
        return;
      }
      if (req.url === '/moved') {
        res.statusCode = 302;
        res.setHeader('Location', '/landing?from=moved');
        res.end('see other');
        return;
      }
      if (req.url === '/loop') {
        res.statusCode = 301;
        res.setHeader('Location', '/loop');
        res.end();
        return;
      }
      if (req.url === '/big') {
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('é'.repeat(BODY_KEEP_BYTES));
        return;
      }
      if (req.url === '/headers') {
        res.setHeader('X-B', '1');
        res.setHeader('Set-Cookie', ['a=1', 'b=2']);
        res.setHeader('x-a', '2');
        res.end(JSON.stringify({ accept: req.headers.accept ?? null, body: req.body }));
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, body: req.body, ct: req.headers['content-type'] ?? null, auth: req.headers.authorization ?? null }));
    });
  });
  after(async () => {
    await server.close();
  });

  it('reports connection refused as a network error and continues the run', async () => {
    const port = await closedPort();
    const col = collection([
      item('refused', { method: 'GET', url: `http://127.0.0.1:${port}/x` }, tests("pm.test('code', () => pm.expect(pm.response.code).to.equal(200));")),
      item('next', { method: 'GET', url: `${server.base}/ok` }),
    ]);
    const run = await nativeEngine.run({ collection: col });
    const [refused, next] = run.requests;
    expect(refused?.response).to.equal(undefined);
    expect(refused?.errors).to.deep.equal([{ kind: 'network', message: `connect ECONNREFUSED 127.0.0.1:${port}`, code: 'ECONNREFUSED' }]);
    expect(refused?.tests).to.deep.equal([{ name: 'code', passed: false, skipped: false, message: 'expected undefined to equal 200', errorName: 'AssertionError' }]);
    expect(next?.response?.code).to.equal(200);
  });

  it('times a request out at timeoutRequestMs and continues the run', async () => {
    const col = collection([item('slow', { method: 'GET', url: `${server.base}/slow` }), item('next', { method: 'GET', url: `${server.base}/ok` })]);
    const run = await nativeEngine.run({ collection: col, timeoutRequestMs: 200 });
    // newman's wording: the connection was made, the response never came.
    expect(run.requests[0]?.errors).to.deep.equal([{ kind: 'timeout', message: 'ESOCKETTIMEDOUT', code: 'ESOCKETTIMEDOUT' }]);
    expect(run.requests[0]?.response).to.equal(undefined);
    expect(run.requests[1]?.response?.code).to.equal(200);
  });

  it('follows redirects like newman: POST becomes GET without body, at most 10 hops', async () => {
    const col = collection([
      item('moved', { method: 'POST', url: `${server.base}/moved`, body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: 'b' }] } }),
      item('loop', { method: 'GET', url: `${server.base}/loop` }),
    ]);
    const run = await nativeEngine.run({ collection: col });
    const [moved, loop] = run.requests;
    expect(JSON.parse(moved?.response?.body ?? '{}')).to.deep.equal({ method: 'GET', url: '/landing?from=moved', body: '', ct: null, auth: null });
    expect(moved?.request).to.deep.include({ method: 'POST', url: `${server.base}/moved`, body: 'a=b' });
    expect(loop?.errors).to.deep.equal([{ kind: 'network', message: `Exceeded maxRedirects. Probably stuck in a redirect loop ${server.base}/loop` }]);
    expect(server.requests.filter((r) => r.url === '/loop')).to.have.length(11);
  });

  it('keeps response headers in received order with duplicates, and sends Accept */* by default', async () => {
    const col = collection([
      item('headers', { method: 'GET', url: `${server.base}/headers` }),
      item('own accept', { method: 'GET', url: `${server.base}/headers`, header: [{ key: 'accept', value: 'application/json' }] }),
    ]);
    const run = await nativeEngine.run({ collection: col });
    const keys = run.requests[0]?.response?.headers.map((h) => `${h.key}=${h.value}`).slice(0, 4);
    expect(keys).to.deep.equal(['X-B=1', 'Set-Cookie=a=1', 'Set-Cookie=b=2', 'x-a=2']);
    expect(run.requests[0]?.request.headers).to.deep.equal([{ key: 'Accept', value: '*/*' }]);
    expect(JSON.parse(run.requests[1]?.response?.body ?? '{}').accept).to.equal('application/json');
    // The first response set two cookies: the run's jar sends them back, and the report shows the Cookie header as newman does.
    expect(run.requests[1]?.request.headers).to.deep.equal([
      { key: 'accept', value: 'application/json' },
      { key: 'Cookie', value: 'a=1; b=2' },
    ]);
  });

  it('never sends a body on GET, and sets Content-Type from the raw body language', async () => {
    const col = collection([
      item('get with body', { method: 'GET', url: `${server.base}/g`, body: { mode: 'raw', raw: 'dropped' } }),
      item('json', { method: 'PATCH', url: `${server.base}/j`, body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } } }),
      item('text', { method: 'PUT', url: `${server.base}/t`, body: { mode: 'raw', raw: 'plain' } }),
      item('own type', { method: 'POST', url: `${server.base}/o`, header: [{ key: 'Content-Type', value: 'application/xml' }], body: { mode: 'raw', raw: '<a/>', options: { raw: { language: 'json' } } } }),
    ]);
    const run = await nativeEngine.run({ collection: col });
    const seen = run.requests.map((r) => JSON.parse(r.response?.body ?? '{}') as { body: string; ct: string | null });
    expect(seen.map((s) => [s.body, s.ct])).to.deep.equal([
      ['', null],
      ['{"a":1}', 'application/json'],
      ['plain', 'text/plain'],
      ['<a/>', 'application/xml'],
    ]);
    expect(run.requests[0]?.request.body).to.equal(undefined);
  });

  it('truncates kept bodies at BODY_KEEP_BYTES but gives scripts the whole body', async () => {
    const col = collection([item('big', { method: 'GET', url: `${server.base}/big` }, tests(`pm.test('whole', () => pm.expect(pm.response.text().length).to.equal(${BODY_KEEP_BYTES}));`))]);
    const run = await nativeEngine.run({ collection: col });
    const response = run.requests[0]?.response;
    expect(response?.size).to.equal(BODY_KEEP_BYTES * 2);
    expect(response?.bodyTruncated).to.equal(true);
    expect(Buffer.byteLength(response?.body ?? '')).to.equal(BODY_KEEP_BYTES);
    expect(response?.body).to.equal('é'.repeat(BODY_KEEP_BYTES / 2));
    expect(run.requests[0]?.tests.map((t) => t.passed)).to.deep.equal([true]);
    expect(response?.status).to.equal('OK');
  });
});
