/**
 * The native engine's retry policy (pure: no I/O, no clock of its own).
 *
 * What is retried: only requests that are safe to send twice — the idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE,
 * TRACE) and OAuth token requests (POST to a path ending /services/oauth2/token: a second token is harmless) — and only
 * when the previous attempt got 429, 503 or a connection error (reset, refused, socket closed or cut short).
 * Timeouts are NOT retried: the per-request limit (--timeout-request) is the user's bound for one request, and a server
 * too slow once is likely to be too slow again; retrying would multiply the wait without telling anyone.
 *
 * How long to wait: the response's Retry-After (delta-seconds or an HTTP-date) when present, capped at
 * RETRY_AFTER_CAP_MS; otherwise exponential backoff with full jitter, a random wait in [0, min(cap, base * 2^(n-1)))
 * with base BACKOFF_BASE_MS and cap BACKOFF_CAP_MS. The caller never waits past the run deadline.
 */
import type { HttpOutcome } from './http';

export const DEFAULT_RETRIES = 2;
export const BACKOFF_BASE_MS = 250;
export const BACKOFF_CAP_MS = 8_000;
export const RETRY_AFTER_CAP_MS = 30_000;

export interface RetryPolicy {
  /** Retries after the first attempt (0 = none). */
  retries: number;
  baseMs: number;
  capMs: number;
  retryAfterCapMs: number;
}

export function retryPolicy(retries: number = DEFAULT_RETRIES): RetryPolicy {
  return { retries: Math.max(0, Math.floor(retries)), baseMs: BACKOFF_BASE_MS, capMs: BACKOFF_CAP_MS, retryAfterCapMs: RETRY_AFTER_CAP_MS };
}

export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);
/** Connection errors: nothing (or not all) of the answer arrived, and sending again is the only way to get it. */
export const RETRY_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** POST to …/services/oauth2/token (a trailing slash allowed): an OAuth token request. */
export function isTokenRequest(method: string, href: string): boolean {
  if (method.toUpperCase() !== 'POST') return false;
  try {
    return /\/services\/oauth2\/token\/?$/.test(new URL(href).pathname);
  } catch {
    return false;
  }
}

/** Whether sending this request again is safe at all. */
export function isRetryableRequest(method: string, href: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) || isTokenRequest(method, href);
}

/**
 * Why the outcome deserves another attempt ("503 Service Unavailable", "ECONNRESET"), or undefined when it does not
 * (a response that is not 429/503, a timeout, an error without a connection code).
 */
export function retryCause(outcome: HttpOutcome): string | undefined {
  if ('response' in outcome) {
    const r = outcome.response;
    return RETRY_STATUSES.has(r.code) ? `${r.code} ${r.status}` : undefined;
  }
  const e = outcome.error;
  if (e.kind !== 'network' || !e.code) return undefined;
  return RETRY_ERROR_CODES.has(e.code) ? e.code : undefined;
}

/** Retry-After in ms from now: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[a-z]/i.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Full jitter: a random wait in [0, min(cap, base * 2^(n-1))) before retry n (1-based). */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** The wait before retry n: Retry-After (capped) when the response has one, else the jittered backoff. */
export function retryWaitMs(outcome: HttpOutcome, retry: number, policy: RetryPolicy, nowMs: number, random: () => number = Math.random): number {
  if ('response' in outcome) {
    const header = lastHeaderValue(outcome.response.headers, 'retry-after');
    const after = parseRetryAfter(header, nowMs);
    if (after !== undefined) return Math.min(after, policy.retryAfterCapMs);
  }
  return backoffMs(retry, policy, random);
}

function lastHeaderValue(headers: ReadonlyArray<{ key: string; value: string }>, lower: string): string | undefined {
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]?.key.toLowerCase() === lower) return headers[i]?.value;
  return undefined;
}
