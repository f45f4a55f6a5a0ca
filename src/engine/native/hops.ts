/**
 * The hops of one exchange: the first from the wire request (or, for a request built elsewhere, its headers plus
 * postman-runtime's system headers), the next ones by postman-request's redirect rules; the run's cookies on each hop;
 * the response body decoded as postman-request decodes it.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { KeyValue } from '../result';
import type { CookieJar } from './cookies';
import type { HttpOptions, HttpRequest } from './http';
import { collapseDuplicates, systemHeaders, wireOf, type WireHeader, type WireRequest } from './wire';

/** One request on the wire: a hop of the exchange. */
export interface Hop {
  method: string;
  href: string;
  origin: string;
  /** path?query exactly as sent on the request line. */
  path: string;
  headers: WireHeader[];
  body?: string | Buffer;
}

export function firstHop(request: HttpRequest): { hop: Hop; wire?: WireRequest } {
  const wire = request.wire ?? wireOf(request.headers);
  if (wire) {
    // Shared with the wire request: whatever edits a hop's headers (cookies, redirects) copies them first.
    const hop: Hop = { method: wire.method, href: wire.url.href, origin: wire.url.origin, path: wire.url.pathAndQuery, headers: wire.headers };
    if (wire.body !== undefined) hop.body = wire.body;
    return { hop, wire };
  }
  // A request built elsewhere (pm.sendRequest, a copied header list): postman-runtime's default system headers.
  const url = new URL(request.href);
  const headers: WireHeader[] = request.headers.map((h) => ({ key: h.key, value: h.value }));
  headers.push(...systemHeaders(headers, url.host));
  const hop: Hop = { method: request.method, href: url.href, origin: url.origin, path: `${url.pathname}${url.search}`, headers: collapseDuplicates(headers) };
  if (request.body !== undefined) hop.body = request.body;
  return { hop };
}

export function addCookies(hop: Hop, jar: CookieJar, own: string | undefined): void {
  if (jar.size === 0) return;
  const cookies = jar.header(hop.href);
  if (cookies === undefined) return;
  hop.headers = hop.headers.map((h) => ({ ...h }));
  setHeader(hop.headers, 'Cookie', own ? `${own}; ${cookies}` : cookies);
}

/** postman-request's setHeader: an existing header (any case) keeps its name and place and takes the value. */
function setHeader(headers: WireHeader[], key: string, value: string): void {
  const lower = key.toLowerCase();
  for (let i = headers.length - 1; i >= 0; i--) {
    const h = headers[i] as WireHeader;
    if (h.key.toLowerCase() === lower) {
      h.value = value;
      return;
    }
  }
  headers.push({ key, value, system: true });
}

export function redirected(prev: Hop, code: number, location: string, options: Pick<HttpOptions, 'followOriginalHttpMethod' | 'followAuthorizationHeader'>, wire: WireRequest | undefined): Hop {
  const prevUrl = new URL(prev.href);
  const nextUrl = new URL(location, prevUrl);
  const headers = prev.headers.map((h) => ({ ...h }));
  let { method, body } = prev;
  if (prevUrl.hostname !== nextUrl.hostname) {
    removeAll(headers, 'host');
    if (!options.followAuthorizationHeader) removeAll(headers, 'authorization');
  }
  if (!options.followOriginalHttpMethod && code !== 307 && code !== 308 && code !== 401) {
    if (method !== 'HEAD') method = 'GET';
    body = undefined;
    removeAll(headers, 'content-type');
    removeAll(headers, 'content-length');
  }
  if (wire?.removeRefererOnRedirect !== true) setHeader(headers, 'Referer', prev.href);
  if (body !== undefined && wire?.form) {
    // postman-request re-creates a kept multipart form: its Content-Type goes to the end (after Referer).
    const type = lastHeader(headers, 'content-type');
    removeAll(headers, 'content-type');
    if (type !== undefined) headers.push({ key: 'Content-Type', value: type, system: true });
  }
  if (!headers.some((h) => h.key.toLowerCase() === 'host')) headers.push({ key: 'Host', value: nextUrl.host, system: true });
  const next: Hop = { method, href: nextUrl.href, origin: nextUrl.origin, path: `${nextUrl.pathname}${nextUrl.search}`, headers };
  if (body !== undefined) next.body = body;
  return next;
}

function removeAll(headers: KeyValue[], lower: string): void {
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]?.key.toLowerCase() === lower) headers.splice(i, 1);
}

export function lastHeader(headers: readonly KeyValue[], lower: string): string | undefined {
  for (let i = headers.length - 1; i >= 0; i--) if (headers[i]?.key.toLowerCase() === lower) return headers[i]?.value;
  return undefined;
}

/** The body as postman-request hands it on (gzip: true, brotli: true); one that does not decode stays as received. */
export function decode(body: Buffer, encoding: string | undefined): Buffer {
  if (encoding === undefined || body.length === 0) return body;
  try {
    switch (encoding) {
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(body);
      case 'deflate':
        try {
          return inflateSync(body);
        } catch {
          return inflateRawSync(body);
        }
      case 'br':
        return brotliDecompressSync(body);
      default:
        return body;
    }
  } catch {
    return body;
  }
}
