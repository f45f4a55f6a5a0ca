/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * The libraries Postman's sandbox offers scripts, as `require(name)` and as legacy globals (`_`, `CryptoJS`, `atob`,
 * `btoa`, `xml2Json`). Each is loaded on first use only, so a run that uses none pays nothing:
 *  - lodash, crypto-js, moment: their source text comes from the host (hostAsync 'lib') and is evaluated in this
 *    context, so their objects belong to the sandbox realm;
 *  - xml2js and csv-parse run in the host realm on strings (hostAsync 'xml2js' / 'csv'), results come back as JSON;
 *  - uuid, atob, btoa are small enough to live here; chai is the sandbox's own; ajv is a small class over the host's
 *    schema validator (the one pm.response.to.have.jsonSchema uses).
 * Any other name (node built-ins, fs, the libraries we do not ship) throws an error naming it and listing these.
 * Postman's legacy `_` is lodash 3; here it is lodash 4 (the only one installed).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function sandboxLibs(host: (op: string, id?: number, a?: unknown, b?: unknown) => unknown) {
  'use strict';
  const g: any = globalThis;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const AVAILABLE = ['lodash', 'crypto-js', 'moment', 'uuid', 'xml2js', 'chai', 'atob', 'btoa', 'csv-parse/lib/sync', 'ajv'];
  const UNSUPPORTED_GLOBALS = ['tv4', 'cheerio', 'Backbone'];
  const cache: Record<string, unknown> = Object.create(null);
  let chaiRef: any;

  const fromHost = (op: string, a?: unknown, b?: unknown): string => {
    let raw: unknown;
    try {
      raw = host(op, 0, a, b);
    } catch {
      raw = undefined;
    }
    if (typeof raw !== 'string') throw new Error(op + ': the sandbox host did not answer');
    return raw;
  };

  /** CommonJS/UMD source evaluated in this context with its own module object. */
  function evaluate(name: string): unknown {
    const source = fromHost('lib', name);
    const module: any = { exports: {} };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const fn = new Function('module', 'exports', 'define', source);
    fn.call(module.exports, module, module.exports, undefined);
    return module.exports;
  }

  // Postman's vendored uuid: a v4 generator that is also the module.
  const uuid: any = function () {
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
      const r = (Math.random() * 16) | 0;
      return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
    });
  };
  uuid.v4 = uuid;

  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  /** The npm `btoa` Postman ships: the string's UTF-16 units taken as bytes (latin1), base64-encoded. */
  function btoa(input: unknown): string {
    const s = String(input);
    let out = '';
    for (let i = 0; i < s.length; i += 3) {
      const a = s.charCodeAt(i) & 0xff;
      const b = i + 1 < s.length ? s.charCodeAt(i + 1) & 0xff : NaN;
      const c = i + 2 < s.length ? s.charCodeAt(i + 2) & 0xff : NaN;
      out += B64[a >> 2];
      out += B64[((a & 3) << 4) | (isNaN(b) ? 0 : b >> 4)];
      out += isNaN(b) ? '=' : B64[((b & 15) << 2) | (isNaN(c) ? 0 : c >> 6)];
      out += isNaN(c) ? '=' : B64[c & 63];
    }
    return out;
  }
  /** The npm `atob`: base64 (characters outside the alphabet ignored, as Buffer does) to a latin1 string. */
  function atob(input: unknown): string {
    const s = String(input).replace(/-/g, '+').replace(/_/g, '/');
    let bits = 0;
    let value = 0;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i] as string;
      if (ch === '=') break;
      const idx = B64.indexOf(ch);
      if (idx === -1) continue;
      value = (value << 6) | idx;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += String.fromCharCode((value >> bits) & 0xff);
      }
    }
    return out;
  }

  function xml2jsModule(): any {
    const parseString = (xml: unknown, options?: unknown, callback?: unknown): void => {
      const cb = typeof options === 'function' ? options : callback;
      const opts = typeof options === 'object' && options !== null ? options : {};
      const reply = parse(fromHost('xml2js', String(xml), stringify(opts)));
      if (typeof cb !== 'function') return;
      if (reply.error !== undefined) {
        const e = new Error(String(reply.error));
        (cb as (...a: unknown[]) => void)(e, undefined);
      } else (cb as (...a: unknown[]) => void)(null, reply.result);
    };
    class Parser {
      private readonly options: unknown;
      constructor(options?: unknown) {
        this.options = options;
      }
      parseString(xml: unknown, cb: unknown): void {
        parseString(xml, this.options ?? {}, cb);
      }
      parseStringPromise(xml: unknown): Promise<unknown> {
        return new Promise((resolve, reject) => parseString(xml, this.options ?? {}, (e: unknown, r: unknown) => (e ? reject(e) : resolve(r))));
      }
    }
    const parseStringPromise = (xml: unknown, options?: unknown) => new Parser(options).parseStringPromise(xml);
    return { parseString, parseStringPromise, Parser };
  }

  /** Postman's xml2Json(): xml2js with explicitArray false, trim, no attribute merging; errors give undefined. */
  function xml2Json(xml: unknown): unknown {
    let result: unknown = {};
    xml2jsModule().parseString(xml, { explicitArray: false, async: false, trim: true, mergeAttrs: false }, (_e: unknown, r: unknown) => {
      result = r;
    });
    return result;
  }

  /**
   * require('ajv'): Postman ships ajv 6; here validate/compile check with the host's ajv (draft-07, ajv 6 wording).
   * `errors` holds one entry whose message is the whole ajv 6 errorsText(); errorsText() gives that text.
   */
  function ajvModule(): unknown {
    const check = (schema: unknown, data: unknown): { valid: boolean; text: string } => {
      const dataText = data === undefined ? undefined : stringify(data);
      const reply = parse(fromHost('validate', stringify(schema), dataText));
      if (reply.error !== undefined) throw new Error(String(reply.error));
      return { valid: reply.valid === true, text: String(reply.text) };
    };
    class Ajv {
      errors: Array<{ message: string }> | null = null;
      constructor(_options?: unknown) {}
      validate(schema: unknown, data: unknown): boolean {
        const r = check(schema, data);
        this.errors = r.valid ? null : [{ message: r.text }];
        return r.valid;
      }
      compile(schema: unknown): (data: unknown) => boolean {
        const fn: any = (data: unknown): boolean => {
          const r = check(schema, data);
          fn.errors = r.valid ? null : [{ message: r.text }];
          return r.valid;
        };
        fn.errors = null;
        return fn;
      }
      errorsText(errors?: Array<{ message: string }> | null): string {
        const list = errors === undefined ? this.errors : errors;
        return list && list.length ? list.map((e) => e.message).join(', ') : 'No errors';
      }
      addFormat(): this {
        return this;
      }
    }
    return Ajv;
  }

  function csvSync(): unknown {
    return function parseCsv(text: unknown, options?: unknown): unknown {
      const reply = parse(fromHost('csv', String(text), stringify(options ?? {})));
      if (reply.error !== undefined) throw new Error(String(reply.error));
      return reply.result;
    };
  }

  function load(name: string): unknown {
    if (name in cache) return cache[name];
    let value: unknown;
    if (name === 'lodash' || name === 'crypto-js' || name === 'moment') value = evaluate(name);
    else if (name === 'uuid') value = uuid;
    else if (name === 'atob') value = atob;
    else if (name === 'btoa') value = btoa;
    else if (name === 'xml2js') value = xml2jsModule();
    else if (name === 'csv-parse/lib/sync') value = csvSync();
    else if (name === 'ajv') value = ajvModule();
    else if (name === 'chai') value = chaiRef;
    cache[name] = value;
    return value;
  }

  function requireFn(name: unknown): unknown {
    const id = String(name);
    if (AVAILABLE.indexOf(id) === -1) {
      const e = new Error("Cannot find module '" + id + "': sfcheck's native engine provides " + AVAILABLE.join(', '));
      (e as any).code = 'MODULE_NOT_FOUND';
      throw e;
    }
    return load(id);
  }

  /**
   * A global that loads its library on first read, then becomes a plain (writable) value. While it loads it reads
   * as undefined (lodash looks at the global `_` it may replace).
   */
  const lazy = (name: string, get: () => unknown): void => {
    let loading = false;
    Object.defineProperty(g, name, {
      get() {
        if (loading) return undefined;
        loading = true;
        let value: unknown;
        try {
          value = get();
        } finally {
          loading = false;
        }
        Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
        return value;
      },
      set(value: unknown) {
        Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
      enumerable: false,
    });
  };
  lazy('_', () => load('lodash'));
  lazy('CryptoJS', () => load('crypto-js'));
  lazy('atob', () => atob);
  lazy('btoa', () => btoa);
  lazy('xml2Json', () => xml2Json);
  for (const name of UNSUPPORTED_GLOBALS) {
    Object.defineProperty(g, name, {
      get() {
        const e = new Error(name + " is not supported by sfcheck's native engine");
        e.name = 'UnsupportedAPIError';
        throw e;
      },
      set(value: unknown) {
        Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
      },
      configurable: true,
      enumerable: false,
    });
  }

  return {
    requireFor(chai: any): (name: unknown) => unknown {
      chaiRef = chai;
      return requireFn;
    },
    /** A faker-backed dynamic variable ($randomEmail…) from the host; undefined when the name is not one. */
    dynamic(name: string): string | undefined {
      const reply = parse(fromHost('dynamic', name));
      return typeof reply.value === 'string' ? reply.value : undefined;
    },
  };
}
