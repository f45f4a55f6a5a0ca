/**
 * Postman's dynamic variables ({{$guid}}, {{$randomFirstName}}, … — 118 names): the common few are built in, the rest
 * come from postman-collection's own table (the generators Postman and newman use), loaded on first use so a run that
 * uses none pays nothing for it.
 */
import { randomInt, randomUUID } from 'node:crypto';

type Generator = () => unknown;

const BUILT_IN: Readonly<Record<string, Generator>> = {
  $guid: () => randomUUID(),
  $randomUUID: () => randomUUID(),
  $timestamp: () => String(Math.floor(Date.now() / 1000)),
  $isoTimestamp: () => new Date().toISOString(),
  $randomInt: () => String(randomInt(0, 1001)),
};

let table: Readonly<Record<string, { generator?: Generator }>> | undefined;

function postmanTable(): Readonly<Record<string, { generator?: Generator }>> {
  if (!table) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      table = require('postman-collection/lib/superstring/dynamic-variables') as Record<string, { generator?: Generator }>;
    } catch {
      table = {};
    }
  }
  return table;
}

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A fresh value of the dynamic variable `name`, or undefined when Postman has no such name. */
export function dynamicValue(name: string): string | undefined {
  if (!name.startsWith('$')) return undefined;
  if (own(BUILT_IN, name)) return String((BUILT_IN[name] as Generator)());
  const t = postmanTable();
  const entry = own(t, name) ? t[name] : undefined;
  if (!entry || typeof entry.generator !== 'function') return undefined;
  const value = entry.generator();
  return value === undefined || value === null ? undefined : String(value);
}
