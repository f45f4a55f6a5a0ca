/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * Builds, for one script execution, the `pm` object and the legacy globals from the JSON input, and collects
 * test outcomes and variable changes into `out`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxPm(
  chai: any,
  json: { parse: (text: unknown) => unknown; legacyJSON: unknown },
  messages: { request: (input: any) => any; snapshot: (req: any) => any; response: (input: any) => any; cookies: (list: any, headers: any) => any },
  log: (test: unknown) => void,
  tasks: any,
  libs: { requireFor: (chai: any) => (name: unknown) => unknown; dynamic: (name: string) => string | undefined },
  makeTests: (out: any, log: (test: unknown) => void, self: () => unknown) => { test: any; record: (t: any) => void; finish: () => void },
  makeSend: (messages: any, tasks: any) => (pm: unknown, req: unknown, callback?: unknown) => unknown,
  makeLegacy: (input: any, pm: any, cookies: any, record: (t: any) => void, setNextRequest: (what: unknown) => void) => { names: string[]; values: unknown[]; afterSync: () => void },
) {
  'use strict';
  /** The names a script sees as its parameters (./realm.ts compiles scripts with exactly these). */
  const SCRIPT_PARAMS = ['pm', 'console', 'require', 'postman', 'tests', 'request', 'responseBody', 'responseCode', 'responseTime', 'responseHeaders', 'responseCookies', 'iteration', 'environment', 'globals', 'data', 'JSON'];
  const notSupported = (name: string) => {
    const e = new Error(name + " is not supported by sfcheck's native engine");
    e.name = 'UnsupportedAPIError';
    return e;
  };
  /** Getters that throw, naming the API: a script using it fails loudly instead of reading undefined. */
  const unsupported = (obj: any, owner: string, names: string[]): void => {
    for (const name of names) {
      Object.defineProperty(obj, name, {
        get: () => {
          throw notSupported(owner + '.' + name);
        },
        enumerable: false,
        configurable: true,
      });
    }
  };
  const stringify = JSON.stringify;
  const VAR = /\{\{([^{}]*?)\}\}/g;
  /** The scopes a script can change (and the engine takes back), highest precedence first. */
  const SCOPES = ['local', 'environment', 'collection', 'globals'];
  /** pm.variables' lookup order: iteration data sits between local and environment. */
  const LOOKUP = ['local', 'data', 'environment', 'collection', 'globals'];
  /** Thrown by pm.execution.skipRequest() to end the script at once; not an error. */
  const SKIP = { skipRequest: true };
  const toStr = (v: unknown): string => (v === null ? 'null' : v === undefined ? '' : String(v));
  // 32 random bits per Math.random() call, 8 hex digits at a time.
  const hex = (n: number): string => {
    let s = '';
    while (s.length < n) s += ((Math.random() * 4294967296) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  };
  const uuid = (): string => hex(8) + '-' + hex(4) + '-4' + hex(3) + '-' + ['8', '9', 'a', 'b'][Math.floor(Math.random() * 4)] + hex(3) + '-' + hex(12);
  const DYNAMIC: Record<string, () => string> = {
    $guid: uuid,
    $randomUUID: uuid,
    $timestamp: () => String(Math.floor(Date.now() / 1000)),
    $isoTimestamp: () => new Date().toISOString(),
    $randomInt: () => String(Math.floor(Math.random() * 1001)),
  };

  function describe(e: any): { name: string; message: string } {
    try {
      if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
        return { name: String(e.name === undefined ? 'Error' : e.name), message: String(e.message === undefined ? '' : e.message) };
      }
      return { name: 'Error', message: String(e) };
    } catch {
      return { name: 'Error', message: 'an error that cannot be printed' };
    }
  }

  // The names pm does not offer here, as throwing getters on the prototypes of pm and pm.execution (made once).
  const PM_PROTO = Object.create(Object.prototype);
  unsupported(PM_PROTO, 'pm', ['vault', 'require']);
  const EXECUTION_PROTO = Object.create(Object.prototype);
  unsupported(EXECUTION_PROTO, 'pm.execution', ['runRequest']);

  return function build(input: any, out: any) {
    const scopes: Record<string, { map: Map<string, unknown>; changed: boolean }> = {};
    for (const name of LOOKUP) {
      const map = new Map<string, unknown>();
      for (const p of (input.scopes[name] ?? []) as Array<[string, unknown]>) map.set(p[0], p.length > 1 ? p[1] : undefined);
      scopes[name] = { map, changed: false };
    }
    const scope = (name: string) => scopes[name] as { map: Map<string, unknown>; changed: boolean };

    function replaceIn(template: unknown, names: string[]): unknown {
      if (typeof template !== 'string') return template;
      let text = template;
      for (let pass = 0; pass < 19; pass++) {
        let changed = false;
        text = text.replace(VAR, (m: string, name: string) => {
          for (const n of names) {
            const s = scope(n);
            if (s.map.has(name)) {
              changed = true;
              return toStr(s.map.get(name));
            }
          }
          if (Object.prototype.hasOwnProperty.call(DYNAMIC, name)) {
            changed = true;
            return (DYNAMIC[name] as () => string)();
          }
          if (name.charAt(0) === '$') {
            const value = libs.dynamic(name);
            if (value !== undefined) {
              changed = true;
              return value;
            }
          }
          return m;
        });
        if (!changed) break;
      }
      return text;
    }

    function scopeApi(name: string) {
      const s = scope(name);
      return {
        get: (key: unknown) => s.map.get(String(key)),
        set(key: unknown, value: unknown): void {
          s.map.set(String(key), value);
          s.changed = true;
        },
        unset(key: unknown): void {
          if (s.map.delete(String(key))) s.changed = true;
        },
        has: (key: unknown) => s.map.has(String(key)),
        clear(): void {
          if (s.map.size) s.changed = true;
          s.map.clear();
        },
        toObject: () => {
          const o: Record<string, unknown> = {};
          s.map.forEach((v, k) => (o[k] = v));
          return o;
        },
        replaceIn: (t: unknown) => replaceIn(t, [name]),
      };
    }

    const environment: any = scopeApi('environment');
    environment.name = input.environmentName;
    const variables = {
      get(key: unknown): unknown {
        for (const n of LOOKUP) if (scope(n).map.has(String(key))) return scope(n).map.get(String(key));
        return undefined;
      },
      set: scopeApi('local').set,
      unset: scopeApi('local').unset,
      has: (key: unknown) => LOOKUP.some((n) => scope(n).map.has(String(key))),
      toObject: () => {
        const o: Record<string, unknown> = {};
        for (let i = LOOKUP.length - 1; i >= 0; i--) scope(LOOKUP[i] as string).map.forEach((v, k) => (o[k] = v));
        return o;
      },
      replaceIn: (t: unknown) => replaceIn(t, LOOKUP),
    };
    // Postman's pm.iterationData is a copy of the row: set/unset/clear change what this script sees (pm.variables
    // included) and are never kept.
    const iterationData: any = scopeApi('data');
    iterationData.toJSON = () => {
      const values: Array<{ type: string; value: unknown; key: string }> = [];
      scope('data').map.forEach((value, key) => values.push({ type: 'any', value, key }));
      return { values };
    };

    // The last call wins; null stops the run after this item. Postman looks the value up as an item id, then a name
    // (as an object key, so a non-string is its String()); an unknown one ends the iteration.
    function setNextRequest(what: unknown): void {
      out.nextRequest = what === null ? null : toStr(what === undefined ? 'undefined' : what);
    }

    const pmRef = () => pm;
    const tests = makeTests(out, log, pmRef);
    const sendRequest = makeSend(messages, tasks);

    const request = messages.request(input.request);
    const requestBefore = input.eventName === 'prerequest' ? stringify(messages.snapshot(request)) : '';
    const r = input.response;
    const response = input.eventName === 'test' ? messages.response(r) : undefined;
    const cookies = messages.cookies(input.cookies, r ? r.headers : []);

    const pm: any = Object.assign(Object.create(PM_PROTO), {
      info: { eventName: input.eventName, iteration: input.iteration, iterationCount: input.iterationCount, requestName: input.requestName, requestId: input.requestId },
      environment,
      collectionVariables: scopeApi('collection'),
      globals: scopeApi('globals'),
      variables,
      iterationData,
      request,
      response,
      cookies,
      test: tests.test,
      expect: chai.expect,
      sendRequest: (req: unknown, callback?: unknown) => sendRequest(pm, req, callback),
      visualizer: {
        set(template: unknown, data?: unknown, options?: unknown): void {
          if (typeof template !== 'string') throw new Error('Invalid template. Template must be of type string, found ' + typeof template);
          if (data && typeof data !== 'object') throw new Error('Invalid data. Data must be an object, found ' + typeof data);
          if (options && typeof options !== 'object') throw new Error('Invalid options. Options must be an object, found ' + typeof options);
          const v: any = { template };
          if (data !== undefined) v.data = data;
          if (options !== undefined) v.options = options;
          out.visualizer = v;
        },
        clear(): void {
          delete out.visualizer;
        },
      },
      execution: Object.assign(Object.create(EXECUTION_PROTO), {
        setNextRequest,
        skipRequest(): void {
          // Postman's sandbox: only a prerequest script can skip its request; elsewhere the call throws this TypeError.
          if (input.eventName !== 'prerequest') throw new TypeError('pm.execution.skipRequest is not a function');
          out.skipRequest = true;
          throw SKIP;
        },
        location: Object.defineProperty((input.itemPath || [input.requestName]).slice(), 'current', { value: input.requestName, enumerable: false }),
      }),
    });
    if (input.eventName !== 'test') delete pm.response;

    const noop = () => undefined;
    const console = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop, clear: noop };
    const legacy = makeLegacy(input, pm, cookies, tests.record, setNextRequest);
    const requireFn = libs.requireFor(chai);
    const args = SCRIPT_PARAMS.map((name: string) => {
      if (name === 'pm') return pm;
      if (name === 'console') return console;
      if (name === 'JSON') return json.legacyJSON;
      if (name === 'require') return requireFn;
      const i = legacy.names.indexOf(name);
      return i === -1 ? undefined : legacy.values[i];
    });

    function pairs(map: Map<string, unknown>): Array<[string, unknown] | [string]> {
      const list: Array<[string, unknown] | [string]> = [];
      map.forEach((v, k) => {
        if (v === undefined || typeof v === 'function' || typeof v === 'symbol') {
          list.push([k]);
          return;
        }
        try {
          list.push(stringify(v) === undefined ? [k] : [k, v]);
        } catch {
          list.push([k, toStr(v)]);
        }
      });
      return list;
    }

    function finish(): void {
      tests.finish();
      // A prerequest script's changes to pm.request go back to the engine, which sends the request as edited.
      if (requestBefore !== '') {
        try {
          const after = messages.snapshot(request);
          if (stringify(after) !== requestBefore) out.request = after;
        } catch (e) {
          if (!out.error) out.error = describe(e);
        }
      }
      for (const name of SCOPES) if (scope(name).changed) out.scopes[name] = pairs(scope(name).map);
    }

    /** The error escaping the script, or undefined for pm.execution.skipRequest()'s stop. */
    const escaped = (e: unknown): { name: string; message: string } | undefined => (e === SKIP ? undefined : describe(e));

    return { args, response, escaped, afterSync: legacy.afterSync, finish };
  };
}
