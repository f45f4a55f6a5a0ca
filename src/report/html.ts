/**
 * reports/report.html: one self-contained file (inline CSS and SVG, no script, no network) with the summary, the run's
 * properties (env, engine, flow, Sforce-Limit-Info API usage), failures with their diagnosis, per-request status,
 * timings as an SVG bar chart and every assertion. The page lives in templates/report.html, a real file read at run
 * time; every value is redacted, then HTML-escaped. Numbers carry data-k attributes so tests can read them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedRequest, CheckedRun } from '../check';
import { SfcheckError } from '../errors';
import { apiUsage, apiUsageText, requestLabel, runProperties, uniqueNames } from './facts';
import { responseExcerpt } from './junit';
import type { Redactor } from './redact';
import type { ReporterFactory } from './reporter';
import { retryText } from './retries';
import { writeReportFile } from './write';

export const HTML_FILE = 'report.html';

/**
 * tsc does not copy non-.ts files: the template is read from the package's src/report/templates (dist/src/report ->
 * ../../../src/report/templates), or from a templates/ folder next to this file when a build copies it there.
 */
export const TEMPLATE_CANDIDATES = [
  join(__dirname, 'templates', 'report.html'),
  join(__dirname, '..', '..', '..', 'src', 'report', 'templates', 'report.html'),
];

export function templatePath(): string {
  const found = TEMPLATE_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new SfcheckError(
      'SFCHECK_REPORT_TEMPLATE',
      `the HTML report template is missing (looked in ${TEMPLATE_CANDIDATES.join(', ')})`,
      'reinstall sfcheck (src/report/templates must ship with it), or leave html out of -r',
    );
  }
  return found;
}

export function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const ms = (n: number) => `${Math.round(n)} ms`;

function card(key: string, label: string, value: string | number): string {
  return `<div class="card"><div class="k">${htmlEscape(label)}</div><div class="v" data-k="${key}">${htmlEscape(String(value))}</div></div>`;
}

function summaryHtml(run: CheckedRun): string {
  const s = run.summary;
  const u = apiUsage(run.requests);
  return (
    `<p>Verdict: <span class="verdict ${s.verdict}" data-k="verdict">${s.verdict}</span></p><div class="cards">` +
    card('requests-total', 'requests', s.requests.total) +
    card('requests-passed', 'passed', s.requests.passed) +
    card('requests-failed', 'failed', s.requests.failed) +
    card('requests-errored', 'errored', s.requests.errored) +
    card('requests-skipped', 'skipped', s.requests.skipped) +
    card('assertions-total', 'assertions', s.assertions.total) +
    card('assertions-passed', 'assertions passed', s.assertions.passed) +
    card('assertions-failed', 'assertions failed', s.assertions.failed) +
    card('assertions-skipped', 'assertions skipped', s.assertions.skipped) +
    card('errors', 'errors', s.errors) +
    card('duration-ms', 'duration (ms)', Math.round(run.durationMs)) +
    card('api-usage', 'API usage (Sforce-Limit-Info)', apiUsageText(u)) +
    `</div>`
  );
}

function propertiesHtml(run: CheckedRun, red: Redactor): string {
  const rows = runProperties(run).map((p) => `<dt>${htmlEscape(p.name)}</dt><dd data-prop="${htmlEscape(p.name)}">${htmlEscape(red.text(p.value))}</dd>`);
  rows.push(`<dt>started</dt><dd>${htmlEscape(run.startedAt)}</dd>`);
  return `<dl class="props">${rows.join('')}</dl>`;
}

