/** The wire spec's §10 client-library checklist, points 1-4 (token, token errors, revoke, identity): one test per point. */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { isId } from '../../src/emulator/ids';
import { call, login, passwordForm, postForm, useEmulator } from './helpers';
import { TOKEN } from './oauth-helpers';

describe('wire spec §10 checklist, points 1-4', () => {
  const emu = useEmulator();

  it('1. token: id ends in /<org18>/<user18>, absolute instance_url without /services, correct signature, issued_at in epoch ms', async () => {
    const t = await login(emu());
    const [org, user] = t.id.split('/').slice(-2);
    assert.ok(isId(org!) && org!.length === 18 && org!.startsWith('00D'));
    assert.ok(isId(user!) && user!.length === 18 && user!.startsWith('005'));
    assert.match(t.instance_url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(t.signature, createHmac('sha256', emu().credentials.clientSecret).update(t.id + t.issued_at).digest('base64'));
    assert.equal(typeof t.issued_at, 'string');
    assert.match(t.issued_at, /^\d{13}$/);
  });

  it('2. token errors: JSON {error, error_description} with 400; form, query string and Basic accepted; JSON body → unsupported_grant_type', async () => {
    const form = passwordForm(emu());
    const bad = await postForm(emu(), TOKEN, { ...form, password: 'nope' });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(JSON.parse(bad.text) as object), ['error', 'error_description']);
    assert.equal((await call(emu(), `${TOKEN}?${new URLSearchParams(form).toString()}`, { method: 'POST' })).status, 200);
    const { client_id: id, client_secret: secret, ...rest } = form;
    const basic = await postForm(emu(), TOKEN, rest, { Authorization: `Basic ${Buffer.from(`${id!}:${secret!}`).toString('base64')}` });
    assert.equal(basic.status, 200);
    const json = await call(emu(), TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form) });
    assert.equal(json.status, 400);
    assert.equal(JSON.parse(json.text).error, 'unsupported_grant_type');
  });

  it('3. revoke: 200 with an empty body; 400 with a form-urlencoded error body', async () => {
    const ok = await postForm(emu(), '/services/oauth2/revoke', { token: (await login(emu())).access_token });
    assert.equal(ok.status, 200);
    assert.equal(ok.text, '');
    const bad = await postForm(emu(), '/services/oauth2/revoke', { token: 'unknown' });
    assert.equal(bad.status, 400);
    const parsed = new URLSearchParams(bad.text);
    assert.equal(parsed.get('error'), 'unsupported_token_type');
    assert.equal(parsed.get('error_description'), 'this token type is not supported');
  });

  it('4. userinfo and identity URL: JSON booleans, ms utcOffset, Bearer / oauth_token / access_token / format=json; bad token → 403 text/plain', async () => {
    const t = await login(emu());
    const idPath = new URL(t.id).pathname;
    for (const path of ['/services/oauth2/userinfo', idPath]) {
      const cases: { url: string; headers: Record<string, string> }[] = [
        { url: `${path}?format=json`, headers: { Authorization: `Bearer ${t.access_token}` } },
        { url: `${path}?format=json&oauth_token=${encodeURIComponent(t.access_token)}`, headers: {} },
        { url: `${path}?access_token=${encodeURIComponent(t.access_token)}`, headers: {} },
      ];
      for (const init of cases) {
        const res = await call(emu(), init.url, { headers: init.headers });
        assert.equal(res.status, 200, init.url);
        const body = JSON.parse(res.text) as Record<string, unknown>;
        assert.equal(body.active, true);
        assert.equal(body.email_verified, true);
        assert.equal(body.utcOffset, -28_800_000);
      }
      const bad = await call(emu(), path, { headers: { Authorization: 'Bearer bad' } });
      assert.equal(bad.status, 403);
      assert.equal(bad.headers.get('content-type'), 'text/plain');
      assert.equal(bad.text, 'Bad_OAuth_Token');
    }
  });
});
