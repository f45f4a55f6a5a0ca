/**
 * The fuzz cases' HTTP side: one keep-alive undici agent to a 127.0.0.1 emulator, hard time limits (a hang is a failure),
 * and the invariants every answer must keep. Shared by test/fuzz/*.test.ts and bench/fuzz.ts.
 */
import { Agent, request } from 'undici';

export interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Got {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** A case that takes longer than this is a hang. */
export const CASE_TIMEOUT_MS = 10_000;

export function fuzzAgent(): Agent {
  return new Agent({ connections: 8, headersTimeout: CASE_TIMEOUT_MS, bodyTimeout: CASE_TIMEOUT_MS, keepAliveTimeout: 10_000 });
}

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as a browser sends them). */
export function pct(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function query(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
}

/** Short, printable rendering of a case for failure messages (the counterexample is printed whole by fast-check). */
export function show(sent: Sent): string {
  const body = sent.body === undefined ? '' : ` body=${JSON.stringify(sent.body.length > 300 ? `${sent.body.slice(0, 300)}…` : sent.body)}`;
  return `${sent.method} ${sent.path.length > 300 ? `${sent.path.slice(0, 300)}…` : sent.path}${body}`;
}

export async function send(agent: Agent, base: string, sent: Sent): Promise<Got> {
  const res = await request(base + sent.path, {
    dispatcher: agent,
    method: sent.method as 'GET',
    headers: sent.headers ?? {},
    ...(sent.body !== undefined ? { body: sent.body } : {}),
    signal: AbortSignal.timeout(CASE_TIMEOUT_MS),
  });
  const text = await res.body.text();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return { status: res.statusCode, headers, text };
}

export class FuzzFailure extends Error {}

/** Fails with the case and the answer named. */
export function fail(sent: Sent, got: Got | undefined, why: string): never {
  const answer = got ? ` -> ${got.status} ${JSON.stringify(got.text.slice(0, 300))}` : '';
  throw new FuzzFailure(`${why}: ${show(sent)}${answer}`);
}

/** The invariants of every answer: no 5xx, a JSON content type means a JSON body, the status is one the route documents. */
export function expectSane(sent: Sent, got: Got, allowed: readonly number[]): unknown {
  if (got.status >= 500) fail(sent, got, `a ${got.status}`);
  if (!allowed.includes(got.status)) fail(sent, got, `status ${got.status} is not one of ${allowed.join(', ')}`);
  if (/json/i.test(got.headers['content-type'] ?? '')) {
    try {
      return JSON.parse(got.text) as unknown;
    } catch {
      fail(sent, got, 'a JSON content type with a body that is not JSON');
    }
  }
  return undefined;
}

/** Runs one case: a network error or time-out is a failure naming the case. */
export async function exchange(agent: Agent, base: string, sent: Sent): Promise<Got> {
  try {
    return await send(agent, base, sent);
  } catch (err) {
    throw new FuzzFailure(`no answer (${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}): ${show(sent)}`);
  }
}
