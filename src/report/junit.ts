/**
 * reports/junit.xml, valid against Jenkins' JUnit schema (test/fixtures/junit-10.xsd):
 * - one <testsuite> per request per iteration ("Folder / Request", "(iteration N)" when the run has more than one);
 * - one <testcase> per assertion, never collapsed (same-named ones get " [2]", ...);
 * - failures carry type, message (expected vs actual) and a short redacted excerpt of the response;
 * - errors (network, timeout, script, engine) are <error> test cases; pm.test.skip is <skipped/>, and so is a request
 *   that was not sent at all (RequestResult.skipped: skipRequest, --bail, a flow skipped for missing variables);
 * - totals on <testsuites> are the sums over every suite of every iteration; times are seconds of wall clock;
 * - <properties> per suite: env, engine, flow, iterations, api usage (last Sforce-Limit-Info), iteration.
 * The same run gives the same file with either engine, apart from times and the timestamp.
 */
import { hostname } from 'node:os';
import type { CheckedRequest, CheckedRun } from '../check';
import type { RequestError } from '../engine/result';
import { diagnosisTag, preflightLines, requestDiagnosisLines } from './diagnosis';
import { requestLabel, runProperties, uniqueNames, type RunProperty } from './facts';
import type { Redactor } from './redact';
import type { ReporterFactory } from './reporter';
import { retryText } from './retries';
import { writeReportFile } from './write';

export const JUNIT_FILE = 'junit.xml';
/** Characters of the response body kept in a failure's excerpt. */
export const EXCERPT_CHARS = 500;

