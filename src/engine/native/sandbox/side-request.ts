/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * pm.request, shaped like postman-collection's Request: `url` (toString, getHost, getPath, getQueryString,
 * getPathWithQuery, getRemote, query list, addQueryParams, removeQueryParams, update), `headers` (a header list with
 * add, upsert, remove, get, has, one, all, toObject ...), `method`, `body` (mode, raw, urlencoded, formdata, toString,
 * isEmpty), and the Request helpers addHeader, removeHeader, upsertHeader, getHeaders. `snapshot(req)` turns the
 * object back into plain data, so a prerequest script's edits can be handed to the engine.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxRequest(chai: any, requests: WeakSet<object>) {
  'use strict';
  const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
  const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object';

  /** A mutable list of {key, value} with a case-insensitive (headers) or case-sensitive (query) index. */
  function propertyList(items: Array<{ key: string; value: any; disabled?: boolean }>, caseless: boolean, owner: string, touch: () => void) {
    const norm = (k: unknown) => (caseless ? str(k).toLowerCase() : str(k));
    const toItem = (h: any): { key: string; value: any } | undefined => {
      if (typeof h === 'string') {
        const i = h.indexOf(caseless ? ':' : '=');
        return i === -1 ? { key: h.trim(), value: caseless ? '' : null } : { key: h.slice(0, i).trim(), value: h.slice(i + 1).trim() };
      }
      return isObj(h) && h.key !== undefined ? { key: str(h.key), value: h.value, ...(h.disabled ? { disabled: true } : {}) } : undefined;
    };
    const find = (key: unknown) => {
      const k = norm(key);
      for (let i = items.length - 1; i >= 0; i--) if (norm((items[i] as any).key) === k) return items[i];
      return undefined;
    };
    const list: any = {
      get: (key: unknown) => find(key)?.value,
      one: (key: unknown) => find(key),
      has(key: unknown, value?: unknown): boolean {
        const k = norm(key);
        return items.some((p) => norm(p.key) === k && (arguments.length < 2 || p.value === value));
      },
      all: () => items.slice(),
      count: () => items.length,
      idx: (i: number) => items[i],
      indexOf: (item: any) => items.indexOf(item),
      each: (fn: (h: any) => void) => items.slice().forEach((h) => fn(h)),
      map: (fn: (h: any) => unknown) => items.map((h) => fn(h)),
      filter: (fn: (h: any) => unknown) => items.filter((h) => fn(h)),
      find: (fn: (h: any) => unknown) => items.find((h) => fn(h)),
      reduce: (fn: (acc: any, h: any) => any, acc: any) => items.reduce(fn, acc),
      add(h: unknown): void {
        const item = toItem(h);
        if (!item) return;
        items.push(item);
        touch();
      },
      append(h: unknown): void {
        list.add(h);
      },
      upsert(h: unknown): void {
        const item = toItem(h);
        if (!item) return;
        const existing = find(item.key);
        if (existing) existing.value = item.value;
        else items.push(item);
        touch();
      },
      remove(predicate: unknown): void {
        const before = items.length;
        for (let i = items.length - 1; i >= 0; i--) {
          const it = items[i] as any;
          const hit = typeof predicate === 'function' ? predicate(it) : isObj(predicate) ? it === predicate : norm(it.key) === norm(predicate);
          if (hit) items.splice(i, 1);
        }
        if (items.length !== before) touch();
      },
      clear(): void {
        items.length = 0;
        touch();
      },
      populate(list2: unknown): void {
        for (const h of Array.isArray(list2) ? list2 : []) list.add(h);
      },
      repopulate(list2: unknown): void {
        items.length = 0;
        list.populate(list2);
      },
      toObject(excludeDisabled?: boolean, caseSensitive?: boolean, multiValue?: boolean): Record<string, unknown> {
        const o: Record<string, any> = {};
        for (const p of items) {
          if (excludeDisabled && p.disabled) continue;
          const k = caseless && !caseSensitive ? p.key.toLowerCase() : p.key;
          if (multiValue && Object.prototype.hasOwnProperty.call(o, k)) o[k] = ([] as unknown[]).concat(o[k], p.value);
          else o[k] = p.value;
        }
        return o;
      },
      toJSON: () => items.map((p) => ({ ...p })),
      toString: () => (caseless ? items.filter((p) => !p.disabled).map((p) => p.key + ': ' + str(p.value)).join('\n') + (items.length ? '\n' : '') : owner),
    };
    Object.defineProperty(list, 'members', { get: () => items, enumerable: false });
    return list;
  }

  /** postman-collection's Url: parsed from the request's URL text, printed back unchanged until something changes. */
  function url(raw: string, touch: () => void) {
    let text = raw;
    let dirty = false;
    const mark = () => {
      dirty = true;
      touch();
    };
    const u: any = {};
    function parse(s: string): void {
      let rest = s;
      u.hash = undefined;
      const h = rest.indexOf('#');
      if (h !== -1) {
        u.hash = rest.slice(h + 1);
        rest = rest.slice(0, h);
      }
      let queryText: string | undefined;
      const q = rest.indexOf('?');
      if (q !== -1) {
        queryText = rest.slice(q + 1);
        rest = rest.slice(0, q);
      }
      const p = rest.indexOf('://');
      u.protocol = p === -1 ? undefined : rest.slice(0, p);
      if (p !== -1) rest = rest.slice(p + 3);
      const slash = rest.indexOf('/');
      const hostPart = slash === -1 ? rest : rest.slice(0, slash);
      u.path = slash === -1 ? [] : rest.slice(slash + 1).split('/');
      const at = hostPart.lastIndexOf('@');
      u.auth = at === -1 ? undefined : hostPart.slice(0, at);
      const hostPort = at === -1 ? hostPart : hostPart.slice(at + 1);
      const colon = hostPort.lastIndexOf(':');
      const portText = colon === -1 ? '' : hostPort.slice(colon + 1);
      u.port = colon !== -1 && /^\d*$|^\{\{.*\}\}$/.test(portText) ? portText : undefined;
      u.host = (u.port === undefined ? hostPort : hostPort.slice(0, colon)).split('.');
      const params = queryText === undefined || queryText === '' ? [] : queryText.split('&').map((kv) => {
        const i = kv.indexOf('=');
        return i === -1 ? { key: kv, value: null } : { key: kv.slice(0, i), value: kv.slice(i + 1) };
      });
      u.query = propertyList(params, false, 'query', mark);
    }
    parse(raw);
    const hostText = () => u.host.join('.');
    const pathText = () => (u.path.length ? '/' + u.path.join('/') : '/');
    const queryText = () =>
      u.query
        .all()
        .filter((p: any) => !p.disabled)
        .map((p: any) => (p.value === null || p.value === undefined ? p.key : p.key + '=' + p.value))
        .join('&');
    const build = () => {
      let s = u.protocol ? u.protocol + '://' : '';
      if (u.auth !== undefined) s += u.auth + '@';
      s += hostText();
      if (u.port !== undefined) s += ':' + u.port;
      if (u.path.length) s += '/' + u.path.join('/');
      const qs = queryText();
      if (qs) s += '?' + qs;
      if (u.hash !== undefined) s += '#' + u.hash;
      return s;
    };
    Object.defineProperties(u, {
      toString: { value: () => (dirty ? build() : text) },
      toJSON: { value: () => (dirty ? build() : text) },
      getRaw: { value: () => (dirty ? build() : text) },
      getHost: { value: () => hostText() },
      getPath: { value: () => pathText() },
      getQueryString: { value: () => queryText() },
      getPathWithQuery: { value: () => pathText() + (queryText() ? '?' + queryText() : '') },
      getRemote: { value: () => hostText() + (u.port !== undefined ? ':' + u.port : '') },
      getOAuth1BaseUrl: { value: () => (u.protocol || 'http') + '://' + hostText() + pathText() },
      addQueryParams: {
        value: (params: unknown) => {
          const list = typeof params === 'string' ? params.split('&') : Array.isArray(params) ? params : [params];
          for (const p of list) u.query.add(typeof p === 'string' && p.indexOf('=') === -1 ? { key: p, value: null } : p);
        },
      },
      removeQueryParams: {
        value: (names: unknown) => {
          for (const n of Array.isArray(names) ? names : [names]) u.query.remove(isObj(n) ? n.key : n);
        },
      },
      update: {
        value: (next: unknown) => {
          text = typeof next === 'string' ? next : isObj(next) && typeof next.raw === 'string' ? next.raw : str(next);
          parse(text);
          dirty = false;
          touch();
        },
      },
    });
    return u;
  }

  function body(spec: any, touch: () => void): any {
    if (!spec) return undefined;
    const b: any = { mode: spec.mode };
    if (spec.mode === 'raw') b.raw = spec.raw;
    else b[spec.mode] = propertyList((spec.pairs || []).map((p: [string, string]) => ({ key: p[0], value: p[1] })), false, spec.mode, touch);
    Object.defineProperties(b, {
      toString: { value: () => (b.mode === 'raw' ? str(b.raw) : b[b.mode] ? b[b.mode].all().map((p: any) => p.key + '=' + str(p.value)).join('&') : '') },
      isEmpty: { value: () => (b.mode === 'raw' ? !b.raw : !b[b.mode] || b[b.mode].count() === 0) },
      update: {
        value: (next: any) => {
          if (typeof next === 'string') {
            b.mode = 'raw';
            b.raw = next;
          } else if (isObj(next)) {
            b.mode = next.mode;
            if (next.mode === 'raw') b.raw = next.raw;
            else b[next.mode] = propertyList((next[next.mode] || []).map((p: any) => ({ key: str(p.key), value: p.value })), false, next.mode, touch);
          }
          touch();
        },
      },
    });
    return b;
  }

  function request(reqIn: any): any {
    const touch = () => undefined;
    const req: any = {
      url: url(reqIn.url, touch),
      method: reqIn.method,
      headers: propertyList((reqIn.headers as Array<[string, string]>).map((p) => ({ key: p[0], value: p[1] })), true, 'headers', touch),
      body: reqIn.bodySpec ? body(reqIn.bodySpec, touch) : reqIn.body === undefined ? undefined : body({ mode: 'raw', raw: reqIn.body }, touch),
    };
    Object.defineProperties(req, {
      addHeader: { value: (h: unknown) => req.headers.add(h) },
      removeHeader: { value: (k: unknown) => req.headers.remove(k) },
      upsertHeader: { value: (h: unknown) => req.headers.upsert(h) },
      getHeaders: {
        value: (options?: any) => {
          const o: Record<string, unknown> = {};
          for (const h of req.headers.all()) {
            if (options && options.enabled && h.disabled) continue;
            const k = options && options.ignoreCase ? h.key.toLowerCase() : h.key;
            o[k] = Object.prototype.hasOwnProperty.call(o, k) ? ([] as unknown[]).concat(o[k], h.value) : h.value;
          }
          return o;
        },
      },
      forEachHeader: { value: (fn: (h: unknown) => void) => req.headers.each(fn) },
      addQueryParams: { value: (p: unknown) => req.url.addQueryParams(p) },
      removeQueryParams: { value: (p: unknown) => req.url.removeQueryParams(p) },
      toJSON: { value: () => snapshot(req) },
      to: { get: () => chai.expect(req).to },
    });
    requests.add(req);
    return req;
  }

  /** The request as plain data: {url, method, headers, body} (body as {mode, raw} or {mode, pairs}). */
  function snapshot(req: any): any {
    const headerItems = req.headers && typeof req.headers.all === 'function' ? req.headers.all() : [];
    const out: any = {
      url: typeof req.url === 'string' ? req.url : str(req.url),
      method: str(req.method).toUpperCase() || 'GET',
      headers: headerItems.filter((h: any) => h && !h.disabled).map((h: any) => [str(h.key), str(h.value)]),
    };
    const b = req.body;
    if (isObj(b) && b.mode === 'raw') out.body = { mode: 'raw', raw: str(b.raw) };
    else if (isObj(b) && (b.mode === 'urlencoded' || b.mode === 'formdata') && b[b.mode]) {
      const list = typeof b[b.mode].all === 'function' ? b[b.mode].all() : b[b.mode];
      out.body = { mode: b.mode, pairs: (Array.isArray(list) ? list : []).filter((p: any) => p && !p.disabled).map((p: any) => [str(p.key), str(p.value)]) };
    } else if (b === null || b === undefined || (isObj(b) && (b.mode === undefined || b.mode === 'none'))) out.body = null;
    return out;
  }

  return { request, snapshot, propertyList };
}
