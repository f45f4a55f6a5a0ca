import assert from 'node:assert/strict';
import { call, login, soqlPath, useEmulator } from './helpers';

const INVALID_SESSION = '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

function usage(header: string | null): { used: number; max: number } {
  const match = /^api-usage=(\d+)\/(\d+)$/.exec(header ?? '');
  assert.ok(match, `Sforce-Limit-Info: ${header}`);
  return { used: Number(match[1]), max: Number(match[2]) };
}

describe('emulator REST authentication and API usage', () => {
  const emu = useEmulator();
  let token = '';
  before(async () => {
    token = (await login(emu())).access_token;
  });

  it('answers a missing or unknown token with 401 INVALID_SESSION_ID', async () => {
    const path = soqlPath('SELECT Id FROM Account');
    for (const headers of [{}, { Authorization: 'Bearer 00Dnope!AQnope' }] as Record<string, string>[]) {
      const res = await call(emu(), path, { headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
      assert.equal(res.text, INVALID_SESSION);
    }
  });

  it('answers an Authorization header of another scheme, or the token alone, with 401 INVALID_AUTH_HEADER (wire spec §6.4)', async () => {
    const path = soqlPath('SELECT Id FROM Account');
    for (const headers of [{ Authorization: token }, { Authorization: `Basic ${token}` }, { Authorization: 'Bearer' }] as Record<string, string>[]) {
      const res = await call(emu(), path, { headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
      assert.equal(res.text, '[{"message":"INVALID_HEADER_TYPE","errorCode":"INVALID_AUTH_HEADER"}]');
    }
  });

  it('accepts the OAuth scheme as well as Bearer', async () => {
    const res = await call(emu(), soqlPath('SELECT Id FROM Account LIMIT 1'), { headers: { Authorization: `OAuth ${token}` } });
    assert.equal(res.status, 200, res.text);
  });

  it('counts each authenticated request in Sforce-Limit-Info', async () => {
    const headers = { Authorization: `Bearer ${token}` };
    const first = usage((await call(emu(), soqlPath('SELECT Id FROM Account'), { headers })).headers.get('sforce-limit-info'));
    const second = usage((await call(emu(), soqlPath('SELECT Id FROM Contact'), { headers })).headers.get('sforce-limit-info'));
    const failed = usage((await call(emu(), soqlPath('SELECT Nope FROM Contact'), { headers })).headers.get('sforce-limit-info'));
    const missing = usage((await call(emu(), '/services/data/v58.0/nope', { headers })).headers.get('sforce-limit-info'));
    assert.equal(first.max, 15000);
    assert.ok(first.used >= 1);
    assert.equal(second.used, first.used + 1);
    assert.equal(failed.used, second.used + 1);
    assert.equal(missing.used, failed.used + 1);
  });

  it('does not count rejected requests', async () => {
    const headers = { Authorization: `Bearer ${token}` };
    const before = usage((await call(emu(), soqlPath('SELECT Id FROM Account'), { headers })).headers.get('sforce-limit-info'));
    await call(emu(), soqlPath('SELECT Id FROM Account'), { headers: { Authorization: 'Bearer nope' } });
    const after = usage((await call(emu(), soqlPath('SELECT Id FROM Account'), { headers })).headers.get('sforce-limit-info'));
    assert.equal(after.used, before.used + 1);
  });

  it('answers unknown paths outside the API with NOT_FOUND', async () => {
    const res = await call(emu(), '/nope');
    assert.equal(res.status, 404);
    assert.equal(res.text, '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]');
  });

  it('lists resources by version with an absolute identity URL', async () => {
    const res = await call(emu(), '/services/data/v58.0/', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.equal(body.query, '/services/data/v58.0/query');
    assert.equal(body.sobjects, '/services/data/v58.0/sobjects');
    assert.equal(body.identity, (await login(emu())).id);
  });
});
