/**
 * What the differential suite compares, as plain strings: one view per request of a run (what the engine says it
 * sent and got, its test outcomes and errors, and what the echo server saw on the wire), plus the run-level facts
 * (variables as the run ended, warnings, iterations, run error). Values that differ from run to run by nature
 * (uuids, timestamps, emulator tokens, multipart boundaries) are masked to their shape before comparison.
 */
import type { RequestResult, RunResult } from '../../src/engine';
import type { WireRecord } from './echo';

export type Mask = readonly [RegExp, string];

/** Shapes that change between two runs of the same collection; every compared string goes through these. */
export const DEFAULT_MASKS: readonly Mask[] = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'],
  [/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/g, '<iso-date>'],
  // Emulator access tokens (`<15-char org id>!A…`), refresh tokens, JWTs (id_token, assertions), token signatures.
  [/00D[0-9A-Za-z]{12}(?:!|%21)[0-9A-Za-z._]+/g, '<access-token>'],
  [/5Aep861[0-9A-Za-z.]+/g, '<refresh-token>'],
  [/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<jwt>'],
  // Epoch seconds and milliseconds of this century ($timestamp, issued_at, Date.now()).
  [/\b1[6-9]\d{8}(?:\d{3})?\b/g, '<epoch>'],
];

export function mask(text: string, masks: readonly Mask[]): string {
  let out = text;
  for (const [re, to] of masks) out = out.replace(re, to);
  return out;
}

/**
 * Request headers each engine reports that are compared by value. Left out: the system headers newman adds that the
 * newman engine does not report (they are compared on the wire instead), Content-Length (compared on the wire).
 */
const NOT_COMPARED_REPORTED = new Set(['user-agent', 'postman-token', 'cache-control', 'host', 'accept-encoding', 'connection', 'content-length']);
/** On the wire: compared for presence only (their values are random or name the client). */
const PRESENCE_ONLY_WIRE = new Set(['postman-token', 'user-agent']);
/** On the wire: the headers postman-runtime adds by itself (disabledSystemHeaders turns them off), compared apart. */
const SYSTEM_WIRE = new Set(['user-agent', 'postman-token', 'cache-control', 'accept-encoding', 'accept', 'host', 'content-length']);
/** On the wire: not compared (transport details of the client's connection pool). */
const IGNORED_WIRE = new Set(['connection', 'keep-alive']);

export interface WireView {
  method: string;
  path: string;
  headers: string[];
  /** User-Agent, Postman-Token, Cache-Control, Accept-Encoding, Accept, Host, Content-Length. */
  systemHeaders: string[];
  body: string;
}

export interface RequestView {
  /** Pairing key: iteration, folder path and item name, occurrence. */
  key: string;
  /** How reports name the request. */
  label: string;
  fields: Record<string, string | string[]>;
  wire: WireView[];
}

export interface RunView {
  requests: RequestView[];
  run: Record<string, string | string[]>;
  /** Wire records that arrived outside any request. */
  strayWire: WireView[];
}

function sortedHeaders(headers: Array<[string, string]>): string[] {
  return headers
    .map(([k, v], i) => ({ k: k.toLowerCase(), v, i }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((h) => `${h.k}: ${h.v}`);
}

function boundaryOf(headers: Array<[string, string]>): string | undefined {
  const type = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  return /boundary="?([^";]+)"?/i.exec(type)?.[1];
}

/** A multipart body's boundary (random per request) and the length it implies are masked. */
function unboundary(text: string, boundary: string | undefined): string {
  return boundary ? text.split(boundary).join('<boundary>') : text;
}

