/**
 * What `sfcheck explain` asks: a diagnosis code (SFD_AUTH_FAILURE), an error code (invalid_grant, INVALID_SESSION_ID,
 * Bad_OAuth_Token, ENOTFOUND) or text pasted from anywhere (a JSON body, a log line, a form-encoded authorize error).
 */
import { CATALOGUE, entryByCode, KNOWN_CODES } from './catalogue';
import { textEvidence } from './evidence';
import { candidateEntries, diagnosisOf, matchingEntries } from './match';
import type { Diagnosis, DiagnosisContext } from './types';

export interface Lookup {
  /** 'code': a diagnosis code; 'match': the text matched one entry; 'candidates': an error code several entries share. */
  kind: 'code' | 'match' | 'candidates' | 'none';
  diagnoses: Diagnosis[];
}

export function lookup(input: string, ctx: DiagnosisContext = {}): Lookup {
  const text = input.trim();
  if (!text) return { kind: 'none', diagnoses: [] };
  const byCode = /^SFD_[A-Z_]+$/i.test(text) ? entryByCode(text) : undefined;
  if (byCode) return { kind: 'code', diagnoses: [diagnosisOf(byCode, undefined, ctx)] };
  const e = textEvidence(text, KNOWN_CODES);
  const best = matchingEntries(e, ctx)[0];
  if (best) return { kind: 'match', diagnoses: [diagnosisOf(best, e, ctx)] };
  const candidates = candidateEntries(e);
  if (candidates.length > 0) return { kind: 'candidates', diagnoses: candidates.map((c) => diagnosisOf(c, undefined, ctx)) };
  return { kind: 'none', diagnoses: [] };
}

/** Codes and titles, for "nothing matched: known diagnoses are …". */
export function catalogueIndex(): Array<{ code: string; title: string; signature: string }> {
  return CATALOGUE.map((e) => ({ code: e.code, title: e.title, signature: e.signature }));
}
