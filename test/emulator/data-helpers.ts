/** Helpers for the data, SOQL, sObject and sharing tests: an emulator with options, logins as each local user, REST calls. */
import type { LocalUser, RunningEmulator } from '../../src/emulator';
import { call, postForm, type HttpResult } from './helpers';

/** An emulator with options for a describe block (the one helper every suite uses). */
export { useEmulator as useEmulatorWith } from '../helpers';

/** Password-grant login as one of LOCAL_USERS; returns the access token. */
export async function loginAs(emu: RunningEmulator, user: Pick<LocalUser, 'username' | 'password' | 'securityToken'>): Promise<string> {
  const c = emu.credentials;
  const res = await postForm(emu, '/services/oauth2/token', {
    grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: user.username, password: user.password + user.securityToken,
  });
  if (res.status !== 200) throw new Error(`login failed for ${user.username}: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { access_token: string }).access_token;
}

export type RestResult = HttpResult & { json: unknown };

/** A REST call with a bearer token and an optional JSON body; `json` is undefined for an empty body. */
export async function rest(emu: RunningEmulator, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RestResult> {
  const init: RequestInit = { method, headers: { Authorization: `Bearer ${token}`, ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await call(emu, path, init);
  return { ...res, json: res.text === '' ? undefined : (JSON.parse(res.text) as unknown) };
}

export interface Rec {
  attributes: { type: string; url?: string };
  [field: string]: unknown;
}
export interface QueryBody {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: Rec[];
}
export type ApiErrors = { message: string; errorCode: string; fields?: string[] }[];

/** GET query (or queryAll) as `token`; throws on a non-200. */
export async function soql(emu: RunningEmulator, token: string, q: string, opts: { version?: string; all?: boolean; headers?: Record<string, string> } = {}): Promise<QueryBody> {
  const res = await rest(emu, token, 'GET', `/services/data/v${opts.version ?? '60.0'}/${opts.all ? 'queryAll' : 'query'}?q=${encodeURIComponent(q)}`, undefined, opts.headers);
  if (res.status !== 200) throw new Error(`${q}: ${res.status} ${res.text}`);
  return res.json as QueryBody;
}

/** GET query expecting a 400; returns the error array. */
export async function soqlError(emu: RunningEmulator, token: string, q: string): Promise<ApiErrors> {
  const res = await rest(emu, token, 'GET', `/services/data/v60.0/query?q=${encodeURIComponent(q)}`);
  if (res.status !== 400) throw new Error(`${q}: expected 400, got ${res.status} ${res.text}`);
  return res.json as ApiErrors;
}
