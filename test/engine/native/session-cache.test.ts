/**
 * The auth session on its own, against the emulator's token endpoint: tokens cached per run, instance_url captured,
 * the refresh grant preferred once a refresh token is known (and the configured grant when that fails), variables
 * written without overriding a pinned instance URL, incomplete configurations and handlers refused by name.
 */
import { expect } from 'chai';
import { consentOverHttp } from '../../../src/cli/login/consent';
import type { GrantConfig } from '../../../src/engine/result';
import { checkHandler, GRANTS, missingFields, Session, type TokenSender } from '../../../src/engine/native/session/session';
import { VariableStore, type Scopes } from '../../../src/engine/native/variables';
import { useEmulator } from '../../helpers';

const TOKEN_PATH = '/services/oauth2/token';

/** Posts the form with fetch and counts the grants asked for. */
function countingSender(): { send: TokenSender; grants: string[] } {
  const grants: string[] = [];
  const send: TokenSender = async (url, form) => {
    grants.push(form['grant_type'] ?? '');
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    return { status: res.status, body: await res.text() };
  };
  return { send, grants };
}

function scopes(env: Array<{ key: string; value: string }> = [], col: Array<{ key: string; value: string }> = []): Scopes {
  return { globals: new VariableStore(), collection: new VariableStore(col), environment: new VariableStore(env), local: new VariableStore() };
}

describe('native auth session', function () {
  this.timeout(20_000);
  const emu = useEmulator();
  const password = (): GrantConfig => {
    const c = emu().credentials;
    return { grant: 'password', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: c.clientId, clientSecret: c.clientSecret, username: c.username, password: c.password + c.securityToken };
  };

  it('obtains a token once per run, captures instance_url, and reuses it', async () => {
    const { send, grants } = countingSender();
    const session = new Session(password(), send);
    const a = await session.accessToken();
    const b = await session.accessToken();
    if (!('token' in a) || !('token' in b)) throw new Error('no token');
    expect(a.reused).to.equal(false);
    expect(b.reused).to.equal(true);
    expect(b.token.accessToken).to.equal(a.token.accessToken);
    expect(a.token.instanceUrl).to.equal(emu().url);
    expect(grants).to.deep.equal(['password']);
  });

  it('renew: a new token for the stale one, the cached one when another request already renewed', async () => {
    const { send, grants } = countingSender();
    const session = new Session(password(), send);
    const first = await session.accessToken();
    if (!('token' in first)) throw new Error(first.error);
    const renewed = await session.renew(first.token.accessToken);
    if (!('token' in renewed)) throw new Error(renewed.error);
    expect(renewed.token.accessToken).to.not.equal(first.token.accessToken);
    const again = await session.renew(first.token.accessToken);
    if (!('token' in again)) throw new Error(again.error);
    expect(again).to.deep.include({ reused: true });
    expect(again.token.accessToken).to.equal(renewed.token.accessToken);
    expect(grants).to.deep.equal(['password', 'password']);
  });

  it('prefers the refresh grant once a refresh token is known; falls back to the configured grant when it is refused', async () => {
    const c = emu().credentials;
    const tokens = await consentOverHttp({ loginUrl: emu().url, clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri, username: c.username, password: c.password });
    const good = countingSender();
    const withRefresh = new Session({ ...password(), refreshToken: tokens.refresh_token }, good.send);
    const t = await withRefresh.renew(undefined);
    expect('token' in t && t.token.grant).to.equal('refresh_token');
    expect(good.grants).to.deep.equal(['refresh_token']);

    const bad = countingSender();
    const stale = new Session({ ...password(), refreshToken: 'not-a-refresh-token' }, bad.send);
    const u = await stale.renew(undefined);
    expect('token' in u && u.token.grant).to.equal('password');
    expect(bad.grants).to.deep.equal(['refresh_token', 'password']);
  });

  it('install: the token into the environment (and the collection when it defines it); a pinned instance_url stays', async () => {
    const session = new Session(password(), countingSender().send);
    const got = await session.accessToken();
    if (!('token' in got)) throw new Error(got.error);
    const empty = scopes([{ key: 'instance_url', value: '' }], [{ key: 'access_token', value: 'old' }]);
    session.install(empty, got.token);
    expect(empty.environment.get('access_token')).to.equal(got.token.accessToken);
    expect(empty.collection.get('access_token')).to.equal(got.token.accessToken);
    expect(empty.environment.get('instance_url')).to.equal(emu().url);
    const pinned = scopes([{ key: 'instance_url', value: 'https://pinned.example.invalid' }]);
    session.install(pinned, got.token);
    expect(pinned.environment.get('instance_url')).to.equal('https://pinned.example.invalid');
    expect(pinned.collection.has('access_token')).to.equal(false);
  });

  it('honours other variable names from the GrantConfig', async () => {
    const session = new Session({ ...password(), variables: { accessToken: 'sf_token', instanceUrl: 'sf_instance' } }, countingSender().send);
    const got = await session.accessToken();
    if (!('token' in got)) throw new Error(got.error);
    const s = scopes();
    session.install(s, got.token);
    expect(s.environment.get('sf_token')).to.equal(got.token.accessToken);
    expect(s.environment.get('sf_instance')).to.equal(emu().url);
    expect(s.environment.has('access_token')).to.equal(false);
  });

  it('names what an incomplete configuration lacks, and sends nothing', async () => {
    const { send, grants } = countingSender();
    expect(missingFields({ grant: 'jwt_bearer', tokenUrl: 'http://127.0.0.1/t', clientId: 'x' })).to.deep.equal(['username', 'privateKeyPem']);
    expect(missingFields({ grant: 'refresh_token', tokenUrl: '', clientId: 'x' })).to.deep.equal(['tokenUrl', 'refreshToken']);
    const session = new Session({ grant: 'client_credentials', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: 'x' }, send);
    const r = await session.accessToken();
    expect(r).to.deep.equal({ error: 'the client_credentials grant is missing clientSecret' });
    expect(grants).to.deep.equal([]);
  });

  it('a JWT key that is not a PEM private key is an error naming the problem, not the key', async () => {
    const session = new Session({ grant: 'jwt_bearer', tokenUrl: `${emu().url}${TOKEN_PATH}`, clientId: 'x', username: 'u', privateKeyPem: 'SECRET-not-a-pem' }, countingSender().send);
    const r = await session.accessToken();
    expect('error' in r && r.error).to.match(/jwt_bearer token request could not be built: the JWT key is not a PEM private key/);
    expect('error' in r && r.error).to.not.include('SECRET-not-a-pem');
  });

  it('every grant has a handler behind the one contract; an incomplete handler is refused', () => {
    expect(Object.keys(GRANTS).sort()).to.deep.equal(['client_credentials', 'jwt_bearer', 'password', 'refresh_token']);
    for (const [name, h] of Object.entries(GRANTS)) expect(h.grant).to.equal(name);
    expect(() => checkHandler({ grant: 'password', needs: [] })).to.throw(/needs grant, needs and form/);
  });
});
