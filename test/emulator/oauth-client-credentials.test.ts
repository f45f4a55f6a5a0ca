import assert from 'node:assert/strict';
import { startEmulator, type StartedEmulator } from '../../src/emulator';
import { call, postForm } from './helpers';
import { oauthError, postFormToLoginHost, TOKEN } from './oauth-helpers';

describe('emulator token endpoint: client_credentials grant', () => {
  let emu: StartedEmulator;
  before(async () => {
    emu = await startEmulator();
  });
  after(async () => emu.close());
  afterEach(() => {
    emu.local.app.clientCredentialsUser = null;
    emu.local.app.permittedUsers = 'admin_approved';
  });

  const form = (): Record<string, string> => ({ grant_type: 'client_credentials', client_id: emu.credentials.clientId, client_secret: emu.credentials.clientSecret });

  it('issues a token as the run-as user on the My Domain host', async () => {
    emu.local.app.clientCredentialsUser = emu.credentials.username;
    const res = await postForm(emu, TOKEN, form());
    assert.equal(res.status, 200, res.text);
    const body = JSON.parse(res.text) as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    assert.ok(!('refresh_token' in body) && !('id_token' in body));
    assert.equal(body.instance_url, emu.url);
    const me = JSON.parse((await call(emu, '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${body.access_token!}` } })).text) as { preferred_username: string };
    assert.equal(me.preferred_username, emu.credentials.username);
  });

  it('answers "request not supported on this domain" on the login host', async () => {
    emu.local.app.clientCredentialsUser = emu.credentials.username;
    const res = await postFormToLoginHost(emu, TOKEN, form());
    assert.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
    assert.deepEqual(oauthError(res), { error: 'invalid_grant', error_description: 'request not supported on this domain' });
  });

  it('answers "no client credentials user enabled" without a run-as user', async () => {
    assert.deepEqual(oauthError(await postForm(emu, TOKEN, form())), { error: 'invalid_grant', error_description: 'no client credentials user enabled' });
  });

  it('requires the client secret', async () => {
    emu.local.app.clientCredentialsUser = emu.credentials.username;
    assert.equal(oauthError(await postForm(emu, TOKEN, { ...form(), client_secret: 'nope' })).error, 'invalid_client');
  });

  it('answers invalid_app_access when the run-as user is not pre-authorized on an admin-approved app', async () => {
    const other = emu.local.org.users.find((u) => u.username !== emu.credentials.username)!;
    const saved = other.permissionSets;
    other.permissionSets = [];
    emu.local.app.clientCredentialsUser = other.username;
    try {
      assert.deepEqual(oauthError(await postForm(emu, TOKEN, form())), { error: 'invalid_app_access', error_description: 'user is not admin approved to access this app' });
    } finally {
      other.permissionSets = saved;
    }
  });
});
