/**
 * Builds the HTTP request for one item: variables resolved in URL, headers, body and auth; default headers and
 * Content-Type the way postman-runtime adds them; body pruned for GET/HEAD/COPY/PURGE/UNLOCK unless
 * protocolProfileBehavior.disableBodyPruning.
 */
import { stringify as qsStringify } from 'node:querystring';
import type { KeyValue } from '../result';
import { applyAuth } from './auth';
import type { FlatItem } from './collection';
import { encodeUrl, parseUrl, urlTemplate, type EncodedUrl } from './url';
import type { Resolver } from './variables';

export interface PreparedRequest {
  method: string;
  /** The URL after substitution, before percent-encoding (what unresolved references are looked for in). */
  resolvedUrl: string;
  url: EncodedUrl;
  headers: KeyValue[];
  body?: string;
}

const METHODS_WITHOUT_BODY: ReadonlySet<string> = new Set(['GET', 'HEAD', 'COPY', 'PURGE', 'UNLOCK']);
const RAW_CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
};
const URLENCODED = 'application/x-www-form-urlencoded';

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
}

export function buildRequest(item: FlatItem, ctx: BuildContext): PreparedRequest {
  const { resolver } = ctx;
  const method = requestMethod(item);
  const resolvedUrl = resolver.resolve(urlTemplate(item.request['url']));
  const url = encodeUrl(parseUrl(resolvedUrl));
  const headers: KeyValue[] = rawHeaders(item).map((h) => ({ key: resolver.resolve(h.key), value: resolver.resolveValue(h.value) }));

  // Order as newman reports it: the request's headers, the body's Content-Type, then the auth header, then Accept.
  const prune = METHODS_WITHOUT_BODY.has(method) && item.profile.disableBodyPruning !== true;
  const body = prune ? undefined : buildBody(item, headers, ctx);

  if (item.auth) {
    const known = applyAuth(item.auth, { method, url: url.href, headers }, (raw) => resolver.resolveValue(raw));
    if (!known) ctx.warn(`auth type "${item.auth.type}" is not supported by the native engine; "${item.name}" was sent without auth`);
  }

  if (!findHeader(headers, 'accept')) headers.push({ key: 'Accept', value: '*/*' });
  return body === undefined ? { method, resolvedUrl, url, headers } : { method, resolvedUrl, url, headers, body };
}

function findHeader(headers: KeyValue[], lowerName: string): KeyValue | undefined {
  for (let i = headers.length - 1; i >= 0; i--) {
    const h = headers[i];
    if (h && h.key.toLowerCase() === lowerName) return h;
  }
  return undefined;
}

function buildBody(item: FlatItem, headers: KeyValue[], ctx: BuildContext): string | undefined {
  const body = item.request['body'];
  if (!isObj(body) || body['disabled'] === true || typeof body['mode'] !== 'string') return undefined;
  const mode = body['mode'];
  if (mode === 'raw') {
    const raw = body['raw'];
    if (raw === undefined || raw === null || raw === '') return undefined;
    const text = ctx.resolver.resolve(typeof raw === 'string' ? raw : JSON.stringify(raw));
    if (!findHeader(headers, 'content-type')) {
      const options = isObj(body['options']) && isObj(body['options']['raw']) ? body['options']['raw'] : {};
      const language = typeof options['language'] === 'string' ? options['language'] : 'text';
      const type = Object.prototype.hasOwnProperty.call(RAW_CONTENT_TYPES, language) ? RAW_CONTENT_TYPES[language] : undefined;
      headers.push({ key: 'Content-Type', value: type ?? 'text/plain' });
    }
    return text;
  }
  if (mode === 'urlencoded') {
    const fields = Array.isArray(body['urlencoded']) ? (body['urlencoded'] as unknown[]) : [];
    // postman-runtime groups duplicate keys at their first position (an object reducer), then querystring + RFC 3986.
    const form: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
    let any = false;
    for (const f of fields) {
      if (!isObj(f) || f['disabled'] === true) continue;
      any = true;
      const key = ctx.resolver.resolveValue(f['key']);
      const value = ctx.resolver.resolveValue(f['value']);
      const prev = form[key];
      if (prev === undefined) form[key] = value;
      else if (Array.isArray(prev)) prev.push(value);
      else form[key] = [prev, value];
    }
    if (!any) return undefined;
    const existing = findHeader(headers, 'content-type');
    if (!existing) headers.push({ key: 'Content-Type', value: URLENCODED });
    else if (!/^application\/x-www-form-urlencoded\b/.test(existing.value)) existing.value = URLENCODED;
    return qsStringify(form).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  if (mode !== 'none') ctx.warn(`body mode "${mode}" is not supported by the native engine; "${item.name}" was sent without a body`);
  return undefined;
}
