/**
 * The contract every body mode implements (one file per mode, registered in ./index.ts): read the mode's data from
 * the collection, resolve variables, edit the outgoing headers the way postman-runtime / postman-request do, and
 * return the bytes to send.
 */
import type { KeyValue } from '../../result';

export interface BodyResolver {
  resolve(text: string): string;
  /** Non-strings (numbers, booleans) are String()ed first; null and undefined become ''. */
  resolveValue(value: unknown): string;
}

export interface BodyContext {
  resolver: BodyResolver;
  warn: (message: string) => void;
  /** Base folder for file references (formdata src, file src). */
  workingDir: string;
  /** protocolProfileBehavior.disabledSystemHeaders['content-type']: a user Content-Type is kept as written. */
  keepContentType: boolean;
}

export interface BodyHeaders {
  /** The request's headers so far (user headers, then auth): a mode may add its Content-Type here (postman-runtime). */
  early: KeyValue[];
  /** Headers postman-request adds after the system headers (form and file Content-Type). */
  late: KeyValue[];
}

export interface BuiltBody {
  /** The bytes on the wire. */
  wire: string | Buffer;
  /** The body as the result tree reports it (newman reports '' for formdata and file bodies). */
  text: string;
}

/** Returns undefined when nothing is sent (empty data, every field disabled, unreadable file). */
export type BodyBuilder = (data: unknown, body: Record<string, unknown>, ctx: BodyContext, headers: BodyHeaders) => BuiltBody | undefined;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The last header named `lower` (case-insensitive), as postman-runtime's oneNormalizedHeader. */
export function findHeader(headers: readonly KeyValue[], lower: string): KeyValue | undefined {
  for (let i = headers.length - 1; i >= 0; i--) {
    const h = headers[i];
    if (h && h.key.toLowerCase() === lower) return h;
  }
  return undefined;
}

/**
 * postman-request's setHeader: replaces the value of an existing header (any case, keeping its name and place), else
 * appends to `late`.
 */
export function setHeader(headers: BodyHeaders, key: string, value: string): void {
  const existing = findHeader(headers.early, key.toLowerCase()) ?? findHeader(headers.late, key.toLowerCase());
  if (existing) existing.value = value;
  else headers.late.push({ key, value });
}
