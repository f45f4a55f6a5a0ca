/** Report files are written atomically (temp file, then rename) so a reader never sees half a report. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** `fileName` is relative to `outDir`, or absolute (--reporter-*-export FILE). */
export function writeReportFile(outDir: string, fileName: string, content: string): string {
  const target = resolve(outDir, fileName);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  // Reports can hold variable values (redacted) and response excerpts: owner-only. The temp file is always a new one
  // ('wx'), so neither a stale file's mode nor a symlink planted at its path decides where the content goes or who reads it.
  rmSync(tmp, { force: true });
  writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, target);
  return target;
}
