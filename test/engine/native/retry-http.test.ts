/**
 * Retries and the whole-run deadline in the native engine, over real HTTP against small servers on 127.0.0.1: what is
 * sent again and what is not, Retry-After, the retry budget, every retry recorded; the deadline cutting the run short.
 */
import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { newmanEngine } from '../../../src/engine/newman';
import type { RequestResult, RunInput } from '../../../src/engine/result';
import { closedPort, collection, item, startServer, type Handler, type TestServer } from './helpers';

type Res = Parameters<Handler>[1];
/** Answers `plan[i]` to the i-th request (the last entry thereafter). */
function scripted(plan: Array<(res: Res) => void>): Handler {
  let n = 0;
  return (_req, res) => {
    const step = plan[Math.min(n++, plan.length - 1)];
    step?.(res);
  };
}
const answer = (step: (res: Res) => void): Handler => (_req, res) => step(res);
const ok = (res: Res): void => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
const status = (code: number, headers: Record<string, string> = {}) => (res: Res): void => void res.writeHead(code, { 'content-type': 'application/json', ...headers }).end('[]');
const reset = (res: Res): void => void res.socket?.destroy();

async function runOne(server: TestServer, request: Record<string, unknown>, extra: Partial<RunInput> = {}): Promise<RequestResult> {
  const run = await nativeEngine.run({ collection: collection([item('one', request)]), ...extra });
  const r = run.requests[0];
  if (!r) throw new Error('no result');
  return r;
}

describe('native retries over HTTP', function () {
  this.timeout(20_000);
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('503 twice then 200: sent three times, two retries recorded, the 200 kept', async () => {
    server = await startServer(scripted([status(503, { 'Retry-After': '0' }), status(503, { 'Retry-After': '0' }), ok]));
    const r = await runOne(server, { method: 'GET', url: `${server.base}/x` });
    expect(server.requests).to.have.length(3);
    expect(r.response?.code).to.equal(200);
    expect(r.retries).to.deep.equal([
      { attempt: 2, cause: '503 Service Unavailable', action: 'retry', waitedMs: 0 },
      { attempt: 3, cause: '503 Service Unavailable', action: 'retry', waitedMs: 0 },
    ]);
  });

  it('honours Retry-After (the wait is what the server asked for)', async () => {
    server = await startServer(scripted([status(429, { 'Retry-After': '1' }), ok]));
    const r = await runOne(server, { method: 'GET', url: `${server.base}/x` });
    expect(r.response?.code).to.equal(200);
    expect(r.retries).to.deep.equal([{ attempt: 2, cause: '429 Too Many Requests', action: 'retry', waitedMs: 1000 }]);
  });

  it('stops after the budget (--retries, default 2): the last 503 stands', async () => {
    server = await startServer(answer(status(503, { 'Retry-After': '0' })));
    const r = await runOne(server, { method: 'GET', url: `${server.base}/x` });
    expect(server.requests).to.have.length(3);
    expect(r.response?.code).to.equal(503);
    expect(r.retries?.map((x) => x.attempt)).to.deep.equal([2, 3]);
    await server.close();

    server = await startServer(answer(status(503, { 'Retry-After': '0' })));
    const once = await runOne(server, { method: 'GET', url: `${server.base}/x` }, { retries: 0 });
    expect(server.requests).to.have.length(1);
    expect(once.retries).to.equal(undefined);
  });

  it('never retries a POST that is not a token request; retries a token request', async () => {
    server = await startServer(scripted([status(503, { 'Retry-After': '0' }), ok]));
    const create = await runOne(server, { method: 'POST', url: `${server.base}/services/data/v62.0/sobjects/Account`, body: { mode: 'raw', raw: '{}' } });
    expect(server.requests).to.have.length(1);
    expect(create.response?.code).to.equal(503);
    expect(create.retries).to.equal(undefined);
    await server.close();

    server = await startServer(scripted([status(503, { 'Retry-After': '0' }), ok]));
    const token = await runOne(server, { method: 'POST', url: `${server.base}/services/oauth2/token`, body: { mode: 'urlencoded', urlencoded: [{ key: 'grant_type', value: 'password' }] } });
    expect(server.requests).to.have.length(2);
    expect(server.requests[1]?.body).to.equal('grant_type=password');
    expect(token.response?.code).to.equal(200);
    expect(token.retries).to.have.length(1);
  });

  it('does not retry 500 or other statuses', async () => {
    server = await startServer(answer(status(500)));
    const r = await runOne(server, { method: 'GET', url: `${server.base}/x` });
    expect(server.requests).to.have.length(1);
    expect(r.retries).to.equal(undefined);
  });

  it('retries a connection reset and a refused connection', async () => {
    server = await startServer(scripted([reset, ok]));
    const r = await runOne(server, { method: 'GET', url: `${server.base}/x` });
    expect(r.response?.code).to.equal(200);
    expect(r.errors).to.deep.equal([]);
    expect(r.retries?.[0]?.cause).to.match(/^(ECONNRESET|UND_ERR_SOCKET)$/);

    const port = await closedPort();
    const refused = await runOne(server, { method: 'GET', url: `http://127.0.0.1:${port}/x` }, { retries: 1 });
    expect(refused.errors[0]?.code).to.equal('ECONNREFUSED');
    expect(refused.retries?.map((x) => [x.attempt, x.cause])).to.deep.equal([[2, 'ECONNREFUSED']]);
  });

  it('does not retry a per-request timeout', async () => {
    server = await startServer(() => undefined); // never answers
    const r = await runOne(server, { method: 'GET', url: `${server.base}/hang` }, { timeoutRequestMs: 300 });
    expect(r.errors[0]?.kind).to.equal('timeout');
    expect(r.retries).to.equal(undefined);
    expect(server.requests).to.have.length(1);
  });

  it('does not wait past the run deadline: a Retry-After beyond it leaves the 503 as it is', async () => {
    server = await startServer(answer(status(503, { 'Retry-After': '30' })));
    const run = await nativeEngine.run({ collection: collection([item('one', { method: 'GET', url: `${server.base}/x` })]), timeoutMs: 5_000 });
    expect(server.requests).to.have.length(1);
    expect(run.requests[0]?.response?.code).to.equal(503);
    expect(run.requests[0]?.retries).to.equal(undefined);
    expect(run.error).to.equal(undefined);
  });
});

