/** Plain-text tables of differences and agreement figures (the report script and the test's failure messages). */
import { agreement, type CaseComparison, type Classified } from './compare';

const WIDTH = 70;

function cut(s: string, width = WIDTH): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > width ? `${one.slice(0, width - 1)}…` : one;
}

function pct(agree: number, total: number): string {
  return total === 0 ? '—' : `${((100 * agree) / total).toFixed(1)} %`;
}

export function differenceLine(d: Classified, full = false): string {
  const w = full ? 10_000 : WIDTH;
  const tag = d.status === 'failing' ? 'DIFF   ' : d.status === 'pending' ? 'pending' : 'allowed';
  return `  ${tag} ${d.field}\n      newman: ${cut(d.newman, w)}\n      native: ${cut(d.native, w)}${d.why ? `\n      (${d.why})` : ''}`;
}

/** Every request with a difference, then the run-level differences. */
export function caseTable(c: CaseComparison, opts: { full?: boolean; only?: Classified['status'][] } = {}): string {
  const keep = (d: Classified): boolean => !opts.only || opts.only.includes(d.status);
  const lines: string[] = [];
  const { agree, total } = agreement(c);
  lines.push(`== ${c.collection} (${c.group}): ${agree}/${total} requests agree (${pct(agree, total)})`);
  for (const r of c.requests) {
    const ds = r.differences.filter(keep);
    if (ds.length === 0) continue;
    lines.push(`- ${r.label}`);
    for (const d of ds) lines.push(differenceLine(d, opts.full));
  }
  const run = c.run.filter(keep);
  if (run.length > 0) {
    lines.push('- (run)');
    for (const d of run) lines.push(differenceLine(d, opts.full));
  }
  return lines.join('\n');
}

/** The agreement figures: per collection, per group, and counts of differences by status. */
export function summaryTable(cases: readonly CaseComparison[]): string {
  const rows: string[] = [];
  const head = `${'collection'.padEnd(32)} ${'group'.padEnd(10)} ${'agree'.padStart(9)} ${'strict %'.padStart(9)} ${'allowing %'.padStart(10)}  failing pending allowed`;
  rows.push(head, '-'.repeat(head.length));
  const groups = new Map<string, { agree: number; allowing: number; total: number }>();
  for (const c of cases) {
    const strict = agreement(c, 'strict');
    const allowing = agreement(c, 'allowing');
    const all = [...c.requests.flatMap((r) => r.differences), ...c.run];
    const count = (s: Classified['status']): number => all.filter((d) => d.status === s).length;
    rows.push(
      `${cut(c.collection, 32).padEnd(32)} ${c.group.padEnd(10)} ${`${strict.agree}/${strict.total}`.padStart(9)} ${pct(strict.agree, strict.total).padStart(9)} ${pct(allowing.agree, allowing.total).padStart(10)}  ${String(count('failing')).padStart(7)} ${String(count('pending')).padStart(7)} ${String(count('allowed')).padStart(7)}`,
    );
    const g = groups.get(c.group) ?? { agree: 0, allowing: 0, total: 0 };
    g.agree += strict.agree;
    g.allowing += allowing.agree;
    g.total += strict.total;
    groups.set(c.group, g);
  }
  rows.push('-'.repeat(head.length));
  for (const [group, g] of groups) rows.push(`${`all ${group}`.padEnd(32)} ${''.padEnd(10)} ${`${g.agree}/${g.total}`.padStart(9)} ${pct(g.agree, g.total).padStart(9)} ${pct(g.allowing, g.total).padStart(10)}`);
  return rows.join('\n');
}
