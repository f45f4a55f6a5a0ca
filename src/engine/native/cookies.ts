/**
 * One cookie jar per run, as newman keeps one (postman-request's tough-cookie jar in loose mode): every Set-Cookie
 * received is stored, and later requests (redirect hops included) send the matching cookies back in a Cookie header.
 * RFC 6265 rules as tough-cookie applies them: host-only vs domain cookies (an IP address only ever matches itself),
 * default and explicit paths, Max-Age over Expires, Secure cookies only to potentially trustworthy origins (https, and
 * as tough-cookie 5 allows by default, loopback: localhost, *.localhost, 127.0.0.0/8, ::1), a cookie replaced by name + domain +
 * path keeping its creation time, and the Cookie header ordered by longer path first, then creation order.
 */
import { isIP } from 'node:net';

export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  /** ms since epoch; undefined for a session cookie. */
  expires?: number;
  /** Order of first creation (kept when a cookie is replaced). */
  created: number;
}

interface Target {
  protocol: string;
  hostname: string;
  pathname: string;
}

function target(href: string): Target | undefined {
  try {
    const u = new URL(href);
    return { protocol: u.protocol, hostname: u.hostname.replace(/^\[|\]$/g, '').toLowerCase(), pathname: u.pathname || '/' };
  } catch {
    return undefined;
  }
}

/** tough-cookie's isPotentiallyTrustworthy: https/wss, or a loopback host. */
function trustworthy(t: Target): boolean {
  if (t.protocol === 'https:' || t.protocol === 'wss:') return true;
  const h = t.hostname;
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** RFC 6265 5.1.3: the host equals the domain, or ends with "." + domain and is not an IP address. */
function domainMatch(host: string, domain: string): boolean {
  if (host === domain) return true;
  return isIP(host) === 0 && host.endsWith(`.${domain}`);
}

/** RFC 6265 5.1.4: the request path is the cookie path or lies under it. */
function pathMatch(reqPath: string, cookiePath: string): boolean {
  if (reqPath === cookiePath) return true;
  if (!reqPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || reqPath.charAt(cookiePath.length) === '/';
}

/** RFC 6265 5.1.4: the directory of the request path. */
function defaultPath(pathname: string): string {
  if (!pathname.startsWith('/')) return '/';
  const i = pathname.lastIndexOf('/');
  return i <= 0 ? '/' : pathname.slice(0, i);
}

export class CookieJar {
  private readonly cookies: StoredCookie[] = [];
  private counter = 0;

  get size(): number {
    return this.cookies.length;
  }

  /** Stores the Set-Cookie header values received from `href` (invalid or foreign-domain cookies are ignored). */
  store(href: string, setCookies: readonly string[], now = Date.now()): void {
    if (setCookies.length === 0) return;
    const t = target(href);
    if (!t) return;
    for (const header of setCookies) this.storeOne(t, header, now);
  }

  private storeOne(t: Target, header: string, now: number): void {
    const parts = header.split(';');
    const pair = (parts.shift() ?? '').trim();
    const eq = pair.indexOf('=');
    // Loose mode (as newman's jar): "value" alone is a cookie with an empty name.
    const name = eq === -1 ? '' : pair.slice(0, eq).trim();
    const value = (eq === -1 ? pair : pair.slice(eq + 1)).trim();
    if (name === '' && value === '') return;
    let domain: string | undefined;
    let path: string | undefined;
    let maxAge: number | undefined;
    let expires: number | undefined;
    let secure = false;
    let httpOnly = false;
    for (const attr of parts) {
      const i = attr.indexOf('=');
      const key = (i === -1 ? attr : attr.slice(0, i)).trim().toLowerCase();
      const val = i === -1 ? '' : attr.slice(i + 1).trim();
      if (key === 'domain' && val !== '') domain = val.replace(/^\./, '').toLowerCase();
      else if (key === 'path') path = val.startsWith('/') ? val : undefined;
      else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val);
      else if (key === 'expires') {
        const ms = Date.parse(val);
        if (!Number.isNaN(ms)) expires = ms;
      } else if (key === 'secure') secure = true;
      else if (key === 'httponly') httpOnly = true;
    }
    if (domain !== undefined && !domainMatch(t.hostname, domain)) return;
    const cookie: StoredCookie = {
      name,
      value,
      domain: domain ?? t.hostname,
      path: path ?? defaultPath(t.pathname),
      hostOnly: domain === undefined,
      secure,
      httpOnly,
      created: this.counter++,
    };
    if (maxAge !== undefined) cookie.expires = maxAge <= 0 ? -Infinity : now + maxAge * 1000;
    else if (expires !== undefined) cookie.expires = expires;
    const at = this.cookies.findIndex((c) => c.name === name && c.domain === cookie.domain && c.path === cookie.path);
    if (at !== -1) {
      cookie.created = (this.cookies[at] as StoredCookie).created;
      this.cookies.splice(at, 1);
    }
    if (cookie.expires !== undefined && cookie.expires <= now) return;
    this.cookies.push(cookie);
  }

  /** The cookies a request to `href` carries, in Cookie header order. */
  matching(href: string, now = Date.now()): StoredCookie[] {
    if (this.cookies.length === 0) return [];
    const t = target(href);
    if (!t) return [];
    const secureOk = trustworthy(t);
    const out: StoredCookie[] = [];
    for (let i = this.cookies.length - 1; i >= 0; i--) {
      const c = this.cookies[i] as StoredCookie;
      if (c.expires !== undefined && c.expires <= now) {
        this.cookies.splice(i, 1);
        continue;
      }
      if (c.hostOnly ? c.domain !== t.hostname : !domainMatch(t.hostname, c.domain)) continue;
      if (!pathMatch(t.pathname, c.path)) continue;
      if (c.secure && !secureOk) continue;
      out.push(c);
    }
    return out.sort((a, b) => b.path.length - a.path.length || a.created - b.created);
  }

  /** The Cookie header value for `href`, or undefined when no cookie matches. */
  header(href: string, now = Date.now()): string | undefined {
    const list = this.matching(href, now);
    if (list.length === 0) return undefined;
    return list.map((c) => (c.name === '' ? c.value : `${c.name}=${c.value}`)).join('; ');
  }

  /** Every stored cookie, oldest first (for pm.cookies and exports). */
  all(): StoredCookie[] {
    return [...this.cookies].sort((a, b) => a.created - b.created);
  }
}
