/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_MONTH...) as half-open ranges [start, end) computed
 * from an injectable clock in the user's time zone (its standard offset; weeks start on Sunday, the
 * en_US convention), and date/datetime literal normalisation to the stored formats:
 * date `2010-01-01`, datetime `2011-07-07T00:37:00.000+0000` (UTC).
 */
import { SOQL_TEXT, SoqlError } from './errors';

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Start (epoch ms, "local" wall clock as UTC) of the unit `k` units away from the one holding `local`. */
function unitStart(local: Date, unit: Unit, k: number): number {
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const d = local.getUTCDate();
  switch (unit) {
    case 'day':
      return Date.UTC(y, m, d + k);
    case 'week':
      return Date.UTC(y, m, d - local.getUTCDay() + 7 * k);
    case 'month':
      return Date.UTC(y, m + k, 1);
    case 'quarter':
      return Date.UTC(y, Math.floor(m / 3) * 3 + 3 * k, 1);
    case 'year':
      return Date.UTC(y + k, 0, 1);
  }
}

const UNITS: Record<string, Unit> = { DAY: 'day', DAYS: 'day', WEEK: 'week', WEEKS: 'week', MONTH: 'month', MONTHS: 'month', QUARTER: 'quarter', QUARTERS: 'quarter', YEAR: 'year', YEARS: 'year' };

/** [from, to) in unit offsets relative to the current unit, or undefined for an unknown literal. */
function offsets(literal: string, n: number | undefined): { unit: Unit; from: number; to: number } | undefined {
  const word = literal.toUpperCase();
  const fixed: Record<string, [Unit, number, number]> = {
    YESTERDAY: ['day', -1, 0], TODAY: ['day', 0, 1], TOMORROW: ['day', 1, 2],
    LAST_90_DAYS: ['day', -90, 1], NEXT_90_DAYS: ['day', 1, 91],
  };
  const hit = fixed[word];
  if (hit) return { unit: hit[0], from: hit[1], to: hit[2] };
  let m = /^(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR)$/.exec(word);
  if (m) {
    const k = m[1] === 'LAST' ? -1 : m[1] === 'THIS' ? 0 : 1;
    return { unit: UNITS[m[2]!]!, from: k, to: k + 1 };
  }
  if (n === undefined) return undefined;
  m = /^(LAST|NEXT)_N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)$/.exec(word);
  if (m) {
    const unit = UNITS[m[2]!]!;
    // LAST_N_DAYS includes today; the other LAST_N_ forms end where the current unit starts.
    if (m[1] === 'LAST') return { unit, from: -n, to: unit === 'day' ? 1 : 0 };
    return { unit, from: 1, to: n + 1 };
  }
  m = /^N_(DAYS|WEEKS|MONTHS|QUARTERS|YEARS)_AGO$/.exec(word);
  if (m) return { unit: UNITS[m[1]!]!, from: -n, to: -n + 1 };
  return undefined;
}

export interface TimeRange {
  start: string;
  end: string;
}

export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatDateTimeMs(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/**
 * The range a date literal stands for, formatted for a `date` or `datetime` column. Throws SoqlError
 * (message only) for a literal this emulator does not know (fiscal periods).
 */
export function dateLiteralRange(literal: string, n: number | undefined, kind: 'date' | 'datetime', now: Date, utcOffsetMs: number): TimeRange {
  const found = offsets(literal, n);
  if (!found) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`The date literal ${literal}`));
  const local = new Date(now.getTime() + utcOffsetMs);
  const start = unitStart(local, found.unit, found.from);
  const end = unitStart(local, found.unit, found.to);
  if (kind === 'date') return { start: formatDate(start), end: formatDate(end) };
  return { start: formatDateTimeMs(start - utcOffsetMs), end: formatDateTimeMs(end - utcOffsetMs) };
}

/** A DATETIME literal (`2024-01-15T09:30:00Z`, `...+05:30`, `...-0800`, fractions allowed) in the stored UTC form. */
export function normalizeDateTime(raw: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.exec(raw);
  if (!m) return undefined;
  const zone = m[8]!.toUpperCase() === 'Z' ? 'Z' : `${m[8]!.slice(0, 3)}:${m[8]!.slice(-2)}`;
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${zone}`);
  return Number.isNaN(ms) ? undefined : formatDateTimeMs(ms);
}
