/** Options common to commands that run a collection (verify, run). */
import { Option, type Command } from 'commander';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SfcheckError } from '../../errors';
import { DEFAULT_REPORTERS } from '../../report';
import { parseReporters, type ExecuteResult } from '../execute';

export interface RawRunOptions {
  engine: string;
  reporters: string;
  out: string;
  color: boolean;
  timeoutRequest?: string;
}

export function addRunOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--engine <engine>', 'engine that runs the requests').choices(['native', 'newman']).default('native'))
    .option('-r, --reporters <list>', 'comma-separated reporters: cli, junit, json', DEFAULT_REPORTERS.join(','))
    .option('--out <dir>', 'folder for report files', 'reports')
    .option('--timeout-request <ms>', 'time limit for each request, in milliseconds')
    .option('--no-color', 'plain output without colours (NO_COLOR is honoured too)');
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
  const color = raw.color && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return { engine: raw.engine, reporters, outDir, color, ...(timeoutRequestMs ? { timeoutRequestMs } : {}) };
}

/** Prints where reports went and returns the exit code. */
export function finishRun(result: ExecuteResult): number {
  for (const f of result.files) process.stdout.write(`report: ${f}\n`);
  return result.exitCode;
}
