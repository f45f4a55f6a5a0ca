/**
 * The reporter contract: live hooks while the engine runs (all optional) and one hook with the checked tree at the end.
 * One file per reporter; the registry in index.ts names the built-in ones.
 */
import type { RunListener } from '../engine/result';
import type { CheckedRun } from '../check';
import type { Redactor } from './redact';

export interface ReporterContext {
  /** Folder for files (reports/ by default). */
  outDir: string;
  redactor: Redactor;
  /** Where human-readable lines go (stdout by default). */
  write: (line: string) => void;
  color: boolean;
}

export interface Reporter extends RunListener {
  readonly name: string;
  /** Called once with the checked, not yet redacted tree; the reporter redacts with ctx.redactor. */
  onChecked?(run: CheckedRun): void | Promise<void>;
  /** Files this reporter wrote (for the CLI to print). */
  files?(): string[];
}

export type ReporterFactory = (ctx: ReporterContext) => Reporter;
