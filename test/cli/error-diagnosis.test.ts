/**
 * An sfcheck error that quotes Salesforce's answer (a refused login) names its diagnosis on stderr too. The redirect
 * Salesforce sends when the user is not admin-approved is delivered to `sfcheck login`'s callback over real HTTP.
 */
import { strict as assert } from 'node:assert';
import { loginSetup, spawnLogin, type LoginSetup } from './login-helpers';

describe('cli: errors carry their diagnosis', function () {
  this.timeout(60_000);
  let s: LoginSetup;
  before(async () => {
    s = await loginSetup();
  });
  after(async () => s?.emu.close());

  it('login refused with OAUTH_APP_ACCESS_DENIED: exit 1, SFCHECK_LOGIN_FAILED and diagnosis SFD_APP_NOT_APPROVED', async () => {
    const login = spawnLogin(s.env);
    const authorize = new URL(await login.url);
    const callback = new URL(authorize.searchParams.get('redirect_uri') ?? '');
    callback.search = new URLSearchParams({
      error: 'OAUTH_APP_ACCESS_DENIED',
      error_description: 'user is not admin approved to access this app',
      state: authorize.searchParams.get('state') ?? '',
    }).toString();
    await (await fetch(callback)).text();
    const r = await login.done;
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /\[SFCHECK_LOGIN_FAILED\]\n  diagnosis SFD_APP_NOT_APPROVED: The user is not allowed to use this Connected App \(sfcheck explain SFD_APP_NOT_APPROVED\)\n/);
  });
});
