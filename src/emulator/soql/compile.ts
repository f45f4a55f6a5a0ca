/**
 * A parsed record query compiled to one SQL statement with named parameters: the selected columns,
 * LEFT JOINs for parent relationships, WHERE, sharing, USING SCOPE, ORDER BY (insertion order breaks
 * ties), LIMIT and OFFSET. Rows come back as arrays and `project` turns one into the REST record
 * (wire spec §6.3): `attributes` first, then the fields in SELECT order with schema casing, parents
 * nested (null when empty), child subqueries as nested QueryResults.
 */
import type { FieldType as SelectItem, Query } from '@jetstreamapp/soql-parser-js';
import { quoteIdent, type SqlValue } from '../data/db';
import type { FieldDef, SObjectDef } from '../data/schema';
import { fromSql } from '../data/store';
import { Params, type QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import { Joins, visibilitySql } from './joins';
import { compileOrderBy } from './order';
import { resolvePath, type ResolvedPath } from './paths';
import { pathOffset } from './tokens';
import { compileWhere } from './where';

export interface QueryRecord {
  attributes: { type: string; url?: string };
  [field: string]: unknown;
}

export interface ChildResult {
  totalSize: number;
  done: boolean;
  records: QueryRecord[];
}

export interface CompiledQuery {
  sql: string;
  params: Record<string, SqlValue>;
  countOnly: boolean;
  project(row: unknown[], version: string): QueryRecord;
}

export interface CompileOptions {
  includeDeleted: boolean;
  /** `null` (default) or an empty QueryResult for a child subquery without rows. [UNVERIFIED] */
  emptyChildResult: 'null' | 'empty';
  /** Runs a compiled child query for one parent id. */
  runChild(child: CompiledQuery, parentId: string): unknown[][];
}

type Slot =
  | { kind: 'field'; path: ResolvedPath; column: number; parentIds: number[] }
  | { kind: 'child'; name: string; compiled: CompiledQuery };

const notEmulated = (feature: string): SoqlError => new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(feature));

export function recordUrl(version: string, type: string, id: string): string {
  return `/services/data/v${version}/sobjects/${type}/${id}`;
}

export function isCountStar(item: SelectItem): boolean {
  return item.type === 'FieldFunctionExpression' && item.functionName.toUpperCase() === 'COUNT' && item.parameters.length === 0;
}

function isFieldsFunction(item: SelectItem): item is Extract<SelectItem, { type: 'FieldFunctionExpression' }> {
  return item.type === 'FieldFunctionExpression' && item.functionName.toUpperCase() === 'FIELDS';
}

/** The select items as field paths (FIELDS() expanded) and subqueries. */
function expandItems(query: Query, env: QueryEnv): (ResolvedPath | Query)[] {
  const out: (ResolvedPath | Query)[] = [];
  for (const item of query.fields ?? []) {
    if (isCountStar(item) && (query.fields ?? []).length === 1) continue;
    if (isFieldsFunction(item)) {
      const kind = String(item.parameters[0] ?? '').toUpperCase();
      if (kind !== 'STANDARD' && (query.limit === undefined || query.limit > 200)) {
        throw new SoqlError('MALFORMED_QUERY', 'The SOQL FIELDS function must have a LIMIT of at most 200');
      }
      if (kind === 'CUSTOM') continue;
      for (const field of env.root.fields) out.push({ text: field.name, hops: [], objects: [], field });
      continue;
    }
    switch (item.type) {
      case 'Field':
      case 'FieldRelationship': {
        const raw = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
        const resolved = resolvePath(env.store.schema, env.root, raw, env.alias);
        if ('error' in resolved) {
          const spelled = 'rawValue' in item && item.rawValue ? item.rawValue : raw;
          throw locatedError('INVALID_FIELD', env.soql, pathOffset(env.tokens, spelled, 0), resolved.error);
        }
        out.push(resolved.path);
        break;
      }
      case 'FieldSubquery':
        out.push(item.subquery as Query);
        break;
      case 'FieldTypeof':
        throw notEmulated('TYPEOF');
      default:
        throw notEmulated(`${(item as { functionName?: string }).functionName ?? 'A function'}() in SELECT`);
    }
  }
  return out;
}

/** The filters every record query carries: deleted rows, sharing, USING SCOPE. */
export function baseFilters(query: Query, env: QueryEnv, alias: string, includeDeleted: boolean): string[] {
  const filters: string[] = [];
  if (!includeDeleted && env.root.fields.some((f) => f.name === 'IsDeleted')) filters.push(`${alias}."IsDeleted" = 0`);
  const visible = visibilitySql(env.root, alias, env.access, env.params);
  if (visible) filters.push(visible);
  const scope = query.usingScope?.toLowerCase();
  if (scope === 'mine' && env.root.fields.some((f) => f.name === 'OwnerId')) filters.push(`${alias}."OwnerId" = ${env.params.add(env.access.userId)}`);
  else if (scope !== undefined && scope !== 'everything') throw notEmulated(`USING SCOPE ${query.usingScope ?? ''} on ${env.root.name}`);
  return filters;
}

