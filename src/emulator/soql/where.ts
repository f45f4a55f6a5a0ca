/**
 * WHERE and HAVING clauses compiled to SQL with bound parameters. The parser's linked-list form (with
 * paren counts) is flattened into tokens and parsed again with SOQL's rule that AND and OR may not be
 * mixed at one level without parentheses. SOQL's `!=` and `NOT IN` match null values too.
 */
import type { ConditionWithValueQuery, FunctionExp, LiteralType, NegationCondition, Query, ValueCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { SqlValue } from '../data/db';
import { dateLiteralRange } from './dates';
import type { QueryEnv } from './env';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import type { Joins } from './joins';
import { categoryOf, likePattern, toSqlValue } from './literals';
import { resolvePath, type ResolvedPath } from './paths';
import { semiJoin } from './semijoin';
import { logicalOperatorOffset, pathOffset } from './tokens';

/** A comparison (the library's Condition union also holds the bare `NOT` marker). */
type FieldCondition = Exclude<ConditionWithValueQuery, NegationCondition>;

/** Compiles an aggregate function of HAVING (`COUNT(Id)`) to SQL; absent in WHERE. */
export type AggregateSql = (fn: FunctionExp, at: number) => string;

type Item =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'not' }
  | { kind: 'op'; op: 'AND' | 'OR'; index: number }
  | { kind: 'cond'; cond: FieldCondition };

function isCondition(left: ConditionWithValueQuery | NegationCondition | null): left is FieldCondition {
  return typeof left === 'object' && left !== null && ('field' in left || 'fn' in left);
}

function flatten(node: WhereClause, items: Item[]): void {
  const left: ConditionWithValueQuery | NegationCondition | null = node.left;
  const operator = 'operator' in node ? node.operator : undefined;
  if (!isCondition(left)) {
    for (let i = 0; i < (left?.openParen ?? 0); i++) items.push({ kind: 'open' });
    items.push({ kind: 'not' });
  } else {
    for (let i = 0; i < (left.openParen ?? 0); i++) items.push({ kind: 'open' });
    items.push({ kind: 'cond', cond: left });
    for (let i = 0; i < ('closeParen' in left ? (left.closeParen ?? 0) : 0); i++) items.push({ kind: 'close' });
    if (operator === 'AND' || operator === 'OR') {
      items.push({ kind: 'op', op: operator, index: items.filter((it) => it.kind === 'op').length });
    }
  }
  if ('right' in node && node.right) flatten(node.right, items);
}

export function compileWhere(where: WhereClause, env: QueryEnv, joins: Joins, aggregate?: AggregateSql, clauseOffset = env.offsets.where): string {
  const items: Item[] = [];
  flatten(where, items);
  let pos = 0;

  const expression = (): string => {
    const operands = [unary()];
    let op: 'AND' | 'OR' | undefined;
    for (let item = items[pos]; item?.kind === 'op'; item = items[pos]) {
      if (op !== undefined && item.op !== op) {
        const offset = logicalOperatorOffset(env.tokens, item.index, clauseOffset);
        throw locatedError('MALFORMED_QUERY', env.soql, offset, SOQL_TEXT.unexpectedToken(env.soql.slice(offset, offset + item.op.length)));
      }
      op = item.op;
      pos++;
      operands.push(unary());
    }
    return operands.length === 1 ? operands[0]! : `(${operands.join(` ${op ?? 'AND'} `)})`;
  };

  const unary = (): string => {
    const item = items[pos++];
    if (item?.kind === 'not') return `(NOT ${unary()})`;
    if (item?.kind === 'open') {
      const inner = expression();
      pos++; // the matching close paren: the parser has already checked the balance
      return inner;
    }
    if (item?.kind === 'cond') return compileCondition(item.cond, env, joins, aggregate, clauseOffset);
    throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.unexpectedToken('WHERE'));
  };

  return expression();
}

function compileCondition(cond: FieldCondition, env: QueryEnv, joins: Joins, aggregate: AggregateSql | undefined, clauseOffset: number): string {
  if (!('field' in cond) || cond.field === undefined) {
    const fn = (cond as { fn?: FunctionExp }).fn;
    if (!fn || !aggregate) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A function in WHERE'));
    const at = pathOffset(env.tokens, fn.functionName ?? '', clauseOffset);
    return numericComparison(cond as ValueCondition, aggregate(fn, at), env);
  }
  const at = pathOffset(env.tokens, cond.field, clauseOffset);
  const resolved = resolvePath(env.store.schema, env.root, cond.field, env.alias);
  if ('error' in resolved) throw locatedError('INVALID_FIELD', env.soql, at, resolved.error);
  try {
    if ('valueQuery' in cond && cond.valueQuery) return semiJoin(cond.operator, resolved.path, joins.column(resolved.path), cond.valueQuery as Query, env);
    return comparison(cond as ValueCondition, resolved.path, env, joins);
  } catch (err) {
    if (err instanceof SoqlError && !err.located && err.errorCode !== 'MALFORMED_QUERY') {
      throw locatedError(err.errorCode, env.soql, at, err.message);
    }
    throw err;
  }
}

