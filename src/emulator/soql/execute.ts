/**
 * Runs one SOQL query over the record store and returns the REST QueryResult (wire spec §6.3):
 * `{totalSize, done, records}`, each record `attributes` first and then the selected fields in SELECT
 * order with schema casing; parent relationships nest as records of their own (or null).
 *
 * Implemented: field lists with parent paths, WHERE (= != < > <= >= LIKE IN NOT IN, AND/OR/NOT,
 * parentheses), ORDER BY (ASC/DESC, NULLS FIRST/LAST), LIMIT, OFFSET, COUNT(), USING SCOPE mine|everything.
 * Anything else is a 400 that says it is not emulated, never a 500.
 */
import type { FieldType as SelectItem, OrderByClause, Query } from '@jetstreamapp/soql-parser-js';
import type { RecordStore, StoredRecord } from '../data/store';
import type { QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import { categoryOf, comparable, type Operand } from './literals';
import { parseSoql } from './parse';
import { resolvePath, valueAt, walk, type ResolvedPath } from './paths';
import { keywordOffset, pathOffset, tokenize } from './tokens';
import { compileWhere, type Predicate } from './where';

export interface QueryScope {
  store: RecordStore;
  /** The session's user: `USING SCOPE mine`, and sharing later. */
  userId: string;
  /** API version of the request, e.g. `58.0`, for `attributes.url`. */
  version: string;
}

export interface RecordAttributes {
  type: string;
  url: string;
}

export interface QueryRecord {
  attributes: RecordAttributes;
  [field: string]: unknown;
}

export interface QueryResult {
  totalSize: number;
  done: boolean;
  records: QueryRecord[];
}

const notEmulated = (feature: string): SoqlError => new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(feature));

export function executeSoql(soql: string, scope: QueryScope): QueryResult {
  const query = parseSoql(soql);
  const tokens = tokenize(soql);
  const offsets = {
    from: keywordOffset(tokens, 'FROM') ?? 0,
    where: keywordOffset(tokens, 'WHERE') ?? 0,
    orderBy: keywordOffset(tokens, 'ORDER') ?? 0,
  };
  const objectName = query.sObject ?? '';
  const root = scope.store.schema.object(objectName);
  if (!root) {
    throw locatedError('INVALID_TYPE', soql, pathOffset(tokens, objectName, offsets.from), SOQL_TEXT.unsupportedType(objectName));
  }
  rejectUnemulated(query);
  const env: QueryEnv = { soql, tokens, store: scope.store, root, alias: query.sObjectAlias, offsets };

  const fields = query.fields ?? [];
  const countOnly = fields.length === 1 && isCountStar(fields[0]!);
  const selected = countOnly ? [] : fields.map((f) => resolveSelectItem(f, env));
  const where: Predicate = query.where ? compileWhere(query.where, env) : () => true;
  const order = compileOrderBy(query.orderBy, env);
  const inScope = scopeFilter(query, env, scope.userId);

  let rows = scope.store.all(root.name).filter((r) => r.values.IsDeleted !== true && inScope(r) && where(r));
  if (order) rows = [...rows].sort(order);
  const start = query.offset ?? 0;
  rows = rows.slice(start, query.limit === undefined ? undefined : start + query.limit);

  if (countOnly) return { totalSize: rows.length, done: true, records: [] };
  return { totalSize: rows.length, done: true, records: rows.map((r) => project(r, selected, env, scope.version)) };
}

function rejectUnemulated(query: Query): void {
  if (query.groupBy) throw notEmulated('GROUP BY');
  if (query.having) throw notEmulated('HAVING');
  if (query.withDataCategory) throw notEmulated('WITH DATA CATEGORY');
}

function isCountStar(field: SelectItem): boolean {
  return field.type === 'FieldFunctionExpression' && field.functionName.toUpperCase() === 'COUNT' && field.parameters.length === 0;
}

