/**
 * Facts every reporter shows the same way: Salesforce API usage (from the last Sforce-Limit-Info header seen), the
 * run's properties (env, engine, flow) and display names for requests that stay unique (never collapsed).
 */
import type { RequestResult } from '../engine/result';
import type { CheckedRun } from '../check';

export interface ApiUsage {
  /** The header value as received, e.g. "api-usage=18/15000". */
  header: string;
  used?: number;
  max?: number;
}

/** The last Sforce-Limit-Info header of the run (requests in run order), parsed when it has the api-usage form. */
export function apiUsage(requests: readonly RequestResult[]): ApiUsage | undefined {
  for (let i = requests.length - 1; i >= 0; i--) {
    const h = requests[i]?.response?.headers.find((x) => x.key.toLowerCase() === 'sforce-limit-info');
    if (!h) continue;
    const m = /api-usage=(\d+)\/(\d+)/i.exec(h.value);
    return m ? { header: h.value, used: Number(m[1]), max: Number(m[2]) } : { header: h.value };
  }
  return undefined;
}

export function apiUsageText(u: ApiUsage | undefined): string {
  if (!u) return 'not reported';
  if (u.used === undefined || u.max === undefined) return u.header;
  const pct = u.max > 0 ? ` (${((u.used / u.max) * 100).toFixed(1)}%)` : '';
  return `${u.used}/${u.max}${pct}`;
}

export interface RunProperty {
  name: string;
  value: string;
}

/** What the terminal and the reports say of a run made with -k/--insecure. */
export const INSECURE_NOTE = 'NOT VERIFIED (--insecure): server certificates were accepted without checking who issued them';

export function runProperties(run: CheckedRun): RunProperty[] {
  return [
    { name: 'env', value: run.environment ?? '' },
    { name: 'engine', value: run.engine },
    { name: 'flow', value: run.collection.name },
    { name: 'iterations', value: String(run.iterations) },
    { name: 'api usage', value: apiUsageText(apiUsage(run.requests)) },
    ...(run.certificatesNotVerified ? [{ name: 'certificates', value: INSECURE_NOTE }] : []),
  ];
}

/** "Folder / Request", with the iteration when the run has more than one. */
export function requestLabel(r: RequestResult, iterations: number): string {
  const name = r.path.length > 0 ? r.path.join(' / ') : r.name;
  return iterations > 1 ? `${name} (iteration ${r.iteration})` : name;
}

/**
 * Makes names unique in order of appearance: the second "x" becomes "x [2]". CI tools key results by name; two
 * results with one name would be merged into one (newman#3191), so each keeps its own.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n} [${count}]`;
  });
}