export function wireView(r: WireRecord, masks: readonly Mask[]): WireView {
  const boundary = boundaryOf(r.rawHeaders);
  const headers = r.rawHeaders
    .filter(([k]) => !IGNORED_WIRE.has(k.toLowerCase()))
    .map(([k, v]): [string, string] => {
      const lower = k.toLowerCase();
      if (PRESENCE_ONLY_WIRE.has(lower)) return [k, '<present>'];
      if (lower === 'content-length' && boundary) return [k, '<length>'];
      return [k, mask(unboundary(v, boundary), masks)];
    });
  return {
    method: r.method,
    path: mask(r.rawPath, masks),
    headers: sortedHeaders(headers.filter(([k]) => !SYSTEM_WIRE.has(k.toLowerCase()))),
    systemHeaders: sortedHeaders(headers.filter(([k]) => SYSTEM_WIRE.has(k.toLowerCase()))),
    body: mask(unboundary(r.body.toString('utf8'), boundary), masks),
  };
}

function errorView(e: RequestResult['errors'][number], masks: readonly Mask[]): string {
  const where = e.kind === 'script' ? `script/${e.phase ?? '?'}` : e.kind;
  // Network and time-out errors: the code is the shape (messages are the client library's words).
  if ((e.kind === 'network' || e.kind === 'timeout') && e.code) return `${where} ${e.code}`;
  return `${where}: ${mask(e.message, masks)}`;
}

function requestFields(r: RequestResult, masks: readonly Mask[]): Record<string, string | string[]> {
  const m = (s: string): string => mask(s, masks);
  // A request that was not sent (skipRequest, a stopped run) has no method, URL, headers or body to compare.
  const notSent = r.skipped !== undefined || (r.request.method === '' && r.request.url === '');
  const reported = r.request.headers.filter((h) => !NOT_COMPARED_REPORTED.has(h.key.toLowerCase())).map((h): [string, string] => [h.key, m(h.value)]);
  return {
    method: notSent ? '(not sent)' : r.request.method,
    url: notSent ? '(not sent)' : m(r.request.url),
    headers: notSent ? [] : sortedHeaders(reported),
    // Zero bytes and no body are the same on the wire.
    body: notSent || r.request.body === undefined || r.request.body === '' ? '(none)' : m(unboundary(r.request.body, boundaryOf(r.request.headers.map((h) => [h.key, h.value])))),
    status: r.response ? String(r.response.code) : '(no response)',
    tests: r.tests.map((t) => `${t.skipped ? 'skipped' : t.passed ? 'passed' : 'failed'}: ${m(t.name)}`),
    'test messages': r.tests.filter((t) => t.message !== undefined).map((t) => `${m(t.name)}: ${m(t.message ?? '')}`),
    errors: r.errors.map((e) => errorView(e, masks)),
    skipped: notSent ? 'not sent' : 'sent',
    visualizer: r.visualizer ? m(JSON.stringify(r.visualizer)) : '(none)',
  };
}

function variables(list: RunResult['variables']['environment'], masks: readonly Mask[]): string[] {
  return list.map((v) => `${v.key}=${mask(v.value, masks)}${v.type === 'secret' ? ' (secret)' : ''}`).sort();
}

export function runView(run: RunResult, wire: readonly WireRecord[], masks: readonly Mask[]): RunView {
  const seen = new Map<string, number>();
  const multiIteration = run.requests.some((r) => r.iteration > 1);
  const byOrdinal = new Map<string, WireView[]>();
  const strayWire: WireView[] = [];
  for (const rec of wire) {
    const view = wireView(rec, masks);
    if (rec.label === undefined) strayWire.push(view);
    else byOrdinal.set(rec.label, [...(byOrdinal.get(rec.label) ?? []), view]);
  }
  const requests = run.requests.map((r, i): RequestView => {
    const base = `${multiIteration ? `[iteration ${r.iteration}] ` : ''}${r.path.join(' / ')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const label = n > 1 ? `${base} #${n}` : base;
    return { key: label, label, fields: requestFields(r, masks), wire: byOrdinal.get(String(i)) ?? [] };
  });
  return {
    requests,
    strayWire,
    run: {
      iterations: String(run.iterations),
      error: run.error ? `${run.error.kind}: ${mask(run.error.message, masks)}` : '(none)',
      warnings: run.warnings.map((w) => mask(w, masks)).sort(),
      'variables.environment': variables(run.variables.environment, masks),
      'variables.collection': variables(run.variables.collection, masks),
      'variables.globals': variables(run.variables.globals, masks),
    },
  };
}
