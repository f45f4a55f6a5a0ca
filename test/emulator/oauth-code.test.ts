import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { useEmulator } from '../helpers';
import { call } from './helpers';
import { clock, exchangeCode, obtainCode, oauthError, pkce } from './oauth-helpers';

function halfHash(v: string): string {
  return createHash('sha256').update(v).digest().subarray(0, 16).toString('base64url');
}

/** An emulator with options for a describe block. */
const emulatorWith = useEmulator;

describe('emulator token endpoint: authorization_code grant', () => {
  const time = clock();
  const emu = emulatorWith({ now: time.now });

  it('exchanges a code for the web-server-flow body: keys in order, signature, scope, refresh token, verified id_token', async () => {
    const code = await obtainCode(emu(), { scope: 'api refresh_token openid', nonce: 'n-123' });
    assert.match(code, /^aPrx[A-Za-z0-9_-]+==$/);
    const res = await exchangeCode(emu(), code);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'refresh_token', 'signature', 'scope', 'id_token', 'instance_url', 'id', 'token_type', 'issued_at']);
    assert.equal(body.scope, 'api refresh_token openid');
    assert.match(body.refresh_token!, /^5Aep861/);
    assert.equal(body.instance_url, emu().url);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.issued_at, String(time.now()));
    assert.ok(!('expires_in' in body));
    assert.equal(body.signature, createHmac('sha256', emu().credentials.clientSecret).update(body.id! + body.issued_at!).digest('base64'));

    const jwks = JSON.parse((await call(emu(), '/id/keys')).text) as JSONWebKeySet;
    const header = decodeProtectedHeader(body.id_token!);
    assert.deepEqual(Object.keys(header), ['kid', 'typ', 'alg']);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.kid, jwks.keys[0]!.kid);
    const { payload } = await jwtVerify(body.id_token!, createLocalJWKSet(jwks), {
      issuer: emu().url,
      audience: emu().credentials.clientId,
      currentDate: new Date(time.now()),
    });
    assert.equal(payload.sub, body.id);
    assert.equal(payload.at_hash, halfHash(body.access_token!));
    assert.equal(payload.c_hash, halfHash(code));
    assert.equal(payload.nonce, 'n-123');
    assert.equal(payload.exp! - payload.iat!, 120);

    const me = await call(emu(), '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${body.access_token!}` } });
    assert.equal(me.status, 200);
  });

  it('sends no refresh_token without refresh_token/offline_access and no id_token without openid', async () => {
    const body = JSON.parse((await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api' }))).text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    assert.equal(body.scope, 'api');
    const offline = JSON.parse((await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api offline_access' }))).text) as Record<string, string>;
    assert.ok(offline.refresh_token);
  });

  it('refuses a reused code and an unknown code', async () => {
    const code = await obtainCode(emu(), { scope: 'api' });
    assert.equal((await exchangeCode(emu(), code)).status, 200);
    assert.deepEqual(oauthError(await exchangeCode(emu(), code)), { error: 'invalid_grant', error_description: 'invalid authorization code' });
    assert.deepEqual(oauthError(await exchangeCode(emu(), 'aPrxNOPE==')), { error: 'invalid_grant', error_description: 'invalid authorization code' });
  });

  it('expires a code after 15 minutes (injected clock)', async () => {
    const fresh = await obtainCode(emu(), { scope: 'api' });
    time.advance(15 * 60 * 1000 - 1000);
    assert.equal((await exchangeCode(emu(), fresh)).status, 200, 'still valid just before 15 minutes');
    const old = await obtainCode(emu(), { scope: 'api' });
    time.advance(15 * 60 * 1000 + 1);
    assert.deepEqual(oauthError(await exchangeCode(emu(), old)), { error: 'invalid_grant', error_description: 'expired authorization code' });
  });

  it('requires the exact redirect_uri used at /authorize', async () => {
    const code = await obtainCode(emu(), { scope: 'api' });
    const res = await exchangeCode(emu(), code, { redirect_uri: emu().credentials.redirectUri + '/' });
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(oauthError(res), { error: 'redirect_uri_mismatch', error_description: 'redirect_uri must match configuration' });
  });

  it('requires the client secret by default ("Require Secret for Web Server Flow")', async () => {
    const code = await obtainCode(emu(), { scope: 'api' });
    assert.deepEqual(oauthError(await exchangeCode(emu(), code, { client_secret: '' })), { error: 'invalid_client', error_description: 'invalid client credentials' });
  });

  describe('PKCE', () => {
    it('accepts the S256 verifier (method omitted, as jsforce sends it, or S256)', async () => {
      for (const method of [undefined, 'S256']) {
        const p = pkce('S256');
        const extra: Record<string, string> = { scope: 'api', code_challenge: p.challenge };
        if (method) extra.code_challenge_method = method;
        const res = await exchangeCode(emu(), await obtainCode(emu(), extra), { code_verifier: p.verifier });
        assert.equal(res.status, 200, res.text);
      }
    });

    it('accepts the plain verifier when the method is plain', async () => {
      const p = pkce('plain');
      const code = await obtainCode(emu(), { scope: 'api', code_challenge: p.challenge, code_challenge_method: 'plain' });
      assert.equal((await exchangeCode(emu(), code, { code_verifier: p.verifier })).status, 200);
    });

    it('refuses a missing verifier and a wrong verifier with invalid_grant', async () => {
      const p = pkce();
      const missing = await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api', code_challenge: p.challenge }));
      assert.equal(oauthError(missing).error, 'invalid_grant');
      const wrong = await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api', code_challenge: p.challenge }), { code_verifier: pkce().verifier });
      assert.deepEqual(oauthError(wrong), { error: 'invalid_grant', error_description: 'invalid code verifier' });
      const plainAsS256 = await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api', code_challenge: p.verifier }), { code_verifier: p.verifier });
      assert.equal(oauthError(plainAsS256).error, 'invalid_grant', 'S256 is assumed when no method is sent');
    });
  });
});

describe('emulator authorization_code grant: configured app and behaviour', () => {
  const emu = emulatorWith({
    app: { requireSecretForWebServerFlow: false },
    oauth: { pkceMismatchError: { error: 'invalid_request', description: 'invalid code verifier' } },
  });

  it('exchanges without a secret when the app does not require one, but still checks a secret that is sent', async () => {
    const wrong = await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api' }), { client_secret: 'wrong' });
    assert.equal(oauthError(wrong).error, 'invalid_client');
    const c = emu().credentials;
    const code = await obtainCode(emu(), { scope: 'api' });
    const noSecret = await call(emu(), '/services/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: c.clientId, redirect_uri: c.redirectUri }).toString(),
    });
    assert.equal(noSecret.status, 200, noSecret.text);
  });

  it('uses the configured PKCE mismatch body', async () => {
    const p = pkce();
    const res = await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api', code_challenge: p.challenge }), { code_verifier: 'x'.repeat(43) });
    assert.deepEqual(oauthError(res), { error: 'invalid_request', error_description: 'invalid code verifier' });
  });
});
