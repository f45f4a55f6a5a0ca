/**
 * Builds the HTTP request for one item exactly as postman-runtime 7.39 puts it on the wire: the request's enabled
 * headers, then the auth's (header or query), then the body's Content-Type (raw, graphql), then the system headers
 * (User-Agent, Accept, Cache-Control, Postman-Token, Host, Accept-Encoding, Connection) unless the request sets them
 * or protocolProfileBehavior.disabledSystemHeaders turns them off, then the form/file Content-Type postman-request
 * adds. Bodies are pruned for GET/HEAD/COPY/PURGE/UNLOCK unless protocolProfileBehavior.disableBodyPruning.
 *
 * What the result tree reports (`headers`) leaves out the system headers newman's engine leaves out (all but
 * Accept); the whole wire request rides along on that array (see ./wire.ts), so `send` gets it from the same call.
 */
import { unescape } from 'node:querystring';
import type { KeyValue } from '../result';
import { applyAuth, type QueryTarget } from './auth';
import { buildBody } from './body';
import { findHeader } from './body/types';
import type { FlatItem } from './collection';
import { encodeUrl, parseUrl, unparseParam, urlTemplate, type EncodedUrl, type ParsedUrl } from './url';
import type { Resolver } from './variables';
import { attachWire, collapseDuplicates, systemHeaders, type WireHeader, type WireProfile, type WireRequest } from './wire';

export interface PreparedRequest {
  method: string;
  /** The URL after substitution, before percent-encoding (what unresolved references are looked for in). */
  resolvedUrl: string;
  url: EncodedUrl;
  /** The headers as the result tree reports them (system headers but Accept left out, as newman's engine does). */
  headers: KeyValue[];
  /** The body as the result tree reports it (newman reports '' for formdata and file bodies). */
  body?: string;
  /** Everything that goes on the wire (also reachable from `headers`, for callers that pass only those on). */
  wire: WireRequest;
  /**
   * pm.request.headers in the test phase, as postman-runtime's request holds them once sent: the request's own and
   * auth headers, a raw or graphql Content-Type, the system headers, then Content-Length (the Cookie header and the
   * form Content-Type postman-request adds are not in it; see testPhaseHeaders).
   */
  sentList: KeyValue[];
}

/**
 * The headers a test script sees on pm.request (postman-runtime's Request after the send): `sentList`, with the
 * Cookie header the jar added after Content-Length, except for a multipart body, whose length postman-request
 * works out last.
 */
export function testPhaseHeaders(p: PreparedRequest, cookie: string | undefined): KeyValue[] {
  const out = p.sentList.map((h) => ({ key: h.key, value: h.value }));
  const body = p.wire.body;
  const length = body === undefined ? undefined : { key: 'Content-Length', value: String(typeof body === 'string' ? Buffer.byteLength(body) : body.length) };
  const jar = cookie === undefined ? undefined : { key: 'Cookie', value: cookie };
  const tail = p.wire.form ? [jar, length] : [length, jar];
  for (const h of tail) if (h) out.push(h);
  return out;
}

/** postman-runtime's METHODS_WITHOUT_BODY (requester/core.js). */
const METHODS_WITHOUT_BODY: ReadonlySet<string> = new Set(['GET', 'HEAD', 'COPY', 'PURGE', 'UNLOCK']);

/** System headers the result tree leaves out (newman's engine reports only Accept of them). */
const UNREPORTED: ReadonlySet<string> = new Set(['user-agent', 'cache-control', 'postman-token', 'host', 'accept-encoding', 'connection', 'authorization']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function requestMethod(item: FlatItem): string {
  const m = item.request['method'];
  return typeof m === 'string' && m !== '' ? m.toUpperCase() : 'GET';
}

/** Header definitions as written (enabled ones only), from the list form or the "K: V" lines form. */
export function rawHeaders(item: FlatItem): Array<{ key: string; value: unknown }> {
  const header = item.request['header'];
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .map((line) => {
        const i = line.indexOf(':');
        return i === -1 ? { key: line.trim(), value: '' } : { key: line.slice(0, i).trim(), value: line.slice(i + 1).trim() };
      })
      .filter((h) => h.key !== '');
  }
  if (!Array.isArray(header)) return [];
  const out: Array<{ key: string; value: unknown }> = [];
  for (const h of header) {
    if (!isObj(h) || h['disabled'] === true || typeof h['key'] !== 'string' || h['key'] === '') continue;
    out.push({ key: h['key'], value: h['value'] });
  }
  return out;
}

export interface BuildContext {
  resolver: Resolver;
  warn: (message: string) => void;
  /** Base folder for file references in bodies; default: the current directory. */
  workingDir?: string;
}

/** Query edits on the parsed URL's raw `k=v` segments (for apikey in=query and oauth2 addTokenTo=queryParams). */
function queryTarget(parsed: ParsedUrl): QueryTarget {
  return {
    remove(key) {
      if (!parsed.query) return;
      parsed.query = parsed.query.filter((segment) => {
        const eq = segment.indexOf('=');
        return (eq === -1 ? segment : segment.slice(0, eq)) !== key;
      });
    },
    add(key, value) {
      (parsed.query ??= []).push(unparseParam({ key, value }));
    },
  };
}

