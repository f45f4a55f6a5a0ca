import assert from 'node:assert/strict';
import { startEmulator, type StartedEmulator } from '../../src/emulator';
import { call, login, passwordForm, postForm, useEmulator } from './helpers';
import { raw, TOKEN } from './oauth-helpers';

describe('emulator OAuth and identity endpoints: bad input never gives a 5xx', () => {
  const emu = useEmulator();

  it('answers malformed requests with 4xx', async () => {
    const token = (await login(emu())).access_token;
    const attempts: [string, RequestInit][] = [
      ['/id/%E0%A4%A/%ZZ', { headers: { Authorization: `Bearer ${token}` } }],
      ['/id/' + 'a'.repeat(5000) + '/x', { headers: { Authorization: `Bearer ${token}` } }],
      ['/services/oauth2/authorize?client_id=%E0%A4%A', {}],
      ['/services/oauth2/authorize', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"flow":1}' }],
      ['/services/oauth2/authorize', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: '===;;sfcheck_browser=' }, body: 'flow=%ZZ&csrf=' }],
      ['/services/oauth2/authorize', { method: 'DELETE' }],
      [TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=' + 'x.'.repeat(3000) }],
      [TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=eyJhbGciOiJub25lIn0.eyJpc3MiOjF9.' }],
      [TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic %%%' }, body: 'grant_type=authorization_code&code=' }],
      [TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=&client_id=' }],
      ['/services/oauth2/introspect', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'token=x' }],
      ['/services/oauth2/revoke', { method: 'PUT' }],
      ['/id/keys', { method: 'POST' }],
    ];
    for (const [path, init] of attempts) {
      const res = await call(emu(), path, { redirect: 'manual', ...init });
      assert.ok(res.status >= 300 && res.status < 500, `${init.method ?? 'GET'} ${path.slice(0, 60)}: ${res.status} ${res.text.slice(0, 120)}`);
      assert.doesNotMatch(res.text, /at .+\.js:\d+/, 'no stack trace');
    }
    const noHost = await raw(emu(), { path: '/.well-known/openid-configuration', host: '' });
    assert.ok(noHost.status < 500, String(noHost.status));
  });
});

describe('emulator password grant: scope in the response (UNVERIFIED, configurable)', () => {
  let emu: StartedEmulator;
  before(async () => {
    emu = await startEmulator({ oauth: { passwordResponseScope: true } });
  });
  after(async () => emu.close());

  it('adds the granted scopes (without refresh_token) when configured', async () => {
    const body = JSON.parse((await postForm(emu, TOKEN, passwordForm(emu))).text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'instance_url', 'id', 'token_type', 'issued_at', 'signature', 'scope']);
    assert.ok(body.scope!.split(' ').includes('api'));
    assert.ok(!body.scope!.split(' ').includes('refresh_token'));
  });
});