const XML_INVALID = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(s: string): string {
  return s
    .replace(XML_INVALID, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** Element text: newlines stay as they are. */
function xmlText(s: string): string {
  return s.replace(XML_INVALID, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

export function responseExcerpt(r: CheckedRequest, redactor: Redactor): string {
  if (!r.response) return 'no response';
  const body = r.response.body.length > EXCERPT_CHARS ? `${r.response.body.slice(0, EXCERPT_CHARS)}…` : r.response.body;
  return redactor.text(`HTTP ${r.response.code} ${r.response.status}\n${body}`);
}

function errorName(e: RequestError): string {
  return e.kind === 'script' ? `${e.phase ?? 'test'} script error` : `${e.kind} error`;
}

interface Case {
  xml: string;
  failed: boolean;
  errored: boolean;
  skipped: boolean;
}

/** The diagnosis in a failure: " [SFD_…] title" after the message, the full text after the body. */
function withDiagnosis(r: CheckedRequest, message: string, detail: string, redactor: Redactor): { message: string; detail: string } {
  if (!r.diagnosis) return { message, detail };
  return {
    message: `${message} ${redactor.text(diagnosisTag(r))}`,
    detail: `${detail}\n\n${redactor.text(requestDiagnosisLines(r).join('\n'))}`,
  };
}

function casesOf(r: CheckedRequest, classname: string, redactor: Redactor): Case[] {
  const count = r.assertions.length + r.errors.length;
  const time = seconds(count > 0 ? r.durationMs / count : 0);
  const names = uniqueNames([...r.assertions.map((a) => a.name), ...r.errors.map(errorName)]);
  const head = (i: number) =>
    `    <testcase name="${xmlEscape(redactor.text(names[i] ?? ''))}" classname="${classname}" time="${time}"`;
  const cases: Case[] = r.assertions.map((a, i) => {
    if (a.skipped) return { xml: `${head(i)}>\n      <skipped message="pm.test.skip"/>\n    </testcase>`, failed: false, errored: false, skipped: true };
    if (a.passed) return { xml: `${head(i)}/>`, failed: false, errored: false, skipped: false };
    const type = r.tests[i]?.errorName ?? 'AssertionError';
    const plain = redactor.text(`expected ${a.expected ?? '?'}, actual ${a.actual ?? '?'}`);
    const { message, detail } = withDiagnosis(r, plain, redactor.text(`${a.message ?? plain}\n\nresponse: ${responseExcerpt(r, redactor)}`), redactor);
    return {
      xml: `${head(i)}>\n      <failure type="${xmlEscape(type)}" message="${xmlEscape(message)}">${xmlText(detail)}</failure>\n    </testcase>`,
      failed: true,
      errored: false,
      skipped: false,
    };
  });
  r.errors.forEach((e, j) => {
    const { message, detail } = withDiagnosis(r, redactor.text(e.message), `${e.kind}${e.phase ? ` (${e.phase} script)` : ''}${e.code ? ` ${e.code}` : ''}: ${redactor.text(e.message)}`, redactor);
    cases.push({
      xml:
        `${head(r.assertions.length + j)}>\n      <error type="${xmlEscape(e.code ?? e.kind)}" message="${xmlEscape(message)}">` +
        `${xmlText(detail)}</error>\n    </testcase>`,
      failed: false,
      errored: true,
      skipped: false,
    });
  });
  // A request deliberately not sent (skipRequest, --bail, a flow without its variables) is one skipped case.
  if (r.verdict === 'skipped') {
    const reason = redactor.text(r.skipped?.reason ?? 'skipped');
    cases.push({
      xml: `    <testcase name="request not sent" classname="${classname}" time="0.000">\n      <skipped message="${xmlEscape(reason)}"/>\n    </testcase>`,
      failed: false,
      errored: false,
      skipped: true,
    });
  }
  return cases;
}

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function propertiesXml(props: readonly RunProperty[], redactor: Redactor): string {
  const lines = props.map((p) => `      <property name="${xmlEscape(p.name)}" value="${xmlEscape(redactor.text(p.value))}"/>`);
  return `    <properties>\n${lines.join('\n')}\n    </properties>`;
}

function suiteXml(
  attrs: { name: string; id: number; time: string; timestamp: string; host: string },
  props: readonly RunProperty[],
  cases: readonly Case[],
  redactor: Redactor,
): { xml: string; totals: Totals } {
  const totals: Totals = {
    tests: cases.length,
    failures: cases.filter((c) => c.failed).length,
    errors: cases.filter((c) => c.errored).length,
    skipped: cases.filter((c) => c.skipped).length,
  };
  const body = [propertiesXml(props, redactor), ...cases.map((c) => c.xml)].join('\n');
  const xml =
    `  <testsuite name="${attrs.name}" id="${attrs.id}" tests="${totals.tests}" failures="${totals.failures}" ` +
    `errors="${totals.errors}" skipped="${totals.skipped}" time="${attrs.time}" timestamp="${attrs.timestamp}" ` +
    `hostname="${xmlEscape(attrs.host)}">\n${body}\n  </testsuite>`;
  return { xml, totals };
}

const stamp = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19) : '1970-01-01T00:00:00');

export function renderJunit(run: CheckedRun, redactor: Redactor, host: string = hostname()): string {
  const props = runProperties(run);
  const warned = (run.preflight ?? []).filter((f) => f.level === 'warn');
  if (warned.length) props.push({ name: 'preflight', value: preflightLines(warned).join('\n') });
  const start = Date.parse(run.startedAt);
  const labels = uniqueNames(run.requests.map((r) => requestLabel(r, run.iterations)));
  const suites = run.requests.map((r, i) => {
    const name = xmlEscape(redactor.text(labels[i] ?? r.name));
    const suiteProps = [
      ...props,
      { name: 'iteration', value: String(r.iteration) },
      { name: 'request id', value: r.id },
      // One property per attempt after the first (native engine: retries, re-authentication).
      ...(r.retries ?? []).map((x) => ({ name: x.action === 'reauth' ? 'reauth' : 'retry', value: retryText(x) })),
    ];
    return suiteXml(
      { name, id: i, time: seconds(r.durationMs), timestamp: stamp(start + r.startedAtMs), host },
      suiteProps,
      casesOf(r, name, redactor),
      redactor,
    );
  });
  if (run.error) {
    // The engine could not run the collection: one suite with the error, so CI shows it instead of "0 tests".
    const e = run.error;
    const message = redactor.text(e.message);
    const name = xmlEscape(redactor.text(`${run.collection.name} (run)`));
    const xml = `    <testcase name="${xmlEscape(errorName(e))}" classname="${name}" time="0.000">\n      <error type="${xmlEscape(e.code ?? e.kind)}" message="${xmlEscape(message)}">${xmlText(message)}</error>\n    </testcase>`;
    suites.push(suiteXml({ name, id: suites.length, time: '0.000', timestamp: stamp(start), host }, props, [{ xml, failed: false, errored: true, skipped: false }], redactor));
  }
  const sum = (k: keyof Totals) => suites.reduce((n, s) => n + s.totals[k], 0);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="${xmlEscape(redactor.text(run.collection.name))}" tests="${sum('tests')}" failures="${sum('failures')}" ` +
    `errors="${sum('errors')}" time="${seconds(run.durationMs)}">\n${suites.map((s) => s.xml).join('\n')}\n</testsuites>\n`
  );
}

export const junitReporter: ReporterFactory = (ctx) => {
  const written: string[] = [];
  return {
    name: 'junit',
    onChecked(run) {
      written.push(writeReportFile(ctx.outDir, ctx.exports?.junit ?? JUNIT_FILE, renderJunit(run, ctx.redactor)));
    },
    files: () => written,
  };
};
