/** The retry policy as pure functions: what is retried, why, and how long to wait. */
import { expect } from 'chai';
import type { HttpOutcome } from '../../../src/engine/native/http';
import {
  backoffMs,
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  isRetryableRequest,
  isTokenRequest,
  parseRetryAfter,
  retryCause,
  retryPolicy,
  retryWaitMs,
  RETRY_AFTER_CAP_MS,
} from '../../../src/engine/native/retry';

const response = (code: number, status: string, headers: Array<{ key: string; value: string }> = []): HttpOutcome => ({
  response: { code, status, headers, body: Buffer.alloc(0), timeMs: 1, url: 'http://127.0.0.1/' },
});
const failure = (kind: 'network' | 'timeout', code?: string): HttpOutcome => ({ error: { kind, message: code ?? 'boom', ...(code ? { code } : {}) } });

describe('native retry policy', () => {
  it('retries only idempotent methods and token requests', () => {
    for (const m of ['GET', 'head', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']) expect(isRetryableRequest(m, 'http://127.0.0.1/x'), m).to.equal(true);
    for (const m of ['POST', 'PATCH', 'CONNECT']) expect(isRetryableRequest(m, 'http://127.0.0.1/services/data/v62.0/sobjects/Account'), m).to.equal(false);
    expect(isTokenRequest('POST', 'http://127.0.0.1/services/oauth2/token')).to.equal(true);
    expect(isTokenRequest('post', 'https://my.example.invalid/services/oauth2/token/?x=1')).to.equal(true);
    expect(isTokenRequest('POST', 'http://127.0.0.1/services/oauth2/token/extra')).to.equal(false);
    expect(isTokenRequest('POST', 'http://127.0.0.1/services/oauth2/revoke')).to.equal(false);
    expect(isTokenRequest('GET', 'http://127.0.0.1/services/oauth2/token')).to.equal(false);
    expect(isTokenRequest('POST', 'not a url')).to.equal(false);
  });

  it('retries on 429, 503 and connection errors; not on other statuses, timeouts or errors without a connection code', () => {
    expect(retryCause(response(429, 'Too Many Requests'))).to.equal('429 Too Many Requests');
    expect(retryCause(response(503, 'Service Unavailable'))).to.equal('503 Service Unavailable');
    for (const code of [200, 400, 401, 404, 500, 502]) expect(retryCause(response(code, 'x')), String(code)).to.equal(undefined);
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET']) expect(retryCause(failure('network', code))).to.equal(code);
    expect(retryCause(failure('timeout', 'ETIMEDOUT'))).to.equal(undefined);
    expect(retryCause(failure('timeout', 'ESOCKETTIMEDOUT'))).to.equal(undefined);
    expect(retryCause(failure('network', 'ENOTFOUND'))).to.equal(undefined);
    expect(retryCause(failure('network'))).to.equal(undefined);
  });

  it('reads Retry-After as delta-seconds or an HTTP-date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).to.equal(3000);
    expect(parseRetryAfter(' 0 ', now)).to.equal(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).to.equal(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).to.equal(0, 'a date in the past means now');
    expect(parseRetryAfter(undefined, now)).to.equal(undefined);
    expect(parseRetryAfter('-1', now)).to.equal(undefined);
    expect(parseRetryAfter('1.5', now)).to.equal(undefined);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
  });

  it('backs off exponentially with full jitter, within [0, min(cap, base * 2^(n-1)))', () => {
    const p = retryPolicy(5);
    expect(backoffMs(1, p, () => 0)).to.equal(0);
    expect(backoffMs(1, p, () => 0.999999)).to.equal(BACKOFF_BASE_MS - 1);
    expect(backoffMs(3, p, () => 0.5)).to.equal(BACKOFF_BASE_MS * 2);
    expect(backoffMs(30, p, () => 0.999999)).to.equal(BACKOFF_CAP_MS - 1);
    for (let n = 1; n <= 8; n++) {
      for (let i = 0; i < 50; i++) {
        const w = backoffMs(n, p);
        expect(w).to.be.at.least(0).and.below(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1)));
      }
    }
  });

  it('waits what Retry-After says, capped; the backoff when there is none or it is unreadable', () => {
    const p = retryPolicy();
    const now = Date.now();
    expect(retryWaitMs(response(503, 'x', [{ key: 'Retry-After', value: '2' }]), 1, p, now, () => 0.9)).to.equal(2000);
    expect(retryWaitMs(response(429, 'x', [{ key: 'retry-after', value: '3600' }]), 1, p, now)).to.equal(RETRY_AFTER_CAP_MS);
    expect(retryWaitMs(response(503, 'x', [{ key: 'Retry-After', value: 'later' }]), 2, p, now, () => 0.5)).to.equal(BACKOFF_BASE_MS);
    expect(retryWaitMs(failure('network', 'ECONNRESET'), 1, p, now, () => 0)).to.equal(0);
  });

  it('the default is 2 retries; negative or fractional counts are clamped', () => {
    expect(retryPolicy().retries).to.equal(2);
    expect(retryPolicy(0).retries).to.equal(0);
    expect(retryPolicy(-3).retries).to.equal(0);
    expect(retryPolicy(2.7).retries).to.equal(2);
  });
});
