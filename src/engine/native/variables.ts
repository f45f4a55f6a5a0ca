/**
 * Variable scopes and `{{name}}` substitution, following postman-collection's semantics:
 * local, then the iteration's data row, environment, collection, globals (first match wins, looking in that order),
 * the last enabled duplicate of a key wins, nested references resolve (at most 19 passes), and
 * unresolved references are left in place (newman sends them as they are).
 */
import { dynamicValue } from './dynamic';
import type { VariableValue } from '../result';

/** The scopes scripts can change (the data row is read-only). */
export type ScopeName = 'local' | 'environment' | 'collection' | 'globals';
/** Lookup order of the writable scopes, highest precedence first; the data row sits between local and environment. */
export const SCOPE_ORDER: readonly ScopeName[] = ['local', 'environment', 'collection', 'globals'];

export type VariableType = VariableValue['type'];

interface Stored {
  value: unknown;
  type: VariableType;
}

/** A variable definition as collections and environments write it. */
export interface VariableDefinition {
  key?: unknown;
  id?: unknown;
  value?: unknown;
  type?: unknown;
  enabled?: unknown;
  disabled?: unknown;
}

/** One scope: enabled variables only, in first-definition order; a Map so no key can touch a prototype. */
export class VariableStore {
  private readonly vars = new Map<string, Stored>();

  constructor(definitions?: readonly VariableDefinition[] | unknown) {
    if (!Array.isArray(definitions)) return;
    for (const def of definitions as unknown[]) {
      if (!def || typeof def !== 'object') continue;
      const d = def as VariableDefinition;
      if (d.enabled === false || d.disabled === true) continue;
      // postman-collection indexes variables by `key` only: a v2.0 variable with just an `id` is never resolved.
      const rawKey = d.key;
      if (typeof rawKey !== 'string' || rawKey === '') continue;
      // Only "secret" matters downstream (redaction); everything else is reported as "default", as the newman engine does.
      const type: VariableType = d.type === 'secret' ? 'secret' : 'default';
      this.vars.set(rawKey, { value: d.value, type });
    }
  }

  has(key: string): boolean {
    return this.vars.has(key);
  }

  get(key: string): unknown {
    return this.vars.get(key)?.value;
  }

  set(key: string, value: unknown): void {
    const existing = this.vars.get(key);
    this.vars.set(key, { value, type: existing?.type ?? 'default' });
  }

  /** Key/value pairs for the sandbox (values as JSON-compatible as they came in). */
  pairs(): Array<[string, unknown]> {
    return [...this.vars].map(([k, v]) => [k, v.value]);
  }

  /** Replace the content with what a script left, keeping the type of keys that already existed. */
  replaceWith(pairs: ReadonlyArray<readonly [string, unknown]>): void {
    const old = new Map(this.vars);
    this.vars.clear();
    for (const [key, value] of pairs) {
      this.vars.set(key, { value, type: old.get(key)?.type ?? 'default' });
    }
  }

  /** Values as text: null and undefined become "" (as the newman engine reports them), the rest String(). */
  export(): VariableValue[] {
    return [...this.vars].map(([key, v]) => ({ key, value: v.value === null ? '' : stringifyValue(v.value), type: v.type }));
  }
}

/**
 * The writable scopes, plus the current iteration's data row (-d): a plain object in postman-runtime, so a key whose
 * value is null or undefined stays unresolved (and hides the scopes below it), as there.
 */
export type Scopes = Record<ScopeName, VariableStore> & { data?: ReadonlyMap<string, unknown> };

/** A data row as a Map (no key can reach a prototype), in the row's key order. */
export function dataRow(row: Record<string, unknown> | undefined): ReadonlyMap<string, unknown> {
  return new Map(row && typeof row === 'object' ? Object.entries(row) : []);
}

/** postman-collection's Variable#toString: null -> "null", undefined -> "", anything else String(). */
export function stringifyValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}

export const VARIABLE_PATTERN = /\{\{([^{}]*?)\}\}/g;
const MAX_PASSES = 19;

/** The resolved string value of a variable name across scopes, or undefined when no scope defines it. */
export function lookup(scopes: Scopes, name: string): string | undefined {
  for (const scope of SCOPE_ORDER) {
    if (scope === 'environment' && scopes.data?.has(name)) {
      const value = scopes.data.get(name);
      return value === null || value === undefined ? undefined : stringifyValue(value);
    }
    const store = scopes[scope];
    if (store.has(name)) return stringifyValue(store.get(name));
  }
  return dynamicValue(name);
}

/** Replace `{{name}}` references; unresolved ones stay as they are. */
export function substitute(text: string, scopes: Scopes): string {
  if (!text.includes('{{')) return text;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    const next = current.replace(VARIABLE_PATTERN, (match: string, name: string) => {
      const value = lookup(scopes, name);
      if (value === undefined) return match;
      changed = true;
      return value;
    });
    current = next;
    if (!changed || !current.includes('{{')) break;
  }
  return current;
}

/**
 * The `{{references}}` left in what a request sent (URL before percent-encoding, "Key: value" headers, body), each
 * once, in order of appearance. Names with whitespace are not taken for variables (as in the newman engine's scan).
 */
export function unresolvedReferences(texts: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    if (!text.includes('{{')) continue;
    for (const m of text.matchAll(/\{\{([^{}\s]+)\}\}/g)) names.add(m[1] ?? '');
  }
  return [...names];
}

/** Substitutes variables in the texts of one request. */
export class Resolver {
  constructor(private readonly scopes: Scopes) {}

  resolve(text: string): string {
    return substitute(text, this.scopes);
  }

  /** For values that may be non-strings in a collection (numbers, booleans): String() them first. */
  resolveValue(value: unknown): string {
    return this.resolve(value === undefined || value === null ? '' : stringifyValue(value));
  }
}
