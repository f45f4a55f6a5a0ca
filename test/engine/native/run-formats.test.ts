/**
 * Collection format v2.0 runs natively as newman runs it (auth parameters as a map, variables by id, string URLs), and
 * reports of a multi-iteration run keep each iteration apart.
 */
import { expect } from 'chai';
import { check } from '../../../src/check';
import { renderJunit } from '../../../src/report';
import { Redactor } from '../../../src/report';
import { nativeEngine } from '../../../src/engine/native';
import { tests, useTestServer } from './helpers';
import { runBoth } from './run-both';

describe('native engine: collection format v2.0 (agrees with newman)', function () {
  this.timeout(60_000);
  const server = useTestServer();

  it('auth parameters as a map, a string URL, folder auth inherited; a variable with only an id stays unresolved (postman-collection)', async () => {
    const col = {
      info: { _postman_id: 'v20', name: 'v2.0 collection', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      variable: [
        { id: 'base', key: 'base', value: server().base, type: 'string' },
        { id: 'tok', key: 'tok', value: 'collection-token', type: 'string' },
        { id: 'only-id', value: 'never', type: 'string' },
      ],
      auth: { type: 'bearer', bearer: { token: '{{tok}}' } },
      item: [
        { id: 'plain', name: 'plain', request: '{{base}}/plain?x={{only-id}}' },
        {
          name: 'folder',
          auth: { type: 'bearer', bearer: { token: 'folder-token' } },
          item: [
            {
              id: 'inner',
              name: 'inner',
              event: tests("pm.test('bearer', function () { pm.expect(pm.request.headers.get('Authorization')).to.equal('Bearer folder-token'); });"),
              request: { method: 'POST', url: '{{base}}/inner', header: [{ key: 'X-Mode', value: 'v2.0' }], body: { mode: 'raw', raw: 'hello' } },
            },
            { id: 'open', name: 'open', request: { method: 'GET', url: '{{base}}/open', auth: { type: 'noauth' } } },
          ],
        },
      ],
    };
    const before = server().requests.length;
    const { native, newman } = await runBoth(server(), { collection: col });
    const nativeSeen = server().requests.slice(before, before + 3);
    expect(native.received).to.deep.equal(['/plain?x={{only-id}}', '/inner', '/open']);
    expect(nativeSeen.map((r) => r.headers.authorization ?? null)).to.deep.equal(['Bearer collection-token', 'Bearer folder-token', null]);
    expect(nativeSeen[1]?.body).to.equal('hello');
    expect(native.requests[1]?.tests).to.deep.equal([['bearer', true]]);
    expect(newman).to.deep.equal(native);
    // newman sent the same authorization headers
    expect(server().requests.slice(before + 3).map((r) => r.headers.authorization ?? null)).to.deep.equal(['Bearer collection-token', 'Bearer folder-token', null]);
  });

  it('JUnit keeps one suite per request per iteration, labelled with the iteration', async () => {
    const col = {
      info: { name: 'iterations', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ id: 'r', name: 'r', event: tests("pm.test('q is ' + pm.iterationData.get('q'), function () { pm.expect(pm.iterationData.get('q')).to.equal('a'); });"), request: `${server().base}/r/{{q}}` }],
    };
    const run = check(await nativeEngine.run({ collection: col, iterationData: [{ q: 'a' }, { q: 'b' }] }));
    expect(run.summary.requests).to.include({ total: 2, passed: 1, failed: 1 });
    const xml = renderJunit(run, new Redactor(), 'test-host');
    expect(xml).to.match(/<testsuite name="r \(iteration 1\)"[^>]*failures="0"/);
    expect(xml).to.match(/<testsuite name="r \(iteration 2\)"[^>]*failures="1"/);
    expect(xml).to.include('<testcase name="q is b"');
  });
});
