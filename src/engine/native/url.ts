/**
 * URLs the way postman-runtime builds them: the collection's URL (object parts or string) becomes a template string,
 * `{{variables}}` are substituted in that string, the result is re-parsed (postman-url-encoder's rules: '#', then '?',
 * then '://', then '/', '@' and ':') and percent-encoded with the WHATWG-like sets postman-url-encoder uses
 * (already-encoded %XX sequences are kept).
 */
import { domainToASCII } from 'node:url';

/** The URL template before variable substitution (postman-collection's Url#toString). */
export function urlTemplate(url: unknown): string {
  if (typeof url === 'string') return url;
  if (!url || typeof url !== 'object') return '';
  const u = url as Record<string, unknown>;
  const hasParts = u['host'] !== undefined || u['path'] !== undefined;
  if (!hasParts) return typeof u['raw'] === 'string' ? u['raw'] : '';

  let out = '';
  const protocol = typeof u['protocol'] === 'string' ? u['protocol'] : undefined;
  if (protocol) out += protocol.endsWith('://') ? protocol : `${protocol}://`;
  const auth = u['auth'];
  if (auth && typeof auth === 'object') {
    const a = auth as Record<string, unknown>;
    let s: string | undefined = typeof a['user'] === 'string' ? a['user'] : undefined;
    if (typeof a['password'] === 'string') s = `${s ?? ''}:${a['password']}`;
    if (s !== undefined) out += `${s}@`;
  }
  const host = u['host'];
  if (Array.isArray(host)) out += host.map((h) => String(h ?? '')).join('.');
  else if (typeof host === 'string') out += host;
  const port = u['port'];
  if (typeof port === 'string' || typeof port === 'number') out += `:${port}`;
  const path = u['path'];
  if (path !== undefined && path !== null && path !== '') out += pathWithVariables(path, u['variable']);
  const query = u['query'];
  if (Array.isArray(query) && query.length > 0) {
    const enabled = query.filter((q) => q && typeof q === 'object' && (q as { disabled?: unknown }).disabled !== true);
    const qs = enabled.map((q) => unparseParam(q as Record<string, unknown>)).join('&');
    if (enabled.length > 0) out += `?${qs}`;
  }
  if (typeof u['hash'] === 'string') out += `#${u['hash']}`;
  return out;
}

/** Path segments joined with '/', with `:name` segments replaced by url.variable values (postman-collection#getPath). */
function pathWithVariables(path: unknown, variables: unknown): string {
  const segments = Array.isArray(path)
    ? path.map((s) => (typeof s === 'string' ? s : s && typeof s === 'object' ? String((s as { value?: unknown }).value ?? '') : String(s ?? '')))
    : String(path).replace(/^\/+/, '').split('/');
  const values = new Map<string, string>();
  if (Array.isArray(variables)) {
    for (const v of variables) {
      if (!v || typeof v !== 'object') continue;
      const key = (v as { key?: unknown; id?: unknown }).key ?? (v as { id?: unknown }).id;
      const value = (v as { value?: unknown }).value;
      if (typeof key === 'string' && typeof value === 'string' && value !== '') values.set(key, value);
    }
  }
  const resolved = segments.map((segment) => {
    if (!segment.startsWith(':')) return segment;
    const sep = segment.indexOf('.');
    const name = segment.slice(1, sep === -1 ? undefined : sep);
    const value = values.get(name);
    return value === undefined ? segment : value + segment.slice(name.length + 1);
  });
  return `/${resolved.join('/')}`;
}

/** QueryParam.unparseSingle: '&' and '#' (and '=' in keys) are escaped so re-parsing yields the same params. */
export function unparseParam(param: Record<string, unknown>): string {
  const norm = (s: string, eq: boolean): string => {
    let r = s.replace(/&/g, '%26').replace(/#/g, '%23');
    if (eq) r = r.replace(/=/g, '%3D');
    return r;
  };
  const key = param['key'];
  const value = param['value'];
  let out = typeof key === 'string' ? norm(key, true) : '';
  // Only string values are written (postman-collection drops numbers and null values alike).
  if (typeof value === 'string') out += `=${norm(value, false)}`;
  return out;
}

export interface ParsedUrl {
  protocol?: string;
  auth?: string;
  host: string;
  port?: string;
  path: string[];
  query?: string[];
  hash?: string;
}

/** postman-url-encoder's parser, with `{{variables}}` kept intact while splitting. */
export function parseUrl(input: string): ParsedUrl {
  const kept: string[] = [];
  let s = input.replace(/^\s+/, '').replace(/\{\{[^{}]*\}\}/g, (m) => `\uE000${kept.push(m) - 1}\uE001`);
  const restore = (x: string): string => x.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '');
  const out: ParsedUrl = { host: '', path: [] };
  let i = s.indexOf('#');
  if (i !== -1) {
    out.hash = restore(s.slice(i + 1));
    s = s.slice(0, i);
  }
  i = s.indexOf('?');
  if (i !== -1) {
    out.query = s.slice(i + 1).split('&').map(restore);
    s = s.slice(0, i);
  }
  s = s.replace(/\\/g, '/');
  i = s.indexOf('://');
  if (i !== -1) {
    out.protocol = restore(s.slice(0, i));
    s = s.slice(i + 3).replace(/^\/+/, out.protocol.toLowerCase() === 'file' ? '/' : '');
  }
  i = s.indexOf('/');
  if (i !== -1) {
    out.path = s.slice(i + 1).split('/').map(restore);
    s = s.slice(0, i);
  }
  i = s.lastIndexOf('@');
  if (i !== -1) {
    out.auth = restore(s.slice(0, i));
    s = s.slice(i + 1);
  }
  i = s.lastIndexOf(':');
  if (i !== -1 && !s.slice(i + 1).includes(']')) {
    out.port = restore(s.slice(i + 1));
    s = s.slice(0, i);
  }
  out.host = restore(s);
  return out;
}

