/**
 * Fuzz targets for the runner: random collection JSON through the native engine in-process, and (a handful) through
 * `sfcheck run` as a child process. Never a crash (a rejected run, an unhandled rejection, a stack trace, an
 * "unexpected error"), never a hang (a hard deadline per case), always a well-formed result.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { nativeEngine } from '../../src/engine/native';
import type { RunResult } from '../../src/engine/result';
import { collectionArb, environmentArb } from './collections';
import { FuzzFailure } from './http';
import type { Target } from './targets';

/** One in-process run may take this long before it counts as a hang. */
export const RUN_DEADLINE_MS = 30_000;

export interface RunnerCase {
  collection: unknown;
  environment: { name: string; values: Array<{ key: string; value: string; enabled?: boolean }> };
}

export function runnerCaseArb(base: string): fc.Arbitrary<RunnerCase> {
  return fc.record({ collection: collectionArb(base), environment: environmentArb(base) });
}

function shown(c: RunnerCase): string {
  const text = JSON.stringify(c.collection) ?? String(c.collection);
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

function wellFormed(run: RunResult): string | undefined {
  if (!Array.isArray(run.requests) || !Array.isArray(run.warnings)) return 'requests or warnings is not an array';
  for (const r of run.requests) {
    if (!Array.isArray(r.tests) || !Array.isArray(r.errors)) return `request "${r.name}" lacks tests or errors`;
    if (r.response === undefined && r.errors.length === 0 && !r.skipped) return `request "${r.name}" has no response, no error and was not skipped (a silent pass)`;
  }
  try {
    JSON.stringify(run);
  } catch (err) {
    return `the result is not serialisable: ${String(err)}`;
  }
  return undefined;
}

/** The native engine, in this process. */
export function nativeRunnerTarget(base: string): Target<RunnerCase> {
  return {
    name: 'collection JSON at the native runner',
    arbitrary: runnerCaseArb(base),
    async run(input) {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      let timer: NodeJS.Timeout | undefined;
      try {
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new FuzzFailure(`the run did not end within ${RUN_DEADLINE_MS} ms: ${shown(input)}`)), RUN_DEADLINE_MS);
        });
        const run = await Promise.race([
          nativeEngine.run({ collection: input.collection, environment: input.environment, timeoutRequestMs: 5_000, scriptTimeoutMs: 300, retries: 0 }),
          deadline,
        ]).catch((err: unknown) => {
          if (err instanceof FuzzFailure) throw err;
          throw new FuzzFailure(`the run rejected (${err instanceof Error ? err.message : String(err)}): ${shown(input)}`);
        });
        const bad = wellFormed(run);
        if (bad) throw new FuzzFailure(`${bad}: ${shown(input)}`);
        await new Promise((r) => setImmediate(r));
        if (unhandled.length > 0) throw new FuzzFailure(`an unhandled rejection (${String(unhandled[0])}): ${shown(input)}`);
        return run.error ? 'refused' : `${run.requests.length} requests`;
      } finally {
        clearTimeout(timer);
        process.off('unhandledRejection', onUnhandled);
      }
    },
  };
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** `sfcheck run FILE -e ENV` in a child process: an exit code from the documented set, no stack trace, reports written. */
export function cliRunnerTarget(base: string, cli: string): Target<RunnerCase> {
  return {
    name: 'collection JSON through `sfcheck run`',
    arbitrary: runnerCaseArb(base),
    async run(input) {
      const dir = mkdtempSync(join(process.env['TMPDIR'] ?? '/tmp', 'sfcheck-fuzz-'));
      try {
        // The CLI's script limit is 5 s; an endless loop would only make the case slow, not different.
        writeFileSync(join(dir, 'c.json'), (JSON.stringify(input.collection) ?? 'null').split('while (true)').join('while (false)'));
        writeFileSync(join(dir, 'e.json'), JSON.stringify({ name: input.environment.name, values: input.environment.values, _postman_variable_scope: 'environment' }));
        const out = join(dir, 'out');
        const r = await new Promise<{ code: number | null; stderr: string; stdout: string }>((done, reject) => {
          const child = spawn(process.execPath, [cli, 'run', join(dir, 'c.json'), '-e', join(dir, 'e.json'), '--out', out, '-r', 'json', '--timeout-request', '5000'], {
            env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SF_'))), NO_COLOR: '1' },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new FuzzFailure(`sfcheck run did not end within ${RUN_DEADLINE_MS * 2} ms: ${shown(input)}`));
          }, RUN_DEADLINE_MS * 2);
          child.on('close', (code) => {
            clearTimeout(timer);
            done({ code, stdout, stderr });
          });
        });
        const said = `exit ${r.code}, stderr ${JSON.stringify(r.stderr.slice(0, 400))}`;
        if (r.code === null || ![0, 1, 2, 3].includes(r.code)) throw new FuzzFailure(`${said}: ${shown(input)}`);
        if (STACK_LINE.test(r.stderr) || STACK_LINE.test(r.stdout)) throw new FuzzFailure(`a stack trace without --debug (${said}): ${shown(input)}`);
        if (/unexpected error/.test(r.stderr)) throw new FuzzFailure(`an unexpected error (${said}): ${shown(input)}`);
        if (r.code === 2 && !/\[SFCHECK_[A-Z_]+\]/.test(r.stderr)) throw new FuzzFailure(`exit 2 without an SFCHECK_ code (${said}): ${shown(input)}`);
        if (r.code !== 2) {
          const report = join(out, 'report.json');
          if (!existsSync(report)) throw new FuzzFailure(`exit ${r.code} but no report.json: ${shown(input)}`);
          const doc = JSON.parse(readFileSync(report, 'utf8')) as { requests?: unknown[]; run?: { requests?: unknown[] } };
          const requests = doc.requests ?? doc.run?.requests;
          if (r.code === 0 && Array.isArray(requests) && requests.length === 0) throw new FuzzFailure(`exit 0 with no request run (a silent pass): ${shown(input)}`);
        }
        return `exit ${r.code}`;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
