/** Options common to commands that run a collection (verify, run). */
import { Option, type Command } from 'commander';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SfcheckError } from '../../errors';
import { colorWanted, DEFAULT_REPORTERS, progressWanted, REPORTERS, type ReportExports } from '../../report';
import { readExtraCaCerts } from '../ca-certs';
import { parseReporters, type ExecuteResult } from '../execute';

export interface RawRunOptions {
  engine: string;
  reporters: string;
  out: string;
  color: boolean;
  timeoutRequest?: string;
  timeout?: string;
  retries?: string;
  verbose?: boolean;
  reporterJunitExport?: string;
  reporterJsonExport?: string;
  reporterHtmlExport?: string;
  sslExtraCaCerts?: string;
  insecure?: boolean;
}

export function addRunOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <engine>', 'engine that runs the requests').choices(['native', 'newman']).default('native'))
    .option('-r, --reporters <list>', `comma-separated reporters: ${Object.keys(REPORTERS).join(', ')}`, DEFAULT_REPORTERS.join(','))
    .option('--out <dir>', 'folder for report files', 'reports')
    .option('--reporter-junit-export <file>', 'write the JUnit report to FILE instead of OUT/junit.xml (turns on junit)')
    .option('--reporter-json-export <file>', 'write the JSON report to FILE instead of OUT/report.json (turns on json)')
    .option('--reporter-html-export <file>', 'write the HTML report to FILE instead of OUT/report.html (turns on html)')
    .option('--timeout-request <ms>', 'time limit for each request, in milliseconds')
    .option('--timeout <ms>', 'deadline for the whole run, in milliseconds (0 = none): the rest is skipped, exit 3')
    .option('--retries <n>', 'native engine: retries per request on 429, 503 and connection errors (idempotent and token requests only)', '2')
    .option('--ssl-extra-ca-certs <path>', 'also trust the certificate authorities in this PEM file (a TLS-inspecting proxy\'s), on both engines')
    .option('-k, --insecure', 'do not verify server certificates (both engines; the terminal and the reports say so)')
    .option('--verbose', 'show each request and response in the terminal (secrets redacted)')
    .option('--no-color', 'plain output without colours (NO_COLOR is honoured too)');
}

/** --reporter-X-export FILE: resolved against the current folder (as newman does), and reporter X turned on. */
function exportsOf(raw: RawRunOptions, reporters: string[]): ReportExports {
  const exports: ReportExports = {};
  const pairs: Array<[keyof ReportExports, string | undefined]> = [
    ['junit', raw.reporterJunitExport],
    ['json', raw.reporterJsonExport],
    ['html', raw.reporterHtmlExport],
  ];
  for (const [name, file] of pairs) {
    if (file === undefined) continue;
    if (file.trim() === '') throw new SfcheckError('SFCHECK_USAGE', `--reporter-${name}-export needs a file name`, `e.g. --reporter-${name}-export build/${name}.out`);
    exports[name] = resolve(file);
    if (!reporters.includes(name)) reporters.push(name);
  }
  return exports;
}

export function runOptionsOf(raw: RawRunOptions) {
  const reporters = parseReporters(raw.reporters);
  const outDir = resolve(raw.out);
  try {
    mkdirSync(outDir, { recursive: true });
    accessSync(outDir, constants.W_OK);
  } catch (e) {
    throw new SfcheckError('SFCHECK_OUT_NOT_WRITABLE', `cannot write reports to ${outDir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'pass --out with a folder you can write to');
  }
  let timeoutRequestMs: number | undefined;
  if (raw.timeoutRequest !== undefined) {
    timeoutRequestMs = Number(raw.timeoutRequest);
    if (!Number.isInteger(timeoutRequestMs) || timeoutRequestMs <= 0) {
      throw new SfcheckError('SFCHECK_USAGE', `--timeout-request must be a positive whole number of milliseconds, got "${raw.timeoutRequest}"`, 'e.g. --timeout-request 30000');
    }
  }
  const timeoutMs = wholeNumber('--timeout', raw.timeout, MAX_TIMER_MS, 'e.g. --timeout 120000 (two minutes for the whole run), or 0 for none');
  const retries = wholeNumber('--retries', raw.retries, MAX_RETRIES, 'e.g. --retries 0 to send each request once, or --retries 3');
  const exports = exportsOf(raw, reporters);
  const extraCaCerts = raw.sslExtraCaCerts === undefined ? undefined : readExtraCaCerts(raw.sslExtraCaCerts);
  const tty = Boolean(process.stdout.isTTY);
  const color = colorWanted(raw.color, tty);
  const progress = progressWanted(tty);
  return {
    engine: raw.engine,
    reporters,
    outDir,
    color,
    exports,
    progress,
    verbose: Boolean(raw.verbose),
    ...(timeoutRequestMs ? { timeoutRequestMs } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(extraCaCerts ? { extraCaCerts } : {}),
    ...(raw.insecure ? { insecure: true } : {}),
  };
}

/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days); a longer one would fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
const MAX_RETRIES = 10;

/** A whole number from 0 to `max` given to `flag`, or a usage error (exit 2) that names the flag and the value. */
function wholeNumber(flag: string, value: string | undefined, max: number, hint: string): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new SfcheckError('SFCHECK_USAGE', `${flag} must be a whole number of 0 or more, got "${value}"`, hint);
  if (n > max) throw new SfcheckError('SFCHECK_USAGE', `${flag} must be at most ${max}, got "${value}"`, hint);
  return n;
}

/** Prints where reports went and returns the exit code. */
export function finishRun(result: ExecuteResult): number {
  for (const f of result.files) process.stdout.write(`report: ${f}\n`);
  if (result.interrupted) {
    const notSent = result.run.requests.filter((r) => r.verdict === 'skipped').length;
    process.stderr.write(`sfcheck: stopped by ${result.interrupted}: ${notSent} request${notSent === 1 ? '' : 's'} not sent (reported as skipped)\n`);
  }
  return result.exitCode;
}
