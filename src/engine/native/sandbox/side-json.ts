/**
 * SANDBOX-SIDE CODE: serialised with Function#toString and evaluated inside the vm context. It must stay
 * self-contained: no imports, no references to anything outside its own body (types are erased by tsc).
 *
 * JSON parsing for pm.response.json() with Postman's error shape: a `JSONError` whose message for the common failures
 * (empty body, whitespace only, a body that does not start like JSON, e.g. HTML) is worded as liquid-json/jju's
 * "Unexpected token '<' at 1:1\n<html>\n^". Other syntax errors keep V8's message under the JSONError name.
 * `legacyJSON` is what scripts see as `JSON`: Postman's sandbox replaces it with liquid-json, whose errors are
 * JSONErrors too.
 */
export function sandboxJson(): { parse: (text: unknown) => unknown; legacyJSON: unknown } {
  'use strict';
  const nativeParse = JSON.parse;
  const nativeStringify = JSON.stringify;
  const apply = Reflect.apply;
  const nativeJSON = JSON;
  const isTerminator = (c: string | undefined): boolean => c === '\n' || c === '\r';
  const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

  function format(input: string, msg: string, position: number, lineno: number, column: number): string {
    const result = msg + ' at ' + (lineno + 1) + ':' + (column + 1);
    let tmppos = position - column - 1;
    let srcline = '';
    let underline = '';
    if (tmppos < position - 70) tmppos = position - 70;
    for (;;) {
      const chr = input[++tmppos];
      if (isTerminator(chr) || tmppos === input.length) {
        if (position >= tmppos) underline += '^';
        break;
      }
      srcline += chr;
      if (position === tmppos) underline += '^';
      else if (position > tmppos) underline += input[tmppos] === '\t' ? '\t' : ' ';
      if (srcline.length > 78) break;
    }
    return result + '\n' + srcline + '\n' + underline;
  }

  function fail(message: string): never {
    const e = new Error(message);
    e.name = 'JSONError';
    throw e;
  }

  function parse(text: unknown, reviver?: unknown): unknown {
    let s = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    try {
      return typeof reviver === 'function' ? nativeParse(s, reviver as (k: string, v: unknown) => unknown) : nativeParse(s);
    } catch (err) {
      let position = 0;
      let lineno = 0;
      let linestart = 0;
      while (position < s.length && isSpace(s[position])) {
        const chr = s[position++];
        if (isTerminator(chr)) {
          if (chr === '\r' && s[position] === '\n') position++;
          linestart = position;
          lineno++;
        }
      }
      if (position >= s.length) {
        fail(format(s, position ? 'No data, only a whitespace' : 'No data, empty input', position, lineno, position - linestart));
      }
      const c = s[position] as string;
      if ('{["-0123456789tfn'.indexOf(c) === -1) {
        const token = "'" + nativeStringify(c).replace(/^"|"$/g, '').replace(/'/g, "\\'").replace(/\\"/g, '"') + "'";
        fail(format(s, 'Unexpected token ' + token, position, lineno, position - linestart));
      }
      fail(err && typeof (err as { message?: unknown }).message === 'string' ? (err as { message: string }).message : 'Invalid JSON');
    }
  }

  const legacyJSON = {
    parse: (text: unknown, reviver?: unknown) => parse(text, reviver),
    stringify(...args: unknown[]): string {
      try {
        return apply(nativeStringify, nativeJSON, args);
      } catch (e) {
        if (e && typeof e === 'object') (e as { name: string }).name = 'JSONError';
        throw e;
      }
    },
  };
  return { parse: (text: unknown) => parse(text), legacyJSON };
}
