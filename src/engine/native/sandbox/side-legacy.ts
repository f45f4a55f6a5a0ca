/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * Postman's legacy script globals for one execution (postman-sandbox's postman-legacy-interface): `postman`, `tests`,
 * `responseBody`, `responseCode`, `responseTime`, `responseHeaders`, `responseCookies`, `request`, `iteration`,
 * `environment`, `globals`, `data`. They are snapshots taken when the script starts (postman.set* also update the
 * `environment` / `globals` objects, as in Postman). The legacy `tests` object is read once the synchronous part of
 * the script has run.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxLegacy() {
  'use strict';
  // postman-sandbox: a value that is truthy or false, and has a toString, is stored as its string.
  const coerce = (value: unknown): unknown => ((value === false || value) && typeof (value as any).toString === 'function' ? (value as any).toString() : value);

  /** The legacy `postman` object (PostmanLegacyInterface; the test-script variant adds the response getters). */
  class LegacyPostman {
    constructor(
      private readonly pm: any,
      private readonly environment: Record<string, unknown>,
      private readonly globals: Record<string, unknown>,
      readonly setNextRequest: (what: unknown) => void,
    ) {}
    setEnvironmentVariable(key: unknown, value: unknown): void {
      value = coerce(value);
      this.environment[String(key)] = value;
      this.pm.environment.set(key, value);
    }
    getEnvironmentVariable(key: unknown): unknown {
      return this.pm.environment.get(key);
    }
    clearEnvironmentVariables(): void {
      for (const k of Object.keys(this.environment)) delete this.environment[k];
      this.pm.environment.clear();
    }
    clearEnvironmentVariable(key: unknown): void {
      if (key) delete this.environment[String(key)];
      this.pm.environment.unset(key);
    }
    setGlobalVariable(key: unknown, value: unknown): void {
      value = coerce(value);
      this.globals[String(key)] = value;
      this.pm.globals.set(key, value);
    }
    getGlobalVariable(key: unknown): unknown {
      return this.pm.globals.get(key);
    }
    clearGlobalVariables(): void {
      for (const k of Object.keys(this.globals)) delete this.globals[k];
      this.pm.globals.clear();
    }
    clearGlobalVariable(key: unknown): void {
      if (key) delete this.globals[String(key)];
      this.pm.globals.unset(key);
    }
  }
  class LegacyTestPostman extends LegacyPostman {
    constructor(pm: any, environment: Record<string, unknown>, globals: Record<string, unknown>, setNextRequest: (what: unknown) => void, private readonly cookies: any) {
      super(pm, environment, globals, setNextRequest);
    }
    getResponseHeader(name: unknown): unknown {
      const response = (this as any).pm.response;
      return response && response.headers ? response.headers.get(name) : undefined;
    }
    getResponseCookie(name: unknown): unknown {
      return this.cookies.one(String(name));
    }
  }

  /** postman-sandbox's request.data: raw text, or the form fields as an object (repeated keys as arrays). */
  function requestData(req: any): unknown {
    const body = req && req.body;
    if (!body || !body.mode) return {};
    if (body.mode === 'raw') return body.raw === undefined || body.raw === '' ? {} : body.raw;
    if (body.mode !== 'urlencoded' && body.mode !== 'formdata') return {};
    const o: Record<string, unknown> = {};
    const list = body[body.mode];
    for (const p of list && typeof list.all === 'function' ? list.all() : Array.isArray(list) ? list : []) {
      if (!p || p.disabled) continue;
      const prev = o[p.key];
      if (prev === undefined) o[p.key] = p.value;
      else if (Array.isArray(prev)) prev.push(p.value);
      else o[p.key] = [prev, p.value];
    }
    return o;
  }

  return function legacy(
    input: any,
    pm: any,
    cookies: any,
    record: (test: any) => void,
    setNextRequest: (what: unknown) => void,
  ): { names: string[]; values: unknown[]; afterSync: () => void } {
    const isTest = input.eventName === 'test';
    const r = input.response;
    const tests: Record<string, unknown> = {};
    const environment: Record<string, unknown> = pm.environment.toObject();
    const globals: Record<string, unknown> = pm.globals.toObject();
    const data: Record<string, unknown> = pm.iterationData.toObject();
    const postman = isTest ? new LegacyTestPostman(pm, environment, globals, setNextRequest, cookies) : new LegacyPostman(pm, environment, globals, setNextRequest);

    // HeaderList#toObject(excludeDisabled, caseSensitive = false, multiValue): lower-case keys, repeated ones as arrays.
    const reqIn = input.request;
    const headers: Record<string, unknown> = {};
    for (const h of reqIn.headers as Array<[string, string]>) {
      const k = h[0].toLowerCase();
      headers[k] = Object.prototype.hasOwnProperty.call(headers, k) ? ([] as unknown[]).concat(headers[k], h[1]) : h[1];
    }
    const legacyRequest = { id: input.requestId, name: input.requestName, description: undefined, headers, method: reqIn.method, url: reqIn.url, data: requestData(pm.request) };

    const names = ['postman', 'tests', 'environment', 'globals', 'data', 'request', 'iteration'];
    const values: unknown[] = [postman, tests, environment, globals, data, legacyRequest, input.iteration];
    if (isTest) {
      const responseHeaders: Record<string, string> = {};
      if (r) for (const h of r.headers as Array<[string, string]>) responseHeaders[h[0]] = h[1];
      names.push('responseBody', 'responseCode', 'responseTime', 'responseHeaders', 'responseCookies');
      values.push(
        r ? r.body : undefined,
        r ? { code: r.code, name: r.status, detail: r.status } : { code: NaN, name: '', details: '' },
        r ? r.responseTime : NaN,
        responseHeaders,
        cookies.all(),
      );
    }

    /** Postman raises the legacy `tests` entries as assertions once the synchronous part of the script is over. */
    function afterSync(): void {
      for (const key of Object.keys(tests)) {
        const passed = Boolean(tests[key]);
        record(passed ? { name: key, passed, skipped: false } : { name: key, passed, skipped: false, message: 'expected ' + String(tests[key]) + ' to be truthy', errorName: 'AssertionError' });
      }
    }

    return { names, values, afterSync };
  };
}
