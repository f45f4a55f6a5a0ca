/**
 * Where a run's variables come from: the embedded emulator (local), a real org (sandbox / production) with secrets from
 * SF_* variables in the process environment or a git-ignored .env file, or a Postman environment file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { SfcheckError } from '../errors';
import type { EnvironmentInput } from '../engine';
import { SECRET_ENV_KEYS, type EnvKey } from '../spec';
import { readJson } from './files';


export { DEFAULT_API_VERSION } from '../spec';

export const NAMED_ENVS = ['local', 'sandbox', 'production'] as const;
export type NamedEnv = (typeof NAMED_ENVS)[number];


/**
 * SF_ variable -> environment key. `required` is what the password flow needs (the default of real-org runs until the
 * other flows existed); each flow's own needs are in ./flows.ts.
 */
export const SF_VARIABLES: ReadonlyArray<{ name: string; key: EnvKey; required: boolean }> = [
  { name: 'SF_CLIENT_ID', key: 'client_id', required: true },
  { name: 'SF_CLIENT_SECRET', key: 'client_secret', required: true },
  { name: 'SF_USERNAME', key: 'username', required: true },
  { name: 'SF_PASSWORD', key: 'password', required: true },
  { name: 'SF_SECURITY_TOKEN', key: 'security_token', required: true },
  { name: 'SF_LOGIN_URL', key: 'login_url', required: false },
  { name: 'SF_INSTANCE_URL', key: 'instance_url', required: false },
  { name: 'SF_API_VERSION', key: 'api_version', required: false },
  { name: 'SF_MY_DOMAIN_URL', key: 'my_domain_url', required: false },
  { name: 'SF_REDIRECT_URI', key: 'redirect_uri', required: false },
  { name: 'SF_REFRESH_TOKEN', key: 'refresh_token', required: false },
  { name: 'SF_ADMIN_REFRESH_TOKEN', key: 'admin_refresh_token', required: false },
];

/** Variables that may be set to an empty value on purpose (they still count as set). */
const MAY_BE_EMPTY = new Set(['SF_SECURITY_TOKEN']);

/** The names in `names` that are not set (empty counts as unset, except for SF_SECURITY_TOKEN). */
export function missingVariables(names: readonly string[], vars: Record<string, string | undefined>): string[] {
  return names.filter((n) => vars[n] === undefined || (vars[n] === '' && !MAY_BE_EMPTY.has(n)));
}

export const PASSWORD_VARIABLES = SF_VARIABLES.filter((v) => v.required).map((v) => v.name);

/** process.env wins over .env; .env is optional. */
export function loadProcessVariables(cwd: string, env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const file = `${cwd}/.env`;
  let fromFile: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      fromFile = parseEnv(readFileSync(file, 'utf8')) as Record<string, string>;
    } catch (e) {
      throw new SfcheckError('SFCHECK_BAD_VARIABLE', `.env file ${file} cannot be read: ${(e as Error).message}`, 'fix or remove the .env file (see .env.example)');
    }
  }
  return { ...fromFile, ...env };
}

function checkUrl(name: string, value: string): void {
  let ok = false;
  try {
    const u = new URL(value);
    ok = (u.protocol === 'https:' || u.protocol === 'http:') && u.pathname.replace(/\/$/, '') === '' && !u.search;
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new SfcheckError(
      'SFCHECK_BAD_VARIABLE',
      `${name} is not a Salesforce base URL: "${value}"`,
      `set ${name} to a URL with no path, e.g. https://test.salesforce.com or https://MyDomainName.my.salesforce.com`,
    );
  }
}

/**
 * Values for a real org, from SF_ variables. Throws one error naming every variable of `required` that is missing
 * (default: the password flow's).
 */
