/**
 * Semi-joins and anti-joins: `WHERE Id IN (SELECT AccountId FROM Contact WHERE ...)` and `NOT IN`.
 * The inner query selects one id or reference field; it is compiled into the same SQL statement
 * (same parameters, its own table aliases) with the caller's sharing and deleted-row filters.
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { quoteIdent } from '../data/db';
import { baseFilters } from './compile';
import type { QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import { Joins } from './joins';
import { categoryOf } from './literals';
import type { ResolvedPath } from './paths';
import { resolvePath } from './paths';
import { keywordOffset, pathOffset } from './tokens';
import { compileWhere } from './where';

export function semiJoin(operator: string, path: ResolvedPath, column: string, inner: Query, env: QueryEnv): string {
  if (operator !== 'IN' && operator !== 'NOT IN') throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.unexpectedToken(operator));
  if (categoryOf(path.field) !== 'id') {
    throw new SoqlError('INVALID_FIELD', `Field ${path.field.name} is not an id or a reference and cannot be used in a semi-join`);
  }
  const objectName = inner.sObject ?? '';
  const found = env.store.schema.object(objectName);
  const root = found && !env.access.unreadableObjects?.has(found.name) ? found : undefined;
  const fromAt = pathOffset(env.tokens, objectName, keywordOffset(env.tokens.slice(1), 'FROM') ?? 0);
  if (!root) throw locatedError('INVALID_TYPE', env.soql, fromAt, SOQL_TEXT.unsupportedType(objectName));
  const fields = inner.fields ?? [];
  const only = fields[0];
  if (fields.length !== 1 || !only || (only.type !== 'Field' && only.type !== 'FieldRelationship')) {
    throw new SoqlError('MALFORMED_QUERY', 'The inner select field of a semi-join must be a single id or reference field');
  }
  // Semi-joins cannot nest in SOQL, so sibling subqueries may share the alias.
  const alias = 's0';
  const innerEnv: QueryEnv = { ...env, root, alias: inner.sObjectAlias };
  const joins = new Joins(alias, env.access, env.params);
  const raw = only.type === 'Field' ? only.field : [...only.relationships, only.field].join('.');
  const resolved = resolvePath(env.store.schema, root, raw, inner.sObjectAlias);
  if ('error' in resolved) throw locatedError('INVALID_FIELD', env.soql, pathOffset(env.tokens, raw, 0), resolved.error);
  if (categoryOf(resolved.path.field) !== 'id') {
    throw new SoqlError('INVALID_FIELD', `The inner select field of a semi-join must be an id or a reference: ${resolved.path.field.name}`);
  }
  const selected = joins.column(resolved.path);
  const filters = baseFilters(inner, innerEnv, alias, false);
  filters.push(`${selected} IS NOT NULL`);
  if (inner.where) filters.push(compileWhere(inner.where, innerEnv, joins));
  const sql = `SELECT ${selected} FROM ${quoteIdent(root.name)} ${alias} ${joins.clauses.join(' ')} WHERE ${filters.join(' AND ')}`;
  return operator === 'IN' ? `${column} IN (${sql})` : `(${column} IS NULL OR ${column} NOT IN (${sql}))`;
}