// Percent-encode sets (postman-url-encoder/encoder/encode-set.js): C0 controls, DEL and non-ASCII always.
const FRAGMENT_SET = new Set(' "<>`');
const PATH_SET = new Set(' "<>`#?{}');
const QUERY_SET = new Set(' "#\'<>');
const USERINFO_SET = new Set(' "<>`#?{}/:;=@[\\]^|');

/**
 * Per set: does a value hold anything percentEncode would change? Only a C0 control, DEL, a non-ASCII character or a
 * member of the set is ever encoded (a `%` goes out as it is, followed by hex digits or not), so a value without one
 * is returned as it is, without the byte-by-byte pass.
 */
const NEEDS_ENCODING = new Map<ReadonlySet<string>, RegExp>(
  [FRAGMENT_SET, PATH_SET, QUERY_SET, USERINFO_SET].map((set) => [set, new RegExp(`[\\u0000-\\u001f\\u007f-\\uffff${[...set].map((c) => `\\${c}`).join('')}]`)]),
);

function percentEncode(value: string, set: ReadonlySet<string>): string {
  if (!(NEEDS_ENCODING.get(set) as RegExp).test(value)) return value;
  const bytes = Buffer.from(value, 'utf8');
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x25 && i < bytes.length - 2 && isHex(bytes[i + 1] as number) && isHex(bytes[i + 2] as number)) {
      out += `%${String.fromCharCode(bytes[i + 1] as number, bytes[i + 2] as number)}`;
      i += 2;
      continue;
    }
    const ch = String.fromCharCode(b);
    out += b < 0x20 || b >= 0x7f || set.has(ch) ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : ch;
  }
  return out;
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

export interface EncodedUrl {
  /** The full encoded URL (postman-url-encoder#toNodeUrl().href), as reported in the result tree. */
  href: string;
  /** protocol://host[:port], for the dispatcher. */
  origin: string;
  /** path?query, as sent on the request line. */
  pathAndQuery: string;
  hostname: string;
  /** hostname[:port] as written (the Host header postman-runtime sends). */
  host: string;
  protocol: string;
}

/**
 * The encoded URL. `encode: false` is protocolProfileBehavior.disableUrlEncoding: the parts go as written (only the
 * host is still lower-cased and IDNA-converted).
 */
export function encodeUrl(parsed: ParsedUrl, encode = true): EncodedUrl {
  const enc: (value: string, set: ReadonlySet<string>) => string = encode ? percentEncode : (value) => value;
  const protocol = `${(parsed.protocol ?? 'http').toLowerCase()}:`;
  const lowerHost = parsed.host.toLowerCase();
  const hostname = domainToASCII(lowerHost) || lowerHost;
  const hostPort = parsed.port !== undefined ? `${hostname}:${parsed.port}` : hostname;
  let auth = '';
  if (parsed.auth !== undefined) {
    const sep = parsed.auth.indexOf(':');
    auth =
      sep === -1
        ? enc(parsed.auth, USERINFO_SET)
        : `${enc(parsed.auth.slice(0, sep), USERINFO_SET)}:${enc(parsed.auth.slice(sep + 1), USERINFO_SET)}`;
    auth += '@';
  }
  const pathname = enc(`/${parsed.path.join('/')}`, PATH_SET);
  const search = parsed.query !== undefined ? `?${enc(parsed.query.join('&'), QUERY_SET)}` : '';
  const hash = parsed.hash !== undefined ? `#${enc(parsed.hash, FRAGMENT_SET)}` : '';
  return {
    href: `${protocol}//${auth}${hostPort}${pathname}${search}${hash}`,
    origin: `${protocol}//${hostPort}`,
    pathAndQuery: `${pathname}${search}`,
    hostname,
    host: hostPort,
    protocol,
  };
}