function literals(cond: ValueCondition): { raws: string[]; types: (LiteralType | undefined)[] } {
  const raws = Array.isArray(cond.value) ? cond.value : [cond.value];
  const types: (LiteralType | undefined)[] = Array.isArray(cond.literalType) ? cond.literalType : raws.map(() => cond.literalType as LiteralType | undefined);
  return { raws, types };
}

/** HAVING: an aggregate compared with a number. */
function numericComparison(cond: ValueCondition, sql: string, env: QueryEnv): string {
  const { raws } = literals(cond);
  const values = raws.map((raw) => env.params.add(Number(raw)));
  return binary(cond.operator, sql, values);
}

function binary(operator: string, column: string, values: string[]): string {
  switch (operator) {
    case '=':
      return `${column} = ${values[0]}`;
    case '!=':
      return `${column} IS NOT ${values[0]}`;
    case 'IN':
      return `${column} IN (${values.join(', ')})`;
    case 'NOT IN':
      return `(${column} IS NULL OR ${column} NOT IN (${values.join(', ')}))`;
    case '<':
    case '>':
    case '<=':
    case '>=':
      return `${column} ${operator} ${values[0]}`;
    default:
      throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.unexpectedToken(operator));
  }
}

function comparison(cond: ValueCondition, path: ResolvedPath, env: QueryEnv, joins: Joins): string {
  const category = categoryOf(path.field);
  const column = joins.column(path);
  const { raws, types } = literals(cond);

  if (cond.operator === 'LIKE') {
    if (category === 'id') throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', SOQL_TEXT.invalidIdOperator());
    if (category !== 'text') throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(path.field.name, path.field.type, false));
    if (types[0] !== 'STRING') throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(path.field.name, 'string', true));
    return `${column} LIKE ${env.params.add(likePattern(raws[0] ?? ''))} ESCAPE '\\'`;
  }
  if (cond.operator === 'INCLUDES' || cond.operator === 'EXCLUDES') {
    throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`${cond.operator} (multi-select picklists)`));
  }
  if (types.some((t) => t === 'DATE_LITERAL' || t === 'DATE_N_LITERAL')) return dateLiteralCondition(cond, path, column, env);

  const values: SqlValue[] = raws.map((raw, i) => toSqlValue(raw, types[i], path.field));
  if (cond.operator === '=' && values[0] === null) return `${column} IS NULL`;
  if (cond.operator === '!=' && values[0] === null) return `${column} IS NOT NULL`;
  if (values[0] === null && cond.operator !== 'IN' && cond.operator !== 'NOT IN') return '0';
  return binary(cond.operator, column, values.map((v) => env.params.add(v)));
}

function dateLiteralCondition(cond: ValueCondition, path: ResolvedPath, column: string, env: QueryEnv): string {
  if (path.field.type !== 'date' && path.field.type !== 'datetime') {
    throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(path.field.name, path.field.type, true));
  }
  const kind = path.field.type;
  const { raws } = literals(cond);
  const ranges = raws.map((raw) => {
    const [word, n] = raw.split(':');
    const range = dateLiteralRange(word ?? raw, n === undefined ? undefined : Number(n), kind, env.now, env.access.utcOffsetMs);
    return { start: env.params.add(range.start), end: env.params.add(range.end) };
  });
  const within = ranges.map((r) => `(${column} >= ${r.start} AND ${column} < ${r.end})`).join(' OR ');
  const first = ranges[0]!;
  switch (cond.operator) {
    case '=':
    case 'IN':
      return `(${within})`;
    case '!=':
    case 'NOT IN':
      return `(${column} IS NULL OR NOT (${within}))`;
    case '<':
      return `${column} < ${first.start}`;
    case '<=':
      return `${column} < ${first.end}`;
    case '>':
      return `${column} >= ${first.end}`;
    case '>=':
      return `${column} >= ${first.start}`;
    default:
      throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.unexpectedToken(cond.operator));
  }
}
