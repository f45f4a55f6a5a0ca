/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * Runs once per context, after chai's browser bundle: takes chai off the global, installs the Postman assertions,
 * and defines one non-writable, non-configurable global the realm's fixed runner script calls:
 *  - __sfExecute(): pulls the input JSON, the response body text and the compiled script function from the host, runs
 *    the script, and returns the output JSON string (the runner script's completion value).
 * Each recorded test is also sent to the host as it happens (hostRecord), so a script stopped at the time limit keeps
 * the tests it recorded. pm.response's own jsonSchema check is validated on the host's parse of the body
 * (hostValidate with useBody), so the body is not serialised back out of the sandbox.
 * The host functions stay in this closure; every call to them is wrapped so nothing they could throw reaches a script.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxMain(
  hostInput: () => unknown,
  hostFn: () => unknown,
  hostBody: () => unknown,
  hostValidate: (schema: string, data: string, undef: boolean, useBody: boolean) => unknown,
  hostRecord: (line: string) => unknown,
  makeJson: () => { parse: (text: unknown) => unknown; legacyJSON: unknown },
  installChai: (
    chai: any,
    isResponse: (o: unknown) => boolean,
    isRequest: (o: unknown) => boolean,
    validate: (s: unknown, d: unknown) => { valid: boolean; text: string },
    validateBody: (o: unknown, s: unknown) => { valid: boolean; text: string } | undefined,
  ) => void,
  makeMessages: (
    chai: any,
    json: { parse: (text: unknown) => unknown },
    responses: WeakSet<object>,
    requests: WeakSet<object>,
  ) => { request: (input: any) => any; response: (input: any) => any; plainJson: (o: any) => boolean },
  makePm: (
    chai: any,
    json: { parse: (text: unknown) => unknown; legacyJSON: unknown },
    messages: { request: (input: any) => any; response: (input: any) => any },
    log: (test: unknown) => void,
  ) => (
    input: any,
    out: any,
  ) => {
    args: unknown[];
    response: unknown;
    describe: (e: unknown) => { name: string; message: string };
    escaped: (e: unknown) => { name: string; message: string } | undefined;
    finish: () => void;
  },
): void {
  'use strict';
  const g: any = globalThis;
  const chai = g.chai;
  delete g.chai;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;

  const call0 = (fn: () => unknown): unknown => {
    try {
      return fn();
    } catch {
      return undefined;
    }
  };

  const json = makeJson();
  const responses = new WeakSet<object>();
  const requests = new WeakSet<object>();
  const messages = makeMessages(chai, json, responses, requests);
  let currentResponse: unknown = null;

  const askHost = (schema: unknown, dataText: string, undef: boolean, useBody: boolean): any => {
    let raw: unknown;
    try {
      raw = hostValidate(String(stringify(schema)), dataText, undef, useBody);
    } catch {
      raw = undefined;
    }
    if (typeof raw !== 'string') throw new Error('jsonSchema: schema validation is unavailable');
    const res = parse(raw);
    if (typeof res.error === 'string') throw new Error(res.error);
    return res;
  };
  const validate = (schema: unknown, data: unknown): { valid: boolean; text: string } => {
    const undef = data === undefined;
    const dataText = undef ? '' : stringify(data);
    const res = askHost(schema, String(dataText === undefined ? '' : dataText), undef, false);
    return { valid: res.valid === true, text: String(res.text) };
  };
  // The running script's own pm.response, with Postman's json(): the host parses the same body text afresh, as
  // Postman's json() would. Anything else (another object, an overridden json) takes the sandbox path.
  const validateBody = (obj: unknown, schema: unknown): { valid: boolean; text: string } | undefined => {
    if (obj === null || obj !== currentResponse || !messages.plainJson(obj)) return undefined;
    const res = askHost(schema, '', false, true);
    if (res.noBody === true) return undefined;
    return { valid: res.valid === true, text: String(res.text) };
  };
  installChai(
    chai,
    (o) => typeof o === 'object' && o !== null && responses.has(o),
    (o) => typeof o === 'object' && o !== null && requests.has(o),
    validate,
    validateBody,
  );
  const log = (test: unknown): void => {
    try {
      hostRecord(stringify(test));
    } catch {
      // the log only matters for a script stopped at the time limit
    }
  };
  const build = makePm(chai, json, messages, log);

  const fatal = (message: string): string => stringify({ tests: [], scopes: {}, error: { name: 'Error', message } });

  function execute(): string {
    const inputText = call0(hostInput);
    const fn = call0(hostFn);
    if (typeof inputText !== 'string' || inputText === '' || typeof fn !== 'function') return fatal('sandbox: no script to run');
    const input = parse(inputText);
    if (input.response) {
      const body = call0(hostBody);
      input.response.body = typeof body === 'string' ? body : '';
    }
    const out: any = { tests: [], scopes: {} };
    const api = build(input, out);
    currentResponse = api.response;
    try {
      apply(fn, undefined, api.args);
    } catch (e) {
      const error = api.escaped(e);
      if (error) out.error = error;
    }
    api.finish();
    currentResponse = null;
    try {
      return stringify(out);
    } catch (e) {
      return fatal('sandbox: the script result could not be serialised: ' + api.describe(e).message);
    }
  }

  defineProperty(g, '__sfExecute', { value: execute, writable: false, configurable: false, enumerable: false });
}
