/** Words for the attempts the native engine made after the first (retries, re-authentication), shared by reporters. */
import type { RetryRecord } from '../engine/result';

/** One attempt: "attempt 2: retried after 503 Service Unavailable (waited 1000 ms)". */
export function retryText(r: RetryRecord): string {
  return r.action === 'reauth'
    ? `attempt ${r.attempt}: re-authenticated after ${r.cause} (new token in ${r.waitedMs} ms)`
    : `attempt ${r.attempt}: retried after ${r.cause} (waited ${r.waitedMs} ms)`;
}

/** A short note for a request's line: "2 retries: 503 Service Unavailable, ECONNRESET; re-authenticated"; '' when none. */
export function retryNote(retries: readonly RetryRecord[] | undefined): string {
  if (!retries || retries.length === 0) return '';
  const plain = retries.filter((r) => r.action === 'retry');
  const parts: string[] = [];
  if (plain.length > 0) parts.push(`${plain.length} ${plain.length === 1 ? 'retry' : 'retries'}: ${plain.map((r) => r.cause).join(', ')}`);
  if (retries.some((r) => r.action === 'reauth')) parts.push('re-authenticated after 401 INVALID_SESSION_ID');
  return parts.join('; ');
}
