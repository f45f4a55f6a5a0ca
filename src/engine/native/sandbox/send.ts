/**
 * The engine's side of pm.sendRequest: a SendSpec from the sandbox (./side-send.ts) is sent with undici through
 * ../http.ts `send` (redirects, deadline and error wording as for the run's own requests), and answered with a
 * SendReply and the body text. The URL is parsed and percent-encoded like an item's URL (../url.ts); a raw body gets
 * the Content-Type its language implies (text/plain by default), forms are urlencoded or multipart; User-Agent,
 * Accept, Cache-Control and Postman-Token are added as postman-runtime adds them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { stringify as qsStringify } from 'node:querystring';
import type { Dispatcher } from 'undici';
import { DEFAULT_REQUEST_TIMEOUT_MS, type KeyValue } from '../../result';
import { createAgent, send, type HttpOptions } from '../http';
import { encodeUrl, parseUrl } from '../url';
import type { RequestBodySpec, SendReply, SendSpec } from './protocol';

export interface ScriptHttpOptions {
  /** The dispatcher to use (the run's own agent); default: one created on first use and closed with the sandbox. */
  agent?: Dispatcher;
  /** Overall time per request, redirects included (default: the engine's request timeout). */
  timeoutMs?: number;
}

const RAW_CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
};

export class ScriptRequests {
  private ownAgent: ReturnType<typeof createAgent> | undefined;

  constructor(private readonly options: ScriptHttpOptions = {}) {}

  /** Never throws: any failure is the reply's error. */
  async perform(specJson: string): Promise<{ reply: string; body: string }> {
    let spec: SendSpec;
    try {
      spec = readSpec(JSON.parse(specJson) as unknown);
    } catch (err) {
      return fail(err);
    }
    try {
      const url = encodeUrl(parseUrl(spec.url));
      const headers: KeyValue[] = spec.headers.map(([key, value]) => ({ key, value }));
      const body = spec.body ? buildBody(spec.body, headers) : undefined;
      // postman-runtime's system headers (those a request does not set itself), but Accept-Encoding: bodies are not
      // decompressed here.
      for (const [key, value] of [
        ['User-Agent', 'PostmanRuntime/7.39.1'],
        ['Accept', '*/*'],
        ['Cache-Control', 'no-cache'],
        ['Postman-Token', randomUUID()],
      ] as const) {
        if (!has(headers, key.toLowerCase())) headers.push({ key, value });
      }
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      const http: HttpOptions = { timeoutMs, followRedirects: true, maxRedirects: 10, followOriginalHttpMethod: false, followAuthorizationHeader: false };
      const outcome = await send(this.agent(timeoutMs), { method: spec.method, href: url.href, headers, ...(body !== undefined ? { body } : {}) }, http);
      if ('error' in outcome) {
        const error = outcome.error.code ? { message: outcome.error.message, code: outcome.error.code } : { message: outcome.error.message };
        return { reply: JSON.stringify({ error } satisfies SendReply), body: '' };
      }
      const r = outcome.response;
      const reply: SendReply = {
        response: { code: r.code, status: r.status, headers: r.headers.map((h): [string, string] => [h.key, h.value]), responseTime: r.timeMs, size: r.body.length },
      };
      return { reply: JSON.stringify(reply), body: r.body.toString('utf8') };
    } catch (err) {
      return fail(err);
    }
  }

  close(): void {
    const agent = this.ownAgent;
    this.ownAgent = undefined;
    if (agent) void agent.destroy().catch(() => undefined);
  }

  private agent(timeoutMs: number): Dispatcher {
    if (this.options.agent) return this.options.agent;
    this.ownAgent ??= createAgent(timeoutMs);
    return this.ownAgent;
  }
}

function fail(err: unknown): { reply: string; body: string } {
  const message = err instanceof Error ? err.message : String(err);
  return { reply: JSON.stringify({ error: { message } } satisfies SendReply), body: '' };
}

function readSpec(raw: unknown): SendSpec {
  if (!raw || typeof raw !== 'object') throw new Error('pm.sendRequest: the request could not be read');
  const o = raw as Record<string, unknown>;
  if (typeof o['url'] !== 'string' || o['url'].trim() === '') throw new Error('pm.sendRequest: the request has no URL');
  const method = typeof o['method'] === 'string' && o['method'] !== '' ? o['method'].toUpperCase() : 'GET';
  if (!/^[A-Z0-9!#$%&'*+.^_`|~-]+$/.test(method)) throw new Error(`pm.sendRequest: invalid method "${method}"`);
  const headers = Array.isArray(o['headers'])
    ? (o['headers'] as unknown[]).filter((h): h is [string, string] => Array.isArray(h) && typeof h[0] === 'string' && h[0] !== '' && typeof h[1] === 'string')
    : [];
  const spec: SendSpec = { url: o['url'], method, headers };
  const body = o['body'] as RequestBodySpec | undefined;
  if (body && typeof body === 'object') spec.body = body;
  return spec;
}

function has(headers: KeyValue[], lower: string): KeyValue | undefined {
  return headers.find((h) => h.key.toLowerCase() === lower);
}

function buildBody(body: RequestBodySpec, headers: KeyValue[]): string | undefined {
  if (body.mode === 'raw') {
    if (typeof body.raw !== 'string' || body.raw === '') return undefined;
    if (!has(headers, 'content-type')) {
      const type = body.language && Object.prototype.hasOwnProperty.call(RAW_CONTENT_TYPES, body.language) ? RAW_CONTENT_TYPES[body.language] : undefined;
      headers.push({ key: 'Content-Type', value: type ?? 'text/plain' });
    }
    return body.raw;
  }
  const pairs = Array.isArray(body.pairs) ? body.pairs.filter((p) => Array.isArray(p) && typeof p[0] === 'string') : [];
  if (pairs.length === 0) return undefined;
  if (body.mode === 'urlencoded') {
    const form: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    for (const [key, value] of pairs) {
      const prev = form[key];
      if (prev === undefined) form[key] = String(value);
      else if (Array.isArray(prev)) prev.push(String(value));
      else form[key] = [prev, String(value)];
    }
    const existing = has(headers, 'content-type');
    if (!existing) headers.push({ key: 'Content-Type', value: 'application/x-www-form-urlencoded' });
    return qsStringify(form).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  // multipart/form-data, text fields only (form-data's boundary shape).
  const boundary = `--------------------------${BigInt(`0x${randomBytes(12).toString('hex')}`).toString().slice(0, 24).padStart(24, '0')}`;
  const parts = pairs.map(([key, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${key.replace(/"/g, '%22')}"\r\n\r\n${String(value)}\r\n`);
  const existing = has(headers, 'content-type');
  if (existing) existing.value = `multipart/form-data; boundary=${boundary}`;
  else headers.push({ key: 'Content-Type', value: `multipart/form-data; boundary=${boundary}` });
  return `${parts.join('')}--${boundary}--\r\n`;
}
