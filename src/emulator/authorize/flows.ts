/**
 * Authorize-flow state kept on the server: one flow per GET /authorize, identified by a random id and
 * protected by a random anti-forgery token that travels in a hidden field and must come back with the
 * same browser cookie that started the flow. A browser (cookie `sfcheck_browser`) may carry a login.
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { header, type EmuRequest } from '../http';
import { sameSecret } from '../secrets';

export const BROWSER_COOKIE = 'sfcheck_browser';
export const FLOW_LIFETIME_MS = 30 * 60 * 1000;
const MAX_FLOWS = 1000;

export type ResponseType = 'code' | 'token' | 'token id_token';

export interface AuthorizeRequest {
  responseType: ResponseType;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  challenge?: { value: string; method: 'S256' | 'plain' };
  nonce?: string;
  prompts: string[];
  loginHint?: string;
}

export interface AuthorizeFlow {
  id: string;
  csrf: string;
  browserId: string;
  request: AuthorizeRequest;
  /** Set once a user is known (logged in on this flow or by the browser's session). */
  userId?: string;
  step: 'login' | 'consent';
  createdAt: number;
}

const random = (): string => randomBytes(24).toString('base64url');

export function cookies(req: EmuRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header(req, 'cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** The browser id from the cookie, or a new one to set. */
export function browserId(req: EmuRequest): { id: string; isNew: boolean } {
  const existing = cookies(req).get(BROWSER_COOKIE);
  return existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing) ? { id: existing, isNew: false } : { id: random(), isNew: true };
}

export function browserCookie(id: string): string {
  return `${BROWSER_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`;
}

function flows(ctx: EmulatorContext): Map<string, AuthorizeFlow> {
  return ctx.oauth.flows;
}

export function startFlow(ctx: EmulatorContext, browser: string, request: AuthorizeRequest): AuthorizeFlow {
  const all = flows(ctx);
  const now = ctx.oauth.now();
  for (const [id, f] of all) if (now - f.createdAt > FLOW_LIFETIME_MS || all.size >= MAX_FLOWS) all.delete(id);
  const flow: AuthorizeFlow = { id: random(), csrf: random(), browserId: browser, request, step: 'login', createdAt: now };
  all.set(flow.id, flow);
  return flow;
}

export type FlowCheck = { flow: AuthorizeFlow } | { expired: true } | { forged: true };

/** The flow of a POSTed form, checked against its anti-forgery token and the browser cookie. */
export function flowOfForm(ctx: EmulatorContext, req: EmuRequest, form: URLSearchParams): FlowCheck {
  const flow = flows(ctx).get(form.get('flow') ?? '');
  if (!flow || ctx.oauth.now() - flow.createdAt > FLOW_LIFETIME_MS) return { expired: true };
  const csrf = form.get('csrf') ?? '';
  if (!sameSecret(csrf, flow.csrf) || !sameSecret(cookies(req).get(BROWSER_COOKIE), flow.browserId)) return { forged: true };
  return { flow };
}

export function endFlow(ctx: EmulatorContext, flow: AuthorizeFlow): void {
  flows(ctx).delete(flow.id);
}
