/** The terminal reporter: one line per request as it completes, then a summary. Plain text when colour is off. */
import { checkRequest, type CheckedRun } from '../check';
import type { ReporterFactory } from './reporter';

const paint = (on: boolean, code: number) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

export const cliReporter: ReporterFactory = (ctx) => {
  const green = paint(ctx.color, 32);
  const red = paint(ctx.color, 31);
  const yellow = paint(ctx.color, 33);
  const dim = paint(ctx.color, 2);
  const out = (s: string) => ctx.write(ctx.redactor.text(s));
  return {
    name: 'cli',
    onRunStart({ engine, collection, total }) {
      out(`${collection} — ${total} request${total === 1 ? '' : 's'} (engine: ${engine})`);
    },
    onRequestEnd(result) {
      ctx.redactor.learnFromRequest(result);
      const r = checkRequest(result);
      const mark = r.verdict === 'passed' ? green('✔') : r.verdict === 'failed' ? red('✘') : yellow('!');
      const status = r.response ? `${r.response.code} ${r.response.status}` : 'no response';
      const passed = r.assertions.filter((a) => a.passed).length;
      out(
        `${mark} ${r.path.join(' / ')}  ${dim(`${r.request.method} ${status} ${r.response ? `${Math.round(r.response.timeMs)} ms` : ''}`.trim())}` +
          `  ${passed}/${r.assertions.length} checks`,
      );
      for (const a of r.assertions) {
        if (!a.passed && !a.skipped) out(`    ${red('✘')} ${a.name}: expected ${a.expected ?? '?'}, actual ${a.actual ?? '?'}`);
      }
      for (const e of r.errors) out(`    ${yellow('!')} ${e.kind} error: ${e.message}`);
    },
    onWarning(message) {
      out(`${yellow('warning')} ${message}`);
    },
    onChecked(run: CheckedRun) {
      const s = run.summary;
      const verdict =
        s.verdict === 'passed' ? green('PASSED') : s.verdict === 'failed' ? red('FAILED') : yellow('ERRORED');
      out('');
      out(
        `${verdict}  requests ${s.requests.passed}/${s.requests.total} passed` +
          (s.requests.failed ? `, ${s.requests.failed} failed` : '') +
          (s.requests.errored ? `, ${s.requests.errored} errored` : '') +
          `  ·  checks ${s.assertions.passed}/${s.assertions.total} passed` +
          (s.assertions.failed ? `, ${s.assertions.failed} failed` : '') +
          (s.assertions.skipped ? `, ${s.assertions.skipped} skipped` : '') +
          `  ·  ${(run.durationMs / 1000).toFixed(2)} s`,
      );
      if (run.error) out(`${red('engine error')}: ${run.error.message}`);
    },
  };
};
