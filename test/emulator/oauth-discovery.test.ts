import assert from 'node:assert/strict';
import { call } from './helpers';
import { raw, useStartedEmulator } from './oauth-helpers';

describe('emulator OpenID discovery and JWKS', () => {
  const emu = useStartedEmulator();

  it('serves /.well-known/openid-configuration with its own URLs (issuer = the host asked)', async () => {
    const res = await call(emu(), '/.well-known/openid-configuration');
    assert.equal(res.status, 200);
    const doc = JSON.parse(res.text) as Record<string, unknown>;
    const base = emu().url;
    assert.equal(doc.issuer, base);
    assert.equal(doc.authorization_endpoint, `${base}/services/oauth2/authorize`);
    assert.equal(doc.token_endpoint, `${base}/services/oauth2/token`);
    assert.equal(doc.revocation_endpoint, `${base}/services/oauth2/revoke`);
    assert.equal(doc.userinfo_endpoint, `${base}/services/oauth2/userinfo`);
    assert.equal(doc.introspection_endpoint, `${base}/services/oauth2/introspect`);
    assert.equal(doc.jwks_uri, `${base}/id/keys`);
    assert.deepEqual(doc.id_token_signing_alg_values_supported, ['RS256']);
    assert.deepEqual(doc.token_endpoint_auth_methods_supported, ['client_secret_post', 'client_secret_basic', 'private_key_jwt']);
    assert.ok((doc.scopes_supported as string[]).includes('refresh_token'));
    const login = JSON.parse((await raw(emu(), { path: '/.well-known/openid-configuration', host: `localhost:${emu().port}` })).text) as { issuer: string };
    assert.equal(login.issuer, emu().loginUrl);
  });

  it('serves /id/keys as a JWKS with an RS256 key and a kid', async () => {
    const res = await call(emu(), '/id/keys');
    assert.equal(res.status, 200);
    const { keys } = JSON.parse(res.text) as { keys: Record<string, string>[] };
    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]!).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(keys[0]!.kty, 'RSA');
    assert.equal(keys[0]!.alg, 'RS256');
    assert.equal(keys[0]!.use, 'sig');
    assert.match(keys[0]!.kid!, /^\d+$/);
  });
});
