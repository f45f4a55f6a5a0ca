/**
 * What goes on the wire for one request, as ./request.ts builds it and ./http.ts sends it. The run loop hands `send`
 * the reported header array it got from `buildRequest`; the wire request rides on that array (a non-enumerable
 * symbol property), so every caller of `send` gets the exact request without passing anything new. A header array
 * without one (pm.sendRequest, a copied array) is sent with postman-runtime's default system headers.
 */
import { randomUUID } from 'node:crypto';
import type { KeyValue } from '../result';
import type { EncodedUrl } from './url';

export interface WireHeader extends KeyValue {
  /** Added by the runtime (system headers, a body's Content-Type), not by the collection. */
  system?: boolean;
}

/** protocolProfileBehavior keys that change the wire (postman-runtime reads them merged item > folders > collection). */
export interface WireProfile {
  disableBodyPruning?: boolean;
  disableUrlEncoding?: boolean;
  disabledSystemHeaders?: Record<string, unknown>;
  strictSSL?: boolean;
  followRedirects?: boolean;
  maxRedirects?: number;
  followOriginalHttpMethod?: boolean;
  followAuthorizationHeader?: boolean;
  removeRefererHeaderOnRedirect?: boolean;
  disableCookies?: boolean;
}

export interface WireRequest {
  method: string;
  url: EncodedUrl;
  /** Every header in order, system headers included (Host always: undici writes it first). */
  headers: WireHeader[];
  body?: string | Buffer;
  /** The body is multipart/form-data (postman-request rebuilds it, and its Content-Type, on a redirect that keeps it). */
  form?: boolean;
  /** false: the server certificate is not verified for this request (protocolProfileBehavior.strictSSL). */
  strictSSL: boolean;
  removeRefererOnRedirect: boolean;
  /** protocolProfileBehavior.disableCookies: the run's jar is neither read nor written for this request. */
  noCookies?: boolean;
}

/** The runtime newman 6.2.2 ships; its User-Agent names it. */
export const RUNTIME_USER_AGENT = 'PostmanRuntime/7.39.1';

/** The system headers postman-runtime adds, in its order (requester/core.js addSystemHeaders). */
const SYSTEM_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['User-Agent', RUNTIME_USER_AGENT],
  ['Accept', '*/*'],
  ['Cache-Control', 'no-cache'],
  ['Postman-Token', ''],
  ['Host', ''],
  ['Accept-Encoding', 'gzip, deflate, br'],
  ['Connection', 'keep-alive'],
];

/**
 * The system headers for a request with `headers` to `host`: each one the request does not set itself (any case)
 * and `disabled` does not turn off. Postman-Token is a fresh v4 UUID.
 */
export function systemHeaders(headers: readonly KeyValue[], host: string, disabled?: ReadonlySet<string>): WireHeader[] {
  const out: WireHeader[] = [];
  for (const [key, value] of SYSTEM_HEADERS) {
    const lower = key.toLowerCase();
    if (disabled?.has(lower) || headers.some((h) => h.key.toLowerCase() === lower)) continue;
    out.push({ key, value: lower === 'host' ? host : lower === 'postman-token' ? randomUUID() : value, system: true });
  }
  return out;
}

/**
 * What newman puts on the wire when a request repeats a header. postman-runtime groups the headers by exact name into
 * an object (a repeated name becomes an array of its values, at the first one's place), and Node's http client then
 * keeps one entry per name in any case: the first one's place, the last spelling's name and value(s). So `X-Dup: a`,
 * `X-Dup: b` goes out as two lines, while `X-Dup: a`, `x-dup: b` goes out as `x-dup: b`. The list is returned as is
 * when no name repeats.
 */
export function collapseDuplicates(headers: WireHeader[]): WireHeader[] {
  const seen = new Set<string>();
  for (const h of headers) seen.add(h.key.toLowerCase());
  if (seen.size === headers.length) return headers;
  // postman-runtime's object: exact name → the headers with that name.
  const byExact = new Map<string, WireHeader[]>();
  for (const h of headers) {
    const same = byExact.get(h.key);
    if (same) same.push({ ...h });
    else byExact.set(h.key, [{ ...h }]);
  }
  // Node's setHeader, one call per exact name: a later spelling replaces the earlier one in place.
  const byName = new Map<string, WireHeader[]>();
  for (const [key, group] of byExact) byName.set(key.toLowerCase(), group);
  return [...byName.values()].flat();
}

const WIRE = Symbol('sfcheck.wire');

export function attachWire(headers: KeyValue[], wire: WireRequest): void {
  Object.defineProperty(headers, WIRE, { value: wire, enumerable: false });
}

export function wireOf(headers: readonly KeyValue[]): WireRequest | undefined {
  return (headers as unknown as Record<symbol, WireRequest | undefined>)[WIRE];
}