export function orgValues(
  env: 'sandbox' | 'production',
  vars: Record<string, string | undefined>,
  required: readonly string[] = PASSWORD_VARIABLES,
): Partial<Record<EnvKey, string>> {
  const missing = required.filter((n) => vars[n] === undefined);
  if (missing.length > 0) {
    throw new SfcheckError(
      'SFCHECK_MISSING_VARIABLES',
      `--env ${env} needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not set`,
      `export ${missing.length === 1 ? 'it' : 'them'} in your shell or CI secrets, or put ${missing.length === 1 ? 'it' : 'them'} in a .env file in ${process.cwd()} (copy .env.example). ` +
        'SF_SECURITY_TOKEN may be set to an empty value when the org trusts your IP range.',
    );
  }
  // Only what the variables say; the environment's defaults (login host, API version) stay otherwise.
  const values: Partial<Record<EnvKey, string>> = {};
  for (const v of SF_VARIABLES) {
    const value = vars[v.name];
    if (value !== undefined && (v.required || value !== '')) values[v.key] = value;
  }
  if (values.login_url !== undefined) checkUrl('SF_LOGIN_URL', values.login_url);
  if (values.my_domain_url !== undefined) checkUrl('SF_MY_DOMAIN_URL', values.my_domain_url);
  if (values.instance_url !== undefined) checkUrl('SF_INSTANCE_URL', values.instance_url);
  if (values.api_version !== undefined && !/^\d{2,3}\.0$/.test(values.api_version)) {
    throw new SfcheckError(
      'SFCHECK_BAD_VARIABLE',
      `SF_API_VERSION must look like 62.0, got "${values.api_version}"`,
      'set SF_API_VERSION to a Salesforce API version such as 62.0 (or leave it unset)',
    );
  }
  return values;
}

/** Overlay values onto an environment, adding keys that are absent. */
export function withValues(base: EnvironmentInput, values: Partial<Record<EnvKey, string>>): EnvironmentInput {
  const out = base.values.map((v) => ({ ...v }));
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const found = out.find((v) => v.key === key);
    if (found) found.value = value;
    else out.push({ key, value, type: (SECRET_ENV_KEYS as readonly string[]).includes(key) ? 'secret' : 'default', enabled: true });
  }
  return { name: base.name, values: out };
}

/**
 * A Postman environment file (v2 JSON, or v3 `*.environment.yaml`), checked enough to give a clear error. With
 * `kind: 'globals'`, a Postman globals file (the same shape: {name, values}).
 */
export function readEnvironmentFile(path: string, kind: 'environment' | 'globals' = 'environment'): EnvironmentInput {
  if (kind === 'environment' && /\.ya?ml$/i.test(path)) return (require('./v3') as typeof import('./v3')).readV3Environment(path);
  const doc = readJson(path, `${kind} file`) as { name?: unknown; values?: unknown; info?: unknown; item?: unknown };
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.values)) {
    const looksLikeCollection = doc && typeof doc === 'object' && ('item' in doc || 'info' in doc);
    throw new SfcheckError(
      'SFCHECK_BAD_ENVIRONMENT',
      `${path} is not a Postman ${kind === 'globals' ? 'globals file' : 'environment'}${looksLikeCollection ? ' (it looks like a collection)' : ''}: it has no "values" array`,
      looksLikeCollection
        ? `pass the collection as the COLLECTION argument and ${kind === 'globals' ? 'globals with -g' : 'an environment with -e'}`
        : kind === 'globals'
          ? 'export the globals from Postman (Environments > Globals > ⋯ > Export)'
          : 'export the environment from Postman (Environments > ⋯ > Export)',
    );
  }
  const values = (doc.values as Array<Record<string, unknown>>).map((v, i) => {
    if (!v || typeof v.key !== 'string') {
      throw new SfcheckError('SFCHECK_BAD_ENVIRONMENT', `${path}: values[${i}] has no string "key"`, 'each value needs {"key": "...", "value": "..."}');
    }
    return {
      key: v.key,
      value: v.value === undefined || v.value === null ? '' : String(v.value),
      type: typeof v.type === 'string' ? v.type : 'default',
      enabled: v.enabled !== false,
    };
  });
  return { name: typeof doc.name === 'string' ? doc.name : path, values };
}

/**
 * --env-var / --global-var KEY=VALUE (repeatable, as newman): parsed in order, split at the first "=" (the value may
 * hold more). A later pair of the same key wins.
 */
export function parseKeyValues(flag: string, pairs: readonly string[]): Array<{ key: string; value: string }> {
  return pairs.map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      throw new SfcheckError('SFCHECK_USAGE', `${flag} expects KEY=VALUE, got "${pair}"`, `e.g. ${flag} instance_url=https://example.my.salesforce.com`);
    }
    return { key: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
}

/** Sets the pairs on a scope (newman's VariableScope#set: an existing key keeps its place and type, a new one is added). */
export function withPairs(base: EnvironmentInput | undefined, name: string, pairs: ReadonlyArray<{ key: string; value: string }>): EnvironmentInput | undefined {
  if (pairs.length === 0) return base;
  const values = (base?.values ?? []).map((v) => ({ ...v }));
  for (const { key, value } of pairs) {
    const found = values.filter((v) => v.key === key && v.enabled !== false).pop();
    if (found) found.value = value;
    else values.push({ key, value, type: 'default', enabled: true });
  }
  return { name: base?.name ?? name, values };
}
