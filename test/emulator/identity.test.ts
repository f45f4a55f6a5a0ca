import assert from 'node:assert/strict';
import { to15 } from '../../src/emulator/ids';
import { call, login, type TokenBody } from './helpers';
import { useStartedEmulator } from './oauth-helpers';

const FIELDS = [
  'id', 'asserted_user', 'user_id', 'organization_id', 'username', 'nick_name', 'display_name', 'email', 'email_verified', 'first_name',
  'last_name', 'timezone', 'photos', 'addr_street', 'addr_city', 'addr_state', 'addr_country', 'addr_zip', 'mobile_phone',
  'mobile_phone_verified', 'is_lightning_login_user', 'status', 'urls', 'active', 'user_type', 'language', 'locale', 'utcOffset',
  'last_modified_date', 'is_app_installed',
];

describe('emulator identity URL /id/<org>/<user>', () => {
  const emu = useStartedEmulator();
  let token: TokenBody;
  let path: string;
  before(async () => {
    token = await login(emu());
    path = new URL(token.id).pathname;
  });

  it('returns the full field list in order with JSON types (Bearer)', async () => {
    const res = await call(emu(), path, { headers: { Authorization: `Bearer ${token.access_token}` } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    const id = JSON.parse(res.text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(id), FIELDS);
    const [orgId, userId] = token.id.split('/').slice(-2);
    assert.equal(id.id, token.id);
    assert.equal(id.user_id, userId);
    assert.equal(id.organization_id, orgId);
    assert.equal(id.username, emu().credentials.username);
    for (const key of ['asserted_user', 'email_verified', 'mobile_phone_verified', 'is_lightning_login_user', 'active', 'is_app_installed']) {
      assert.equal(typeof id[key], 'boolean', key);
    }
    assert.equal(id.utcOffset, -28_800_000);
    assert.match(id.last_modified_date as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
    assert.deepEqual(id.status, { created_date: null, body: null });
    const urls = id.urls as Record<string, string>;
    assert.equal(urls.rest, `${emu().url}/services/data/v{version}/`);
    assert.equal(urls.partner, `${emu().url}/services/Soap/u/{version}/${to15(orgId!)}`);
  });

  it('accepts access_token / oauth_token parameters, format=json and version', async () => {
    for (const name of ['access_token', 'oauth_token']) {
      const res = await call(emu(), `${path}?format=json&${name}=${encodeURIComponent(token.access_token)}`);
      assert.equal(res.status, 200, name);
    }
    const v = JSON.parse((await call(emu(), `${path}?version=58.0&oauth_token=${encodeURIComponent(token.access_token)}`)).text) as { urls: { rest: string } };
    assert.equal(v.urls.rest, `${emu().url}/services/data/v58.0/`);
  });

  it('answers a missing or bad token with 403 text/plain', async () => {
    const missing = await call(emu(), path);
    assert.equal(missing.status, 403);
    assert.equal(missing.headers.get('content-type'), 'text/plain');
    assert.equal(missing.text, 'Missing_OAuth_Token');
    const bad = await call(emu(), path, { headers: { Authorization: 'Bearer 00Dnope!nope' } });
    assert.equal(bad.status, 403);
    assert.equal(bad.text, 'Bad_OAuth_Token');
  });

  it("answers only for the token's own user", async () => {
    const other = emu().local.org.users.find((u) => u.username !== emu().credentials.username)!;
    const [orgId] = token.id.split('/').slice(-2);
    const res = await call(emu(), `/id/${orgId!}/${other.id}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    assert.equal(res.status, 403);
    const wrongOrg = await call(emu(), `/id/00D000000000001AAA/${other.id}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    assert.equal(wrongOrg.status, 403);
    assert.equal(wrongOrg.text, 'Wrong_Org');
    const garbage = await call(emu(), `/id/x/y`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    assert.equal(garbage.status, 404);
    assert.equal(garbage.text, 'Bad_Id');
  });

  it('reflects the token user in userinfo (another user logs in)', async () => {
    const other = emu().local.org.users.find((u) => u.username !== emu().credentials.username && u.password !== undefined);
    assert.ok(other, 'the org has a second user with a password');
    const c = emu().credentials;
    const res = await fetch(`${emu().url}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: other.username, password: other.password! + (other.securityToken ?? '') }),
    });
    const t = (await res.json()) as TokenBody;
    const info = JSON.parse((await call(emu(), '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${t.access_token}` } })).text) as { user_id: string };
    assert.equal(info.user_id, other.id);
    const id = await call(emu(), new URL(t.id).pathname, { headers: { Authorization: `Bearer ${t.access_token}` } });
    assert.equal(JSON.parse(id.text).username, other.username);
  });
});
