/**
 * Faults on demand, for testing what clients do when Salesforce or the network misbehaves: `KIND[:rate][@/path/prefix]`.
 * A rate of 0.25 hits every 4th matching request (deterministic, so tests can count on it); without @ every path matches.
 * These answers are not Salesforce's behaviour to copy: they are the failures a client must survive.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { SessionStore } from './oauth/session';
import { JSON_UTF8, jsonReply, type Reply } from './http';
import { unknownExceptionReply } from './rest/errors';

export const FAULT_KINDS = {
  latency: 'answer normally after a delay (latencyMs, default 1000)',
  '429': '429 Too Many Requests with Retry-After',
  '503': '503 Service Unavailable with Retry-After, JSON body',
  '500': "500 UNKNOWN_EXCEPTION, Salesforce's error array",
  reset: 'send the headers and part of the body, then reset the connection',
  truncate: 'send half of the real body under the full Content-Length, then close',
  'bad-json': 'a 200 with a JSON content type and a body that is not JSON',
  html: "Salesforce's maintenance page: 503 text/html",
  session: 'revoke every access token (as if an admin did), then answer normally: data calls get 401 INVALID_SESSION_ID',
  stop: 'the server stops: this connection and every other one close, nothing listens any more',
} as const;
export type FaultKind = keyof typeof FAULT_KINDS;

export interface Fault {
  kind: FaultKind;
  /** Share of matching requests hit, 0 < rate <= 1; default 1. */
  rate?: number;
  /** Only requests whose path starts with this. */
  route?: string;
  /** For `latency`. */
  latencyMs?: number;
  /** Seconds in Retry-After for 429/503/html; default 1. */
  retryAfterSeconds?: number;
}

/** Parses `KIND[:rate][@/path]`; throws an Error whose message says what is wrong. */
export function parseFault(spec: string): Fault {
  const m = /^([a-z0-9-]+)(?::([0-9.]+))?(?:@(\/\S*))?$/.exec(spec.trim());
  if (!m || !Object.prototype.hasOwnProperty.call(FAULT_KINDS, m[1] ?? '')) {
    throw new Error(`"${spec}" is not a fault: use KIND[:rate][@/path] with KIND one of ${Object.keys(FAULT_KINDS).join(', ')}`);
  }
  const rate = m[2] === undefined ? 1 : Number(m[2]);
  if (!(rate > 0 && rate <= 1)) throw new Error(`"${spec}": the rate must be a number in (0, 1], e.g. ${m[1]}:0.5`);
  return { kind: m[1] as FaultKind, rate, ...(m[3] ? { route: m[3] } : {}) };
}

/** Decides, request by request, which fault (if any) hits. */
export class FaultInjector {
  private readonly credit: number[];

  constructor(private readonly faults: readonly Fault[]) {
    this.credit = faults.map(() => 0);
  }

  pick(path: string): Fault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const f = this.faults[i];
      if (!f || (f.route && !path.startsWith(f.route))) continue;
      this.credit[i] = (this.credit[i] ?? 0) + (f.rate ?? 1);
      if ((this.credit[i] ?? 0) >= 1 - 1e-9) {
        this.credit[i] = (this.credit[i] ?? 0) - 1;
        return f;
      }
    }
    return undefined;
  }
}

const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>Salesforce - Maintenance</title></head><body>' +
  '<h1>Salesforce is down for maintenance</h1><p>We are performing scheduled maintenance. ' +
  'Please check back shortly.</p></body></html>';

/** A fault that replaces the answer with a Reply; undefined when the fault acts on the connection instead. */
export function faultReply(f: Fault): Reply | undefined {
  const retry = { 'Retry-After': String(f.retryAfterSeconds ?? 1) };
  switch (f.kind) {
    case '429':
      return jsonReply(429, [{ message: 'Too many requests; retry later', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], retry);
    case '503':
      return jsonReply(503, [{ message: 'Service temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }], retry);
    case '500':
      return unknownExceptionReply();
    case 'bad-json':
      return { status: 200, headers: { 'Content-Type': JSON_UTF8 }, body: '{"totalSize":1,"done":true,"records":[{"attributes":' };
    case 'html':
      return { status: 503, headers: { 'Content-Type': 'text/html;charset=UTF-8', ...retry }, body: MAINTENANCE_PAGE };
    default:
      return undefined;
  }
}

export interface FaultEnv {
  server: Server;
  sessions: SessionStore;
}

/**
 * Applies a fault that works on the connection or the org. Returns what the normal answer must go through:
 * 'answer' (answer normally, maybe after a delay), 'truncate' (send half of it), or 'done' (nothing more to send).
 */
export async function applyFault(f: Fault, req: IncomingMessage, res: ServerResponse, env: FaultEnv): Promise<'answer' | 'truncate' | 'done'> {
  switch (f.kind) {
    case 'latency':
      await new Promise((r) => setTimeout(r, f.latencyMs ?? 1000));
      return 'answer';
    case 'session':
      env.sessions.revokeAll();
      return 'answer';
    case 'truncate':
      return 'truncate';
    case 'reset':
      res.writeHead(200, { 'Content-Type': JSON_UTF8, 'Content-Length': '4096' });
      res.write('{"totalSize":2000,"done":true,"records":[');
      setImmediate(() => req.socket.resetAndDestroy());
      return 'done';
    case 'stop':
      env.server.close();
      env.server.closeAllConnections();
      req.socket.destroy();
      return 'done';
    default:
      return 'answer';
  }
}