describe('native whole-run deadline', function () {
  this.timeout(20_000);

  it('gives up the request in flight, skips the rest with the reason, and records a run error', async () => {
    const server = await startServer((req, res) => {
      if (req.url !== '/hang') ok(res);
    });
    try {
      const ended: string[] = [];
      const run = await nativeEngine.run(
        {
          collection: collection([
            item('first', { method: 'GET', url: `${server.base}/ok` }),
            item('hangs', { method: 'GET', url: `${server.base}/hang` }),
            item('never reached', { method: 'GET', url: `${server.base}/ok` }),
          ]),
          timeoutMs: 1_000,
        },
        { onRequestEnd: (r) => ended.push(r.name) },
      );
      const [first, hangs, never] = run.requests;
      expect(first?.response?.code).to.equal(200);
      expect(hangs?.errors).to.deep.equal([{ kind: 'timeout', message: 'run deadline of 1000 ms reached', code: 'ERUNDEADLINE' }]);
      expect(hangs?.skipped).to.equal(undefined);
      expect(never?.skipped).to.deep.equal({ reason: 'run deadline of 1000 ms reached' });
      expect(never?.errors).to.deep.equal([]);
      expect(run.error).to.deep.equal({ kind: 'timeout', message: 'run deadline of 1000 ms reached', code: 'ERUNDEADLINE' });
      expect(ended).to.deep.equal(['first', 'hangs', 'never reached']);
      expect(server.requests.map((r) => r.url)).to.deep.equal(['/ok', '/hang']);
    } finally {
      await server.close();
    }
  });

  it('both engines skip the rest of the plan: the later items of this iteration and every later iteration', async () => {
    const server = await startServer((req, res) => {
      if (req.url !== '/hang') ok(res);
    });
    try {
      const input: RunInput = {
        collection: collection([
          item('first', { method: 'GET', url: `${server.base}/ok` }),
          item('hangs', { method: 'GET', url: `${server.base}/hang` }),
          item('third', { method: 'GET', url: `${server.base}/ok` }),
        ]),
        iterationCount: 2,
        timeoutMs: 1_000,
      };
      const shape = (rs: RequestResult[]): string[] => rs.map((r) => `${r.iteration}:${r.name}:${r.skipped ? 'skipped' : r.errors[0]?.code ?? 'sent'}`);
      const expected = ['1:first:sent', '1:hangs:ERUNDEADLINE', '1:third:skipped', '2:first:skipped', '2:hangs:skipped', '2:third:skipped'];
      expect(shape((await nativeEngine.run(input)).requests), 'native').to.deep.equal(expected);
      expect(shape((await newmanEngine.run(input)).requests), 'newman').to.deep.equal(expected);
    } finally {
      await server.close();
    }
  });

  it('a run that ends in time has no deadline error', async () => {
    const server = await startServer(answer(ok));
    try {
      const run = await nativeEngine.run({ collection: collection([item('a', { method: 'GET', url: `${server.base}/ok` })]), timeoutMs: 10_000 });
      expect(run.error).to.equal(undefined);
      expect(run.requests[0]?.response?.code).to.equal(200);
    } finally {
      await server.close();
    }
  });
});
