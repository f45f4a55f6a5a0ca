/**
 * Aggregate queries (COUNT(field), COUNT_DISTINCT, SUM, AVG, MIN, MAX, GROUP BY, HAVING) compiled to
 * SQL. Each row is an AggregateResult (wire spec §6.3): `attributes` holds only the type; grouped
 * fields keep their schema name (the last segment of a path) and unaliased aggregates are `expr0`,
 * `expr1`... in SELECT order.
 */
import type { FunctionExp, Query, FieldType as SelectItem, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { FieldDef } from '../data/schema';
import { fromSql } from '../data/store';
import { baseFilters, tail, type CompiledQuery, type QueryRecord } from './compile';
import type { QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import { Joins } from './joins';
import { compileOrderBy } from './order';
import { resolvePath } from './paths';
import { pathOffset } from './tokens';
import { compileWhere } from './where';

const FUNCTIONS: Record<string, (column: string) => string> = {
  COUNT: (c) => `COUNT(${c})`,
  COUNT_DISTINCT: (c) => `COUNT(DISTINCT ${c})`,
  SUM: (c) => `SUM(${c})`,
  AVG: (c) => `AVG(${c})`,
  MIN: (c) => `MIN(${c})`,
  MAX: (c) => `MAX(${c})`,
};
const NUMERIC_ONLY = new Set(['SUM', 'AVG']);

export function isAggregateQuery(query: Query): boolean {
  if (query.groupBy) return true;
  return (query.fields ?? []).some((f) => f.type === 'FieldFunctionExpression' && f.isAggregateFn === true && f.parameters.length > 0);
}

interface Output {
  key: string;
  column: number;
  /** The field read, for typing the value (booleans, dates); undefined for counts. */
  field?: FieldDef;
  numeric: boolean;
}

export function compileAggregateQuery(query: Query, env: QueryEnv, includeDeleted: boolean): CompiledQuery {
  const alias = 't0';
  const joins = new Joins(alias, env.access, env.params);
  const fieldColumn = (raw: string, at: number): { sql: string; field: FieldDef } => {
    const resolved = resolvePath(env.store.schema, env.root, raw, env.alias);
    if ('error' in resolved) throw locatedError('INVALID_FIELD', env.soql, at, resolved.error);
    return { sql: joins.column(resolved.path), field: resolved.path.field };
  };
  const aggregate = (fn: FunctionExp, at: number): { sql: string; field?: FieldDef; numeric: boolean } => {
    const name = (fn.functionName ?? '').toUpperCase();
    const build = FUNCTIONS[name];
    if (!build) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`${fn.functionName ?? ''}() in an aggregate query`));
    const param = fn.parameters?.[0];
    if (param === undefined) return { sql: 'COUNT(*)', numeric: true };
    if (typeof param !== 'string') throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A nested function'));
    const { sql, field } = fieldColumn(param, pathOffset(env.tokens, param, at));
    const numeric = field.type === 'int' || field.type === 'double' || field.type === 'currency';
    if (NUMERIC_ONLY.has(name) && !numeric) {
      throw locatedError('MALFORMED_QUERY', env.soql, at, `field ${field.name} does not support aggregate operator ${name}`);
    }
    const counts = name.startsWith('COUNT');
    return { sql: build(sql), field: counts ? undefined : field, numeric: counts || numeric };
  };

  const groupColumns: string[] = [];
  const groups = query.groupBy === undefined ? [] : Array.isArray(query.groupBy) ? query.groupBy : [query.groupBy];
  for (const group of groups) {
    if (!('field' in group)) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A function in GROUP BY'));
    groupColumns.push(fieldColumn(group.field, pathOffset(env.tokens, group.field, 0)).sql);
  }

  const columns: string[] = [];
  const outputs: Output[] = [];
  let expr = 0;
  for (const item of query.fields ?? []) {
    outputs.push(selectOutput(item, env, columns, groupColumns, fieldColumn, aggregate, () => `expr${expr++}`));
  }

  const filters = baseFilters(query, env, alias, includeDeleted);
  if (query.where) filters.push(compileWhere(query.where, env, joins));
  const having = query.having
    ? compileWhere(query.having as unknown as WhereClause, env, joins, (fn, at) => aggregate(fn, at).sql, pathOffset(env.tokens, 'HAVING', 0))
    : undefined;
  const order = compileOrderBy(query.orderBy, env, joins, (fn, at) => aggregate(fn, at).sql);
  let sql = `SELECT ${columns.join(', ')} FROM "${env.root.name}" ${alias} ${joins.clauses.join(' ')}`;
  if (filters.length > 0) sql += ` WHERE ${filters.join(' AND ')}`;
  if (groupColumns.length > 0) sql += ` GROUP BY ${groupColumns.join(', ')}`;
  if (having) sql += ` HAVING ${having}`;
  if (order.length > 0) sql += ` ORDER BY ${order.join(', ')}`;
  sql += tail(query, env);
  return {
    sql,
    params: env.params.values,
    countOnly: false,
    project: (row) => {
      const out: QueryRecord = { attributes: { type: 'AggregateResult' } };
      for (const o of outputs) out[o.key] = o.field ? fromSql(o.field, row[o.column]) : (row[o.column] as unknown) ?? null;
      return out;
    },
  };
}

function selectOutput(
  item: SelectItem,
  env: QueryEnv,
  columns: string[],
  groupColumns: readonly string[],
  fieldColumn: (raw: string, at: number) => { sql: string; field: FieldDef },
  aggregate: (fn: FunctionExp, at: number) => { sql: string; field?: FieldDef; numeric: boolean },
  nextExpr: () => string,
): Output {
  if (item.type === 'Field' || item.type === 'FieldRelationship') {
    const raw = item.type === 'Field' ? item.field : [...item.relationships, item.field].join('.');
    const spelled = 'rawValue' in item && item.rawValue ? item.rawValue : raw;
    const at = pathOffset(env.tokens, spelled, 0);
    const { sql, field } = fieldColumn(raw, at);
    if (!groupColumns.includes(sql)) throw locatedError('MALFORMED_QUERY', env.soql, at, `Field must be grouped or aggregated: ${field.name}`);
    columns.push(sql);
    const alias = 'alias' in item ? item.alias : undefined;
    return { key: alias ?? field.name, column: columns.length - 1, field, numeric: false };
  }
  if (item.type === 'FieldFunctionExpression' && item.isAggregateFn) {
    const at = pathOffset(env.tokens, item.functionName, 0);
    const compiled = aggregate({ functionName: item.functionName, parameters: item.parameters as string[], rawValue: item.rawValue }, at);
    columns.push(compiled.sql);
    return { key: item.alias ?? nextExpr(), column: columns.length - 1, field: compiled.field, numeric: compiled.numeric };
  }
  throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`${item.type} in an aggregate query`));
}
