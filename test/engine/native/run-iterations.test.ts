/**
 * Iterations, the data row and variable precedence: the native engine against a local server, and newman on the same
 * input must agree (what was sent, what scripts saw, variables as the run ended).
 */
import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { collection, item, prerequest, tests, useTestServer } from './helpers';
import { runBoth } from './run-both';

describe('native engine: iterations and iteration data (agrees with newman)', function () {
  this.timeout(60_000);
  const server = useTestServer();

  const seen = (extra = '') =>
    tests(
      "pm.test('iteration ' + pm.info.iteration + ' of ' + pm.info.iterationCount + ' q=' + pm.iterationData.get('q')" + extra + ', function () {});',
      "pm.collectionVariables.set('last_q', String(pm.iterationData.get('q')));",
    );

  it('runs the collection once per data row: 1-based iteration in the result, 0-based pm.info.iteration, the row in {{var}} and pm.iterationData', async () => {
    const col = collection([item('one', { method: 'GET', url: `${server().base}/one?q={{q}}` }, seen()), item('two', { method: 'GET', url: `${server().base}/two/{{q}}` })]);
    const data = [{ q: 'a' }, { q: 'b' }, { q: 7 }];
    const { native, newman } = await runBoth(server(), { collection: col, iterationData: data });
    expect(native.iterations).to.equal(3);
    expect(native.requests.map((r) => [r.iteration, r.sent])).to.deep.equal([
      [1, '/one?q=a'],
      [1, '/two/a'],
      [2, '/one?q=b'],
      [2, '/two/b'],
      [3, '/one?q=7'],
      [3, '/two/7'],
    ]);
    expect(native.requests.filter((r) => r.tests.length > 0).map((r) => r.tests[0]?.[0])).to.deep.equal(['iteration 0 of 3 q=a', 'iteration 1 of 3 q=b', 'iteration 2 of 3 q=7']);
    expect(native.variables.collection).to.deep.include({ key: 'last_q', value: '7', type: 'default' });
    expect(newman).to.deep.equal(native);
  });

  it('-n beyond the rows repeats the last row; -n below them runs only the first rows', async () => {
    const col = collection([item('one', { method: 'GET', url: `${server().base}/n/{{q}}` }, seen())]);
    const data = [{ q: 'x' }, { q: 'y' }, { q: 'z' }];
    const more = await runBoth(server(), { collection: col, iterationData: data.slice(0, 2), iterationCount: 4 });
    expect(more.native.received).to.deep.equal(['/n/x', '/n/y', '/n/y', '/n/y']);
    expect(more.native.iterations).to.equal(4);
    expect(more.newman).to.deep.equal(more.native);
    const fewer = await runBoth(server(), { collection: col, iterationData: data, iterationCount: 1 });
    expect(fewer.native.received).to.deep.equal(['/n/x']);
    expect(fewer.newman).to.deep.equal(fewer.native);
  });

  it('-n without data runs the collection N times with an empty pm.iterationData', async () => {
    const col = collection([item('one', { method: 'GET', url: `${server().base}/plain` }, seen())]);
    const { native, newman } = await runBoth(server(), { collection: col, iterationCount: 2 });
    expect(native.requests.map((r) => r.tests[0]?.[0])).to.deep.equal(['iteration 0 of 2 q=undefined', 'iteration 1 of 2 q=undefined']);
    expect(newman).to.deep.equal(native);
  });

  it('precedence: globals < collection < environment < data < local', async () => {
    const col = collection(
      [
        item(
          'scopes',
          { method: 'GET', url: `${server().base}/p?a={{a}}&b={{b}}&c={{c}}&d={{d}}&e={{e}}` },
          prerequest("pm.variables.set('e', 'local');"),
        ),
      ],
      {
        variable: [
          { key: 'a', value: 'collection' },
          { key: 'b', value: 'collection' },
          { key: 'c', value: 'collection' },
          { key: 'd', value: 'collection' },
          { key: 'e', value: 'collection' },
        ],
      },
    );
    const globals = { name: 'g', values: ['a', 'b', 'c', 'd', 'e', 'g'].map((key) => ({ key, value: 'globals' })) };
    const environment = { name: 'env', values: ['c', 'd', 'e'].map((key) => ({ key, value: 'environment' })) };
    const { native, newman } = await runBoth(server(), { collection: col, globals, environment, iterationData: [{ d: 'data', e: 'data' }] });
    expect(native.received).to.deep.equal(['/p?a=collection&b=collection&c=environment&d=data&e=local']);
    expect(newman).to.deep.equal(native);
  });

  it('a data value of null hides the scopes below it and stays unresolved; numbers and false are text', async () => {
    const col = collection([item('nulls', { method: 'GET', url: `${server().base}/z?n={{n}}&zero={{zero}}&f={{f}}` })]);
    const environment = { name: 'env', values: [{ key: 'n', value: 'environment' }] };
    const { native, newman } = await runBoth(server(), { collection: col, environment, iterationData: [{ n: null, zero: 0, f: false }] });
    expect(native.received).to.deep.equal(['/z?n={{n}}&zero=0&f=false']);
    expect(newman).to.deep.equal(native);
  });

  it('local variables (pm.variables.set) live on across requests and iterations, as in postman-runtime', async () => {
    const col = collection([
      item('a', { method: 'GET', url: `${server().base}/a` }, tests("pm.test('a sees ' + pm.variables.get('l'), () => {}); pm.variables.set('l', 'it' + pm.info.iteration);")),
      item('b', { method: 'GET', url: `${server().base}/b` }, prerequest("pm.test('b sees ' + pm.variables.get('l'), () => {});")),
    ]);
    const { native, newman } = await runBoth(server(), { collection: col, iterationCount: 2 });
    expect(native.requests.map((r) => r.tests[0]?.[0])).to.deep.equal(['a sees undefined', 'b sees it0', 'a sees it0', 'b sees it1']);
    expect(newman).to.deep.equal(native);
  });

  it('reports the planned total to the listener and numbers requests across iterations', async () => {
    const col = collection([item('one', { method: 'GET', url: `${server().base}/l1` }), item('two', { method: 'GET', url: `${server().base}/l2` })]);
    const events: string[] = [];
    await nativeEngine.run(
      { collection: col, iterationCount: 2 },
      {
        onRunStart: (i) => events.push(`start ${i.total}`),
        onRequestEnd: (r, i) => events.push(`${r.name}#${r.iteration} ${i.index}/${i.total}`),
      },
    );
    expect(events).to.deep.equal(['start 4', 'one#1 0/4', 'two#1 1/4', 'one#2 2/4', 'two#2 3/4']);
  });
});
