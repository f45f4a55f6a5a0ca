/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * pm.sendRequest(request, callback?): the request (a URL string, a Postman request definition, or pm.request itself)
 * becomes a plain spec (JSON text, see ./send.ts) the engine sends with undici; the reply comes back as an event of
 * the running script (./side-main.ts), which stays running until it arrives. The callback gets (err, response,
 * history) with `this` = pm, as in Postman; without a callback a Promise is returned (Postman's newer form; newman
 * 6 returns pm).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxSend(messages: { response: (input: any) => any }, tasks: { send: (spec: string, done: (reply: any, body: string) => void) => boolean }) {
  'use strict';
  const stringify = JSON.stringify;
  const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object';
  const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

  /** A URL given as a string, an object with its own toString (pm.request.url), or a v2 URL definition. */
  function urlOf(url: unknown): string {
    if (typeof url === 'string') return url;
    if (!isObj(url)) return str(url);
    if (typeof url.toString === 'function' && url.toString !== Object.prototype.toString) return String(url);
    if (url.host === undefined && url.path === undefined) return typeof url.raw === 'string' ? url.raw : '';
    let s = url.protocol ? String(url.protocol).replace(/:?(\/\/)?$/, '') + '://' : '';
    s += Array.isArray(url.host) ? url.host.join('.') : str(url.host);
    if (url.port !== undefined && url.port !== null && url.port !== '') s += ':' + String(url.port);
    const path = Array.isArray(url.path) ? url.path.map((p: any) => (isObj(p) ? str(p.value) : str(p))).join('/') : str(url.path).replace(/^\//, '');
    if (path !== '' || url.path !== undefined) s += '/' + path;
    if (Array.isArray(url.query) && url.query.length) {
      const q = url.query.filter((p: any) => isObj(p) && !p.disabled).map((p: any) => (p.value === null || p.value === undefined ? str(p.key) : str(p.key) + '=' + str(p.value)));
      if (q.length) s += '?' + q.join('&');
    }
    return s;
  }

  /** Key/value pairs from a list ([{key, value, disabled}]), a header list (all()), "K: V" lines, or an object. */
  function pairsOf(list: unknown): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    if (list === undefined || list === null) return out;
    if (typeof list === 'string') {
      for (const line of list.split(/\r?\n/)) {
        const i = line.indexOf(':');
        const key = (i === -1 ? line : line.slice(0, i)).trim();
        if (key) out.push([key, i === -1 ? '' : line.slice(i + 1).trim()]);
      }
      return out;
    }
    let items: unknown = list;
    if (isObj(list) && !Array.isArray(list) && typeof list.all === 'function') items = list.all();
    if (Array.isArray(items)) {
      for (const h of items) if (isObj(h) && !h.disabled && h.key !== undefined && h.key !== null) out.push([String(h.key), str(h.value)]);
      return out;
    }
    if (isObj(items)) for (const k of Object.keys(items)) out.push([k, str((items as any)[k])]);
    return out;
  }

  function bodyOf(body: unknown): any {
    if (body === undefined || body === null) return undefined;
    if (typeof body === 'string') return { mode: 'raw', raw: body };
    if (!isObj(body) || body.disabled) return undefined;
    const mode = str(body.mode);
    if (mode === 'raw') {
      const raw = body.raw;
      const language = isObj(body.options) && isObj(body.options.raw) ? str(body.options.raw.language) : '';
      return { mode, raw: typeof raw === 'string' ? raw : raw === undefined || raw === null ? '' : stringify(raw), ...(language ? { language } : {}) };
    }
    if (mode === 'urlencoded' || mode === 'formdata') {
      const fields = body[mode];
      for (const f of Array.isArray(fields) ? fields : []) {
        if (isObj(f) && !f.disabled && f.type === 'file') throw new Error('pm.sendRequest: formdata file fields are not supported by sfcheck\'s native engine');
      }
      return { mode, pairs: pairsOf(fields) };
    }
    if (mode === 'graphql') {
      const gql = isObj(body.graphql) ? body.graphql : {};
      let variables: unknown = gql.variables;
      if (typeof variables === 'string') {
        try {
          variables = JSON.parse(variables);
        } catch {
          variables = undefined;
        }
      }
      return { mode: 'raw', raw: stringify({ query: str(gql.query), variables }), language: 'json' };
    }
    if (mode === '' || mode === 'none') return undefined;
    throw new Error('pm.sendRequest: body mode "' + mode + '" is not supported by sfcheck\'s native engine');
  }

  function specOf(req: unknown): string {
    if (typeof req === 'string') return stringify({ url: req, method: 'GET', headers: [] });
    const r = req as Record<string, any>;
    const headers = pairsOf(r.header !== undefined ? r.header : r.headers);
    const body = bodyOf(r.body);
    const method = r.method === undefined || r.method === null || r.method === '' ? 'GET' : String(r.method).toUpperCase();
    return stringify({ url: urlOf(r.url), method, headers, ...(body ? { body } : {}) });
  }

  function replyOf(reply: any, body: string): { err: any; res: any } {
    if (reply && reply.response) {
      return { err: null, res: messages.response({ ...reply.response, body }) };
    }
    const e = reply && reply.error ? reply.error : { message: 'pm.sendRequest: no reply' };
    const err: any = new Error(str(e.message));
    if (e.code !== undefined) err.code = e.code;
    return { err, res: messages.response(null) };
  }

  return function sendRequest(pm: unknown, req: unknown, callback?: unknown): unknown {
    const withCallback = typeof callback === 'function';
    const deliver = (err: unknown, res: unknown, resolve?: (v: unknown) => void, reject?: (e: unknown) => void): void => {
      if (withCallback) (callback as (...a: unknown[]) => void).call(pm, err, res, { cookies: [] });
      else if (err) (reject as (e: unknown) => void)(err);
      else (resolve as (v: unknown) => void)(res);
    };
    const start = (resolve?: (v: unknown) => void, reject?: (e: unknown) => void): void => {
      if (!req) {
        deliver(new Error('sendrequest: nothing to request'), undefined, resolve, reject);
        return;
      }
      const spec = specOf(req);
      tasks.send(spec, (reply, body) => {
        const { err, res } = replyOf(reply, body);
        deliver(err, res, resolve, reject);
      });
    };
    if (withCallback) {
      start();
      return pm;
    }
    return new Promise((resolve, reject) => start(resolve, reject));
  };
}
