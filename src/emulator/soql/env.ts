/** What the SOQL engine knows about one query while it compiles and runs it. */
import type { SObjectDef } from '../data/schema';
import type { RecordStore } from '../data/store';
import type { Token } from './tokens';

export interface QueryEnv {
  soql: string;
  tokens: Token[];
  store: RecordStore;
  /** The FROM object. */
  root: SObjectDef;
  alias?: string;
  /** Where each clause starts in the text, to place carets (0 when absent). */
  offsets: { from: number; where: number; orderBy: number };
}
