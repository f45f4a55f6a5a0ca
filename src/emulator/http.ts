/**
 * The emulator's request/reply model. Handlers are functions from an EmuRequest to a Reply; only
 * server.ts touches node:http objects, so routes stay easy to test and to grow.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface EmuRequest {
  method: string;
  /** Path without the query string, percent-decoding left to handlers. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The client's IP address (login IP ranges). */
  remoteAddress?: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_UTF8 = 'application/json;charset=UTF-8';

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_UTF8, ...headers }, body: JSON.stringify(value) };
}

export function textReply(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'text/plain', ...headers }, body };
}

/** A single request header as a string (the first value when repeated). */
export function header(req: EmuRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Whether the request body is `application/x-www-form-urlencoded` (any parameters, any case). */
export function isFormEncoded(req: EmuRequest): boolean {
  const type = header(req, 'content-type');
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** Query-string parameters merged with a form-encoded body; body values win. Other bodies are not parsed. */
export function mergedParams(req: EmuRequest): URLSearchParams {
  const merged = new URLSearchParams(req.query);
  if (isFormEncoded(req) && req.body.length > 0) {
    for (const [key, value] of new URLSearchParams(req.body.toString('utf8'))) merged.set(key, value);
  }
  return merged;
}

/** The credential of an `Authorization: <scheme> <credential>` header when the scheme is one of `schemes`. */
export function authorizationCredential(req: EmuRequest, schemes: readonly string[]): string | undefined {
  const value = header(req, 'authorization');
  if (!value) return undefined;
  const match = /^\s*(\S+)\s+(\S.*?)\s*$/.exec(value);
  if (!match || !schemes.some((s) => s.toLowerCase() === match[1]!.toLowerCase())) return undefined;
  return match[2];
}
