/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * pm.response (and pm.sendRequest's responses): read-only views of the JSON the host sent, shaped like
 * postman-collection's Response (own keys, constructor name) so chai prints them the way Postman's sandbox does;
 * pm.cookies; pm.request comes from ./side-request.ts.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxMessages(
  chai: any,
  json: { parse: (text: unknown) => unknown },
  responses: WeakSet<object>,
  requests: WeakSet<object>,
  makeRequest: (chai: any, requests: WeakSet<object>) => { request: (input: any) => any; snapshot: (req: any) => any },
) {
  'use strict';
  // 32 random bits per Math.random() call, 8 hex digits at a time.
  const hex = (n: number): string => {
    let s = '';
    while (s.length < n) s += ((Math.random() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const uuid = (): string => hex(8) + '-' + hex(4) + '-4' + hex(3) + '-' + ['8', '9', 'a', 'b'][Math.floor(Math.random() * 4)] + hex(3) + '-' + hex(12);

  // eslint-disable-next-line @typescript-eslint/no-empty-function
  const PostmanResponse = function PostmanResponse() {} as unknown as new () => any;
  const responseMethods = new WeakMap<object, Record<string, (...a: unknown[]) => unknown>>();
  for (const method of ['text', 'json', 'reason', 'details', 'size']) {
    Object.defineProperty(PostmanResponse.prototype, method, {
      value: function (this: object) {
        const impl = responseMethods.get(this);
        if (!impl) throw new TypeError('not a response');
        return (impl[method] as () => unknown)();
      },
      writable: true,
      configurable: true,
    });
  }

  function headerList(pairs: Array<[string, string]>, owner: string) {
    const find = (name: unknown): [string, string] | undefined => {
      const k = String(name).toLowerCase();
      for (let i = pairs.length - 1; i >= 0; i--) if ((pairs[i] as [string, string])[0].toLowerCase() === k) return pairs[i];
      return undefined;
    };
    const all = () => pairs.map((p) => ({ key: p[0], value: p[1] }));
    return {
      get: (name: unknown) => find(name)?.[1],
      one: (name: unknown) => {
        const h = find(name);
        return h ? { key: h[0], value: h[1] } : undefined;
      },
      has(name: unknown, value?: unknown): boolean {
        const k = String(name).toLowerCase();
        return pairs.some((p) => p[0].toLowerCase() === k && (arguments.length < 2 || p[1] === value));
      },
      all,
      count: () => pairs.length,
      each: (fn: (h: { key: string; value: string }) => void) => all().forEach((h) => fn(h)),
      map: (fn: (h: { key: string; value: string }) => unknown) => all().map((h) => fn(h)),
      filter: (fn: (h: { key: string; value: string }) => unknown) => all().filter((h) => fn(h)),
      find: (fn: (h: { key: string; value: string }) => unknown) => all().find((h) => fn(h)),
      toObject: () => {
        const o: Record<string, string> = {};
        for (const p of pairs) o[p[0].toLowerCase()] = p[1];
        return o;
      },
      toJSON: all,
      toString: () => owner,
    };
  }

  const requestApi = makeRequest(chai, requests);

  /**
   * pm.cookies (read-only): the cookies the engine says the jar holds for the request URL when it sends them
   * (`list`), else the ones the response set (its Set-Cookie headers).
   */
  function cookies(list: any, headers: Array<[string, string]>): any {
    const items: any[] = [];
    if (Array.isArray(list)) {
      for (const c of list) if (c && typeof c.name === 'string') items.push({ ...c, key: c.name });
    } else {
      for (const h of headers) {
        if (h[0].toLowerCase() !== 'set-cookie') continue;
        const parts = h[1].split(';');
        const first = parts.shift() || '';
        const eq = first.indexOf('=');
        if (eq === -1) continue;
        const c: any = { key: first.slice(0, eq).trim(), name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
        for (const attr of parts) {
          const i = attr.indexOf('=');
          const k = (i === -1 ? attr : attr.slice(0, i)).trim().toLowerCase();
          const v = i === -1 ? true : attr.slice(i + 1).trim();
          if (k === 'httponly') c.httpOnly = true;
          else if (k === 'secure') c.secure = true;
          else if (k === 'domain' || k === 'path' || k === 'expires' || k === 'samesite') c[k === 'samesite' ? 'sameSite' : k] = v;
          else if (k === 'max-age') c.maxAge = Number(v);
        }
        items.push(c);
      }
    }
    const find = (name: unknown) => {
      for (let i = items.length - 1; i >= 0; i--) if (items[i].name === String(name)) return items[i];
      return undefined;
    };
    const jar = () => {
      const e = new Error("pm.cookies.jar is not supported by sfcheck's native engine");
      e.name = 'UnsupportedAPIError';
      throw e;
    };
    return {
      get: (name: unknown) => find(name)?.value,
      one: (name: unknown) => find(name),
      has: (name: unknown) => find(name) !== undefined,
      all: () => items.slice(),
      count: () => items.length,
      each: (fn: (c: unknown) => void) => items.slice().forEach((c) => fn(c)),
      map: (fn: (c: unknown) => unknown) => items.map((c) => fn(c)),
      filter: (fn: (c: unknown) => unknown) => items.filter((c) => fn(c)),
      find: (fn: (c: unknown) => unknown) => items.find((c) => fn(c)),
      toObject: () => {
        const o: Record<string, unknown> = {};
        for (const c of items) o[c.name] = c.value;
        return o;
      },
      toJSON: () => items.slice(),
      jar,
    };
  }

  /** `r` is null when the request failed: the object then has no code/status, as Postman's empty Response. */
  function response(r: any): any {
    const res = new PostmanResponse();
    res.id = uuid();
    res._details = undefined;
    if (r) {
      res.status = r.status;
      res.code = r.code;
    }
    res.headers = headerList(r ? r.headers : [], 'response headers');
    if (r) res.stream = undefined;
    res.cookies = cookies(undefined, r ? r.headers : []);
    if (r) {
      res.responseTime = r.responseTime;
      res.responseSize = r.size;
    }
    const hidden = {
      text: () => (r ? r.body : undefined),
      // A fresh parse on every call, as postman-collection's Response#json (a script may change what it got).
      json: () => json.parse(r ? r.body : ''),
      reason: () => (r ? r.status : undefined),
      details: () => (r ? { code: r.code, name: r.status, detail: r.status } : undefined),
      size: () => {
        const header = r ? r.headers.reduce((n: number, h: [string, string]) => n + h[0].length + h[1].length + 4, 0) : 0;
        const body = r ? r.size : 0;
        return { body, header, total: body + header };
      },
    };
    responseMethods.set(res, hidden);
    Object.defineProperty(res, 'to', { get: () => chai.expect(res).to });
    responses.add(res);
    return res;
  }

  /** The object still uses PostmanResponse's own json() (a script may have replaced it on the object or prototype). */
  const ownJson = (PostmanResponse.prototype as any).json;
  const plainJson = (o: any): boolean => o.json === ownJson;

  return { request: requestApi.request, snapshot: requestApi.snapshot, response, cookies, plainJson };
}
