/**
 * What newman's request event says was sent, as the RunResult reports it: postman-collection's request objects read
 * structurally, the body as it went on the wire (the event carries the pre-send definition), the headers less the
 * system headers the native engine's tree leaves out too. Used by ./newman.ts.
 */
import { stringify } from 'node:querystring';
import type { KeyValue } from './result';

/* Minimal structural views of the postman-collection objects newman hands to its event listeners. */
export interface PmList<T> {
  members?: T[];
  all?(): T[];
}
export interface PmHeader {
  key: string;
  value: string;
  disabled?: boolean;
  /** Set on headers postman-runtime adds itself. */
  system?: boolean;
}
export interface PmRequest {
  method: string;
  url: { toString(): string };
  headers: PmList<PmHeader>;
  body?: { mode?: string; disabled?: boolean; raw?: string; urlencoded?: PmList<PmHeader>; graphql?: PmGraphql; toString(): string };
}
export interface PmGraphql {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

export function listOf<T>(list: PmList<T> | undefined): T[] {
  if (!list) return [];
  if (Array.isArray(list.members)) return list.members;
  return list.all ? list.all() : [];
}

export function headersOf(list: PmList<PmHeader> | PmHeader[] | undefined): KeyValue[] {
  return (Array.isArray(list) ? list : listOf(list))
    .filter((h) => !h.disabled)
    .map((h) => ({ key: h.key, value: String(h.value) }));
}

/**
 * A urlencoded body as postman-request sends it: postman-runtime groups the enabled fields into an object (a repeated
 * key becomes an array at its first place), which querystring encodes with !'()* escaped too (RFC 3986).
 */
function urlencodedText(fields: PmHeader[]): string {
  const form: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const f of fields) {
    if (f.disabled) continue;
    const value = f.value === undefined || f.value === null ? '' : String(f.value);
    const prev = form[f.key];
    if (prev === undefined) form[f.key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else form[f.key] = [prev, value];
  }
  return stringify(form).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * A GraphQL body as postman-runtime builds it: variables given as an object are stringified with the query; given as
 * text, they go in verbatim (an empty text is left out), so invalid JSON is sent as written.
 */
function graphqlText(content: PmGraphql | undefined): string {
  if (!content) return '{}';
  if (typeof content.variables !== 'string') {
    return JSON.stringify({ query: content.query, operationName: content.operationName, variables: content.variables });
  }
  const parts: string[] = [];
  if (typeof content.query === 'string') parts.push(`"query":${JSON.stringify(content.query)}`);
  if (typeof content.operationName === 'string') parts.push(`"operationName":${JSON.stringify(content.operationName)}`);
  if (content.variables !== '') parts.push(`"variables":${content.variables}`);
  return `{${parts.join(',')}}`;
}

/** Methods whose body postman-runtime drops unless protocolProfileBehavior.disableBodyPruning is set. */
export const PRUNED = new Set(['GET', 'HEAD', 'COPY', 'UNLOCK', 'UNLINK', 'PURGE', 'LINK', 'VIEW']);

/** The body as it went on the wire (newman's request event carries the pre-send definition). */
export function bodyText(req: PmRequest, pruned: boolean): string | undefined {
  const body = req.body;
  // A disabled body is not sent (postman-runtime skips it).
  if (!body || !body.mode || body.disabled === true || pruned) return undefined;
  if (body.mode === 'urlencoded') return urlencodedText(listOf(body.urlencoded));
  if (body.mode === 'graphql') return graphqlText(body.graphql);
  if (body.mode === 'raw') return body.raw ?? '';
  return body.toString();
}

/**
 * The request headers as sent, less the system headers newman adds that the native engine does not send (User-Agent,
 * Postman-Token, Host…; both send Accept: *\/* when none is set); plus the form Content-Type newman sends unlisted.
 */
const SYSTEM_HEADERS = new Set(['user-agent', 'postman-token', 'cache-control', 'host', 'accept-encoding', 'connection', 'content-length']);

export function sentHeaders(req: PmRequest, body: string | undefined): KeyValue[] {
  const headers = headersOf(listOf(req.headers).filter((h) => !(h.system && SYSTEM_HEADERS.has(h.key.toLowerCase()))));
  if (body !== undefined && req.body?.mode === 'urlencoded' && !headers.some((h) => /^content-type$/i.test(h.key))) {
    headers.push({ key: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  }
  return headers;
}
