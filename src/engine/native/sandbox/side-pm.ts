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
  messages: { request: (input: any) => any; response: (input: any) => any },
  log: (test: unknown) => void,
) {
  'use strict';
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

    const record = (test: any): void => {
      out.tests.push(test);
      log(test);
    };
    const test: any = function (name: unknown, fn?: unknown) {
      const t: any = { name: String(name), passed: true, skipped: false };
      // Without a callback Postman (and newman) count the test as passed; only pm.test.skip skips.
      if (typeof fn !== 'function') {
        record(t);
        return pm;
      }
      // newman's view of a failed assertion: error.name, else "AssertionError"; error.message, else the test name.
      const fail = (e: any) => {
        t.passed = false;
        try {
          const obj = e !== null && (typeof e === 'object' || typeof e === 'function');
          t.errorName = obj && e.name !== undefined ? String(e.name) : 'AssertionError';
          t.message = obj && e.message !== undefined ? String(e.message) : t.name;
        } catch {
          t.errorName = 'AssertionError';
          t.message = t.name;
        }
      };
      if (fn.length > 0) {
        let done = false;
        try {
          fn((err: unknown) => {
            if (done) return;
            done = true;
            if (err) fail(err);
            record(t);
          });
        } catch (e) {
          if (!done) {
            done = true;
            fail(e);
            record(t);
          }
        }
        return pm;
      }
      try {
        fn();
      } catch (e) {
        fail(e);
      }
      record(t);
      return pm;
    };
    test.skip = (name: unknown) => {
      record({ name: String(name), passed: false, skipped: true });
      return pm;
    };

    const request = messages.request(input.request);
    const r = input.response;
    const response = input.eventName === 'test' ? messages.response(r) : undefined;

    const pm: any = {
      info: { eventName: input.eventName, iteration: input.iteration, iterationCount: input.iterationCount, requestName: input.requestName, requestId: input.requestId },
      environment,
      collectionVariables: scopeApi('collection'),
      globals: scopeApi('globals'),
      variables,
      iterationData,
      request,
      response,
      test,
      expect: chai.expect,
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
      execution: {
        setNextRequest,
        skipRequest(): void {
          // Postman's sandbox: only a prerequest script can skip its request; elsewhere the call throws this TypeError.
          if (input.eventName !== 'prerequest') throw new TypeError('pm.execution.skipRequest is not a function');
          out.skipRequest = true;
          throw SKIP;
        },
      },
    };

    const noop = () => undefined;
    const console = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop };
    const legacyTests: Record<string, unknown> = {};
    const snapshot = (name: string) => scopeApi(name).toObject();
    const legacySet = (name: string) => (key: unknown, value: unknown) => {
      if ((value === false || value) && typeof (value as any).toString === 'function') value = (value as any).toString();
      scopeApi(name).set(key, value);
    };
    const postman = {
      setEnvironmentVariable: legacySet('environment'),
      getEnvironmentVariable: (k: unknown) => environment.get(k),
      clearEnvironmentVariable: (k: unknown) => environment.unset(k),
      clearEnvironmentVariables: () => environment.clear(),
      setGlobalVariable: legacySet('globals'),
      getGlobalVariable: (k: unknown) => pm.globals.get(k),
      clearGlobalVariable: (k: unknown) => pm.globals.unset(k),
      clearGlobalVariables: () => pm.globals.clear(),
      setNextRequest,
      getResponseHeader: (k: unknown) => (response ? response.headers.get(k) : undefined),
    };
    const responseHeaders: Record<string, string> = {};
    if (r) for (const h of r.headers as Array<[string, string]>) responseHeaders[h[0]] = h[1];
    const isTest = input.eventName === 'test';
    const args = [
      pm,
      console,
      legacyTests,
      isTest && r ? r.body : undefined,
      isTest ? { code: r ? r.code : 0, name: r ? r.status : '', detail: r ? r.status : '' } : undefined,
      isTest && r ? r.responseTime : undefined,
      isTest ? responseHeaders : undefined,
      input.iteration,
      snapshot('environment'),
      snapshot('globals'),
      snapshot('data'),
      postman,
      json.legacyJSON,
    ];

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
      for (const key of Object.keys(legacyTests)) {
        const passed = Boolean(legacyTests[key]);
        record(passed ? { name: key, passed, skipped: false } : { name: key, passed, skipped: false, message: 'expected ' + String(legacyTests[key]) + ' to be truthy', errorName: 'AssertionError' });
      }
      for (const name of SCOPES) if (scope(name).changed) out.scopes[name] = pairs(scope(name).map);
    }

    /** The error escaping the script, or undefined for pm.execution.skipRequest()'s stop. */
    const escaped = (e: unknown): { name: string; message: string } | undefined => (e === SKIP ? undefined : describe(e));

    return { args, response, describe, escaped, finish };
  };
}
