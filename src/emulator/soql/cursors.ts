/**
 * Query cursors for queryMore (wire spec §6.3): the rows of a query that needs more than one batch,
 * kept under an 18-char locator with the `0r8` prefix. A nextRecordsUrl is
 * `/services/data/vXX.X/query/<locator>-<offset>`; any version and `/queryAll/` serve it. Cursors
 * live two days (API v56+); the oldest are dropped past `capacity`. A cursor belongs to the user whose query opened
 * it (its rows are that user's view): for anyone else its locator is unknown.
 */
import { IdFactory } from '../ids';
import type { QueryRun } from './execute';

export const DEFAULT_BATCH_SIZE = 2000;
export const MIN_BATCH_SIZE = 200;
const CURSOR_LIFETIME_MS = 2 * 24 * 3600 * 1000;

interface Cursor {
  run: QueryRun;
  batchSize: number;
  createdAt: number;
  ownerId: string;
}

/** `Sforce-Query-Options: batchSize=N`, clamped to [200, 2000]; 2000 when absent or unreadable. */
export function batchSizeOf(header: string | undefined): number {
  const match = /batchSize\s*=\s*(\d+)/i.exec(header ?? '');
  if (!match) return DEFAULT_BATCH_SIZE;
  return Math.min(DEFAULT_BATCH_SIZE, Math.max(MIN_BATCH_SIZE, Number(match[1])));
}

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();
  private readonly ids = new IdFactory('Lo');

  constructor(
    private readonly now: () => number,
    private readonly capacity = 200,
  ) {}

  open(run: QueryRun, batchSize: number, ownerId: string): string {
    const id = this.ids.next('0r8');
    this.cursors.set(id, { run, batchSize, createdAt: this.now(), ownerId });
    if (this.cursors.size > this.capacity) this.cursors.delete(this.cursors.keys().next().value as string);
    return id;
  }

  /** The cursor of `<locator>-<offset>`, or undefined when unknown, expired, out of range or another user's. */
  resolve(locator: string, userId: string): { id: string; cursor: Cursor; offset: number } | undefined {
    const match = /^([0-9A-Za-z]{18})-(\d{1,9})$/.exec(locator);
    if (!match) return undefined;
    const cursor = this.cursors.get(match[1]!);
    const offset = Number(match[2]);
    if (!cursor || cursor.ownerId !== userId || this.now() - cursor.createdAt > CURSOR_LIFETIME_MS) return undefined;
    if (offset <= 0 || offset >= cursor.run.rows.length) return undefined;
    return { id: match[1]!, cursor, offset };
  }
}
