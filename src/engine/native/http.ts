/**
 * One HTTP exchange over undici (raw dispatch: response headers keep their order, case and duplicates), with a total
 * per-request deadline (redirects included) and newman's redirect rules (postman-request with followAllRedirects):
 * any 3xx with a Location is followed up to `maxRedirects`; except for 307/308/401 the method becomes GET (HEAD stays
 * HEAD) and the body and its Content-Type/Length are dropped; Authorization and Host are dropped when the host
 * changes; Referer is set (unless removeRefererHeaderOnRedirect). The agent owns the run's cookie jar: Set-Cookie of
 * every response (redirect hops included) is stored, and each hop sends the matching cookies. Bodies sent with
 * Content-Encoding gzip/deflate/br are decoded (postman-request asks for them). Errors use newman's codes and messages
 * where they differ from undici's.
 */
import { STATUS_CODES } from 'node:http';
import { rootCertificates } from 'node:tls';
import type { Agent as AgentType, Dispatcher } from 'undici';

/**
 * undici's Agent alone: `require('undici')` loads its whole surface (fetch, WebSocket, caches: ~110 modules, ~70 ms),
 * the agent module ~20 modules and ~20 ms, which is most of a one-request run's start-up. undici is pinned in
 * package.json; the engine tests fail loudly if this path moves.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Agent = require('undici/lib/dispatcher/agent') as typeof AgentType;
type Agent = AgentType;
import type { KeyValue, RequestError } from '../result';
import { CookieJar } from './cookies';
import { addCookies, decode, firstHop, lastHeader, redirected, type Hop } from './hops';
import type { WireRequest } from './wire';

export interface HttpRequest {
  method: string;
  href: string;
  headers: KeyValue[];
  body?: string;
  /** The exact wire request from buildRequest; found on `headers` when not given here. */
  wire?: WireRequest;
}

export interface HttpResponse {
  code: number;
  status: string;
  headers: KeyValue[];
  body: Buffer;
  /** ms from the first byte sent to the end of the last response body (redirect hops included). */
  timeMs: number;
  /** The URL of the last hop (differs from the request's after redirects). */
  url: string;
  /** The Cookie header the first hop carried (the jar's cookies and the request's own), as newman reports it. */
  cookie?: string;
}

export interface HttpOptions {
  /** Total time allowed for the exchange, redirects included; 0 = none. */
  timeoutMs: number;
  followRedirects: boolean;
  maxRedirects: number;
  followOriginalHttpMethod: boolean;
  followAuthorizationHeader: boolean;
}

export type HttpOutcome = { response: HttpResponse } | { error: RequestError };

interface AgentState {
  options: AgentType.Options;
  jar: CookieJar;
  /** For strictSSL: false requests, made on first use and closed with the run's agent. */
  insecure?: Agent;
}

const STATES = new WeakMap<Dispatcher, AgentState>();

/** The run's certificate checks: extra authorities to trust besides Node's (--ssl-extra-ca-certs), or none (--insecure). */
export interface AgentTls {
  /** PEM certificates trusted on top of Node's root certificates. */
  extraCa?: readonly string[];
  /** true: server certificates are not verified at all. */
  insecure?: boolean;
}

export function createAgent(timeoutMs: number, tls: AgentTls = {}): Agent {
  // undici's own timeouts only back up the per-request deadline below (which fires first); 0 disables them all.
  const backup = timeoutMs > 0 ? timeoutMs + 1_000 : 0;
  // An explicit `ca` replaces Node's roots, so they go first.
  const ca = tls.extraCa?.length ? { ca: [...rootCertificates, ...tls.extraCa] } : {};
  const connect = { timeout: backup, ...ca, ...(tls.insecure ? { rejectUnauthorized: false } : {}) };
  const options: AgentType.Options = { connect, headersTimeout: backup, bodyTimeout: backup, keepAliveTimeout: 4_000 };
  const agent = new Agent(options);
  STATES.set(agent, { options, jar: new CookieJar() });
  return agent;
}

function stateOf(agent: Dispatcher): AgentState {
  let state = STATES.get(agent);
  if (!state) {
    state = { options: {}, jar: new CookieJar() };
    STATES.set(agent, state);
  }
  return state;
}

/** The run's cookie jar (one per agent, so one per run): what pm.cookies reads. */
export function cookieJar(agent: Dispatcher): CookieJar {
  return stateOf(agent).jar;
}

