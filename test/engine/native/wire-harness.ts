/**
 * Runs one collection through newman (the oracle) and the native engine against the echo server and returns what
 * the server received from each, normalised only where values legitimately differ between two runs:
 *   - Postman-Token values (fresh UUIDs) become <uuid>;
 *   - multipart boundaries (random) become <boundary>;
 *   - host, connection and content-length are compared by value, not position or case: undici always writes them
 *     itself, in lower case, first (host, connection) and last (content-length);
 *   - `content-length: 0` on a body-less request whose method undici does not expect a payload for (COPY, PURGE,
 *     LINK, custom methods...): Node's http client sends it, undici by design does not (RFC 9110 8.6), and no option
 *     makes it. Allow-listed: the length of an empty body carries no information.
 */
import newman from 'newman';
import { nativeEngine } from '../../../src/engine/native';
import type { RunInput, RunResult } from '../../../src/engine/result';
import type { EchoRecord, EchoServer } from './echo-server';

export interface WireView {
  method: string;
  url: string;
  /** "Name: value" in order, framing headers left out. */
  headers: string[];
  /** host / connection / content-length, lower-cased names. */
  framing: Record<string, string>;
  /** latin1 text of the body bytes. */
  body: string;
}

const FRAMING = new Set(['host', 'connection', 'content-length']);
const PAYLOAD_METHODS = new Set(['PUT', 'POST', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const BOUNDARY = /-{26}\d{24}/g;

export function view(r: EchoRecord): WireView {
  const headers: string[] = [];
  const framing: Record<string, string> = {};
  for (let i = 0; i + 1 < r.rawHeaders.length; i += 2) {
    const key = r.rawHeaders[i] as string;
    let value = (r.rawHeaders[i + 1] as string).replace(BOUNDARY, '<boundary>');
    if (FRAMING.has(key.toLowerCase())) {
      framing[key.toLowerCase()] = value;
      continue;
    }
    if (key.toLowerCase() === 'postman-token' && UUID.test(value)) value = '<uuid>';
    headers.push(`${key}: ${value}`);
  }
  if (framing['content-length'] === '0' && !PAYLOAD_METHODS.has(r.method)) delete framing['content-length'];
  return { method: r.method, url: r.url, headers, framing, body: r.body.toString('latin1').replace(BOUNDARY, '<boundary>') };
}

export interface NewmanRun {
  /** console.warn lines newman's runtime printed (file load errors and the like). */
  warnings: string[];
  error?: Error;
}

/** newman.run itself, with the working directory given, to read the runtime's console warnings as printed. */
export function runNewman(collection: unknown, workingDir: string, extra: Record<string, unknown> = {}): Promise<NewmanRun> {
  return new Promise((resolve) => {
    const warnings: string[] = [];
    const emitter = newman.run({ collection: collection as never, reporters: [], workingDir, ...extra } as never, (err: Error | null) =>
      resolve(err ? { warnings, error: err } : { warnings }),
    ) as unknown as { on(event: string, fn: (...args: unknown[]) => void): void };
    emitter.on('console', (_err: unknown, o: unknown) => {
      const c = o as { level?: string; messages?: unknown[] };
      if (c.level === 'warn') warnings.push((c.messages ?? []).map(String).join(' '));
    });
  });
}

export interface BothRuns {
  newman: WireView[];
  native: WireView[];
  newmanRun: NewmanRun;
  nativeRun: RunResult;
}

/**
 * A deep copy of `value` with the server's address in place of the placeholders the wire tests write: HOSTPORT
 * (127.0.0.1:port), PORT (the port alone, as in localhost:PORT, also URL-encoded) and BASE (the base URL); `only`
 * narrows which are replaced (a collection from elsewhere may hold PORT inside a word, as OPPORTUNITY does).
 */
export function atServer<T>(value: T, server: EchoServer, only: RegExp = /HOSTPORT|PORT|BASE/g): T {
  const hostPort = server.base.replace(/^https?:\/\//, '');
  const text = JSON.stringify(value).replace(only, (p) => (p === 'HOSTPORT' ? hostPort : p === 'PORT' ? String(server.port) : server.base));
  return JSON.parse(text) as T;
}

/** Both engines, one after the other, on `collection` (BASE in it is replaced by the server's base URL). */
export async function runBoth(server: EchoServer, collection: unknown, input: Partial<RunInput> = {}, newmanExtra: Record<string, unknown> = {}): Promise<BothRuns> {
  const col = atServer(collection, server, /BASE/g);
  const workingDir = input.workingDir ?? process.cwd();
  server.requests.length = 0;
  const newmanRun = await runNewman(col, workingDir, newmanExtra);
  const fromNewman = server.requests.splice(0).map(view);
  const nativeRun = await nativeEngine.run({ collection: JSON.parse(JSON.stringify(col)) as unknown, workingDir, ...input });
  const fromNative = server.requests.splice(0).map(view);
  return { newman: fromNewman, native: fromNative, newmanRun, nativeRun };
}

type Json = Record<string, unknown>;

/** A v2.1 collection of the given items (and collection-level extras such as auth or protocolProfileBehavior). */
export function wireCollection(items: Json[], extra: Json = {}): Json {
  return {
    info: { _postman_id: 'wire', name: 'wire', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: items,
    ...extra,
  };
}

export function req(name: string, request: Json, extra: Json = {}): Json {
  return { name, request, ...extra };
}
