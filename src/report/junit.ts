/**
 * reports/junit.xml: one <testsuite> per request (per iteration), one <testcase> per assertion, never collapsed.
 * Failures carry type, message and expected/actual; requests that never got a response are <error>.
 */
import type { CheckedRequest, CheckedRun } from '../check';
import type { Redactor } from './redact';
import type { ReporterFactory } from './reporter';
import { writeReportFile } from './write';

export const JUNIT_FILE = 'junit.xml';

const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function suiteName(r: CheckedRequest, iterations: number): string {
  const name = r.path.join(' / ');
  return iterations > 1 ? `${name} (iteration ${r.iteration})` : name;
}

function excerpt(r: CheckedRequest, redactor: Redactor): string {
  if (!r.response) return '';
  const body = r.response.body.length > 500 ? `${r.response.body.slice(0, 500)}…` : r.response.body;
  return redactor.text(`HTTP ${r.response.code} ${r.response.status}\n${body}`);
}

function suiteXml(run: CheckedRun, r: CheckedRequest, id: number, redactor: Redactor): string {
  const name = xmlEscape(redactor.text(suiteName(r, run.iterations)));
  const failures = r.assertions.filter((a) => !a.passed && !a.skipped).length;
  const skipped = r.assertions.filter((a) => a.skipped).length;
  const errors = r.errors.length;
  const cases: string[] = [];
  const per = r.assertions.length > 0 ? r.durationMs / r.assertions.length : 0;
  for (const a of r.assertions) {
    const head = `    <testcase name="${xmlEscape(redactor.text(a.name))}" classname="${name}" time="${seconds(per)}"`;
    if (a.skipped) cases.push(`${head}>\n      <skipped/>\n    </testcase>`);
    else if (a.passed) cases.push(`${head}/>`);
    else {
      const msg = redactor.text(`expected ${a.expected ?? ''}, actual ${a.actual ?? ''}`);
      const detail = redactor.text(`${a.message ?? ''}\n\n${excerpt(r, redactor)}`);
      cases.push(
        `${head}>\n      <failure type="AssertionFailure" message="${xmlEscape(msg)}">${xmlEscape(detail)}</failure>\n    </testcase>`,
      );
    }
  }
  for (const e of r.errors) {
    const what = e.kind === 'script' ? `${e.phase ?? 'test'} script` : e.kind;
    cases.push(
      `    <testcase name="${xmlEscape(`${what} error`)}" classname="${name}" time="0.000">\n` +
        `      <error type="${xmlEscape(e.code ?? e.kind)}" message="${xmlEscape(redactor.text(e.message))}"/>\n    </testcase>`,
    );
  }
  const tests = r.assertions.length + errors;
  return (
    `  <testsuite name="${name}" id="${id}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" ` +
    `time="${seconds(r.durationMs)}" timestamp="${new Date(Date.parse(run.startedAt) + r.startedAtMs).toISOString().slice(0, 19)}" ` +
    `hostname="localhost">\n${cases.join('\n')}\n  </testsuite>`
  );
}

export function renderJunit(run: CheckedRun, redactor: Redactor): string {
  const suites = run.requests.map((r, i) => suiteXml(run, r, i, redactor));
  const failures = run.summary.assertions.failed;
  const errors = run.requests.reduce((n, r) => n + r.errors.length, 0);
  const tests = run.summary.assertions.total + errors;
  const name = xmlEscape(redactor.text(run.collection.name));
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${name}" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(run.durationMs)}">\n` +
    `${suites.join('\n')}\n</testsuites>\n`
  );
}

export const junitReporter: ReporterFactory = (ctx) => {
  const written: string[] = [];
  return {
    name: 'junit',
    onChecked(run) {
      written.push(writeReportFile(ctx.outDir, JUNIT_FILE, renderJunit(run, ctx.redactor)));
    },
    files: () => written,
  };
};
