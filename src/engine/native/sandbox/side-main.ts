/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * Runs once per context, after chai's browser bundle: takes chai off the global, installs the Postman assertions,
 * and defines two non-writable, non-configurable globals the host's fixed runner scripts call:
 *  - __sfExecute(): pulls the input JSON and the compiled script function from the host, runs the script, and
 *    returns the output JSON string (the runner script's completion value);
 *  - __sfPartial(): after a timeout, returns the tests recorded before the script was stopped.
 * The host functions stay in this closure; every call to them is wrapped so nothing they could throw reaches a script.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxMain(
  hostInput: () => unknown,
  hostFn: () => unknown,
  hostValidate: (schema: string, data: string, undef: boolean) => unknown,
  makeJson: () => { parse: (text: unknown) => unknown; legacyJSON: unknown },
  installChai: (chai: any, isResponse: (o: unknown) => boolean, isRequest: (o: unknown) => boolean, validate: (s: unknown, d: unknown) => { valid: boolean; text: string }) => void,
  makeMessages: (chai: any, json: { parse: (text: unknown) => unknown }, responses: WeakSet<object>, requests: WeakSet<object>) => { request: (input: any) => any; response: (input: any) => any },
  makePm: (
    chai: any,
    json: { parse: (text: unknown) => unknown; legacyJSON: unknown },
    messages: { request: (input: any) => any; response: (input: any) => any },
  ) => (input: any, out: any) => { args: unknown[]; describe: (e: unknown) => { name: string; message: string }; finish: () => void },
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
  const validate = (schema: unknown, data: unknown): { valid: boolean; text: string } => {
    const schemaText = stringify(schema);
    const undef = data === undefined;
    const dataText = undef ? '' : stringify(data);
    let raw: unknown;
    try {
      raw = hostValidate(String(schemaText), String(dataText === undefined ? '' : dataText), undef);
    } catch {
      raw = undefined;
    }
    if (typeof raw !== 'string') throw new Error('jsonSchema: schema validation is unavailable');
    const res = parse(raw);
    if (typeof res.error === 'string') throw new Error(res.error);
    return { valid: res.valid === true, text: String(res.text) };
  };
  installChai(
    chai,
    (o) => typeof o === 'object' && o !== null && responses.has(o),
    (o) => typeof o === 'object' && o !== null && requests.has(o),
    validate,
  );
  const build = makePm(chai, json, makeMessages(chai, json, responses, requests));

  let current: any = null;
  const fatal = (message: string): string => stringify({ tests: [], scopes: {}, error: { name: 'Error', message } });

  function execute(): string {
    const inputText = call0(hostInput);
    const fn = call0(hostFn);
    if (typeof inputText !== 'string' || inputText === '' || typeof fn !== 'function') return fatal('sandbox: no script to run');
    const out: any = { tests: [], scopes: {} };
    current = out;
    const api = build(parse(inputText), out);
    try {
      apply(fn, undefined, api.args);
    } catch (e) {
      out.error = api.describe(e);
    }
    api.finish();
    current = null;
    try {
      return stringify(out);
    } catch (e) {
      return fatal('sandbox: the script result could not be serialised: ' + api.describe(e).message);
    }
  }

  function partial(): string | null {
    const c = current;
    current = null;
    if (!c) return null;
    try {
      return stringify({ tests: c.tests, scopes: {} });
    } catch {
      return null;
    }
  }

  defineProperty(g, '__sfExecute', { value: execute, writable: false, configurable: false, enumerable: false });
  defineProperty(g, '__sfPartial', { value: partial, writable: false, configurable: false, enumerable: false });
}