function resolveSelectItem(item: SelectItem, env: QueryEnv): ResolvedPath {
  let raw: string;
  switch (item.type) {
    case 'Field':
      raw = item.field;
      break;
    case 'FieldRelationship':
      raw = [...item.relationships, item.field].join('.');
      break;
    case 'FieldFunctionExpression':
      throw notEmulated(isCountStar(item) ? 'COUNT() with other fields' : `${item.functionName}() in SELECT`);
    case 'FieldSubquery':
      throw notEmulated('A child relationship subquery');
    case 'FieldTypeof':
      throw notEmulated('TYPEOF');
  }
  const resolved = resolvePath(env.store.schema, env.root, raw, env.alias);
  if ('error' in resolved) {
    const spelled = 'rawValue' in item && item.rawValue ? item.rawValue : raw;
    throw locatedError('INVALID_FIELD', env.soql, pathOffset(env.tokens, spelled, 0), resolved.error);
  }
  return resolved.path;
}

function scopeFilter(query: Query, env: QueryEnv, userId: string): Predicate {
  const scope = query.usingScope?.toLowerCase();
  if (scope === undefined || scope === 'everything') return () => true;
  if (scope === 'mine' && env.store.schema.field(env.root, 'OwnerId')) return (r) => r.values.OwnerId === userId;
  throw notEmulated(`USING SCOPE ${query.usingScope ?? ''} on ${env.root.name}`);
}

/** SOQL default: nulls sort last ascending and first descending. */
function compileOrderBy(orderBy: OrderByClause | OrderByClause[] | undefined, env: QueryEnv): ((a: StoredRecord, b: StoredRecord) => number) | undefined {
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  if (clauses.length === 0) return undefined;
  const keys = clauses.map((clause) => {
    if (!('field' in clause)) throw notEmulated('A function in ORDER BY');
    const resolved = resolvePath(env.store.schema, env.root, clause.field, env.alias);
    if ('error' in resolved) {
      throw locatedError('INVALID_FIELD', env.soql, pathOffset(env.tokens, clause.field, env.offsets.orderBy), resolved.error);
    }
    const descending = clause.order === 'DESC';
    const nullsFirst = clause.nulls ? clause.nulls === 'FIRST' : descending;
    const category = categoryOf(resolved.path.field);
    return { path: resolved.path, descending, nullsFirst, read: (r: StoredRecord): Operand => comparable(valueAt(env.store, r, resolved.path), category) };
  });
  return (a, b) => {
    for (const key of keys) {
      const va = key.read(a);
      const vb = key.read(b);
      if (va === vb) continue;
      if (va === null) return key.nullsFirst ? -1 : 1;
      if (vb === null) return key.nullsFirst ? 1 : -1;
      const sign = va < vb ? -1 : 1;
      return key.descending ? -sign : sign;
    }
    return 0;
  };
}

function attributesOf(record: StoredRecord, version: string): RecordAttributes {
  return { type: record.type, url: `/services/data/v${version}/sobjects/${record.type}/${String(record.values.Id)}` };
}

function project(record: StoredRecord, selected: readonly ResolvedPath[], env: QueryEnv, version: string): QueryRecord {
  const out: QueryRecord = { attributes: attributesOf(record, version) };
  for (const path of selected) {
    let target: QueryRecord = out;
    let holder: StoredRecord | null = record;
    for (let depth = 0; depth < path.hops.length && holder; depth++) {
      const hop = path.hops[depth]!;
      const key = hop.relationshipName ?? hop.name;
      holder = walk(env.store, holder, [hop]);
      if (!holder) {
        if (!(key in target)) target[key] = null;
        break;
      }
      const existing = target[key];
      const nested: QueryRecord = isRecord(existing) ? existing : { attributes: attributesOf(holder, version) };
      target[key] = nested;
      target = nested;
    }
    if (holder) target[path.field.name] = holder.values[path.field.name] ?? null;
  }
  return out;
}

function isRecord(value: unknown): value is QueryRecord {
  return typeof value === 'object' && value !== null && 'attributes' in value;
}
