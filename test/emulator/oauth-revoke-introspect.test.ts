import assert from 'node:assert/strict';
import { call, login, postForm, useEmulator } from './helpers';
import { exchangeCode, obtainCode, TOKEN } from './oauth-helpers';

const REVOKE = '/services/oauth2/revoke';
const INTROSPECT = '/services/oauth2/introspect';

describe('emulator /services/oauth2/revoke', () => {
  const emu = useEmulator();
  const rest = (token: string) => call(emu(), '/services/data/v58.0/', { headers: { Authorization: `Bearer ${token}` } });

  it('revokes an access token (POST form): 200 empty, then REST 401 and userinfo 403', async () => {
    const { access_token: token } = await login(emu());
    assert.equal((await rest(token)).status, 200);
    const res = await postForm(emu(), REVOKE, { token });
    assert.equal(res.status, 200);
    assert.equal(res.text, '');
    const after = await rest(token);
    assert.equal(after.status, 401);
    assert.equal(after.text, '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]');
    const info = await call(emu(), '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(info.status, 403);
    assert.equal(info.text, 'Bad_OAuth_Token');
  });

  it('accepts GET ?token= and POST with the token in the query string', async () => {
    const a = (await login(emu())).access_token;
    assert.equal((await call(emu(), `${REVOKE}?token=${encodeURIComponent(a)}`)).status, 200);
    assert.equal((await rest(a)).status, 401);
    const b = (await login(emu())).access_token;
    assert.equal((await call(emu(), `${REVOKE}?token=${encodeURIComponent(b)}`, { method: 'POST' })).status, 200);
    assert.equal((await rest(b)).status, 401);
  });

  it('revoking a refresh token ends it and the access tokens issued from it', async () => {
    const body = JSON.parse((await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api refresh_token' }))).text) as { access_token: string; refresh_token: string };
    const c = emu().credentials;
    const refreshed = JSON.parse((await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: c.clientId, client_secret: c.clientSecret })).text) as { access_token: string };
    const other = (await login(emu())).access_token;
    assert.equal((await postForm(emu(), REVOKE, { token: body.refresh_token })).status, 200);
    assert.equal((await rest(body.access_token)).status, 401, 'the first access token');
    assert.equal((await rest(refreshed.access_token)).status, 401, 'the refreshed access token');
    assert.equal((await rest(other)).status, 200, 'an unrelated session survives');
    const again = await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: body.refresh_token, client_id: c.clientId, client_secret: c.clientSecret });
    assert.equal(again.status, 400);
    assert.equal(JSON.parse(again.text).error_description, 'expired access/refresh token');
  });

  it('answers an unknown token with 400 and a form-urlencoded error body', async () => {
    const res = await postForm(emu(), REVOKE, { token: 'nope' });
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /^application\/x-www-form-urlencoded/);
    assert.equal(res.text, 'error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported');
    assert.equal((await call(emu(), REVOKE, { method: 'POST' })).status, 400, 'no token at all');
  });
});

describe('emulator /services/oauth2/introspect', () => {
  const emu = useEmulator();
  const introspect = (token: string, auth: Record<string, string> = { client_id: emu().credentials.clientId, client_secret: emu().credentials.clientSecret }) =>
    postForm(emu(), INTROSPECT, { token, token_type_hint: 'access_token', ...auth }, { Accept: 'application/json' });

  it('describes an active access token and an active refresh token', async () => {
    const body = JSON.parse((await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api refresh_token' }))).text) as { access_token: string; refresh_token: string; id: string };
    const res = await introspect(body.access_token);
    assert.equal(res.status, 200);
    const info = JSON.parse(res.text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(info), ['active', 'scope', 'client_id', 'username', 'sub', 'token_type', 'exp', 'iat', 'nbf']);
    assert.equal(info.active, true);
    assert.equal(info.scope, 'api refresh_token');
    assert.equal(info.client_id, emu().credentials.clientId);
    assert.equal(info.username, emu().credentials.username);
    assert.equal(info.sub, body.id);
    assert.equal(info.token_type, 'access_token');
    assert.ok((info.exp as number) > (info.iat as number));
    const rt = JSON.parse((await introspect(body.refresh_token)).text) as Record<string, unknown>;
    assert.equal(rt.active, true);
    assert.equal(rt.token_type, 'refresh_token');
  });

  it('answers {"active":false} for an unknown or revoked token', async () => {
    assert.equal((await introspect('nope')).text, '{"active":false}');
    const { access_token: token } = await login(emu());
    await postForm(emu(), '/services/oauth2/revoke', { token });
    assert.equal((await introspect(token)).text, '{"active":false}');
  });

  it('requires client authentication (form or Basic)', async () => {
    const { access_token: token } = await login(emu());
    const none = await introspect(token, {});
    assert.equal(none.status, 400);
    assert.equal(JSON.parse(none.text).error, 'invalid_client_id');
    const wrong = await introspect(token, { client_id: emu().credentials.clientId, client_secret: 'nope' });
    assert.equal(JSON.parse(wrong.text).error, 'invalid_client');
    const c = emu().credentials;
    const basic = await postForm(emu(), INTROSPECT, { token }, { Authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}` });
    assert.equal(JSON.parse(basic.text).active, true);
  });
});
