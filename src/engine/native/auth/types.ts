/**
 * The contract every auth type implements: read its (already variable-resolved) parameters and edit the outgoing
 * headers or query. One file per type; register it in ./index.ts.
 */
import type { KeyValue } from '../../result';

/** The request's query parameters before encoding (postman-collection's QueryParam list, as raw `k=v` segments). */
export interface QueryTarget {
  /** Removes every parameter whose key is `key` (exact match). */
  remove(key: string): void;
  /** Appends `key=value` (escaped as QueryParam.unparse does). */
  add(key: string, value: string): void;
}

export interface AuthTarget {
  method: string;
  url: string;
  /** Headers about to be sent, in order; an auth type may remove or append entries. */
  headers: KeyValue[];
  query: QueryTarget;
}

export interface AuthHandler {
  readonly type: string;
  /** `param(name)` returns the variable-resolved parameter value, or undefined when the collection omits it. */
  apply(param: (name: string) => string | undefined, target: AuthTarget): void;
}

/** Removes every header named `name` (case-insensitive), as postman-collection's removeHeader({ignoreCase}). */
export function removeHeader(headers: KeyValue[], name: string): void {
  const lower = name.toLowerCase();
  for (let i = headers.length - 1; i >= 0; i--) {
    if (headers[i]?.key.toLowerCase() === lower) headers.splice(i, 1);
  }
}
