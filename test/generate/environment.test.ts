import { expect } from 'chai';
import { validate as isUuid } from 'uuid';
import { buildEnvironment, generateAll, localEnvironmentValues, orgEnvironmentValues } from '../../src/generate';
import { ENV_KEYS, SECRET_ENV_KEYS } from '../../src/spec';
import { INPUT } from './input';

type Env = { id: string; name: string; values: Array<{ key: string; value: string; type: string; enabled: boolean }>; _postman_variable_scope: string };


function environment(name: 'local' | 'sandbox' | 'production'): Env {
  const file = generateAll(INPUT).find((f) => f.path === `environments/${name}.postman_environment.json`);
  if (!file) throw new Error(`no ${name} environment generated`);
  return JSON.parse(file.content) as Env;
}
const valuesOf = (env: Env): Record<string, string> => Object.fromEntries(env.values.map((v) => [v.key, v.value]));

describe('generate: environments', () => {
  for (const name of ['local', 'sandbox', 'production'] as const) {
    it(`${name}: exactly the contract keys, in order, enabled, secrets typed "secret"`, () => {
      const env = environment(name);
      expect(env.values.map((v) => v.key)).to.deep.equal([...ENV_KEYS]);
      for (const v of env.values) {
        expect(v.type, v.key).to.equal(SECRET_ENV_KEYS.includes(v.key as never) ? 'secret' : 'default');
        expect(v.enabled, v.key).to.equal(true);
      }
      expect(env._postman_variable_scope).to.equal('environment');
      expect(isUuid(env.id)).to.equal(true);
      expect(Object.keys(env)).to.deep.equal(['id', 'name', 'values', '_postman_variable_scope']);
    });
  }

  it('local points login and instance at the emulator and carries its credentials', () => {
    expect(valuesOf(environment('local'))).to.deep.equal({
      login_url: 'http://127.0.0.1:4010',
      instance_url: 'http://127.0.0.1:4010',
      api_version: '62.0',
      client_id: 'local-client-id',
      client_secret: 'local-client-secret',
      username: 'service@example.com',
      password: 'local-password',
      security_token: 'local-token',
      redirect_uri: 'http://127.0.0.1:4010/callback',
      refresh_token: '',
      access_token: '',
      my_domain_url: 'http://127.0.0.1:4010',
      jwt_assertion: '',
      admin_refresh_token: '',
    });
  });

  for (const [name, loginUrl] of [['sandbox', 'https://test.salesforce.com'], ['production', 'https://login.salesforce.com']] as const) {
    it(`${name} has its login URL, the API version and nothing else`, () => {
      const values = valuesOf(environment(name));
      expect(values['login_url']).to.equal(loginUrl);
      expect(values['api_version']).to.equal('62.0');
      for (const key of ENV_KEYS.filter((k) => k !== 'login_url' && k !== 'api_version')) expect(values[key], key).to.equal('');
    });
  }

  it('ids differ per environment and are stable', () => {
    const ids = (['local', 'sandbox', 'production'] as const).map((n) => environment(n).id);
    expect(new Set(ids).size).to.equal(3);
    expect(ids).to.deep.equal((['local', 'sandbox', 'production'] as const).map((n) => environment(n).id));
  });

  it('buildEnvironment writes every contract key even from partial values', () => {
    const env = buildEnvironment('sandbox', { login_url: 'https://test.salesforce.com' } as never) as Env;
    expect(env.values.map((v) => [v.key, v.value])).to.deep.equal(ENV_KEYS.map((k) => [k, k === 'login_url' ? 'https://test.salesforce.com' : '']));
  });

  it('the value helpers agree with the generated files', () => {
    expect(valuesOf(buildEnvironment('local', localEnvironmentValues(INPUT.local, '62.0')) as Env)).to.deep.equal(valuesOf(environment('local')));
    expect(valuesOf(buildEnvironment('production', orgEnvironmentValues('production', '62.0')) as Env)).to.deep.equal(valuesOf(environment('production')));
  });
});
