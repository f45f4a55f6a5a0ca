/** The diagnosis catalogue: every known failure, one entry each, grouped in files by family. */
import { AUTHORIZE_ENTRIES } from './authorize';
import { GRANT_ENTRIES } from './grant';
import { NETWORK_ENTRIES } from './network';
import { REST_ENTRIES } from './rest';
import { TOKEN_ENTRIES } from './token';
import type { CatalogueEntry } from './types';
import { USERINFO_ENTRIES } from './userinfo';

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...TOKEN_ENTRIES,
  ...GRANT_ENTRIES,
  ...AUTHORIZE_ENTRIES,
  ...REST_ENTRIES,
  ...USERINFO_ENTRIES,
  ...NETWORK_ENTRIES,
];

export function entryByCode(code: string): CatalogueEntry | undefined {
  const c = code.trim().toUpperCase();
  return CATALOGUE.find((e) => e.code === c);
}

const distinct = (xs: Array<string | undefined>) => [...new Set(xs.filter((x): x is string => !!x))];

/** Every OAuth error, REST errorCode and network code the catalogue recognises (for reading pasted text). */
export const KNOWN_CODES = {
  errors: distinct(CATALOGUE.flatMap((e) => e.evidence.flatMap((p) => [...(p.error ?? [])]))),
  errorCodes: distinct(CATALOGUE.flatMap((e) => e.evidence.flatMap((p) => [...(p.errorCode ?? [])]))),
  networkCodes: distinct(CATALOGUE.flatMap((e) => e.evidence.flatMap((p) => [...(p.networkCode ?? [])]))),
};