/** disabledSystemHeaders as a set of lower-case names (only `true` entries count). */
function disabledHeaders(profile: WireProfile): ReadonlySet<string> | undefined {
  const d = profile.disabledSystemHeaders;
  if (!isObj(d)) return undefined;
  const out = new Set<string>();
  for (const [k, v] of Object.entries(d)) if (v === true) out.add(k.toLowerCase());
  return out.size > 0 ? out : undefined;
}

/**
 * postman-request turns the URL's user:password into `Authorization: Basic` (percent-decoded, after the form
 * Content-Type) when the request has no Authorization header.
 */
function userinfoAuth(userinfo: string): WireHeader {
  const [user = '', ...rest] = userinfo.split(':').map((piece) => unescape(piece));
  return { key: 'Authorization', value: `Basic ${Buffer.from(`${user}:${rest.join(':')}`, 'utf8').toString('base64')}`, system: true };
}

export function buildRequest(item: FlatItem, ctx: BuildContext): PreparedRequest {
  const { resolver } = ctx;
  const profile = item.profile as WireProfile;
  const method = requestMethod(item);
  const resolvedUrl = resolver.resolve(urlTemplate(item.request['url']));
  const parsed = parseUrl(resolvedUrl);
  // A null value goes as "null" (postman-collection hands it to Node's http as it is).
  const headers: WireHeader[] = rawHeaders(item).map((h) => ({ key: resolver.resolve(h.key), value: h.value === null ? 'null' : resolver.resolveValue(h.value) }));

  if (item.auth) {
    const target = { method, url: resolvedUrl, headers, query: queryTarget(parsed) };
    const known = applyAuth(item.auth, target, (raw) => resolver.resolveValue(raw));
    if (!known) ctx.warn(`auth type "${item.auth.type}" is not supported by the native engine; "${item.name}" was sent without auth`);
  }
  const url = encodeUrl(parsed, profile.disableUrlEncoding !== true);

  const disabled = disabledHeaders(profile);
  const framing = disabled && ['host', 'connection', 'content-length'].filter((h) => disabled.has(h));
  if (framing && framing.length > 0) {
    ctx.warn(`disabledSystemHeaders ${framing.join(', ')}: the native engine always sends ${framing.length > 1 ? 'these headers' : 'this header'} (HTTP/1.1 framing); "${item.name}"`);
  }
  const userContentType = findHeader(headers, 'content-type') !== undefined;
  const late: WireHeader[] = [];
  const prune = METHODS_WITHOUT_BODY.has(method) && profile.disableBodyPruning !== true;
  const body = prune
    ? undefined
    : buildBody(
        item.request['body'],
        {
          resolver,
          // Body warnings use newman's wording (file load errors) and name the request.
          warn: (message) => ctx.warn(`${message} (in "${item.name}")`),
          workingDir: ctx.workingDir ?? process.cwd(),
          keepContentType: disabled?.has('content-type') === true,
        },
        { early: headers, late },
      );

  const system = systemHeaders(headers, url.host, disabled);
  let wireHeaders: WireHeader[] = [...headers, ...system, ...late];
  if (parsed.auth !== undefined && !findHeader(wireHeaders, 'authorization')) wireHeaders.push(userinfoAuth(parsed.auth));
  // A Content-Type the body added (not the user's) goes when disabledSystemHeaders turns content-type off.
  if (disabled?.has('content-type') && !userContentType) wireHeaders = wireHeaders.filter((h) => h.key.toLowerCase() !== 'content-type');

  // newman's engine lists the urlencoded Content-Type postman-request adds, not the multipart or file one.
  const bodyMode = body ? (item.request['body'] as Obj)['mode'] : undefined;
  const reported: KeyValue[] = [];
  for (const h of wireHeaders) {
    if (h.system && UNREPORTED.has(h.key.toLowerCase())) continue;
    if (bodyMode !== 'urlencoded' && late.includes(h)) continue;
    reported.push({ key: h.key, value: h.value });
  }
  const sentList: KeyValue[] = wireHeaders.filter((h) => !late.includes(h)).map((h) => ({ key: h.key, value: h.value }));
  wireHeaders = collapseDuplicates(wireHeaders);

  const wire: WireRequest = {
    method,
    url,
    headers: wireHeaders,
    ...(body ? { body: body.wire } : {}),
    ...(bodyMode === 'formdata' ? { form: true } : {}),
    strictSSL: profile.strictSSL !== false,
    removeRefererOnRedirect: profile.removeRefererHeaderOnRedirect === true,
    ...(profile.disableCookies === true ? { noCookies: true } : {}),
  };
  attachWire(reported, wire);
  return body === undefined ? { method, resolvedUrl, url, headers: reported, wire, sentList } : { method, resolvedUrl, url, headers: reported, body: body.text, wire, sentList };
}