/** The root diagnoses of the run: what failed, why (causes most likely first, with confirm and fix), the guide step. */
function diagnosisHtml(run: CheckedRun, labels: readonly string[], red: Redactor): string {
  const t = (s: string) => htmlEscape(red.text(s));
  const blocks = run.requests.flatMap((r, i) => {
    const d = r.diagnosis;
    if (d?.role !== 'root') return [];
    const causes = d.causes.map((c) => `<li>${t(c.cause)}<br><span class="muted">confirm:</span> ${t(c.confirm)}<br><span class="muted">fix:</span> ${t(c.fix)}${c.guideStep ? `<br><span class="muted">guide:</span> ${t(c.guideStep)}` : ''}</li>`);
    return [
      `<div class="diagnosis" data-diagnosis="${htmlEscape(d.code)}"><strong>${htmlEscape(d.code)}</strong> — ${t(d.title)}` +
        `<div class="muted">${t(labels[i] ?? r.name)}: ${t(d.evidence)}</div>` +
        (d.notes.length ? `<div>${t(d.notes.join(' · '))}</div>` : '') +
        `<ol class="causes">${causes.join('')}</ol>` +
        `<div><span class="muted">guide:</span> ${t(d.guideStep)}</div><div><span class="muted">doc:</span> <a href="${htmlEscape(d.doc)}">${htmlEscape(d.doc)}</a></div></div>`,
    ];
  });
  return blocks.length ? `<h2>Diagnosis</h2>\n${blocks.join('\n')}` : '';
}

function preflightHtml(run: CheckedRun, red: Redactor): string {
  const findings = run.preflight ?? [];
  if (!findings.length) return '';
  const items = findings.map((f) => `<li class="pf-${f.level}" data-preflight="${htmlEscape(f.check)}" data-level="${f.level}">${htmlEscape(red.text(f.message))}${f.fix ? ` — ${htmlEscape(red.text(f.fix))}` : ''}</li>`);
  return `<h2>Preflight</h2>\n<ul class="preflight">${items.join('')}</ul>`;
}

function failuresHtml(run: CheckedRun, labels: readonly string[], red: Redactor): string {
  const items: string[] = [];
  run.requests.forEach((r, i) => {
    const name = htmlEscape(red.text(labels[i] ?? r.name));
    const because = r.diagnosis?.role === 'consequence' ? `<div class="muted" data-consequence>consequence of ${htmlEscape(red.text(r.diagnosis.rootRequest.name))}${r.diagnosis.code ? ` (${htmlEscape(r.diagnosis.code)})` : ''}</div>` : '';
    for (const a of r.assertions) {
      if (a.passed || a.skipped) continue;
      items.push(
        `<div class="failure" data-failure><strong>${name}</strong> — ${htmlEscape(red.text(a.name))}<br>` +
          `expected ${htmlEscape(red.text(a.expected ?? '?'))}, actual ${htmlEscape(red.text(a.actual ?? '?'))}` +
          (a.message ? `<pre>${htmlEscape(red.text(a.message))}</pre>` : '') +
          `<pre>${htmlEscape(responseExcerpt(r, red))}</pre>${because}</div>`,
      );
    }
    for (const e of r.errors) {
      items.push(`<div class="failure" data-failure><strong>${name}</strong> — ${e.kind} error${e.code ? ` (${htmlEscape(e.code)})` : ''}<pre>${htmlEscape(red.text(e.message))}</pre></div>`);
    }
  });
  if (run.error) items.push(`<div class="failure" data-failure><strong>run</strong> — ${htmlEscape(red.text(run.error.message))}</div>`);
  return items.length ? items.join('\n') : '<p class="muted" data-k="no-failures">None: every assertion held.</p>';
}

function counts(r: CheckedRequest) {
  return { passed: r.assertions.filter((a) => a.passed && !a.skipped).length, total: r.assertions.length };
}

