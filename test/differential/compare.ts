/**
 * Compares the views of one collection's two runs (newman, the oracle, and native) and lists every difference, per
 * request and for the run; then sorts each difference into allowed (a documented deliberate difference), pending (a
 * feature another branch is building) or failing.
 */
import { ALLOW_LIST, type AllowEntry } from './allow-list';
import { PENDING, type PendingEntry } from './pending';
import type { RunView, WireView } from './views';

export interface Difference {
  collection: string;
  /** The request's label, or "(run)" for run-level fields. */
  request: string;
  field: string;
  newman: string;
  native: string;
}

export type Classified = Difference & { status: 'allowed' | 'pending' | 'failing'; why?: string };

export interface RequestAgreement {
  label: string;
  differences: Classified[];
}

export interface CaseComparison {
  collection: string;
  group: string;
  requests: RequestAgreement[];
  run: Classified[];
}

export const RUN = '(run)';

function show(v: string | string[] | undefined): string {
  if (v === undefined) return '(absent)';
  return Array.isArray(v) ? JSON.stringify(v) : v;
}

/** For lists, the items only one side has (order differences are named as such). */
function listDiff(a: string[], b: string[]): { newman: string; native: string } {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  if (onlyA.length === 0 && onlyB.length === 0) {
    return a.length === b.length ? { newman: `order ${JSON.stringify(a)}`, native: `order ${JSON.stringify(b)}` } : { newman: `${a.length} items ${JSON.stringify(a)}`, native: `${b.length} items ${JSON.stringify(b)}` };
  }
  return { newman: onlyA.length ? `only here: ${JSON.stringify(onlyA)}` : '(nothing more)', native: onlyB.length ? `only here: ${JSON.stringify(onlyB)}` : '(nothing more)' };
}

function diffFields(collection: string, request: string, a: Record<string, string | string[]>, b: Record<string, string | string[]>, prefix = ''): Difference[] {
  const out: Difference[] = [];
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[field];
    const y = b[field];
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    const shown = Array.isArray(x) && Array.isArray(y) ? listDiff(x, y) : { newman: show(x), native: show(y) };
    out.push({ collection, request, field: prefix + field, ...shown });
  }
  return out;
}

function wireFields(w: WireView): Record<string, string | string[]> {
  return { method: w.method, path: w.path, headers: w.headers, 'system headers': w.systemHeaders, body: w.body };
}

function diffWire(collection: string, request: string, a: WireView[], b: WireView[]): Difference[] {
  const out: Difference[] = [];
  if (a.length !== b.length) {
    out.push({ collection, request, field: 'wire.count', newman: `${a.length} received: ${a.map((w) => `${w.method} ${w.path}`).join(', ')}`, native: `${b.length} received: ${b.map((w) => `${w.method} ${w.path}`).join(', ')}` });
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const hop = i === 0 ? 'wire.' : `wire[${i}].`;
    out.push(...diffFields(collection, request, wireFields(a[i] as WireView), wireFields(b[i] as WireView), hop));
  }
  return out;
}

export function compareViews(collection: string, newman: RunView, native: RunView): { requests: Array<{ label: string; differences: Difference[] }>; run: Difference[] } {
  const nativeByKey = new Map(native.requests.map((r) => [r.key, r]));
  const newmanKeys = new Set(newman.requests.map((r) => r.key));
  const requests: Array<{ label: string; differences: Difference[] }> = [];
  for (const r of newman.requests) {
    const other = nativeByKey.get(r.key);
    if (!other) {
      requests.push({ label: r.label, differences: [{ collection, request: r.label, field: 'presence', newman: 'run', native: '(not in the native run)' }] });
      continue;
    }
    requests.push({ label: r.label, differences: [...diffFields(collection, r.label, r.fields, other.fields), ...diffWire(collection, r.label, r.wire, other.wire)] });
  }
  for (const r of native.requests) {
    if (newmanKeys.has(r.key)) continue;
    requests.push({ label: r.label, differences: [{ collection, request: r.label, field: 'presence', newman: '(not in the newman run)', native: 'run' }] });
  }
  const order = [...newman.requests.map((r) => r.key)].filter((k) => nativeByKey.has(k));
  const nativeOrder = native.requests.map((r) => r.key).filter((k) => newmanKeys.has(k));
  const run = diffFields(collection, RUN, newman.run, native.run);
  if (JSON.stringify(order) !== JSON.stringify(nativeOrder)) run.push({ collection, request: RUN, field: 'order', newman: order.join(' → '), native: nativeOrder.join(' → ') });
  run.push(...diffWire(collection, RUN, newman.strayWire, native.strayWire).map((d) => ({ ...d, field: `stray ${d.field}` })));
  return { requests, run };
}

/** "*" matches any run of characters; everything else literally. */
function matches(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

type Entry = Pick<AllowEntry, 'collection' | 'request' | 'field'>;

export function entryMatches(e: Entry, d: Difference): boolean {
  return matches(e.collection, d.collection) && matches(e.request, d.request) && matches(e.field, d.field);
}

export function classify(d: Difference, allow: readonly AllowEntry[] = ALLOW_LIST, pending: readonly PendingEntry[] = PENDING): Classified {
  const a = allow.find((e) => entryMatches(e, d));
  if (a) return { ...d, status: 'allowed', why: a.reason };
  const p = pending.find((e) => entryMatches(e, d));
  if (p) return { ...d, status: 'pending', why: `${p.feature} (branch ${p.branch})` };
  return { ...d, status: 'failing' };
}

/** Share of requests with no difference at all (strict: allowed and pending ones count against). */
export function agreement(c: CaseComparison, count: 'strict' | 'allowing' = 'strict'): { agree: number; total: number } {
  const ok = c.requests.filter((r) => r.differences.every((d) => count === 'allowing' && d.status === 'allowed'));
  return { agree: ok.length, total: c.requests.length };
}
