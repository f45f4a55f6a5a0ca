/**
 * The reporter contract: live hooks while the engine runs (all optional) and one hook with the checked tree at the end.
 * One file per reporter; the registry in index.ts names the built-in ones.
 */
import type { RunListener } from '../engine/result';
import type { CheckedRun } from '../check';
import type { Redactor } from './redact';

/** Where file reporters write instead of their default name in outDir (absolute, or relative to outDir). */
export interface ReportExports {
  junit?: string;
  json?: string;
  html?: string;
}

export interface ReporterContext {
  /** Folder for files (reports/ by default). */
  outDir: string;
  redactor: Redactor;
  /** Where human-readable lines go (stdout by default); one call per line, no newline. */
  write: (line: string) => void;
  color: boolean;
  /** --reporter-junit-export and friends. */
  exports?: ReportExports;
  /** --verbose: the terminal shows each request and response (redacted). */
  verbose?: boolean;
  /**
   * Rewrites one progress line in place (a TTY outside CI). Absent: plain lines only. The text has no newline; the
   * reporter clears it with `progress('')` before writing lines.
   */
  progress?: (text: string) => void;
}

export interface Reporter extends RunListener {
  readonly name: string;
  /** Called once with the checked, not yet redacted tree; the reporter redacts with ctx.redactor. */
  onChecked?(run: CheckedRun): void | Promise<void>;
  /** Files this reporter wrote (for the CLI to print). */
  files?(): string[];
}

export type ReporterFactory = (ctx: ReporterContext) => Reporter;
