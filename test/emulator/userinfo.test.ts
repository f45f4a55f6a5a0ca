import assert from 'node:assert/strict';
import { isId, to15 } from '../../src/emulator/ids';
import { call, login, postForm, useEmulator, type TokenBody } from './helpers';

const USERINFO = '/services/oauth2/userinfo';
const FIELDS = [
  'sub', 'user_id', 'organization_id', 'preferred_username', 'nickname', 'name', 'email', 'email_verified', 'given_name',
  'family_name', 'zoneinfo', 'photos', 'profile', 'picture', 'address', 'is_salesforce_integration_user', 'urls', 'active',
  'user_type', 'language', 'locale', 'utcOffset', 'updated_at', 'is_app_installed',
];
const URL_KEYS = [
  'enterprise', 'metadata', 'partner', 'rest', 'sobjects', 'search', 'query', 'recent', 'tooling_soap', 'tooling_rest', 'profile',
  'feeds', 'groups', 'users', 'feed_items', 'feed_elements', 'custom_domain',
];

describe('emulator /services/oauth2/userinfo', () => {
  const emu = useEmulator();
  let token: TokenBody;
  before(async () => {
    token = await login(emu());
  });

  it('returns the user info fields in order with JSON types', async () => {
    const res = await call(emu(), USERINFO, { headers: { Authorization: `Bearer ${token.access_token}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    const info = JSON.parse(res.text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(info), FIELDS);

    assert.equal(info.sub, token.id);
    const [orgId, userId] = token.id.split('/').slice(-2);
    assert.equal(info.user_id, userId);
    assert.equal(info.organization_id, orgId);
    assert.ok(isId(info.user_id as string) && (info.user_id as string).length === 18);
    assert.ok(isId(info.organization_id as string) && (info.organization_id as string).length === 18);
    assert.equal(info.preferred_username, emu().credentials.username);
    assert.equal(info.email_verified, true);
    assert.equal(info.is_salesforce_integration_user, false);
    assert.equal(info.active, true);
    assert.equal(info.is_app_installed, true);
    assert.equal(info.user_type, 'STANDARD');
    assert.ok(Number.isInteger(info.utcOffset) && (info.utcOffset as number) % 60_000 === 0, `utcOffset ${String(info.utcOffset)} is in ms`);
    assert.match(info.updated_at as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(Object.keys(info.photos as object), ['picture', 'thumbnail']);
    assert.equal(info.picture, (info.photos as { picture: string }).picture);
    assert.equal(info.profile, `${emu().url}/${userId}`);
    assert.equal(typeof (info.address as { country: unknown }).country, 'string');

    const urls = info.urls as Record<string, string>;
    assert.deepEqual(Object.keys(urls), URL_KEYS);
    assert.equal(urls.rest, `${emu().url}/services/data/v{version}/`);
    assert.equal(urls.enterprise, `${emu().url}/services/Soap/c/{version}/${to15(orgId!)}`);
    assert.equal(urls.partner, `${emu().url}/services/Soap/u/{version}/${to15(orgId!)}`);
    assert.equal(urls.profile, `${emu().url}/${userId}`);
  });

  it('takes the token from access_token or oauth_token parameters, and by POST', async () => {
    for (const name of ['access_token', 'oauth_token']) {
      const res = await call(emu(), `${USERINFO}?${name}=${encodeURIComponent(token.access_token)}`);
      assert.equal(res.status, 200, name);
    }
    const posted = await postForm(emu(), USERINFO, { access_token: token.access_token });
    assert.equal(posted.status, 200);
  });

  it('fills in the version when asked', async () => {
    const res = await call(emu(), `${USERINFO}?version=58.0`, { headers: { Authorization: `Bearer ${token.access_token}` } });
    const urls = (JSON.parse(res.text) as { urls: Record<string, string> }).urls;
    assert.equal(urls.rest, `${emu().url}/services/data/v58.0/`);
  });

  it('answers a bad token with 403 text/plain Bad_OAuth_Token', async () => {
    for (const init of [{ headers: { Authorization: 'Bearer 00Dnope!AQnope' } }, {}]) {
      const path = 'headers' in init ? USERINFO : `${USERINFO}?access_token=nope`;
      const res = await call(emu(), path, init);
      assert.equal(res.status, 403);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
      assert.equal(res.text, 'Bad_OAuth_Token');
    }
  });

  it('answers a missing token with 403 text/plain Missing_OAuth_Token', async () => {
    const res = await call(emu(), USERINFO);
    assert.equal(res.status, 403);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(res.text, 'Missing_OAuth_Token');
  });
});
