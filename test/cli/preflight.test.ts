/** Preflight: the offline checks verify makes before it sends anything. Pure: values in, findings out. */
import { strict as assert } from 'node:assert';
import { preflight, type PreflightFlow } from '../../src/cli/preflight';

const GOOD = {
  login_url: 'https://test.salesforce.com',
  instance_url: 'https://acme--uat.sandbox.my.salesforce.com',
  api_version: '62.0',
  password: 'Passw0rd!',
  security_token: 'AbCdEfGhIjKlMnOpQrStUvWx',
  redirect_uri: 'http://localhost:1717/OauthRedirect',
};

function run(flow: PreflightFlow, over: Record<string, string | undefined> = {}, requestedScope?: string) {
  return preflight({ flow, values: { ...GOOD, ...over }, ...(requestedScope !== undefined ? { requestedScope } : {}) });
}
const warnings = (fs: ReturnType<typeof run>) => fs.filter((f) => f.level === 'warn').map((f) => f.check);
const finding = (fs: ReturnType<typeof run>, check: string) => fs.find((f) => f.check === check);

describe('preflight', () => {
  it('a sound sandbox set-up: no warning', () => {
    assert.deepEqual(warnings(run('password')), []);
    assert.deepEqual(warnings(run('uca', {}, 'api refresh_token offline_access openid')), []);
  });

  describe('login host vs instance host', () => {
    it('warns when the login host is sandbox and the instance production (or the reverse)', () => {
      const f = run('password', { instance_url: 'https://acme.my.salesforce.com' });
      assert.match(finding(f, 'instance-host')?.message ?? '', /test\.salesforce\.com is a sandbox host but the instance URL acme\.my\.salesforce\.com is production/);
      assert.deepEqual(warnings(run('password', { login_url: 'https://login.salesforce.com' })), ['instance-host']);
    });

    it('warns when the instance URL is a login host', () => {
      assert.deepEqual(warnings(run('password', { login_url: 'https://login.salesforce.com', instance_url: 'https://login.salesforce.com' })), ['instance-host']);
    });

    it('warns about http and non-Salesforce hosts, not about the local emulator', () => {
      assert.deepEqual(warnings(run('password', { login_url: 'http://login.salesforce.com', instance_url: undefined })), ['login-host']);
      assert.deepEqual(warnings(run('password', { login_url: 'https://login.salesforce.example.org', instance_url: undefined })), ['login-host']);
      assert.deepEqual(warnings(run('password', { login_url: 'not a url', instance_url: undefined })), ['login-host']);
      const local = run('password', { login_url: 'http://127.0.0.1:4010', instance_url: 'http://127.0.0.1:4010' });
      assert.deepEqual(warnings(local), []);
      assert.match(finding(local, 'login-host')?.message ?? '', /local emulator/);
    });

    it('client credentials on login.salesforce.com instead of My Domain', () => {
      const f = run('client-credentials', { my_domain_url: 'https://login.salesforce.com' });
      assert.ok(f.some((x) => x.level === 'warn' && /request not supported on this domain/.test(x.message)));
      assert.deepEqual(warnings(run('client-credentials', { my_domain_url: 'https://acme--uat.sandbox.my.salesforce.com' })), []);
    });
  });

  describe('api_version', () => {
    it('checks the NN.0 format', () => {
      for (const bad of ['v62.0', '62', '62.1', 'latest']) assert.deepEqual(warnings(run('password', { api_version: bad })), ['api-version'], bad);
    });

    it('warns below the guide\'s oldest version, notes below its latest, accepts newer', () => {
      assert.match(finding(run('password', { api_version: '52.0' }), 'api-version')?.message ?? '', /older than the guide's \(v58\.0 and v62\.0\)/);
      assert.equal(finding(run('password', { api_version: '58.0' }), 'api-version')?.level, 'info');
      assert.equal(finding(run('password', { api_version: '64.0' }), 'api-version')?.level, 'ok');
    });
  });

  describe('redirect_uri (user consent flows)', () => {
    it('accepts https and http on localhost / 127.0.0.1', () => {
      for (const ok of ['https://acme.moveworks.com/auth/oauthCallback', 'http://localhost:1717/OauthRedirect', 'http://127.0.0.1:1717/cb']) {
        assert.equal(finding(run('uca', { redirect_uri: ok }), 'redirect-uri')?.level, 'ok', ok);
      }
    });

    it('warns about http elsewhere, other schemes, fragments and non-URLs', () => {
      for (const bad of ['http://acme.example.com/cb', 'ftp://localhost/cb', 'https://acme.example.com/cb#x', 'localhost:1717']) {
        assert.deepEqual(warnings(run('uca', { redirect_uri: bad })), ['redirect-uri'], bad);
      }
    });

    it('is not checked for flows without a redirect', () => {
      assert.equal(finding(run('password', { redirect_uri: 'http://acme.example.com/cb' }), 'redirect-uri'), undefined);
    });
  });

  describe('scopes', () => {
    it('warns when the requested scope lacks what the flow needs', () => {
      const f = run('uca', {}, 'api');
      assert.match(finding(f, 'scopes')?.message ?? '', /lacks refresh_token or offline_access, openid/);
      assert.equal(finding(run('user-access', {}, 'api offline_access openid'), 'scopes')?.level, 'ok');
    });

    it('says what the app must offer when the scope is not known offline', () => {
      const f = finding(run('jwt'), 'scopes');
      assert.equal(f?.level, 'info');
      assert.match(f?.message ?? '', /api/);
    });
  });

  describe('security token (password flow)', () => {
    it('warns when it is empty, doubled in the password, or not token-shaped; never quotes it', () => {
      assert.match(finding(run('password', { security_token: '' }), 'security-token')?.message ?? '', /empty/);
      const doubled = run('password', { password: `Passw0rd!${GOOD.security_token}` });
      assert.match(finding(doubled, 'security-token')?.message ?? '', /already ends with the security token/);
      const odd = run('password', { security_token: 'abc' });
      assert.match(finding(odd, 'security-token')?.message ?? '', /does not look like one \(3 characters/);
      for (const f of [...doubled, ...odd, ...run('password')]) {
        assert.ok(!`${f.message} ${f.fix ?? ''}`.includes(GOOD.security_token) && !`${f.message}`.includes('Passw0rd!'), f.message);
      }
    });

    it('is only checked for the password flow', () => {
      assert.equal(finding(run('jwt', { security_token: '' }), 'security-token'), undefined);
    });
  });
});
