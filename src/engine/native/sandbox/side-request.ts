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

  type Item = { key: string; value: any; disabled?: boolean; [k: string]: any };
  /**
   * A mutable list of {key, value} (postman-collection's PropertyList) with a case-insensitive (headers) or
   * case-sensitive (query, form fields) index. Methods live on the prototype: scripts build a few per run.
   */
  class PropertyList {
    constructor(
      readonly members: Item[],
      private readonly caseless: boolean,
      private readonly owner: string,
    ) {}
    private norm(k: unknown): string {
      return this.caseless ? str(k).toLowerCase() : str(k);
    }
    private toItem(h: any): Item | undefined {
      if (typeof h === 'string') {
        const i = h.indexOf(this.caseless ? ':' : '=');
        return i === -1 ? { key: h.trim(), value: this.caseless ? '' : null } : { key: h.slice(0, i).trim(), value: h.slice(i + 1).trim() };
      }
      return isObj(h) && h.key !== undefined ? { key: str(h.key), value: h.value, ...(h.disabled ? { disabled: true } : {}) } : undefined;
    }
    one(key: unknown): Item | undefined {
      const k = this.norm(key);
      const items = this.members;
      for (let i = items.length - 1; i >= 0; i--) if (this.norm((items[i] as Item).key) === k) return items[i];
      return undefined;
    }
    get(key: unknown): any {
      const item = this.one(key);
      return item ? item.value : undefined;
    }
    has(key: unknown, value?: unknown): boolean {
      const k = this.norm(key);
      const any = arguments.length < 2;
      return this.members.some((p) => this.norm(p.key) === k && (any || p.value === value));
    }
    all(): Item[] {
      return this.members.slice();
    }
    count(): number {
      return this.members.length;
    }
    idx(i: number): Item | undefined {
      return this.members[i];
    }
    indexOf(item: Item): number {
      return this.members.indexOf(item);
    }
    each(fn: (h: Item) => void): void {
      this.members.slice().forEach((h) => fn(h));
    }
    map(fn: (h: Item) => unknown): unknown[] {
      return this.members.map((h) => fn(h));
    }
    filter(fn: (h: Item) => unknown): Item[] {
      return this.members.filter((h) => fn(h));
    }
    find(fn: (h: Item) => unknown): Item | undefined {
      return this.members.find((h) => fn(h));
    }
    reduce(fn: (acc: any, h: Item) => any, acc: any): any {
      return this.members.reduce(fn, acc);
    }
    add(h: unknown): void {
      const item = this.toItem(h);
      if (item) this.members.push(item);
    }
    append(h: unknown): void {
      this.add(h);
    }
    upsert(h: unknown): void {
      const item = this.toItem(h);
      if (!item) return;
      const existing = this.one(item.key);
      if (existing) existing.value = item.value;
      else this.members.push(item);
    }
    remove(predicate: unknown): void {
      const items = this.members;
      for (let i = items.length - 1; i >= 0; i--) {
        const it = items[i] as Item;
        const hit = typeof predicate === 'function' ? predicate(it) : isObj(predicate) ? it === predicate : this.norm(it.key) === this.norm(predicate);
        if (hit) items.splice(i, 1);
      }
    }
    clear(): void {
      this.members.length = 0;
    }
    populate(list: unknown): void {
      for (const h of Array.isArray(list) ? list : []) this.add(h);
    }
    repopulate(list: unknown): void {
      this.members.length = 0;
      this.populate(list);
    }
    toObject(excludeDisabled?: boolean, caseSensitive?: boolean, multiValue?: boolean): Record<string, unknown> {
      const o: Record<string, any> = {};
      for (const p of this.members) {
        if (excludeDisabled && p.disabled) continue;
        const k = this.caseless && !caseSensitive ? p.key.toLowerCase() : p.key;
        if (multiValue && Object.prototype.hasOwnProperty.call(o, k)) o[k] = ([] as unknown[]).concat(o[k], p.value);
        else o[k] = p.value;
      }
      return o;
    }
    toJSON(): Item[] {
      return this.members.map((p) => ({ ...p }));
    }
    toString(): string {
      if (!this.caseless) return this.owner;
      const lines = this.members.filter((p) => !p.disabled).map((p) => p.key + ': ' + str(p.value));
      return lines.join('\n') + (lines.length ? '\n' : '');
    }
  }
  const propertyList = (items: Item[], caseless: boolean, owner: string): any => new PropertyList(items, caseless, owner);

  /**
   * postman-collection's Url: parsed from the request's URL text (protocol, auth, host, port, path, query, hash),
   * printed back as that same text until one of its parts changes.
   */
  interface UrlParts {
    protocol?: string;
    auth?: string;
    host: string[];
    port?: string;
    path: string[];
    query: any;
    hash?: string;
  }
  function parseUrl(text: string): UrlParts {
    let rest = text;
    let hash: string | undefined;
    const h = rest.indexOf('#');
    if (h !== -1) {
      hash = rest.slice(h + 1);
      rest = rest.slice(0, h);
    }
    let queryText: string | undefined;
    const q = rest.indexOf('?');
    if (q !== -1) {
      queryText = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
    const p = rest.indexOf('://');
    const protocol = p === -1 ? undefined : rest.slice(0, p);
    if (p !== -1) rest = rest.slice(p + 3);
    const slash = rest.indexOf('/');
    const hostPart = slash === -1 ? rest : rest.slice(0, slash);
    const path = slash === -1 ? [] : rest.slice(slash + 1).split('/');
    const at = hostPart.lastIndexOf('@');
    const auth = at === -1 ? undefined : hostPart.slice(0, at);
    const hostPort = at === -1 ? hostPart : hostPart.slice(at + 1);
    const colon = hostPort.lastIndexOf(':');
    const portText = colon === -1 ? '' : hostPort.slice(colon + 1);
    const port = colon !== -1 && /^\d*$|^\{\{.*\}\}$/.test(portText) ? portText : undefined;
    const host = (port === undefined ? hostPort : hostPort.slice(0, colon)).split('.');
    const params =
      queryText === undefined || queryText === ''
        ? []
        : queryText.split('&').map((kv) => {
            const i = kv.indexOf('=');
            return i === -1 ? { key: kv, value: null } : { key: kv.slice(0, i), value: kv.slice(i + 1) };
          });
    return { protocol, auth, host, port, path, query: propertyList(params, false, 'query'), hash };
  }

  /**
   * postman-collection's Url: its parts (protocol, auth, host, port, path, query, hash) are parsed from the
   * request's URL text on first use, and it prints back as that same text until a part changes.
   */
  class Url {
    private text: string;
    private parsed: UrlParts | undefined;
    private baseline = '';
    constructor(raw: string) {
      this.text = raw;
    }
    private parts(): UrlParts {
      if (!this.parsed) {
        this.parsed = parseUrl(this.text);
        this.baseline = this.build();
      }
      return this.parsed;
    }
    update(next: unknown): void {
      this.text = typeof next === 'string' ? next : isObj(next) && typeof next.raw === 'string' ? next.raw : str(next);
      this.parsed = undefined;
    }
    private build(): string {
      const u = this.parts();
      let s = u.protocol ? u.protocol + '://' : '';
      if (u.auth !== undefined) s += u.auth + '@';
      s += this.getRemote();
      if (u.path.length) s += '/' + u.path.join('/');
      const qs = this.getQueryString();
      if (qs) s += '?' + qs;
      if (u.hash !== undefined) s += '#' + u.hash;
      return s;
    }
    toString(): string {
      if (!this.parsed) return this.text;
      const built = this.build();
      return built === this.baseline ? this.text : built;
    }
    toJSON(): string {
      return this.toString();
    }
    getRaw(): string {
      return this.toString();
    }
    getHost(): string {
      return this.parts().host.join('.');
    }
    getPath(): string {
      const path = this.parts().path;
      return path.length ? '/' + path.join('/') : '/';
    }
    getQueryString(): string {
      return this.parts()
        .query.all()
        .filter((p: any) => !p.disabled)
        .map((p: any) => (p.value === null || p.value === undefined ? p.key : p.key + '=' + p.value))
        .join('&');
    }
    getPathWithQuery(): string {
      const qs = this.getQueryString();
      return this.getPath() + (qs ? '?' + qs : '');
    }
    getRemote(): string {
      const port = this.parts().port;
      return this.getHost() + (port !== undefined ? ':' + port : '');
    }
    getOAuth1BaseUrl(): string {
      return (this.parts().protocol || 'http') + '://' + this.getHost() + this.getPath();
    }
    addQueryParams(params: unknown): void {
      const list = typeof params === 'string' ? params.split('&') : Array.isArray(params) ? params : [params];
      for (const p of list) this.parts().query.add(typeof p === 'string' && p.indexOf('=') === -1 ? { key: p, value: null } : p);
    }
    removeQueryParams(names: unknown): void {
      for (const n of Array.isArray(names) ? names : [names]) this.parts().query.remove(isObj(n) ? n.key : n);
    }
  }
  for (const part of ['protocol', 'auth', 'host', 'port', 'path', 'query', 'hash'] as const) {
    Object.defineProperty(Url.prototype, part, {
      get(this: any) {
        return this.parts()[part];
      },
      set(this: any, value: unknown) {
        this.parts()[part] = value;
      },
      enumerable: true,
      configurable: true,
    });
  }


  const fields = (list: unknown): Item[] => (Array.isArray(list) ? list : []).map((p: any) => (Array.isArray(p) ? { key: str(p[0]), value: p[1] } : { key: str(p && p.key), value: p && p.value }));

  /** postman-collection's RequestBody: mode, and raw text or the fields of a form. */
  class RequestBody {
    mode: string;
    raw?: string;
    [field: string]: any;
    constructor(spec: any) {
      this.mode = spec.mode;
      if (spec.mode === 'raw') this.raw = spec.raw;
      else this[spec.mode] = propertyList(fields(spec.pairs), false, spec.mode);
    }
    toString(): string {
      if (this.mode === 'raw') return str(this.raw);
      const list = this[this.mode];
      return list ? list.all().map((p: Item) => p.key + '=' + str(p.value)).join('&') : '';
    }
    isEmpty(): boolean {
      return this.mode === 'raw' ? !this.raw : !this[this.mode] || this[this.mode].count() === 0;
    }
    update(next: any): void {
      if (typeof next === 'string') {
        this.mode = 'raw';
        this.raw = next;
      } else if (isObj(next)) {
        this.mode = next.mode;
        if (next.mode === 'raw') this.raw = next.raw;
        else this[next.mode] = propertyList(fields(next[next.mode]), false, next.mode);
      }
    }
  }

  /** postman-collection's Request, as far as scripts use it. */
  class Request {
    url: any;
    method: string;
    headers: any;
    body: any;
    constructor(reqIn: any) {
      this.url = new Url(reqIn.url);
      this.method = reqIn.method;
      this.headers = propertyList(fields(reqIn.headers), true, 'headers');
      this.body = reqIn.bodySpec ? new RequestBody(reqIn.bodySpec) : reqIn.body === undefined ? undefined : new RequestBody({ mode: 'raw', raw: reqIn.body });
    }
    get to(): unknown {
      return chai.expect(this).to;
    }
    addHeader(h: unknown): void {
      this.headers.add(h);
    }
    removeHeader(k: unknown): void {
      this.headers.remove(k);
    }
    upsertHeader(h: unknown): void {
      this.headers.upsert(h);
    }
    getHeaders(options?: any): Record<string, unknown> {
      const o: Record<string, unknown> = {};
      for (const h of this.headers.all()) {
        if (options && options.enabled && h.disabled) continue;
        const k = options && options.ignoreCase ? h.key.toLowerCase() : h.key;
        o[k] = Object.prototype.hasOwnProperty.call(o, k) ? ([] as unknown[]).concat(o[k], h.value) : h.value;
      }
      return o;
    }
    forEachHeader(fn: (h: unknown) => void): void {
      this.headers.each(fn);
    }
    addQueryParams(p: unknown): void {
      this.url.addQueryParams(p);
    }
    removeQueryParams(p: unknown): void {
      this.url.removeQueryParams(p);
    }
    toJSON(): unknown {
      return snapshot(this);
    }
  }

  function request(reqIn: any): any {
    const req = new Request(reqIn);
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