function tableHtml(run: CheckedRun, labels: readonly string[], red: Redactor): string {
  const rows = run.requests.map((r, i) => {
    const c = counts(r);
    return (
      `<tr data-request="${i}" data-verdict="${r.verdict}"><td class="st-${r.verdict}">${r.verdict}</td>` +
      `<td data-col="name">${htmlEscape(red.text(labels[i] ?? r.name))}</td><td>${htmlEscape(r.request.method)}</td>` +
      `<td class="num" data-col="code">${r.response ? r.response.code : '—'}</td>` +
      `<td class="num" data-col="time">${r.response ? Math.round(r.response.timeMs) : '—'}</td>` +
      `<td class="num" data-col="assertions">${c.passed}/${c.total}</td></tr>`
    );
  });
  return `<table><thead><tr><th>verdict</th><th>request</th><th>method</th><th>status</th><th>response (ms)</th><th>assertions</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Horizontal bars, one per request, length proportional to the request's wall-clock duration. */
function chartSvg(run: CheckedRun, labels: readonly string[], red: Redactor): string {
  const rowH = 24;
  const labelW = 320;
  const barW = 520;
  const max = Math.max(1, ...run.requests.map((r) => r.durationMs));
  const color = { passed: '#1a7f37', failed: '#cf222e', errored: '#9a6700', skipped: '#6e7781' } as const;
  const bars = run.requests.map((r, i) => {
    const y = i * rowH + 4;
    const w = Math.max(1, (r.durationMs / max) * barW);
    const label = htmlEscape(red.text(labels[i] ?? r.name));
    return (
      `<g data-bar="${i}"><title>${label}: ${ms(r.durationMs)}</title>` +
      `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end">${label.length > 48 ? `${label.slice(0, 47)}…` : label}</text>` +
      `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${color[r.verdict]}" rx="2"/>` +
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 14}" data-ms="${Math.round(r.durationMs)}">${ms(r.durationMs)}</text></g>`
    );
  });
  const height = run.requests.length * rowH + 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="request durations" width="${labelW + barW + 90}" height="${height}" viewBox="0 0 ${labelW + barW + 90} ${height}">${bars.join('')}</svg>`;
}

function detailsHtml(run: CheckedRun, labels: readonly string[], red: Redactor): string {
  return run.requests
    .map((r, i) => {
      const items = r.assertions.map((a) => {
        const state = a.skipped ? 'skipped' : a.passed ? 'passed' : 'failed';
        const mark = a.skipped ? '–' : a.passed ? '✔' : '✘';
        const why = state === 'failed' ? ` — expected ${htmlEscape(red.text(a.expected ?? '?'))}, actual ${htmlEscape(red.text(a.actual ?? '?'))}` : '';
        return `<li class="st-${state === 'skipped' ? 'errored' : state}" data-assertion="${state}">${mark} ${htmlEscape(red.text(a.name))}${why}</li>`;
      });
      const status = r.response ? `${r.response.code} ${r.response.status}` : 'no response';
      return (
        `<details class="req" data-details="${i}"${r.verdict === 'passed' ? '' : ' open'}><summary><span class="st-${r.verdict}">${r.verdict}</span> ` +
        `${htmlEscape(red.text(labels[i] ?? r.name))} <span class="muted">${htmlEscape(r.request.method)} ${htmlEscape(red.text(r.request.url))} → ${htmlEscape(status)}</span></summary>` +
        `<div>${retriesHtml(r)}<ul class="asserts">${items.join('') || '<li class="muted">no assertions</li>'}</ul></div></details>`
      );
    })
    .join('\n');
}

/** A note per attempt after the first (native engine: retries on 429/503/connection errors, re-authentication). */
function retriesHtml(r: CheckedRequest): string {
  if (!r.retries?.length) return '';
  return `<p class="muted" data-retries="${r.retries.length}">${r.retries.map((x) => htmlEscape(retryText(x))).join('<br>')}</p>`;
}

export function renderHtml(run: CheckedRun, redactor: Redactor, template: string = readFileSync(templatePath(), 'utf8')): string {
  const labels = uniqueNames(run.requests.map((r) => requestLabel(r, run.iterations)));
  const slots: Record<string, string> = {
    title: htmlEscape(`sfcheck — ${redactor.text(run.collection.name)}`),
    subtitle: htmlEscape(`engine ${run.engine} · env ${redactor.text(run.environment ?? '—')} · ${run.startedAt}`),
    summary: summaryHtml(run),
    properties: propertiesHtml(run, redactor),
    failures: failuresHtml(run, labels, redactor),
    diagnosis: diagnosisHtml(run, labels, redactor),
    preflight: preflightHtml(run, redactor),
    table: tableHtml(run, labels, redactor),
    chart: chartSvg(run, labels, redactor),
    details: detailsHtml(run, labels, redactor),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (all, key: string) => slots[key] ?? all);
}

export const htmlReporter: ReporterFactory = (ctx) => {
  const written: string[] = [];
  return {
    name: 'html',
    onChecked(run) {
      written.push(writeReportFile(ctx.outDir, ctx.exports?.html ?? HTML_FILE, renderHtml(run, ctx.redactor)));
    },
    files: () => written,
  };
};
