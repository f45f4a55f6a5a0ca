/** `sfcheck generate --check`: which generated files are missing on disk or differ from what would be written. */
import type { GeneratedFile } from './index';

/** Pure: the CLI passes a reader that returns a file's text, or undefined when it does not exist. */
export function diffGenerated(files: GeneratedFile[], readExisting: (path: string) => string | undefined): string[] {
  return files.filter((f) => readExisting(f.path) !== f.content).map((f) => f.path);
}
