/**
 * Conformance with a real client: jsforce 3, unmodified, pointed only at the emulator's 127.0.0.1 URL.
 * Password login, identity(), the web server flow (authorization URL with PKCE, code from the HTML pages,
 * requestToken), JWT bearer via authorize(params), refreshToken, and jsforce's automatic refresh after a 401 once its access token is revoked.
 */
import assert from 'node:assert/strict';
import { importPKCS8, SignJWT } from 'jose';
import { Connection, OAuth2 } from 'jsforce';
import { Browser, parseForm, redirectParams, useStartedEmulator } from './oauth-helpers';

describe('jsforce 3 against the emulator: authentication', () => {
  const emu = useStartedEmulator();

  const oauth2 = (useVerifier = false): OAuth2 =>
    new OAuth2({ loginUrl: emu().url, clientId: emu().credentials.clientId, clientSecret: emu().credentials.clientSecret, redirectUri: emu().credentials.redirectUri, useVerifier });

  async function codeFor(authorizationUrl: string): Promise<string> {
    assert.ok(authorizationUrl.startsWith(`${emu().url}/services/oauth2/authorize?`), authorizationUrl);
    const browser = new Browser(emu());
    let res = await browser.get(authorizationUrl.slice(emu().url.length));
    for (let step = 0; step < 3 && res.status === 200; step++) {
      res = parseForm(res.text).inputs.includes('pw')
        ? await browser.submit(res.text, { username: emu().credentials.username, pw: emu().credentials.password })
        : await browser.submit(res.text, {}, 'allow');
    }
    return redirectParams(res).get('code')!;
  }

  it('logs in with the password grant and reads identity()', async () => {
    const c = emu().credentials;
    const conn = new Connection({ loginUrl: emu().url, oauth2: { clientId: c.clientId, clientSecret: c.clientSecret, loginUrl: emu().url } });
    const info = await conn.login(c.username, c.password + c.securityToken);
    assert.match(info.id, /^005[0-9A-Za-z]{15}$/);
    assert.match(info.organizationId, /^00D[0-9A-Za-z]{15}$/);
    assert.equal(conn.instanceUrl, emu().url);
    const identity = await conn.identity();
    assert.equal(identity.username, c.username);
    assert.equal(identity.user_id, info.id);
    assert.equal(identity.organization_id, info.organizationId);
    assert.equal(typeof (identity as unknown as { active: unknown }).active, 'boolean');
  });

  it('rejects a wrong password with the Salesforce error', async () => {
    const c = emu().credentials;
    const conn = new Connection({ loginUrl: emu().url, oauth2: { clientId: c.clientId, clientSecret: c.clientSecret, loginUrl: emu().url } });
    await assert.rejects(conn.login(c.username, 'wrong'), (e: Error) => e.name === 'invalid_grant' && e.message === 'authentication failure');
  });

  it('completes the web server flow with PKCE: authorization URL, HTML pages, requestToken, then refreshToken', async () => {
    const client = oauth2(true);
    const url = client.getAuthorizationUrl({ scope: 'api refresh_token openid', state: 'jsforce-state' });
    const code = await codeFor(url);
    const conn = new Connection({ oauth2: client });
    const userInfo = await conn.authorize(code);
    assert.match(userInfo.id, /^005/);
    assert.ok(conn.refreshToken, 'a refresh token was granted');
    assert.equal(conn.instanceUrl, emu().url);
    const identity = await conn.identity();
    assert.equal(identity.username, emu().credentials.username);

    const refreshed = await client.refreshToken(conn.refreshToken!);
    assert.ok(refreshed.access_token && refreshed.access_token !== conn.accessToken);
    assert.equal(refreshed.instance_url, emu().url);
  });

  it('refreshes automatically on a 401 after its access token is revoked', async () => {
    const client = oauth2();
    const code = await codeFor(client.getAuthorizationUrl({ scope: 'api refresh_token' }));
    const conn = new Connection({ oauth2: client, version: '58.0' });
    await conn.authorize(code);
    const before = conn.accessToken!;
    let refreshed = 0;
    conn.on('refresh', () => void (refreshed += 1));

    await client.revokeToken(before);
    const result = await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1');
    assert.equal(result.done, true);
    assert.equal(refreshed, 1);
    assert.ok(conn.accessToken && conn.accessToken !== before, 'a new access token is in use');
  });

  it('authorizes with a JWT bearer assertion through conn.authorize(params)', async () => {
    const key = await importPKCS8(emu().local.jwtPrivateKeyPem, 'RS256');
    const assertion = await new SignJWT({ iss: emu().credentials.clientId, sub: emu().credentials.username, aud: emu().loginUrl })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('2m')
      .sign(key);
    const conn = new Connection({ oauth2: oauth2() });
    const userInfo = await conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
    assert.match(userInfo.id, /^005/);
    assert.equal((await conn.identity()).username, emu().credentials.username);
  });

  it('surfaces a revoked refresh token as the Salesforce error', async () => {
    const client = oauth2();
    const code = await codeFor(client.getAuthorizationUrl({ scope: 'api refresh_token' }));
    const conn = new Connection({ oauth2: client });
    await conn.authorize(code);
    await client.revokeToken(conn.refreshToken!);
    await assert.rejects(client.refreshToken(conn.refreshToken!), (e: Error) => e.name === 'invalid_grant' && e.message === 'expired access/refresh token');
  });
});
