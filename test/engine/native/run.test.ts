import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import type { RequestResult, RunResult } from '../../../src/engine/result';
import { bearer, collection, folder, item, echo, useTestServer } from './helpers';

describe('native engine: collection walk, auth inheritance, listener', () => {
  const server = useTestServer(echo, true);

  it('runs items and nested folders in document order with folder paths', async () => {
    const col = collection([
      item('first', { method: 'GET', url: `${server().base}/1` }),
      folder('A', [item('a1', { method: 'GET', url: `${server().base}/2` }), folder('B', [item('b1', { method: 'GET', url: `${server().base}/3` })])]),
      item('last', { method: 'GET', url: `${server().base}/4` }),
    ]);
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests.map((r) => r.path)).to.deep.equal([['first'], ['A', 'a1'], ['A', 'B', 'b1'], ['last']]);
    expect(run.requests.map((r) => r.id)).to.deep.equal(['id-first', 'id-a1', 'id-b1', 'id-last']);
    expect(server().requests.map((r) => r.url)).to.deep.equal(['/1', '/2', '/3', '/4']);
    expect(run.collection).to.deep.equal({ id: 'col-id', name: 'Test collection' });
    expect(run.engine).to.equal('native');
    expect(run.iterations).to.equal(1);
    expect(run.requests.every((r) => r.iteration === 1)).to.equal(true);
    expect(run.error).to.equal(undefined);
  });

  it('inherits bearer from the collection, stops at a folder noauth, lets an item override', async () => {
    const col = collection(
      [
        item('inherits collection', { method: 'GET', url: `${server().base}/c` }),
        folder('open', [
          item('inherits folder noauth', { method: 'GET', url: `${server().base}/f` }),
          item('own bearer', { method: 'GET', url: `${server().base}/o`, auth: bearer('item-token') }),
        ], { auth: { type: 'noauth' } }),
        item('item noauth', { method: 'GET', url: `${server().base}/n`, auth: { type: 'noauth' } }),
        item('replaces header', { method: 'GET', url: `${server().base}/r`, header: [{ key: 'authorization', value: 'Basic abc' }] }),
      ],
      { auth: bearer('{{token}}') },
    );
    await nativeEngine.run({ collection: col, environment: { name: 'env', values: [{ key: 'token', value: 'env-token' }] } });
    const auth = server().requests.map((r) => r.headers.authorization ?? null);
    expect(auth).to.deep.equal(['Bearer env-token', null, 'Bearer item-token', null, 'Bearer env-token']);
  });

  it('warns about an unsupported auth type and sends without auth', async () => {
    const col = collection([item('basic', { method: 'GET', url: `${server().base}/b`, auth: { type: 'digest', digest: [] } })]);
    const run = await nativeEngine.run({ collection: col });
    expect(server().requests[0]?.headers.authorization).to.equal(undefined);
    expect(run.warnings).to.deep.equal(['auth type "digest" is not supported by the native engine; "basic" was sent without auth']);
  });

  it('emits listener events in order with indexes and totals', async () => {
    const col = collection([item('one', { method: 'GET', url: `${server().base}/1?x={{missing}}` }), item('two', { method: 'GET', url: `${server().base}/2` })]);
    const events: string[] = [];
    let ended: RunResult | undefined;
    const results: RequestResult[] = [];
    const run = await nativeEngine.run(
      { collection: col },
      {
        onRunStart: (i) => events.push(`start:${i.engine}:${i.collection}:${i.total}`),
        onRequestStart: (i) => events.push(`req:${i.index}/${i.total}:${i.name}:${i.path.join('/')}`),
        onWarning: (m) => events.push(`warn:${m}`),
        onRequestEnd: (r, i) => {
          results.push(r);
          events.push(`end:${i.index}/${i.total}:${r.name}`);
        },
        onRunEnd: (r) => {
          ended = r;
          events.push('runEnd');
        },
      },
    );
    expect(events).to.deep.equal([
      'start:native:Test collection:2',
      'req:0/2:one:one',
      'warn:unresolved variable {{missing}} in "one"',
      'end:0/2:one',
      'req:1/2:two:two',
      'end:1/2:two',
      'runEnd',
    ]);
    expect(ended).to.equal(run);
    expect(results).to.deep.equal(run.requests);
  });

  it('records timings relative to the run start', async () => {
    const col = collection([item('one', { method: 'GET', url: `${server().base}/1` }), item('two', { method: 'GET', url: `${server().base}/2` })]);
    const run = await nativeEngine.run({ collection: col });
    const [a, b] = run.requests as [RequestResult, RequestResult];
    expect(Number.isNaN(Date.parse(run.startedAt))).to.equal(false);
    expect(b.startedAtMs).to.be.at.least(a.startedAtMs);
    expect(a.durationMs).to.be.a('number');
    expect(run.durationMs).to.be.at.least(b.startedAtMs);
  });

  it('reports an unreadable collection as a run error instead of throwing', async () => {
    const events: string[] = [];
    const run = await nativeEngine.run({ collection: { info: { name: 'x' } } }, { onRunStart: (i) => events.push(`start:${i.total}`), onRunEnd: () => events.push('end') });
    expect(run.error).to.deep.equal({ kind: 'engine', message: 'the collection has no "item" array' });
    expect(run.requests).to.deep.equal([]);
    expect(events).to.deep.equal(['start:0', 'end']);
    const notObject = await nativeEngine.run({ collection: 'nope' });
    expect(notObject.error?.message).to.equal('the collection is not a JSON object');
  });

  it('produces a JSON-serialisable tree', async () => {
    const col = collection([item('one', { method: 'POST', url: `${server().base}/1`, body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } } })]);
    const run = await nativeEngine.run({ collection: col });
    expect(JSON.parse(JSON.stringify(run))).to.deep.equal(run);
  });
});
