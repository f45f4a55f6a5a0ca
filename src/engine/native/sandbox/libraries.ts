/**
 * The sandbox worker's side of the script libraries (./side-libs.ts): source text of the libraries evaluated inside
 * the vm context, and the two that run in this realm on strings (xml2js, csv-parse). Everything is loaded on first
 * use; answers are strings (JSON for parse results), never objects, and nothing here throws.
 */
import { readFileSync } from 'node:fs';
import { dynamicValue } from '../dynamic';

/** Library name -> the file evaluated in the context (one self-contained CommonJS/UMD file each). */
const SOURCES: Readonly<Record<string, string>> = {
  lodash: 'lodash/lodash.min.js',
  'crypto-js': 'crypto-js/crypto-js.js',
  moment: 'moment/min/moment.min.js',
};
const sources = new Map<string, string>();

export function hostLibrary(op: string, a: unknown, b: unknown): string | undefined {
  try {
    if (op === 'lib') return source(a);
    if (op === 'xml2js') return xml2js(String(a), options(b));
    if (op === 'csv') return csv(String(a), options(b));
    if (op === 'dynamic') return JSON.stringify({ value: dynamicValue(String(a)) });
  } catch (err) {
    return JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
  }
  return undefined;
}

function source(name: unknown): string | undefined {
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(SOURCES, name)) return undefined;
  let text = sources.get(name);
  if (text === undefined) {
    text = readFileSync(require.resolve(SOURCES[name] as string), 'utf8');
    sources.set(name, text);
  }
  return text;
}

function options(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string') return {};
  const parsed = JSON.parse(text) as unknown;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** xml2js 0.4.23, synchronously (async: false calls back before parseString returns). */
function xml2js(xml: string, opts: Record<string, unknown>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('xml2js') as { parseString: (xml: string, o: object, cb: (err: unknown, result: unknown) => void) => void };
  let answer: string | undefined;
  lib.parseString(xml, { ...opts, async: false }, (err, result) => {
    answer ??= err ? JSON.stringify({ error: err instanceof Error ? err.message : String(err) }) : JSON.stringify({ result: result ?? null });
  });
  return answer ?? JSON.stringify({ error: 'xml2js: the parser did not finish' });
}

/** csv-parse 4's synchronous parser (Postman's require('csv-parse/lib/sync')). */
function csv(text: string, opts: Record<string, unknown>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parse = require('csv-parse/lib/sync') as (input: string, o: object) => unknown;
  return JSON.stringify({ result: parse(text, opts) });
}
