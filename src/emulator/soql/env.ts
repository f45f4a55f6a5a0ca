/** What the SOQL engine knows about one query while it compiles it to SQL. */
import type { SqlValue } from '../data/db';
import type { SObjectDef } from '../data/schema';
import type { RecordStore } from '../data/store';
import type { Token } from './tokens';

/** Who runs the query: record visibility and the time zone of date literals. */
export interface QueryAccess {
  userId: string;
  /** Standard offset of the user's time zone in ms (date literals). */
  utcOffsetMs: number;
  /** Owners whose records the user sees on Private objects; undefined: the user sees everything. */
  visibleOwnerIds?: readonly string[];
  /** Objects whose org-wide default is Private. */
  privateObjects: ReadonlySet<string>;
  /** Objects the user's profile cannot read: a query on them is INVALID_TYPE, as for an object that does not exist. */
  unreadableObjects?: ReadonlySet<string>;
  /** Objects the user's profile reads but may not create, edit or delete (the data API's writes refuse them). */
  readOnlyObjects?: ReadonlySet<string>;
}

/** Named SQL parameters (`@p0`, `@p1`...), so clauses can be compiled in any order. */
export class Params {
  readonly values: Record<string, SqlValue> = {};
  private n = 0;

  add(value: SqlValue): string {
    const name = `p${this.n++}`;
    this.values[name] = value;
    return `@${name}`;
  }
}

export interface QueryEnv {
  soql: string;
  tokens: Token[];
  store: RecordStore;
  /** The FROM object. */
  root: SObjectDef;
  alias?: string;
  /** Where each clause starts in the text, to place carets (0 when absent). */
  offsets: { from: number; where: number; orderBy: number };
  access: QueryAccess;
  now: Date;
  params: Params;
}
