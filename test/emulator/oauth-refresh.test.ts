import assert from 'node:assert/strict';
import type { StartedEmulator } from '../../src/emulator';
import { useEmulator } from '../helpers';
import { call, postForm } from './helpers';
import { exchangeCode, obtainCode, oauthError, TOKEN } from './oauth-helpers';

/** An emulator with options for a describe block. */
const emulatorWith = useEmulator;

async function refreshTokenOf(emu: StartedEmulator, scope = 'api refresh_token'): Promise<string> {
  const body = JSON.parse((await exchangeCode(emu, await obtainCode(emu, { scope }))).text) as { refresh_token: string };
  return body.refresh_token;
}

function refresh(emu: StartedEmulator, token: string, extra: Record<string, string> = {}): ReturnType<typeof postForm> {
  const c = emu.credentials;
  return postForm(emu, TOKEN, { grant_type: 'refresh_token', refresh_token: token, client_id: c.clientId, client_secret: c.clientSecret, ...extra });
}

describe('emulator token endpoint: refresh_token grant (rotation off, the default)', () => {
  const emu = emulatorWith();

  it('returns a new access token without a refresh_token, and the refresh token keeps working', async () => {
    const rt = await refreshTokenOf(emu());
    const first = await refresh(emu(), rt);
    assert.equal(first.status, 200, first.text);
    const body = JSON.parse(first.text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    assert.equal(body.scope, 'api refresh_token');
    const me = await call(emu(), '/services/data/v58.0/', { headers: { Authorization: `Bearer ${body.access_token!}` } });
    assert.equal(me.status, 200);
    assert.equal((await refresh(emu(), rt)).status, 200);
  });

  it('returns an id_token when openid was granted', async () => {
    const body = JSON.parse((await refresh(emu(), await refreshTokenOf(emu(), 'api refresh_token openid'))).text) as Record<string, string>;
    assert.ok(body.id_token && body.id_token.split('.').length === 3);
  });

  it('refuses an unknown refresh token with "expired access/refresh token"', async () => {
    assert.deepEqual(oauthError(await refresh(emu(), '5Aep861nope')), { error: 'invalid_grant', error_description: 'expired access/refresh token' });
  });

  it('requires the secret by default ("Require Secret for Refresh Token Flow")', async () => {
    const rt = await refreshTokenOf(emu());
    const c = emu().credentials;
    const res = await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: rt, client_id: c.clientId });
    assert.deepEqual(oauthError(res), { error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  it('refuses a refresh token of a deactivated user', async () => {
    const rt = await refreshTokenOf(emu());
    const user = emu().local.org.users.find((u) => u.username === emu().credentials.username)!;
    user.active = false;
    try {
      assert.deepEqual(oauthError(await refresh(emu(), rt)), { error: 'invalid_grant', error_description: 'inactive user' });
    } finally {
      user.active = true;
    }
  });
});

describe('emulator refresh_token grant with rotation on and no secret required', () => {
  const emu = emulatorWith({ app: { refreshTokenRotation: true, requireSecretForRefreshTokenFlow: false } });

  it('returns a new refresh token and invalidates the old one', async () => {
    const rt = await refreshTokenOf(emu());
    const c = emu().credentials;
    const res = await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: rt, client_id: c.clientId });
    assert.equal(res.status, 200, res.text);
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'refresh_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    assert.notEqual(body.refresh_token, rt);
    assert.deepEqual(oauthError(await refresh(emu(), rt)), { error: 'invalid_grant', error_description: 'expired access/refresh token' });
    assert.equal((await refresh(emu(), body.refresh_token!)).status, 200);
  });

  it('still checks a wrong secret when one is sent', async () => {
    const rt = await refreshTokenOf(emu());
    assert.equal(oauthError(await refresh(emu(), rt, { client_secret: 'wrong' })).error, 'invalid_client');
  });
});
