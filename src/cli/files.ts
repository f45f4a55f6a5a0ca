/** Reading user files with errors that name the file, the position and the fix. */
import { readFileSync } from 'node:fs';
import { SfcheckError } from '../errors';

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(e)})`;
    throw new SfcheckError('SFCHECK_FILE_UNREADABLE', `${what} ${path} ${why}`, `check the path and permissions of the ${what}`);
  }
}

export function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = '';
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split('\n').length;
      const column = Number(pos[1]) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    throw new SfcheckError(
      'SFCHECK_BAD_JSON',
      `${what} ${path} is not valid JSON${where}: ${msg}`,
      `fix the JSON syntax${where}, or export the ${what} again from Postman`,
    );
  }
}
