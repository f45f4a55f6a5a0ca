/**
 * ORDER BY to SQL. Text columns sort case-insensitively (their collation); nulls sort as the lowest
 * value unless NULLS FIRST/LAST says otherwise ("By default, null values are sorted first", SOQL guide).
 */
import type { OrderByClause } from '@jetstreamapp/soql-parser-js';
import type { QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import type { Joins } from './joins';
import { resolvePath } from './paths';
import { pathOffset } from './tokens';
import type { AggregateSql } from './where';

export function compileOrderBy(orderBy: OrderByClause | OrderByClause[] | undefined, env: QueryEnv, joins: Joins, aggregate?: AggregateSql): string[] {
  const clauses = orderBy === undefined ? [] : Array.isArray(orderBy) ? orderBy : [orderBy];
  return clauses.map((clause) => {
    let expression: string;
    if ('field' in clause && clause.field !== undefined) {
      const resolved = resolvePath(env.store.schema, env.root, clause.field, env.alias);
      if ('error' in resolved) {
        throw locatedError('INVALID_FIELD', env.soql, pathOffset(env.tokens, clause.field, env.offsets.orderBy), resolved.error);
      }
      expression = joins.column(resolved.path);
    } else if ('fn' in clause && clause.fn && aggregate) {
      expression = aggregate(clause.fn, pathOffset(env.tokens, clause.fn.functionName ?? '', env.offsets.orderBy));
    } else {
      throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A function in ORDER BY'));
    }
    const direction = clause.order === 'DESC' ? 'DESC' : 'ASC';
    const nulls = clause.nulls ? ` NULLS ${clause.nulls}` : '';
    return `${expression} ${direction}${nulls}`;
  });
}