/** The dispatcher for a request that must not verify certificates (closed when `agent` is closed or destroyed). */
function insecureAgent(agent: Dispatcher): Dispatcher {
  const state = stateOf(agent);
  if (state.insecure) return state.insecure;
  const connect = { ...(state.options.connect as object | undefined), rejectUnauthorized: false };
  const insecure = new Agent({ ...state.options, connect });
  state.insecure = insecure;
  const a = agent as unknown as Record<'close' | 'destroy', (...args: unknown[]) => unknown>;
  for (const method of ['close', 'destroy'] as const) {
    const original = a[method].bind(agent);
    a[method] = (...args: unknown[]) => {
      insecure.destroy().catch(() => undefined);
      return original(...args);
    };
  }
  return insecure;
}

/**
 * newman's (postman-request's) wording: ETIMEDOUT when the connection was never made, ESOCKETTIMEDOUT once it was;
 * the message is the code.
 */
function timeoutError(connected: boolean): RequestError {
  const code = connected ? 'ESOCKETTIMEDOUT' : 'ETIMEDOUT';
  return { kind: 'timeout', message: code, code };
}

class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private abortCurrent: ((reason: Error) => void) | undefined;
  expired = false;
  connected = false;

  constructor(
    ms: number,
    private readonly onExpire: () => void,
  ) {
    if (ms > 0) {
      this.timer = setTimeout(() => {
        this.expired = true;
        this.abortCurrent?.(new Error('request timed out'));
        this.onExpire();
      }, ms);
    }
  }

  attach(abort: (reason: Error) => void): void {
    this.connected = true;
    this.abortCurrent = abort;
    if (this.expired) abort(new Error('request timed out'));
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

export async function send(agent: Dispatcher, request: HttpRequest, options: HttpOptions): Promise<HttpOutcome> {
  const started = performance.now();
  let settleTimeout: (() => void) | undefined;
  const timedOut = new Promise<HttpOutcome>((resolve) => {
    settleTimeout = () => resolve({ error: timeoutError(deadline.connected) });
  });
  const deadline: Deadline = new Deadline(options.timeoutMs, () => settleTimeout?.());
  try {
    return await Promise.race([exchange(agent, request, options, deadline, started), timedOut]);
  } finally {
    deadline.clear();
  }
}

async function exchange(agent: Dispatcher, request: HttpRequest, options: HttpOptions, deadline: Deadline, started: number): Promise<HttpOutcome> {
  let first: { hop: Hop; wire?: WireRequest };
  try {
    first = firstHop(request);
  } catch (err) {
    return { error: toRequestError(err) };
  }
  const { wire } = first;
  let current = first.hop;
  const dispatcher = wire && !wire.strictSSL ? insecureAgent(agent) : agent;
  const jar = wire?.noCookies ? undefined : stateOf(agent).jar;
  // postman-request keeps the request's own Cookie header and appends the jar's cookies to it on every hop.
  const ownCookie = lastHeader(current.headers, 'cookie');
  let firstCookie: string | undefined;
  for (let hop = 0; ; hop++) {
    if (deadline.expired) return { error: timeoutError(deadline.connected) };
    if (jar) addCookies(current, jar, ownCookie);
    if (hop === 0) firstCookie = lastHeader(current.headers, 'cookie');
    let raw: RawResponse;
    try {
      raw = await dispatchOnce(dispatcher, current, deadline);
    } catch (err) {
      if (deadline.expired) return { error: timeoutError(deadline.connected) };
      return { error: toRequestError(err) };
    }
    if (jar && raw.setCookies.length > 0) jar.store(current.href, raw.setCookies);
    const location = raw.code >= 300 && raw.code < 400 ? lastHeader(raw.headers, 'location') : undefined;
    if (location === undefined || !options.followRedirects) {
      return {
        response: {
          code: raw.code,
          status: STATUS_CODES[raw.code] ?? raw.statusText,
          headers: raw.headers,
          body: decode(raw.body, raw.encoding),
          timeMs: Math.round(performance.now() - started),
          url: current.href,
          ...(firstCookie !== undefined ? { cookie: firstCookie } : {}),
        },
      };
    }
    if (hop >= options.maxRedirects) {
      return { error: { kind: 'network', message: `Exceeded maxRedirects. Probably stuck in a redirect loop ${current.href}` } };
    }
    try {
      current = redirected(current, raw.code, location, options, wire);
    } catch (err) {
      return { error: toRequestError(err) };
    }
  }
}

/** Content-Length values up to this are trusted for one up-front allocation. */
const MAX_PRESIZED_BYTES = 512 * 1024 * 1024;

interface RawResponse {
  code: number;
  statusText: string;
  headers: KeyValue[];
  body: Buffer;
  setCookies: string[];
  /** Content-Encoding, lower-cased, when the response has one. */
  encoding?: string;
}

function dispatchOnce(agent: Dispatcher, req: Hop, deadline: Deadline): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const flatHeaders: string[] = [];
    for (const h of req.headers) flatHeaders.push(h.key, h.value);
    let code = 0;
    let statusText = '';
    const headers: KeyValue[] = [];
    let setCookies: string[] = [];
    let encoding: string | undefined;
    // With a Content-Length the body goes straight into one buffer of that size (no chunk list, no second copy at
    // the end: a 30 MB body is held once); otherwise, or if more arrives than announced, chunks are concatenated.
    let chunks: Buffer[] = [];
    let sized: Buffer | undefined;
    let filled = 0;
    const handler: Dispatcher.DispatchHandler = {
      onConnect(abort) {
        deadline.attach(abort as (reason: Error) => void);
      },
      onHeaders(statusCode, rawHeaders, _resume, statusMessage) {
        code = statusCode;
        statusText = statusMessage;
        headers.length = 0;
        setCookies = [];
        encoding = undefined;
        chunks = [];
        sized = undefined;
        filled = 0;
        let length = -1;
        for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
          const header = { key: String(rawHeaders[i]), value: latin1(rawHeaders[i + 1]) };
          headers.push(header);
          const n = header.key.length;
          if (n === 14 && header.key.toLowerCase() === 'content-length' && /^\d{1,10}$/.test(header.value)) length = Number(header.value);
          else if (n === 10 && header.key.toLowerCase() === 'set-cookie') setCookies.push(header.value);
          else if (n === 16 && header.key.toLowerCase() === 'content-encoding') encoding = header.value.trim().toLowerCase();
        }
        if (length > 0 && length <= MAX_PRESIZED_BYTES) sized = Buffer.allocUnsafe(length);
        return true;
      },
      onData(chunk) {
        if (sized && filled + chunk.length <= sized.length) {
          chunk.copy(sized, filled);
          filled += chunk.length;
        } else {
          if (sized) {
            chunks.push(sized.subarray(0, filled));
            sized = undefined;
          }
          chunks.push(chunk);
        }
        return true;
      },
      onComplete() {
        const body = sized ? (filled === sized.length ? sized : sized.subarray(0, filled)) : Buffer.concat(chunks);
        resolve(encoding === undefined ? { code, statusText, headers, body, setCookies } : { code, statusText, headers, body, setCookies, encoding });
      },
      onError(err) {
        reject(err);
      },
    };
    try {
      agent.dispatch(
        {
          origin: req.origin,
          path: req.path,
          method: req.method as Dispatcher.HttpMethod,
          headers: flatHeaders,
          // undici closes the connection after HEAD unless told otherwise; postman-request keeps it alive.
          ...(req.method === 'HEAD' && lastHeader(req.headers, 'connection')?.toLowerCase() === 'keep-alive' ? { reset: false } : {}),
          ...(req.body !== undefined ? { body: req.body } : {}),
        },
        handler,
      );
    } catch (err) {
      reject(err);
    }
  });
}

function latin1(value: unknown): string {
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (Array.isArray(value)) return value.map(latin1).join(', ');
  return String(value ?? '');
}

const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const UNDICI_TIMEOUTS: Readonly<Record<string, boolean>> = { UND_ERR_CONNECT_TIMEOUT: false, UND_ERR_HEADERS_TIMEOUT: true, UND_ERR_BODY_TIMEOUT: true };

export function toRequestError(err: unknown): RequestError {
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  let code = typeof e?.code === 'string' ? e.code : undefined;
  let message = typeof e?.message === 'string' ? e.message : String(err);
  // undici wraps some socket errors (e.g. "fetch failed"-style) with the useful one in `cause`.
  if (e?.cause && typeof e.cause.code === 'string' && (!code || code === 'UND_ERR_SOCKET')) {
    code = e.cause.code;
    if (typeof e.cause.message === 'string') message = e.cause.message;
  }
  if (code && Object.prototype.hasOwnProperty.call(UNDICI_TIMEOUTS, code)) return timeoutError(UNDICI_TIMEOUTS[code] === true);
  const kind = code && TIMEOUT_CODES.has(code) ? 'timeout' : 'network';
  return code ? { kind, message, code } : { kind, message };
}
