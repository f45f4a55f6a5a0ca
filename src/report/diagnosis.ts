/**
 * A diagnosis as text, shared by the terminal reporter, JUnit bodies and `sfcheck explain`: the code and title, what
 * was seen, context notes, the causes most likely first (each with how to confirm and the fix), the guide step and the
 * Salesforce doc. Callers redact.
 */
import type { CheckedRequest, Diagnosis, PreflightFinding, RequestDiagnosis } from '../check';

export interface DiagnosisTextOptions {
  indent?: string;
  /** confirm/fix for every cause (explain); otherwise the first cause in full and the others one line each. */
  full?: boolean;
}

export function diagnosisLines(d: Diagnosis, opts: DiagnosisTextOptions = {}): string[] {
  const i = opts.indent ?? '';
  const lines = [`${i}diagnosis ${d.code}: ${d.title}`, `${i}  seen: ${d.evidence}`];
  if (d.notes.length) lines.push(`${i}  ${d.notes.join(' · ')}`);
  lines.push(`${i}  probable causes, most likely first:`);
  d.causes.forEach((c, k) => {
    lines.push(`${i}    ${k + 1}. ${c.cause}`);
    if (opts.full || k === 0) {
      lines.push(`${i}       confirm: ${c.confirm}`, `${i}       fix: ${c.fix}`);
      if (c.guideStep && c.guideStep !== d.guideStep) lines.push(`${i}       guide: ${c.guideStep}`);
    }
  });
  lines.push(`${i}  guide: ${d.guideStep}`, `${i}  doc: ${d.doc}`);
  return lines;
}

/** One line for a request that failed because an earlier one did. */
export function consequenceLine(d: Extract<RequestDiagnosis, { role: 'consequence' }>): string {
  return `consequence of "${d.rootRequest.name}"${d.code ? ` (${d.code})` : ''}: fix that first`;
}

/** The lines a checked request's diagnosis adds (none when it has none). */
export function requestDiagnosisLines(r: Pick<CheckedRequest, 'diagnosis'>, opts: DiagnosisTextOptions = {}): string[] {
  const d = r.diagnosis;
  if (!d) return [];
  return d.role === 'root' ? diagnosisLines(d, opts) : [`${opts.indent ?? ''}${consequenceLine(d)}`];
}

/** `[SFD_AUTH_FAILURE] Salesforce refused the username and password` for one-line places (JUnit message). */
export function diagnosisTag(r: Pick<CheckedRequest, 'diagnosis'>): string {
  const d = r.diagnosis;
  if (!d) return '';
  return d.role === 'root' ? `[${d.code}] ${d.title}` : d.code ? `[${d.code}] consequence of "${d.rootRequest.name}"` : `consequence of "${d.rootRequest.name}"`;
}

export function preflightLines(findings: readonly PreflightFinding[], indent = ''): string[] {
  const mark = { ok: '✔', warn: '!', info: '·' } as const;
  return findings.map((f) => `${indent}${mark[f.level]} ${f.message}${f.fix ? ` — ${f.fix}` : ''}`);
}
