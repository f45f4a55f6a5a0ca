import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { isId, to15 } from '../../src/emulator/ids';
import { call, passwordForm, postForm, useEmulator, type HttpResult } from './helpers';

const TOKEN = '/services/oauth2/token';

function assertOAuthError(res: HttpResult, error: string, description: string): void {
  assert.equal(res.status, 400);
  assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(res.text, JSON.stringify({ error, error_description: description }));
}

describe('emulator POST /services/oauth2/token (password grant)', () => {
  const emu = useEmulator();

  it('issues a token with the documented keys, in order, and a verifiable signature', async () => {
    const res = await postForm(emu(), TOKEN, passwordForm(emu()));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'instance_url', 'id', 'token_type', 'issued_at', 'signature']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.instance_url, emu().url);
    assert.doesNotMatch(body.instance_url!, /\/$/);

    const idMatch = new RegExp(`^${emu().url}/id/([0-9A-Za-z]{18})/([0-9A-Za-z]{18})$`).exec(body.id!);
    assert.ok(idMatch, `id ${body.id}`);
    const [, orgId, userId] = idMatch;
    assert.ok(orgId!.startsWith('00D') && isId(orgId!), `org id ${orgId}`);
    assert.ok(userId!.startsWith('005') && isId(userId!), `user id ${userId}`);

    assert.match(body.issued_at!, /^\d{13}$/);
    assert.ok(Math.abs(Number(body.issued_at) - Date.now()) < 10 * 60_000, 'issued_at is epoch milliseconds of now');

    const expected = createHmac('sha256', emu().credentials.clientSecret).update(body.id! + body.issued_at!).digest('base64');
    assert.equal(body.signature, expected);

    assert.match(body.access_token!, /^00D[0-9A-Za-z]{12}![A-Za-z0-9._]{90,}$/);
    assert.equal(body.access_token!.split('!')[0], to15(orgId!));
  });

  it('issues a different access token on every login', async () => {
    const a = JSON.parse((await postForm(emu(), TOKEN, passwordForm(emu()))).text) as { access_token: string };
    const b = JSON.parse((await postForm(emu(), TOKEN, passwordForm(emu()))).text) as { access_token: string };
    assert.notEqual(a.access_token, b.access_token);
  });

  it('accepts the parameters in the query string of a POST without a body', async () => {
    const res = await call(emu(), `${TOKEN}?${new URLSearchParams(passwordForm(emu())).toString()}`, { method: 'POST' });
    assert.equal(res.status, 200, res.text);
    assert.ok((JSON.parse(res.text) as { access_token?: string }).access_token);
  });

  it('accepts client authentication with HTTP Basic', async () => {
    const c = emu().credentials;
    const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
    const res = await postForm(emu(), TOKEN, { grant_type: 'password', username: c.username, password: c.password + c.securityToken }, { Authorization: `Basic ${basic}` });
    assert.equal(res.status, 200, res.text);
  });

  it('rejects a wrong secret sent with HTTP Basic', async () => {
    const c = emu().credentials;
    const basic = Buffer.from(`${c.clientId}:nope`).toString('base64');
    const res = await postForm(emu(), TOKEN, { grant_type: 'password', username: c.username, password: c.password + c.securityToken }, { Authorization: `Basic ${basic}` });
    assertOAuthError(res, 'invalid_client', 'invalid client credentials');
  });

  it('ignores unknown extra parameters and treats the username case-insensitively', async () => {
    const form: Record<string, string> = { ...passwordForm(emu()), code_verifier: 'x'.repeat(43), redirect_uri: 'https://login.salesforce.com/', format: 'json' };
    form.username = form.username!.toUpperCase();
    const res = await postForm(emu(), TOKEN, form);
    assert.equal(res.status, 200, res.text);
  });

  it('answers a wrong password with invalid_grant', async () => {
    const form = passwordForm(emu());
    form.password = 'wrong' + emu().credentials.securityToken;
    assertOAuthError(await postForm(emu(), TOKEN, form), 'invalid_grant', 'authentication failure');
  });

  it('answers a password without the security token with invalid_grant', async () => {
    const form = passwordForm(emu());
    form.password = emu().credentials.password;
    assertOAuthError(await postForm(emu(), TOKEN, form), 'invalid_grant', 'authentication failure');
  });

  it('answers an unknown username with invalid_grant', async () => {
    assertOAuthError(await postForm(emu(), TOKEN, { ...passwordForm(emu()), username: 'nobody@sfcheck.local' }), 'invalid_grant', 'authentication failure');
  });

  it('answers an unknown client_id with invalid_client_id', async () => {
    assertOAuthError(await postForm(emu(), TOKEN, { ...passwordForm(emu()), client_id: '3MVG9unknown' }), 'invalid_client_id', 'client identifier invalid');
  });

  it('answers a wrong or missing client_secret with invalid_client', async () => {
    assertOAuthError(await postForm(emu(), TOKEN, { ...passwordForm(emu()), client_secret: 'nope' }), 'invalid_client', 'invalid client credentials');
    const form = passwordForm(emu());
    delete form.client_secret;
    assertOAuthError(await postForm(emu(), TOKEN, form), 'invalid_client', 'invalid client credentials');
  });

  it('answers an unknown or missing grant_type with unsupported_grant_type', async () => {
    assertOAuthError(await postForm(emu(), TOKEN, { ...passwordForm(emu()), grant_type: 'urn:sfcheck:no-such-grant' }), 'unsupported_grant_type', 'grant type not supported');
    const form = passwordForm(emu());
    delete form.grant_type;
    assertOAuthError(await postForm(emu(), TOKEN, form), 'unsupported_grant_type', 'grant type not supported');
  });

  it('does not parse a JSON body (unsupported_grant_type)', async () => {
    const res = await call(emu(), TOKEN, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordForm(emu())) });
    assertOAuthError(res, 'unsupported_grant_type', 'grant type not supported');
    // Only the content type decides: a form-shaped body labelled as something else is not read either.
    const labelled = await call(emu(), TOKEN, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: new URLSearchParams(passwordForm(emu())).toString() });
    assertOAuthError(labelled, 'unsupported_grant_type', 'grant type not supported');
  });

  it('checks grant type, then client id, then secret, then the user', async () => {
    const base = passwordForm(emu());
    const wrongUser = { ...base, password: 'wrong' };
    const wrongSecret = { ...wrongUser, client_secret: 'nope' };
    const unknownClient = { ...wrongSecret, client_id: 'nope' };
    const unknownGrant = { ...unknownClient, grant_type: 'nope' };
    assertOAuthError(await postForm(emu(), TOKEN, unknownGrant), 'unsupported_grant_type', 'grant type not supported');
    assertOAuthError(await postForm(emu(), TOKEN, unknownClient), 'invalid_client_id', 'client identifier invalid');
    assertOAuthError(await postForm(emu(), TOKEN, wrongSecret), 'invalid_client', 'invalid client credentials');
    assertOAuthError(await postForm(emu(), TOKEN, wrongUser), 'invalid_grant', 'authentication failure');
  });

  it('answers GET with invalid_request "must use HTTP POST"', async () => {
    const res = await call(emu(), `${TOKEN}?${new URLSearchParams(passwordForm(emu())).toString()}`);
    assertOAuthError(res, 'invalid_request', 'must use HTTP POST');
  });
});
