/** Postman environments (export shape) for the local emulator, a sandbox and production. */
import { ENV_KEYS, SECRET_ENV_KEYS, type EnvKey } from '../spec';
import { stableId } from './ids';
import { normalise } from './json';

export type EnvironmentName = 'local' | 'sandbox' | 'production';
export const ENVIRONMENT_NAMES: readonly EnvironmentName[] = ['local', 'sandbox', 'production'];

export const LOGIN_URLS: Readonly<Record<Exclude<EnvironmentName, 'local'>, string>> = {
  sandbox: 'https://test.salesforce.com',
  production: 'https://login.salesforce.com',
};

export interface LocalCredentials {
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  securityToken: string;
  redirectUri: string;
}

export function environmentPath(name: EnvironmentName): string {
  return `environments/${name}.postman_environment.json`;
}

/** A real org's values: its login URL and the API version; users fill in the rest (instance_url comes from the token). */
export function orgEnvironmentValues(name: Exclude<EnvironmentName, 'local'>, apiVersion: string): Record<EnvKey, string> {
  const values = Object.fromEntries(ENV_KEYS.map((k) => [k, ''])) as Record<EnvKey, string>;
  return { ...values, login_url: LOGIN_URLS[name], api_version: apiVersion };
}

/** The emulator's values: it is both the login host and the instance; its (non-secret) test credentials. */
export function localEnvironmentValues(local: { url: string; credentials: LocalCredentials }, apiVersion: string): Record<EnvKey, string> {
  const c = local.credentials;
  return {
    login_url: local.url,
    instance_url: local.url,
    api_version: apiVersion,
    client_id: c.clientId,
    client_secret: c.clientSecret,
    username: c.username,
    password: c.password,
    security_token: c.securityToken,
    redirect_uri: c.redirectUri,
    refresh_token: '',
    access_token: '',
    // The emulator is its own My Domain host (client credentials); a JWT is signed per run, a refresh token per login.
    my_domain_url: local.url,
    jwt_assertion: '',
    admin_refresh_token: '',
  };
}

/** Missing values are written as '' so a partial record still yields every contract key. */
export function buildEnvironment(name: EnvironmentName, values: Record<EnvKey, string>): object {
  return normalise({
    id: stableId('environment', name),
    name: `sfcheck ${name}`,
    values: ENV_KEYS.map((key) => ({
      key,
      value: (values as Partial<Record<EnvKey, string>>)[key] ?? '',
      type: SECRET_ENV_KEYS.includes(key) ? 'secret' : 'default',
      enabled: true,
    })),
    _postman_variable_scope: 'environment',
  }) as object;
}
