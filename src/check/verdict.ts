/**
 * Pure: the run as engines returned it -> assertions per request, a verdict per request and for the run, and counts
 * that add up. Reporters read the CheckedRun; the CLI maps the run verdict to an exit code.
 */
import type { RequestError, RequestResult, RunResult } from '../engine/result';
import { toAssertion, type Assertion } from './assertion';
import { diagnoseRequests, type DiagnosisContext, type PreflightFinding, type RequestDiagnosis } from './diagnosis';

/**
 * passed: every assertion held; failed: an assertion or script failed; errored: the request never got a response;
 * skipped: the request was deliberately not sent (a run is never 'skipped': skipped requests count for nothing).
 */
export type Verdict = 'passed' | 'failed' | 'errored' | 'skipped';

export interface CheckedRequest extends RequestResult {
  assertions: Assertion[];
  verdict: Verdict;
  /** Failed or errored requests only: the root cause (a catalogue entry) or a pointer to it (./diagnosis/run.ts). */
  diagnosis?: RequestDiagnosis;
}

export interface Summary {
  requests: { total: number; passed: number; failed: number; errored: number; skipped: number };
  assertions: { total: number; passed: number; failed: number; skipped: number };
  /** Script, network and timeout errors across the run. */
  errors: number;
  verdict: Exclude<Verdict, 'skipped'>;
}

export interface CheckedRun extends Omit<RunResult, 'requests'> {
  requests: CheckedRequest[];
  summary: Summary;
  /** verify's offline checks before the run (absent for `run`). */
  preflight?: PreflightFinding[];
  /** true: server certificates were not verified (-k/--insecure); the reports say so. */
  certificatesNotVerified?: true;
}

const INFRASTRUCTURE: ReadonlySet<RequestError['kind']> = new Set(['network', 'timeout', 'engine']);

export function isInfrastructureError(e: RequestError): boolean {
  return INFRASTRUCTURE.has(e.kind);
}

export function checkRequest(r: RequestResult): CheckedRequest {
  const assertions = r.tests.map(toAssertion);
  let verdict: Verdict = 'passed';
  if (r.skipped && r.errors.length === 0 && r.tests.length === 0) verdict = 'skipped';
  else if (r.errors.some(isInfrastructureError)) verdict = 'errored';
  else if (r.errors.length > 0 || assertions.some((a) => !a.passed && !a.skipped)) verdict = 'failed';
  return { ...r, assertions, verdict };
}

/** `context`: what the caller knows about the run (verify: the flow, SF_LOGIN_URL); the rest is read from the tree. */
export function check(run: RunResult, context: DiagnosisContext = {}): CheckedRun {
  const checked = run.requests.map(checkRequest);
  const diagnoses = diagnoseRequests(checked, context);
  const requests = checked.map((r, i) => {
    const diagnosis = diagnoses[i];
    return diagnosis ? { ...r, diagnosis } : r;
  });
  const all = requests.flatMap((r) => r.assertions);
  const count = (v: Verdict) => requests.filter((r) => r.verdict === v).length;
  const summary: Summary = {
    requests: {
      total: requests.length,
      passed: count('passed'),
      failed: count('failed'),
      errored: count('errored'),
      skipped: count('skipped'),
    },
    assertions: {
      total: all.length,
      passed: all.filter((a) => a.passed).length,
      failed: all.filter((a) => !a.passed && !a.skipped).length,
      skipped: all.filter((a) => a.skipped).length,
    },
    errors: requests.reduce((n, r) => n + r.errors.length, 0) + (run.error ? 1 : 0),
    verdict: run.error || count('errored') > 0 ? 'errored' : count('failed') > 0 ? 'failed' : 'passed',
  };
  return { ...run, requests, summary };
}

/** The codes of the run's root diagnoses, in run order (a scenario's run must give exactly its one code). */
export function diagnosisCodes(run: Pick<CheckedRun, 'requests'>): string[] {
  return run.requests.flatMap((r) => (r.diagnosis?.role === 'root' ? [r.diagnosis.code] : []));
}
