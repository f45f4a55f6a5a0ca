/** Auth types the native engine knows, by Postman type name. */
import type { AuthDefinition } from '../collection';
import { apikey } from './apikey';
import { basic } from './basic';
import { bearer } from './bearer';
import { noauth } from './noauth';
import { oauth2 } from './oauth2';
import type { AuthHandler, AuthTarget } from './types';

export type { AuthHandler, AuthTarget, QueryTarget } from './types';

const HANDLERS: ReadonlyMap<string, AuthHandler> = new Map([noauth, bearer, basic, apikey, oauth2].map((h) => [h.type, h]));

/** Raw parameter value by key, from the v2.1 list form ([{key, value}]) or the v2.0 map form ({key: value}). */
export function rawAuthParam(params: unknown, name: string): unknown {
  if (Array.isArray(params)) {
    let found: unknown;
    for (const p of params) {
      if (p && typeof p === 'object' && (p as { key?: unknown }).key === name) found = (p as { value?: unknown }).value;
    }
    return found;
  }
  if (params && typeof params === 'object' && Object.prototype.hasOwnProperty.call(params, name)) {
    return (params as Record<string, unknown>)[name];
  }
  return undefined;
}

/**
 * Applies `auth` to `target`. Returns false when the type is unknown (the caller warns and sends without auth).
 * `resolve` substitutes variables in a raw parameter value.
 */
export function applyAuth(auth: AuthDefinition, target: AuthTarget, resolve: (raw: unknown) => string): boolean {
  const handler = HANDLERS.get(auth.type);
  if (!handler) return false;
  handler.apply((name) => {
    const raw = rawAuthParam(auth.params, name);
    return raw === undefined || raw === null ? undefined : resolve(raw);
  }, target);
  return true;
}
