/**
 * Runs one SOQL query on the SQLite store (wire spec §6.3): parse (caret-form MALFORMED_QUERY),
 * resolve the FROM object (INVALID_TYPE), compile to one SQL statement with bound parameters (cached
 * per query shape) and fetch every row. The caller pages the rows into batches; `project` builds the
 * REST record of a row for the API version of the request that serves it.
 *
 * Emulated: field lists with parent paths and FIELDS(), child subqueries, WHERE (= != < <= > >= LIKE
 * IN NOT IN, AND/OR/NOT, null, date and datetime literals, date literals), ORDER BY (ASC/DESC, NULLS
 * FIRST/LAST), LIMIT, OFFSET, COUNT(), aggregates with GROUP BY/HAVING, semi-joins, USING SCOPE mine|everything.
 * Anything else is a 400 that says it is not emulated, never a 500.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { RecordStore } from '../data/store';
import { compileAggregateQuery, isAggregateQuery } from './aggregate';
import { compileRecordQuery, type CompiledQuery, type QueryRecord } from './compile';
import { Params, type QueryAccess, type QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import { parseSoql } from './parse';
import { keywordOffset, pathOffset, tokenize } from './tokens';

export type { QueryRecord } from './compile';

export interface QueryScope {
  store: RecordStore;
  access: QueryAccess;
  now: Date;
  /** queryAll: deleted rows too. */
  includeDeleted?: boolean;
  /** A child subquery without rows: `null` (default) or an empty QueryResult. [UNVERIFIED] */
  emptyChildResult?: 'null' | 'empty';
}

export interface QueryRun {
  /** Every row the query matches (after LIMIT/OFFSET): totalSize is their count. */
  rows: unknown[][];
  totalSize: number;
  /** `SELECT COUNT()`: totalSize only, no records. */
  countOnly: boolean;
  project(row: unknown[], version: string): QueryRecord;
}

export interface QueryResult {
  totalSize: number;
  done: boolean;
  records: QueryRecord[];
}

function rejectUnemulated(query: Query): void {
  if (query.withDataCategory) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('WITH DATA CATEGORY'));
  if (query.for) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`FOR ${String(query.for)}`));
}

function all(store: RecordStore, compiled: CompiledQuery, extra: Record<string, unknown> = {}): unknown[][] {
  const statement = store.statements.get(compiled.sql);
  statement.raw(true);
  return statement.all({ ...compiled.params, ...extra }) as unknown[][];
}

export function runSoql(soql: string, scope: QueryScope): QueryRun {
  const query = parseSoql(soql);
  const tokens = tokenize(soql);
  const offsets = {
    from: keywordOffset(tokens, 'FROM') ?? 0,
    where: keywordOffset(tokens, 'WHERE') ?? 0,
    orderBy: keywordOffset(tokens, 'ORDER') ?? 0,
  };
  const objectName = query.sObject ?? '';
  const found = scope.store.schema.object(objectName);
  const root = found && !scope.access.unreadableObjects?.has(found.name) ? found : undefined;
  if (!root) {
    throw locatedError('INVALID_TYPE', soql, pathOffset(tokens, objectName, offsets.from), SOQL_TEXT.unsupportedType(objectName));
  }
  rejectUnemulated(query);
  const env: QueryEnv = { soql, tokens, store: scope.store, root, alias: query.sObjectAlias, offsets, access: scope.access, now: scope.now, params: new Params() };
  const includeDeleted = scope.includeDeleted === true;
  const compiled = isAggregateQuery(query)
    ? compileAggregateQuery(query, env, includeDeleted)
    : compileRecordQuery(query, env, {
        includeDeleted,
        emptyChildResult: scope.emptyChildResult ?? 'null',
        runChild: (child, parentId) => all(scope.store, child, { parent: parentId }),
      });
  const rows = all(scope.store, compiled);
  if (compiled.countOnly) return { rows: [], totalSize: Number(rows[0]?.[0] ?? 0), countOnly: true, project: compiled.project };
  return { rows, totalSize: rows.length, countOnly: false, project: compiled.project };
}

/** The whole result in one QueryResult (no batching). */
export function executeSoql(soql: string, scope: QueryScope, version: string): QueryResult {
  const run = runSoql(soql, scope);
  return { totalSize: run.totalSize, done: true, records: run.rows.map((r) => run.project(r, version)) };
}
