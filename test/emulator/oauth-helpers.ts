/**
 * Helpers for the OAuth, authorize and identity tests: raw HTTP with a chosen Host header (the login host
 * is `localhost`, still sent to 127.0.0.1), a tiny cookie-keeping browser that submits the authorize pages'
 * HTML forms exactly as a browser would, PKCE pairs, token exchange and a controllable clock.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { RunningEmulator } from '../../src/emulator';
import { postForm, type HttpResult } from './helpers';

export const TOKEN = '/services/oauth2/token';

/** Like useEmulator(): options, and the StartedEmulator type (loginUrl, local hooks). */
export { useEmulator as useStartedEmulator } from '../helpers';

export interface RawResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request to the emulator's 127.0.0.1 socket with an explicit Host header. */
export function raw(emu: RunningEmulator, opts: { method?: string; path: string; host?: string; headers?: Record<string, string>; body?: string }): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: emu.port, method: opts.method ?? 'GET', path: opts.path, headers: { Host: opts.host ?? `127.0.0.1:${emu.port}`, ...opts.headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POST a form to the login host (`localhost:PORT`). */
export function postFormToLoginHost(emu: RunningEmulator, path: string, form: Record<string, string>): Promise<RawResult> {
  return raw(emu, {
    method: 'POST',
    path,
    host: `localhost:${emu.port}`,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

export function pkce(method: 'S256' | 'plain' = 'S256'): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url') };
}

export interface Clock {
  now: () => number;
  advance(ms: number): void;
}

export function clock(start = Date.now()): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeHtml(m[1]!) : undefined;
}

export interface ParsedForm {
  action: string;
  method: string;
  hidden: [string, string][];
  /** Submit buttons: name/value of each (a browser sends only the clicked one). */
  buttons: { name?: string; value?: string; id?: string }[];
  inputs: string[];
}

/** The first form of a page, parsed from its HTML. */
export function parseForm(html: string): ParsedForm {
  const form = /<form\b[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form in page:\n${html}`);
  const open = /<form\b[^>]*>/i.exec(form[0])![0];
  const inner = form[1]!;
  const hidden: [string, string][] = [];
  const inputs: string[] = [];
  for (const m of inner.matchAll(/<input\b[^>]*>/gi)) {
    const name = attr(m[0], 'name');
    if (name === undefined) continue;
    if (attr(m[0], 'type') === 'hidden') hidden.push([name, attr(m[0], 'value') ?? '']);
    else inputs.push(name);
  }
  const buttons = [...inner.matchAll(/<button\b[^>]*>/gi)].map((m) => ({ name: attr(m[0], 'name'), value: attr(m[0], 'value'), id: attr(m[0], 'id') }));
  return { action: attr(open, 'action') ?? '', method: (attr(open, 'method') ?? 'GET').toUpperCase(), hidden, buttons, inputs };
}

/** A cookie-keeping client that follows nothing by itself: each step is explicit, as in a test. */
export class Browser {
  private readonly jar = new Map<string, string>();

  constructor(private readonly emu: RunningEmulator) {}

  private remember(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.jar.size === 0 ? {} : { Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(path: string): Promise<HttpResult> {
    const res = await fetch(this.emu.url + path, { redirect: 'manual', headers: this.cookieHeader() });
    this.remember(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  /** Submits a page's form as a browser does: hidden fields, the filled inputs, then the clicked button's name=value. */
  async submit(page: string, fields: Record<string, string> = {}, button?: string): Promise<HttpResult> {
    const form = parseForm(page);
    const body = new URLSearchParams(form.hidden);
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    if (button !== undefined) {
      const b = form.buttons.find((x) => x.value === button || x.id === button);
      if (!b) throw new Error(`no button ${button}`);
      if (b.name !== undefined) body.append(b.name, b.value ?? '');
    }
    const url = new URL(form.action, this.emu.url + '/services/oauth2/authorize');
    const res = await fetch(url, { method: form.method, redirect: 'manual', body: body.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...this.cookieHeader() } });
    this.remember(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
}

export function authorizePath(params: Record<string, string>): string {
  return `/services/oauth2/authorize?${new URLSearchParams(params).toString()}`;
}

/** Query parameters of a 302 Location. */
export function redirectParams(res: HttpResult): URLSearchParams {
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}: ${res.text.slice(0, 300)}`);
  return new URL(location).searchParams;
}

/**
 * The whole web-server flow in a fresh browser: authorize, log in (as the integration user by default),
 * approve when a consent page appears; returns the code from the redirect.
 */
export async function obtainCode(emu: RunningEmulator, extra: Record<string, string> = {}, user = { username: emu.credentials.username, password: emu.credentials.password }): Promise<string> {
  const browser = new Browser(emu);
  let res = await browser.get(authorizePath({ response_type: 'code', client_id: emu.credentials.clientId, redirect_uri: emu.credentials.redirectUri, ...extra }));
  for (let step = 0; step < 3 && res.status === 200; step++) {
    const form = parseForm(res.text);
    res = form.inputs.includes('pw') ? await browser.submit(res.text, { username: user.username, pw: user.password }) : await browser.submit(res.text, {}, 'allow');
  }
  const code = redirectParams(res).get('code');
  if (!code) throw new Error(`no code: ${res.headers.get('location') ?? ''}`);
  return code;
}

export function exchangeCode(emu: RunningEmulator, code: string, extra: Record<string, string> = {}): Promise<HttpResult> {
  const c = emu.credentials;
  return postForm(emu, TOKEN, { grant_type: 'authorization_code', code, client_id: c.clientId, client_secret: c.clientSecret, redirect_uri: c.redirectUri, ...extra });
}

export function oauthError(res: { status: number; text: string }): { error: string; error_description: string } {
  if (res.status !== 400) throw new Error(`expected 400, got ${res.status}: ${res.text}`);
  return JSON.parse(res.text) as { error: string; error_description: string };
}
