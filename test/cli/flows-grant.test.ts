/** verify hands the native engine each flow's grant, built from the run's environment (SF_ values, the emulator's, a file). */
import { strict as assert } from 'node:assert';
import type { EnvironmentInput } from '../../src/engine';
import { grantFor, VERIFY_FLOWS } from '../../src/cli/flows';

const env: EnvironmentInput = {
  name: 'org',
  values: [
    { key: 'login_url', value: 'https://test.salesforce.com/' },
    { key: 'my_domain_url', value: 'https://acme.my.salesforce.com' },
    { key: 'client_id', value: '3MVGclient' },
    { key: 'client_secret', value: 'shh-secret' },
    { key: 'username', value: 'svc@acme.test' },
    { key: 'password', value: 'Pass-1' },
    { key: 'security_token', value: 'TOKEN123' },
    { key: 'refresh_token', value: '5Aep-refresh' },
  ],
};

describe('verify: the grant each flow gives the native engine', () => {
  it('password: the login URL, the password with the security token appended', () => {
    assert.deepEqual(grantFor('password', env), {
      grant: 'password', tokenUrl: 'https://test.salesforce.com/services/oauth2/token', clientId: '3MVGclient', clientSecret: 'shh-secret', username: 'svc@acme.test', password: 'Pass-1TOKEN123',
    });
  });

  it('client credentials: the My Domain host', () => {
    assert.deepEqual(grantFor('client-credentials', env), { grant: 'client_credentials', tokenUrl: 'https://acme.my.salesforce.com/services/oauth2/token', clientId: '3MVGclient', clientSecret: 'shh-secret' });
  });

  it('jwt: only with the key the CLI read; aud from SF_JWT_AUDIENCE, else the login URL', () => {
    assert.equal(grantFor('jwt', env), undefined);
    const g = grantFor('jwt', env, { jwtKeyPem: 'PEM' });
    assert.deepEqual(g, { grant: 'jwt_bearer', tokenUrl: 'https://test.salesforce.com/services/oauth2/token', clientId: '3MVGclient', username: 'svc@acme.test', privateKeyPem: 'PEM', audience: 'https://test.salesforce.com/' });
    assert.equal(grantFor('jwt', env, { jwtKeyPem: 'PEM', jwtAudience: 'https://login.salesforce.com' })?.audience, 'https://login.salesforce.com');
  });

  it('uca: the refresh grant with the refresh token; user-access: none (two identities)', () => {
    assert.deepEqual(grantFor('uca', env), { grant: 'refresh_token', tokenUrl: 'https://test.salesforce.com/services/oauth2/token', clientId: '3MVGclient', clientSecret: 'shh-secret', refreshToken: '5Aep-refresh' });
    assert.equal(grantFor('uca', { name: 'x', values: env.values.filter((v) => v.key !== 'refresh_token') }), undefined);
    assert.equal(grantFor('user-access', env), undefined);
  });

  it('every flow but user-access has one', () => {
    const have = VERIFY_FLOWS.filter((f) => grantFor(f, env, { jwtKeyPem: 'PEM' }) !== undefined);
    assert.deepEqual(have, ['password', 'client-credentials', 'jwt', 'uca', 'write']);
  });

  it('write: the password grant of the same values (its token request is the password flow\'s)', () => {
    assert.deepEqual(grantFor('write', env), grantFor('password', env));
    assert.equal(grantFor('write', env)?.grant, 'password');
  });
});
