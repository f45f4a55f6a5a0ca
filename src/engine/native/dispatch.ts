/**
 * Sends one item's request with the native engine's fault handling:
 * - retries (retry.ts): idempotent methods and token requests, on 429 / 503 / connection errors, Retry-After or
 *   jittered backoff, at most `policy.retries` per item, never waiting past the run deadline;
 * - re-authentication (session/): on 401 INVALID_SESSION_ID, and only when the run has a GrantConfig, a fresh token
 *   once (refresh grant when a refresh token is known), written into the variables, the request REBUILT so
 *   {{access_token}} resolves to it, and sent once more; a second 401 stands.
 * Every attempt after the first is a RetryRecord, so reports show it.
 */
import type { Dispatcher } from 'undici';
import type { GrantConfig, KeyValue, RetryRecord, SentRequest } from '../result';
import type { RunDeadline } from './deadline';
import { send, type HttpOptions, type HttpOutcome, type HttpRequest } from './http';
import type { PreparedRequest } from './request';
import { isRetryableRequest, retryCause, retryPolicy, retryWaitMs, type RetryPolicy } from './retry';
import { Session, type TokenSender } from './session/session';
import type { Scopes } from './variables';

export interface DispatchContext {
  agent: Dispatcher;
  policy: RetryPolicy;
  deadline: RunDeadline;
  scopes: Scopes;
  warn: (message: string) => void;
  /** Present when the run has a GrantConfig: re-authentication on 401 INVALID_SESSION_ID. */
  session?: Session;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export interface Dispatched {
  outcome: HttpOutcome;
  /** The request as last sent: a rebuilt one after a re-authentication, else the one given. */
  prepared: PreparedRequest;
  retries: RetryRecord[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createDispatchContext(opts: {
  agent: Dispatcher;
  deadline: RunDeadline;
  scopes: Scopes;
  warn: (message: string) => void;
  /** Per-request timeout, also for the session's own token requests. */
  timeoutMs: number;
  retries?: number;
  auth?: GrantConfig;
}): DispatchContext {
  const ctx: DispatchContext = {
    agent: opts.agent,
    policy: retryPolicy(opts.retries),
    deadline: opts.deadline,
    scopes: opts.scopes,
    warn: opts.warn,
    sleep,
    random: Math.random,
  };
  if (opts.auth) ctx.session = new Session(opts.auth, tokenSender(ctx, { timeoutMs: opts.timeoutMs, followRedirects: false, maxRedirects: 0, followOriginalHttpMethod: false, followAuthorizationHeader: false }));
  return ctx;
}

/** The session's token requests go out over the run's agent, with the same retries (their records are not reported). */
function tokenSender(ctx: DispatchContext, http: HttpOptions): TokenSender {
  return async (url, form) => {
    const request: HttpRequest = {
      method: 'POST',
      href: url,
      headers: [
        { key: 'Content-Type', value: 'application/x-www-form-urlencoded' },
        { key: 'Accept', value: 'application/json' },
      ],
      body: new URLSearchParams(form).toString(),
    };
    const outcome = await sendRetrying(request, http, ctx, [], { left: ctx.policy.retries });
    if ('error' in outcome) return { error: outcome.error.code ?? outcome.error.message };
    return { status: outcome.response.code, body: outcome.response.body.toString('utf8') };
  };
}

export function toHttpRequest(p: PreparedRequest): HttpRequest {
  return { method: p.method, href: p.url.href, headers: p.headers, ...(p.body !== undefined ? { body: p.body } : {}) };
}

/** The request as the result tree keeps it. */
export function sentRequestOf(p: PreparedRequest): SentRequest {
  const headers = p.headers.map((h) => ({ key: h.key, value: h.value }));
  return p.body === undefined ? { method: p.method, url: p.url.href, headers } : { method: p.method, url: p.url.href, headers, body: p.body };
}

/** 401 with Salesforce's INVALID_SESSION_ID error code (an array of errors, or one error object). */
export function isInvalidSession(outcome: HttpOutcome): boolean {
  if (!('response' in outcome) || outcome.response.code !== 401) return false;
  const text = outcome.response.body.toString('utf8');
  if (!text.includes('INVALID_SESSION_ID')) return false;
  try {
    const body = JSON.parse(text) as unknown;
    const errors = Array.isArray(body) ? body : [body];
    return errors.some((e) => !!e && typeof e === 'object' && (e as { errorCode?: unknown }).errorCode === 'INVALID_SESSION_ID');
  } catch {
    return false;
  }
}

function bearerOf(headers: readonly KeyValue[]): string | undefined {
  for (let i = headers.length - 1; i >= 0; i--) {
    const h = headers[i];
    if (h && h.key.toLowerCase() === 'authorization') return h.value.replace(/^\S+\s+/, '');
  }
  return undefined;
}

/** One request, retried per the policy; each retry appended to `records`. `budget` is shared by the item's attempts. */
export async function sendRetrying(request: HttpRequest, http: HttpOptions, ctx: DispatchContext, records: RetryRecord[], budget: { left: number }): Promise<HttpOutcome> {
  let outcome = await send(ctx.agent, request, http);
  for (let retry = 1; budget.left > 0; retry++) {
    const cause = retryCause(outcome);
    if (!cause || !isRetryableRequest(request.method, request.href)) break;
    const wait = retryWaitMs(outcome, retry, ctx.policy, Date.now(), ctx.random);
    // Waiting past the run deadline would only end in the deadline: the answer in hand stands.
    if (wait >= ctx.deadline.remainingMs()) break;
    await ctx.sleep(wait);
    budget.left -= 1;
    records.push({ attempt: records.length + 2, cause, action: 'retry', waitedMs: wait });
    outcome = await send(ctx.agent, request, http);
  }
  return outcome;
}

export async function dispatch(prepared: PreparedRequest, rebuild: () => PreparedRequest, http: HttpOptions, ctx: DispatchContext): Promise<Dispatched> {
  const records: RetryRecord[] = [];
  const budget = { left: ctx.policy.retries };
  let current = prepared;
  let outcome = await sendRetrying(toHttpRequest(current), http, ctx, records, budget);
  if (!ctx.session || !isInvalidSession(outcome)) return { outcome, prepared: current, retries: records };

  const started = performance.now();
  const renewed = await ctx.session.renew(bearerOf(current.headers));
  if ('error' in renewed) {
    ctx.warn(`re-authentication after 401 INVALID_SESSION_ID failed: ${renewed.error}`);
    return { outcome, prepared: current, retries: records };
  }
  ctx.session.install(ctx.scopes, renewed.token);
  try {
    current = rebuild();
  } catch (e) {
    ctx.warn(`re-authentication: the request could not be rebuilt: ${(e as Error).message}`);
    return { outcome, prepared: current, retries: records };
  }
  records.push({ attempt: records.length + 2, cause: '401 INVALID_SESSION_ID', action: 'reauth', waitedMs: Math.round(performance.now() - started) });
  outcome = await sendRetrying(toHttpRequest(current), http, ctx, records, budget);
  return { outcome, prepared: current, retries: records };
}
