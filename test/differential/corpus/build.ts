/** Small builders for the corpus collections (Postman collection format v2.1 unless a case says otherwise). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvironmentInput } from '../../../src/engine';
import { ROOT } from '../../helpers';

export const CORPUS_DIR = join(ROOT, 'test', 'differential', 'corpus');
export const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
export const V20 = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';

type Json = Record<string, unknown>;

export function event(listen: 'prerequest' | 'test', lines: string[]): Json {
  return { listen, script: { type: 'text/javascript', exec: lines } };
}

export const pre = (...lines: string[]): Json => event('prerequest', lines);
export const test = (...lines: string[]): Json => event('test', lines);

export function item(name: string, request: unknown, opts: { events?: Json[]; extra?: Json } = {}): Json {
  return { id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name, request, ...(opts.events ? { event: opts.events } : {}), ...opts.extra };
}

export function folder(name: string, items: Json[], extra: Json = {}): Json {
  return { name, item: items, ...extra };
}

export function collection(name: string, items: Json[], extra: Json = {}, schema = V21): Json {
  return { info: { _postman_id: `differential-${name}`, name, schema }, item: items, ...extra };
}

export function env(name: string, values: Record<string, string>, disabled: Record<string, string> = {}): EnvironmentInput {
  return {
    name,
    values: [
      ...Object.entries(values).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
      ...Object.entries(disabled).map(([key, value]) => ({ key, value, type: 'default', enabled: false })),
    ],
  };
}

/** What `--env-var k=v` does: the value replaces (or adds) the environment's variable of that name. */
export function withEnvVars(base: EnvironmentInput, vars: Record<string, string>): EnvironmentInput {
  const values = base.values.filter((v) => !Object.prototype.hasOwnProperty.call(vars, v.key));
  return { ...base, values: [...values, ...Object.entries(vars).map(([key, value]) => ({ key, value, type: 'default', enabled: true }))] };
}

/** A `-d` JSON data file of the corpus, read as newman reads it: an array of objects, one per iteration. */
export function dataRows(file: string): Array<Record<string, unknown>> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'data', file), 'utf8')) as Array<Record<string, unknown>>;
}

/** A pm.test that passes when the expression (script source) is true; the name says what is checked. */
export const check = (name: string, expr: string): string => `pm.test(${JSON.stringify(name)}, function () { pm.expect(${expr}).to.equal(true); });`;

/** The echo server's JSON answer, parsed in a test script. */
export const ECHO = 'const echo = pm.response.json();';
