/** Shared helpers for the emulator tests: real HTTP on 127.0.0.1 against a running emulator. */
import type { RunningEmulator } from '../../src/emulator';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
}

export async function call(emu: RunningEmulator, path: string, init: RequestInit = {}): Promise<HttpResult> {
  const res = await fetch(emu.url + path, init);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

export function postForm(emu: RunningEmulator, path: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<HttpResult> {
  return call(emu, path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

export function passwordForm(emu: RunningEmulator): Record<string, string> {
  const c = emu.credentials;
  return { grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password + c.securityToken };
}

export interface TokenBody {
  access_token: string;
  instance_url: string;
  id: string;
  token_type: string;
  issued_at: string;
  signature: string;
}

export async function login(emu: RunningEmulator): Promise<TokenBody> {
  const res = await postForm(emu, '/services/oauth2/token', passwordForm(emu));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return JSON.parse(res.text) as TokenBody;
}

/** GET with a bearer token; returns the parsed JSON too. */
export async function getJson(emu: RunningEmulator, path: string, token: string): Promise<HttpResult & { json: unknown }> {
  const res = await call(emu, path, { headers: { Authorization: `Bearer ${token}` } });
  return { ...res, json: JSON.parse(res.text) as unknown };
}

export function soqlPath(soql: string, version = '58.0'): string {
  return `/services/data/v${version}/query?q=${encodeURIComponent(soql)}`;
}

export { useEmulator } from '../helpers';
