/**
 * `sfcheck login` against the emulator, the browser replaced by the login and consent forms submitted over HTTP
 * (test/browser does it with Chromium): the stored refresh token (0600, never printed), Deny, a forged state, a busy
 * port, a time-out, bad settings; then `verify --flow uca` with the stored login.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { driveAuthorizeForms } from '../../src/cli/login/forms';
import { LOCAL_USERS } from '../../src/emulator';
import { runCli, tempDir } from '../helpers';
import { freePort, loginSetup, spawnLogin, type LoginSetup } from './login-helpers';

describe('cli: login', function () {
  this.timeout(60_000);
  let s: LoginSetup;
  before(async () => {
    s = await loginSetup();
  });
  after(async () => s?.emu.close());

  const follow = async (location: string) => {
    const res = await fetch(location);
    return { status: res.status, text: await res.text() };
  };

  it('Allow: stores the refresh token 0600 under XDG_CONFIG_HOME, prints no token; verify --flow uca then passes with it', async () => {
    const login = spawnLogin(s.env);
    const url = await login.url;
    assert.match(url, /code_challenge_method=S256/);
    assert.match(url, /[?&]state=[A-Za-z0-9_-]{16,}/);
    assert.match(url, /scope=api\+refresh_token\+offline_access\+openid/);
    const location = await driveAuthorizeForms(url, { username: LOCAL_USERS.salesRep.username, password: LOCAL_USERS.salesRep.password, decision: 'allow' });
    assert.ok(location.startsWith(s.redirectUri), location);
    assert.equal((await follow(location)).status, 200);
    const r = await login.done;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const file = join(s.configHome, 'sfcheck', 'sandbox.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(join(s.configHome, 'sfcheck')).mode & 0o077, 0);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { refresh_token: string };
    assert.match(stored.refresh_token, /^5Aep861/);
    assert.ok(!(r.stdout + r.stderr).includes(stored.refresh_token), 'the refresh token was printed');
    assert.match(r.stdout, new RegExp(`stored in ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    const out = tempDir();
    const v = await runCli(['verify', '--env', 'sandbox', '--flow', 'uca', '--out', out], { env: s.env, cwd: out });
    assert.equal(v.code, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /PASSED {2}requests 4\/4 passed/);
    const reports = ['junit.xml', 'report.json', 'report.html'].map((f) => readFileSync(join(out, f), 'utf8')).join('');
    assert.ok(!(reports + v.stdout + v.stderr).includes(stored.refresh_token), 'the refresh token reached a report');
  });

  it('--admin stores the admin\'s login beside the user\'s; verify --flow user-access then proves user-level access with both', async () => {
    const env = { ...s.env, XDG_CONFIG_HOME: tempDir('sfcheck-config-') };
    for (const [who, extra] of [[LOCAL_USERS.salesRep, []], [LOCAL_USERS.admin, ['--admin']]] as const) {
      const login = spawnLogin(env, [...extra]);
      const location = await driveAuthorizeForms(await login.url, { username: who.username, password: who.password, decision: 'allow' });
      await follow(location);
      const r = await login.done;
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
    assert.equal(statSync(join(env.XDG_CONFIG_HOME, 'sfcheck', 'sandbox.admin.json')).mode & 0o777, 0o600);
    const out = tempDir();
    const v = await runCli(['verify', '--env', 'sandbox', '--flow', 'user-access', '-r', 'cli', '--out', out], { env, cwd: out });
    assert.equal(v.code, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /PASSED {2}requests 8\/8 passed/);
  });

  it('Deny: exit 1, access_denied explained, nothing stored', async () => {
    const env = { ...s.env, XDG_CONFIG_HOME: tempDir('sfcheck-config-') };
    const login = spawnLogin(env);
    const location = await driveAuthorizeForms(await login.url, { username: LOCAL_USERS.salesRep.username, password: LOCAL_USERS.salesRep.password, decision: 'deny' });
    assert.match(location, /error=access_denied/);
    await follow(location);
    const r = await login.done;
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /access was denied on the consent page \(access_denied: end-user denied authorization\)/);
    assert.match(r.stderr, /click Allow/);
    assert.match(r.stderr, /\[SFCHECK_LOGIN_DENIED\]/);
    assert.ok(!existsSync(join(env.XDG_CONFIG_HOME, 'sfcheck', 'sandbox.json')), 'nothing stored');
  });

  it('a callback with another state is refused: exit 1, SFCHECK_LOGIN_STATE', async () => {
    const login = spawnLogin({ ...s.env, XDG_CONFIG_HOME: tempDir('sfcheck-config-') });
    await login.url;
    const res = await follow(`${s.redirectUri}?code=aPrxForged&state=not-the-state`);
    assert.equal(res.status, 400);
    const r = await login.done;
    assert.equal(r.code, 1);
    assert.match(r.stderr, /different state/);
    assert.match(r.stderr, /\[SFCHECK_LOGIN_STATE\]/);
  });

  it('the callback port in use: exit 2 naming the port', async () => {
    const port = await freePort();
    const busy = createServer().listen(port, '127.0.0.1');
    try {
      const r = await runCli(['login', '--env', 'sandbox', '--no-browser'], { env: { ...s.env, SF_REDIRECT_URI: `http://localhost:${port}/OauthRedirect` } });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, new RegExp(`port ${port} .* already in use`));
      assert.match(r.stderr, /\[SFCHECK_LOGIN_PORT_BUSY\]/);
    } finally {
      busy.close();
    }
  });

  it('no answer in time: exit 3, SFCHECK_LOGIN_TIMEOUT', async () => {
    const r = await runCli(['login', '--env', 'sandbox', '--no-browser', '--timeout', '1'], { env: { ...s.env, SF_REDIRECT_URI: `http://127.0.0.1:${await freePort()}/cb` } });
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stderr, /no answer from the browser within 1 s/);
  });

  it('bad settings: missing SF_CLIENT_ID, a redirect URI it cannot listen on, --env local', async () => {
    const missing = await runCli(['login', '--env', 'production', '--no-browser'], { env: { XDG_CONFIG_HOME: s.configHome } });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /SF_CLIENT_ID, SF_CLIENT_SECRET/);
    const remote = await runCli(['login', '--no-browser'], { env: { ...s.env, SF_REDIRECT_URI: 'https://example.com/callback' } });
    assert.equal(remote.code, 2);
    assert.match(remote.stderr, /must be http:\/\/localhost:PORT/);
    const local = await runCli(['login', '--env', 'local']);
    assert.equal(local.code, 2);
    assert.match(local.stderr, /sandbox or production/);
  });
});
