/**
 * The contract every auth type implements: read its (already variable-resolved) parameters and edit the outgoing
 * headers. One file per type; register it in ./index.ts.
 */
import type { KeyValue } from '../../result';

export interface AuthTarget {
  method: string;
  url: string;
  /** Headers about to be sent, in order; an auth type may remove or append entries. */
  headers: KeyValue[];
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
