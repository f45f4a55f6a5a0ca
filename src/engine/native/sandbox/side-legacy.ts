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
export function sandboxLegacy(
  input: any,
  pm: any,
  response: any,
  cookies: any,
  record: (test: any) => void,
  setNextRequest: (what: unknown) => void,
): { names: string[]; values: unknown[]; afterSync: () => void } {
  'use strict';
  const isTest = input.eventName === 'test';
  const r = input.response;
  const tests: Record<string, unknown> = {};
  const environment: Record<string, unknown> = pm.environment.toObject();
  const globals: Record<string, unknown> = pm.globals.toObject();
  const data: Record<string, unknown> = pm.iterationData.toObject();

  // postman-sandbox: a value that is truthy or false, and has a toString, is stored as its string.
  const coerce = (value: unknown): unknown => ((value === false || value) && typeof (value as any).toString === 'function' ? (value as any).toString() : value);
  const postman: any = {
    setEnvironmentVariable(key: unknown, value: unknown): void {
      value = coerce(value);
      environment[String(key)] = value;
      pm.environment.set(key, value);
    },
    getEnvironmentVariable: (key: unknown) => pm.environment.get(key),
    clearEnvironmentVariables(): void {
      for (const k of Object.keys(environment)) delete environment[k];
      pm.environment.clear();
    },
    clearEnvironmentVariable(key: unknown): void {
      if (key) delete environment[String(key)];
      pm.environment.unset(key);
    },
    setGlobalVariable(key: unknown, value: unknown): void {
      value = coerce(value);
      globals[String(key)] = value;
      pm.globals.set(key, value);
    },
    getGlobalVariable: (key: unknown) => pm.globals.get(key),
    clearGlobalVariables(): void {
      for (const k of Object.keys(globals)) delete globals[k];
      pm.globals.clear();
    },
    clearGlobalVariable(key: unknown): void {
      if (key) delete globals[String(key)];
      pm.globals.unset(key);
    },
    setNextRequest,
  };
  if (isTest) {
    postman.getResponseHeader = (name: unknown) => (response && response.headers ? response.headers.get(name) : undefined);
    postman.getResponseCookie = (name: unknown) => cookies.one(String(name));
  }

  const req = pm.request;
  const requestBody = (): unknown => {
    const body = req && req.body;
    if (!body || !body.mode) return {};
    if (body.mode === 'raw') return body.raw === undefined || body.raw === '' ? {} : body.raw;
    if (body.mode === 'urlencoded' || body.mode === 'formdata') {
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
    return {};
  };
  // HeaderList#toObject(excludeDisabled, caseSensitive = false, multiValue): lower-case keys, repeated ones as arrays.
  const headerObject = (): Record<string, unknown> => (req ? req.headers.toObject(true, false, true) : {});
  const legacyRequest = req
    ? { id: input.requestId, name: input.requestName, description: undefined, headers: headerObject(), method: req.method, url: String(req.url), data: requestBody() }
    : {};

  const responseHeaders: Record<string, string> = {};
  if (r) for (const h of r.headers as Array<[string, string]>) responseHeaders[h[0]] = h[1];

  const names = ['postman', 'tests', 'environment', 'globals', 'data', 'request', 'iteration'];
  const values: unknown[] = [postman, tests, environment, globals, data, legacyRequest, input.iteration];
  if (isTest) {
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
}
