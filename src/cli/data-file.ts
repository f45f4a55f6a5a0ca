/**
 * -d / --iteration-data FILE: a JSON array of objects, or a CSV file with a header row, read as newman reads it
 * (csv-parse with newman's options: header row for column names, `"` quoting, fields trimmed, relaxed quotes and column
 * counts, BOM stripped; unquoted integers and decimals become numbers). Unlike newman, a file that is neither gives a
 * clear error instead of an empty run: invalid JSON or CSV, JSON that is not an array of objects.
 */
import { SfcheckError } from '../errors';
import { readText } from './files';

type Row = Record<string, unknown>;

const CSV_OPTIONS = {
  columns: true,
  escape: '"',
  trim: true,
  relax: true,
  relax_column_count: true,
  bom: true,
} as const;

/** newman's csvAutoParse: quoted values stay text, unquoted integers and decimals become numbers. */
function autoCast(value: string, context: { quoting: boolean }): unknown {
  if (context.quoting) return value;
  if (/^(-|\+)?([1-9]+[0-9]*)$/.test(value)) return parseInt(value, 10);
  if (Number(value) - parseFloat(value) + 1 >= 0) return parseFloat(value);
  return value;
}

export function readIterationData(path: string): Row[] {
  const text = readText(path, 'iteration data file');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const json = /\.json$/i.test(path) || trimmed.startsWith('[') || trimmed.startsWith('{');
  return json ? jsonRows(path, trimmed) : csvRows(path, text);
}

function jsonRows(path: string, text: string): Row[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const where = pos ? ` at line ${text.slice(0, Number(pos[1])).split('\n').length}` : '';
    throw new SfcheckError('SFCHECK_BAD_DATA_FILE', `iteration data file ${path} is not valid JSON${where}: ${msg}`, `fix the JSON${where}: a data file is an array of objects, e.g. [{"q": "a"}, {"q": "b"}]`);
  }
  if (!Array.isArray(doc)) {
    throw new SfcheckError(
      'SFCHECK_BAD_DATA_FILE',
      `iteration data file ${path} holds a JSON ${doc === null ? 'null' : typeof doc}, not an array of objects`,
      'write one object per iteration in a JSON array, e.g. [{"q": "a"}, {"q": "b"}]',
    );
  }
  doc.forEach((row, i) => {
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      throw new SfcheckError(
        'SFCHECK_BAD_DATA_FILE',
        `iteration data file ${path}: element [${i}] is ${Array.isArray(row) ? 'an array' : JSON.stringify(row)}, not an object`,
        'each element is one iteration\'s variables, e.g. {"q": "a"}',
      );
    }
  });
  return doc as Row[];
}

function csvRows(path: string, text: string): Row[] {
  const parse = (require('csv-parse/lib/sync') as typeof import('csv-parse/lib/sync'));
  try {
    return parse(text, { ...CSV_OPTIONS, cast: autoCast as never }) as Row[];
  } catch (e) {
    const err = e as Error & { lines?: number; column?: unknown };
    const where = typeof err.lines === 'number' ? ` at line ${err.lines}` : '';
    throw new SfcheckError(
      'SFCHECK_BAD_DATA_FILE',
      `iteration data file ${path} is not valid CSV${where}: ${err.message}`,
      `fix the CSV${where} (a header row, then one row per iteration; quote values with "), or use a JSON array of objects`,
    );
  }
}