export function tail(query: Query, env: QueryEnv): string {
  let sql = '';
  if (query.offset !== undefined && query.offset > 2000) {
    throw new SoqlError('NUMBER_OUTSIDE_VALID_RANGE', `Maximum SOQL offset allowed is 2000`);
  }
  // Bound as integers: SQLite refuses a LIMIT that does not fit in 64 bits.
  const bounded = (n: number): number => (Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER);
  if (query.limit !== undefined || query.offset !== undefined) sql += ` LIMIT ${env.params.add(query.limit === undefined ? -1 : bounded(query.limit))}`;
  if (query.offset !== undefined) sql += ` OFFSET ${env.params.add(bounded(query.offset))}`;
  return sql;
}

export function compileRecordQuery(query: Query, env: QueryEnv, options: CompileOptions, childOf?: FieldDef): CompiledQuery {
  const alias = 't0';
  const joins = new Joins(alias, env.access, env.params);
  const columns: string[] = [`${alias}."Id"`];
  const columnIndex = (sql: string): number => {
    const at = columns.indexOf(sql);
    if (at >= 0) return at;
    columns.push(sql);
    return columns.length - 1;
  };
  const slots: Slot[] = [];
  for (const item of expandItems(query, env)) {
    if ('field' in item && 'hops' in item) {
      const parentIds = item.hops.map((_h, depth) => columnIndex(`${joins.aliasAt(item, depth + 1)}."Id"`));
      slots.push({ kind: 'field', path: item, column: columnIndex(joins.column(item)), parentIds });
    } else {
      slots.push(compileChild(item, env, options));
    }
  }
  const filters = baseFilters(query, env, alias, options.includeDeleted);
  if (childOf) filters.push(`${alias}.${quoteIdent(childOf.name)} = @parent`);
  if (query.where) filters.push(compileWhere(query.where, env, joins));
  const order = [...compileOrderBy(query.orderBy, env, joins), `${alias}.rowid`];
  const from = `FROM ${quoteIdent(env.root.name)} ${alias} ${joins.clauses.join(' ')}`;
  const where = filters.length > 0 ? ` WHERE ${filters.join(' AND ')}` : '';
  const countOnly = slots.length === 0 && (query.fields ?? []).some(isCountStar);
  const sql = countOnly
    ? `SELECT COUNT(*) FROM (SELECT 1 ${from}${where}${tail(query, env)})`
    : `SELECT ${columns.join(', ')} ${from}${where} ORDER BY ${order.join(', ')}${tail(query, env)}`;
  const root = env.root;
  return {
    sql,
    params: env.params.values,
    countOnly,
    project: (row, version) => projectRow(row, version, root, slots, options),
  };
}

function compileChild(subquery: Query, env: QueryEnv, options: CompileOptions): Slot {
  const name = (subquery as { relationshipName?: string }).relationshipName ?? subquery.sObject ?? '';
  const found = env.store.schema.childRelationship(env.root, name);
  if (!found) {
    throw locatedError('INVALID_TYPE', env.soql, pathOffset(env.tokens, name, 0),
      `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
  }
  const childEnv: QueryEnv = { ...env, root: found.child, alias: subquery.sObjectAlias, params: new Params() };
  const compiled = compileRecordQuery(subquery, childEnv, options, found.field);
  const relationshipName = found.field.childRelationshipName ?? name;
  return { kind: 'child', name: relationshipName, compiled };
}

function projectRow(row: unknown[], version: string, root: SObjectDef, slots: readonly Slot[], options: CompileOptions): QueryRecord {
  const id = String(row[0]);
  const out: QueryRecord = { attributes: { type: root.name, url: recordUrl(version, root.name, id) } };
  for (const slot of slots) {
    if (slot.kind === 'child') {
      const rows = options.runChild(slot.compiled, id);
      const records = rows.map((r) => slot.compiled.project(r, version));
      out[slot.name] = records.length === 0 && options.emptyChildResult === 'null' ? null : { totalSize: records.length, done: true, records };
      continue;
    }
    let target: QueryRecord | null = out;
    for (let depth = 0; depth < slot.path.hops.length && target; depth++) {
      const key = slot.path.hops[depth]!.relationshipName ?? slot.path.hops[depth]!.name;
      const parentId = row[slot.parentIds[depth]!];
      if (parentId === null || parentId === undefined) {
        if (!(key in target)) target[key] = null;
        target = null;
        break;
      }
      const existing = target[key];
      const type = slot.path.objects[depth]!.name;
      const nested: QueryRecord = isRecord(existing) ? existing : { attributes: { type, url: recordUrl(version, type, String(parentId)) } };
      target[key] = nested;
      target = nested;
    }
    if (target) target[slot.path.field.name] = fromSql(slot.path.field, row[slot.column]);
  }
  return out;
}

function isRecord(value: unknown): value is QueryRecord {
  return typeof value === 'object' && value !== null && 'attributes' in value;
}
