/** Faults on demand: each kind over real HTTP on 127.0.0.1, at its rate and on its route only. */
import { strict as assert } from 'node:assert';
import { Agent, request } from 'undici';
import { parseFault } from '../../src/emulator';
import { useEmulator } from '../helpers';
import { loginAs } from './data-helpers';
import { LOCAL_USERS } from '../../src/emulator';

const QUERY = '/services/data/v62.0/query?q=SELECT+Id+FROM+Account+LIMIT+1';

async function get(url: string, token: string, agent: Agent) {
  const res = await request(url, { headers: { authorization: `Bearer ${token}` }, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

describe('emulator faults', function () {
  this.timeout(20_000);
  const agent = new Agent({ keepAliveTimeout: 1000 });
  after(() => agent.close());

  it('parses KIND[:rate][@/path] and refuses anything else with the list of kinds', () => {
    assert.deepEqual(parseFault('503:0.5@/services/data'), { kind: '503', rate: 0.5, route: '/services/data' });
    assert.deepEqual(parseFault('reset'), { kind: 'reset', rate: 1 });
    assert.throws(() => parseFault('explode'), /not a fault.*one of .*latency.*reset/);
    assert.throws(() => parseFault('500:2'), /rate must be a number in \(0, 1\]/);
  });

  describe('replies: 429, 503, 500, bad JSON, the maintenance page', () => {
    const emu = useEmulator({ faults: ['429:0.5@/services/data/v62.0/query', '503@/services/data/v62.0/sobjects', '500@/services/data/v62.0/limits', 'bad-json@/services/data/v62.0/recent', 'html@/services/data/v62.0/search'] });
    let token = '';
    before(async () => {
      token = await loginAs(emu(), LOCAL_USERS.admin);
    });

    it('429 hits every 2nd query at rate 0.5, with Retry-After; the others answer', async () => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(`${emu().url}${QUERY}`, token, agent)).status);
      assert.deepEqual(statuses, [200, 429, 200, 429]);
      const r = await get(`${emu().url}${QUERY}`, token, agent);
      const again = r.status === 429 ? r : await get(`${emu().url}${QUERY}`, token, agent);
      assert.equal(again.headers['retry-after'], '1');
    });

    it('503 with Retry-After, 500 UNKNOWN_EXCEPTION, a JSON content type over a body that is not JSON, the HTML page', async () => {
      const u = emu().url;
      const s503 = await get(`${u}/services/data/v62.0/sobjects`, token, agent);
      assert.equal(s503.status, 503);
      assert.equal(s503.headers['retry-after'], '1');
      const s500 = await get(`${u}/services/data/v62.0/limits`, token, agent);
      assert.equal(s500.status, 500);
      assert.equal((JSON.parse(s500.text) as Array<{ errorCode: string }>)[0]?.errorCode, 'UNKNOWN_EXCEPTION');
      const bad = await get(`${u}/services/data/v62.0/recent`, token, agent);
      assert.match(String(bad.headers['content-type']), /^application\/json/);
      assert.throws(() => JSON.parse(bad.text));
      const html = await get(`${u}/services/data/v62.0/search`, token, agent);
      assert.equal(html.status, 503);
      assert.match(String(html.headers['content-type']), /^text\/html/);
      assert.match(html.text, /maintenance/i);
    });
  });

  describe('connections: reset, truncate, latency', () => {
    const emu = useEmulator({ faults: ['reset@/services/data/v62.0/sobjects', 'truncate@/services/data/v62.0/limits', { kind: 'latency', latencyMs: 300, route: '/services/data/v61.0/query' }] });
    let token = '';
    before(async () => {
      token = await loginAs(emu(), LOCAL_USERS.admin);
    });

    it('reset and truncate end the body early: the client sees an error, not a short success', async () => {
      await assert.rejects(get(`${emu().url}/services/data/v62.0/sobjects`, token, agent));
      await assert.rejects(get(`${emu().url}/services/data/v62.0/limits`, token, agent));
      assert.equal((await get(`${emu().url}${QUERY}`, token, agent)).status, 200, 'other routes are untouched');
    });

    it('latency delays the answer (bounded: one request)', async () => {
      const t = Date.now();
      const r = await get(`${emu().url}${QUERY.replace('v62.0', 'v61.0')}`, token, agent);
      assert.equal(r.status, 200);
      assert.ok(Date.now() - t >= 250, 'the answer waited');
    });
  });

  describe('the org: session revoked mid-run, the server stopping', () => {
    const emu = useEmulator({ faults: ['session@/services/data/v62.0/limits', 'stop@/services/data/v62.0/recent'] });

    it('session: every token is revoked, data calls get 401 INVALID_SESSION_ID', async () => {
      const token = await loginAs(emu(), LOCAL_USERS.admin);
      assert.equal((await get(`${emu().url}${QUERY}`, token, agent)).status, 200);
      const r = await get(`${emu().url}/services/data/v62.0/limits`, token, agent);
      assert.equal(r.status, 401);
      assert.match(r.text, /INVALID_SESSION_ID/);
      assert.equal((await get(`${emu().url}${QUERY}`, token, agent)).status, 401);
    });

    it('stop: the connection closes and nothing listens any more', async () => {
      const token = await loginAs(emu(), LOCAL_USERS.admin);
      await assert.rejects(get(`${emu().url}/services/data/v62.0/recent`, token, agent));
      await assert.rejects(request(`${emu().url}/services/data/`, { dispatcher: new Agent() }).then((r) => r.body.text()));
    });
  });
});
