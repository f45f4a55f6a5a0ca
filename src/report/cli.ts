/**
 * The terminal reporter. On a TTY outside CI a progress line (requests done / total, current request) is rewritten in
 * place; otherwise one plain line per request. Then a summary table and the verdict. Colour only when ctx.color
 * (NO_COLOR and --no-color turn it off). --verbose prints each request and response, redacted.
 */
import { checkRequest, diagnoseRequests, diagnosisCodes, type CheckedRequest, type CheckedRun } from '../check';
import type { KeyValue, RequestResult } from '../engine/result';
import { requestDiagnosisLines } from './diagnosis';
import { apiUsage, apiUsageText, requestLabel } from './facts';
import type { ReporterFactory } from './reporter';
import { retryNote } from './retries';

const paint = (on: boolean, code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
/** Body characters --verbose shows per request or response. */
export const VERBOSE_BODY_CHARS = 2000;

const statusOf = (r: RequestResult) => (r.response ? `${r.response.code} ${r.response.status}` : 'no response');
const msOf = (r: RequestResult) => (r.response ? `${Math.round(r.response.timeMs)} ms` : '');
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length - n} more characters)` : s);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

function dump(headers: readonly KeyValue[], body: string | undefined, indent: string): string[] {
  const lines = headers.map((h) => `${indent}${h.key}: ${h.value}`);
  if (body) lines.push(`${indent}`, ...cut(body, VERBOSE_BODY_CHARS).split('\n').map((l) => `${indent}${l}`));
  return lines;
}

export const cliReporter: ReporterFactory = (ctx) => {
  const green = paint(ctx.color, 32);
  const red = paint(ctx.color, 31);
  const yellow = paint(ctx.color, 33);
  const dim = paint(ctx.color, 2);
  const bold = paint(ctx.color, 1);
  const progress = ctx.progress;
  const out = (s: string) => {
    progress?.('');
    ctx.write(ctx.redactor.text(s));
  };
  const mark = (r: CheckedRequest) =>
    r.verdict === 'passed' ? green('✔') : r.verdict === 'failed' ? red('✘') : r.verdict === 'skipped' ? dim('-') : yellow('!');
  let iterations = 1;
  let done = 0;
  let total = 0;
  const seen: CheckedRequest[] = [];

  return {
    name: 'cli',
    onRunStart(info) {
      total = info.total;
      out(`${info.collection} — ${total} request${total === 1 ? '' : 's'} (engine: ${info.engine})`);
    },
    onRequestStart(info) {
      progress?.(ctx.redactor.text(`[${done}/${info.total}] ${info.path.join(' / ') || info.name} …`));
    },
    onRequestEnd(result, info) {
      ctx.redactor.learnFromRequest(result);
      done = info.index + 1;
      iterations = Math.max(iterations, result.iteration);
      const r = checkRequest(result);
      seen.push(r);
      const passed = r.assertions.filter((a) => a.passed && !a.skipped).length;
      const counted = r.assertions.filter((a) => !a.skipped).length;
      const retried = retryNote(r.retries);
      if (!progress || r.verdict !== 'passed' || ctx.verbose || retried) {
        out(`${mark(r)} ${requestLabel(r, iterations)}  ${dim(`${r.request.method} ${statusOf(r)} ${msOf(r)}`.trim())}  ${passed}/${counted} checks${retried ? `  ${yellow(`(${retried})`)}` : ''}`);
      }
      if (ctx.verbose) {
        out(dim(`    → ${r.request.method} ${r.request.url}`));
        for (const l of dump(r.request.headers, r.request.body, '      ')) out(dim(l));
        if (r.response) {
          out(dim(`    ← ${statusOf(r)}  ${msOf(r)}  ${r.response.size} bytes`));
          for (const l of dump(r.response.headers, r.response.body, '      ')) out(dim(l));
        }
      }
      for (const a of r.assertions) {
        if (!a.passed && !a.skipped) out(`    ${red('✘')} ${a.name}: expected ${a.expected ?? '?'}, actual ${a.actual ?? '?'}`);
        if (a.skipped && ctx.verbose) out(`    ${dim('-')} ${a.name}: skipped`);
      }
      for (const e of r.errors) out(`    ${yellow('!')} ${e.kind} error: ${e.message}`);
      // The diagnosis under the failing request: the same rule as check() applies to the whole run (src/check/diagnosis).
      if (r.verdict === 'failed' || r.verdict === 'errored') {
        const diagnosis = diagnoseRequests(seen).at(-1);
        for (const l of requestDiagnosisLines({ diagnosis }, { indent: '    ' })) out(diagnosis?.role === 'root' ? l : dim(l));
      }
      progress?.(ctx.redactor.text(`[${done}/${total || info.total}] ${requestLabel(r, iterations)} ${r.verdict}`));
    },
    onWarning(message) {
      out(`${yellow('warning')} ${message}`);
    },
    onChecked(run: CheckedRun) {
      const s = run.summary;
      out('');
      const rows = run.requests.map((r) => [requestLabel(r, run.iterations), `${r.request.method} ${statusOf(r)}`, msOf(r), `${r.assertions.filter((a) => a.passed && !a.skipped).length}/${r.assertions.filter((a) => !a.skipped).length}`]);
      const head = ['request', 'status', 'time', 'checks'];
      const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => [...(row[i] ?? '')].length)));
      const line = (cells: readonly string[]) => cells.map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd();
      out(dim(`  ${line(head)}`));
      run.requests.forEach((r, k) => out(`${mark(r)} ${line(rows[k] ?? [])}`));
      out('');
      // Skipped checks count neither as passed nor as failed (engines report pm.test.skip as passed: false).
      const held = run.requests.reduce((n, r) => n + r.assertions.filter((a) => a.passed && !a.skipped).length, 0);
      const verdict = s.verdict === 'passed' ? green('PASSED') : s.verdict === 'failed' ? red('FAILED') : yellow('ERRORED');
      out(
        `${bold(verdict)}  requests ${s.requests.passed}/${s.requests.total} passed` +
          (s.requests.failed ? `, ${s.requests.failed} failed` : '') +
          (s.requests.errored ? `, ${s.requests.errored} errored` : '') +
          (s.requests.skipped ? `, ${s.requests.skipped} skipped` : '') +
          `  ·  checks ${held}/${s.assertions.total - s.assertions.skipped} passed` +
          (s.assertions.failed ? `, ${s.assertions.failed} failed` : '') +
          (s.assertions.skipped ? `, ${s.assertions.skipped} skipped` : '') +
          `  ·  ${(run.durationMs / 1000).toFixed(2)} s` +
          `  ·  API usage ${apiUsageText(apiUsage(run.requests))}`,
      );
      if (run.error) out(`${red('engine error')}: ${run.error.message}`);
      const codes = diagnosisCodes(run);
      if (codes.length) out(`diagnosis: ${[...new Set(codes)].join(', ')} (sfcheck explain CODE for the details)`);
    },
  };
};
