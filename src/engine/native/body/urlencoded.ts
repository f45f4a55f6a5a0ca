import { stringify } from 'node:querystring';
import { findHeader, isObj, setHeader, type BodyBuilder } from './types';

const URLENCODED = 'application/x-www-form-urlencoded';

/** RFC 3986 on top of querystring (postman-request's qs.rfc3986): !'()* escaped too. */
const rfc3986 = (s: string): string => s.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `urlencoded`: enabled fields, duplicate keys grouped at their first position (postman-runtime's reducer), encoded
 * by querystring + RFC 3986. The Content-Type becomes application/x-www-form-urlencoded unless it already is.
 */
export const urlencoded: BodyBuilder = (data, _body, ctx, headers) => {
  if (!Array.isArray(data)) return undefined;
  const form: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  let any = false;
  for (const f of data as unknown[]) {
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
  const current = findHeader(headers.early, 'content-type');
  if (!(current && ctx.keepContentType) && !/^application\/x-www-form-urlencoded\b/.test(current?.value ?? '')) {
    setHeader(headers, 'Content-Type', URLENCODED);
  }
  const text = rfc3986(stringify(form));
  return { wire: text, text };
};
