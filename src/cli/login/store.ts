/**
 * Where `sfcheck login` keeps a refresh token: $XDG_CONFIG_HOME/sfcheck/<env>.json (default ~/.config), a file only
 * the user can read (0600, folder 0700), never inside the project. Tokens are never printed.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { SfcheckError } from '../../errors';

export interface StoredLogin {
  refresh_token: string;
  login_url: string;
  instance_url: string;
  client_id: string;
  /** The identity URL of the user who logged in (not a secret). */
  id: string;
  created_at: string;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CONFIG_HOME'] && env['XDG_CONFIG_HOME'].startsWith('/') ? env['XDG_CONFIG_HOME'] : join(homedir(), '.config');
  return join(base, 'sfcheck');
}

/** Whose login: the user's (uca, the standard user of user-access) or the admin's (user-access). */
export type LoginRole = 'user' | 'admin';

/** sandbox -> sandbox.json (sandbox.admin.json for the admin); an environment file path -> its base name. */
export function loginFile(envName: string, role: LoginRole = 'user', env: NodeJS.ProcessEnv = process.env): string {
  const name = basename(envName).replace(/\.(postman_environment\.)?json$/i, '').replace(/[^A-Za-z0-9._-]/g, '_') || 'default';
  return join(configDir(env), `${name}${role === 'admin' ? '.admin' : ''}.json`);
}

export function saveLogin(envName: string, login: StoredLogin, role: LoginRole = 'user', env: NodeJS.ProcessEnv = process.env): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = loginFile(envName, role, env);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
  return file;
}

export function readLogin(envName: string, role: LoginRole = 'user', env: NodeJS.ProcessEnv = process.env): StoredLogin | undefined {
  const file = loginFile(envName, role, env);
  if (!existsSync(file)) return undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as StoredLogin;
    if (typeof json.refresh_token !== 'string' || json.refresh_token === '') throw new Error('no refresh_token');
    return json;
  } catch (e) {
    throw new SfcheckError('SFCHECK_NO_REFRESH_TOKEN', `the stored login ${file} cannot be read: ${(e as Error).message}`, `run \`sfcheck login --env ${envName}${role === 'admin' ? ' --admin' : ''}\` again`);
  }
}
