import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { importPKCS8, SignJWT, type KeyLike } from 'jose';
import { startEmulator, type StartedEmulator } from '../../src/emulator';
import { call, postForm } from './helpers';
import { clock, oauthError, TOKEN } from './oauth-helpers';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

describe('emulator token endpoint: JWT bearer grant', () => {
  const time = clock();
  let emu: StartedEmulator;
  let key: KeyLike;
  before(async () => {
    emu = await startEmulator({ now: time.now });
    key = await importPKCS8(emu.local.jwtPrivateKeyPem, 'RS256');
  });
  after(async () => emu.close());

  async function assertion(claims: Record<string, unknown> = {}, signWith: KeyLike = key): Promise<string> {
    const nowS = Math.floor(time.now() / 1000);
    const base = { iss: emu.credentials.clientId, sub: emu.credentials.username, aud: emu.loginUrl, exp: nowS + 120, ...claims };
    return new SignJWT(base).setProtectedHeader({ alg: 'RS256' }).sign(signWith);
  }

  const exchange = async (jwt: string): Promise<ReturnType<typeof postForm>> => postForm(emu, TOKEN, { grant_type: JWT_BEARER, assertion: jwt });

  it('issues a token for a good assertion (aud = the login host) without a secret or refresh token', async () => {
    const res = await exchange(await assertion());
    assert.equal(res.status, 200, res.text);
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.ok(body.access_token && !('refresh_token' in body));
    assert.equal(body.instance_url, emu.url);
    const me = await call(emu, '/services/data/v58.0/', { headers: { Authorization: `Bearer ${body.access_token!}` } });
    assert.equal(me.status, 200);
  });

  it('answers "Audience validation failed" for another audience', async () => {
    for (const aud of [emu.url, 'https://login.salesforce.com', 'https://test.salesforce.com']) {
      assert.deepEqual(oauthError(await exchange(await assertion({ aud }))), { error: 'invalid_grant', error_description: 'Audience validation failed' }, aud);
    }
  });

  it('refuses an expired assertion and one that lives longer than 3 minutes', async () => {
    const nowS = Math.floor(time.now() / 1000);
    assert.equal(oauthError(await exchange(await assertion({ exp: nowS - 1 }))).error, 'invalid_grant');
    assert.equal(oauthError(await exchange(await assertion({ exp: nowS + 4 * 60 }))).error, 'invalid_grant');
    const jwt = await assertion({ exp: nowS + 60 });
    time.advance(61_000);
    assert.equal(oauthError(await exchange(jwt)).error, 'invalid_grant', 'expired by the injected clock');
  });

  it('refuses an assertion signed with another key, and a malformed one', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    assert.deepEqual(oauthError(await exchange(await assertion({}, other))), { error: 'invalid_grant', error_description: 'invalid assertion' });
    assert.equal(oauthError(await exchange('not.a.jwt')).error, 'invalid_grant');
  });

  it('answers invalid_client_id for an unknown issuer and invalid_grant for an unknown subject', async () => {
    assert.deepEqual(oauthError(await exchange(await assertion({ iss: '3MVG9nobody' }))), { error: 'invalid_client_id', error_description: 'client identifier invalid' });
    assert.equal(oauthError(await exchange(await assertion({ sub: 'nobody@example.invalid' }))).error, 'invalid_grant');
  });

  it('answers invalid_app_access for a user the admin-approved app is not assigned to', async () => {
    const user = emu.local.org.users.find((u) => u.username === emu.credentials.username)!;
    const saved = user.permissionSets;
    user.permissionSets = [];
    try {
      assert.deepEqual(oauthError(await exchange(await assertion())), { error: 'invalid_app_access', error_description: 'user is not admin approved to access this app' });
    } finally {
      user.permissionSets = saved;
    }
  });

  it('answers "user hasn\'t approved this consumer" when users self-authorize and this one never did', async () => {
    emu.local.app.permittedUsers = 'all';
    try {
      assert.deepEqual(oauthError(await exchange(await assertion())), { error: 'invalid_grant', error_description: "user hasn't approved this consumer" });
    } finally {
      emu.local.app.permittedUsers = 'admin_approved';
    }
  });
});
