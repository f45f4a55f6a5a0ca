/**
 * WHERE clauses: the parser's linked-list form (with paren counts) is flattened into tokens and parsed
 * again with SOQL's rule that AND and OR may not be mixed at one level without parentheses.
 */
import type { ConditionWithValueQuery, LiteralType, NegationCondition, ValueCondition, WhereClause } from '@jetstreamapp/soql-parser-js';
import type { FieldValue } from '../data/schema';
import type { StoredRecord } from '../data/store';
import { locatedError, SOQL_TEXT, SoqlError } from './errors';
import { categoryOf, comparable, likeRegex, toOperand, type Category, type Operand } from './literals';
import { resolvePath, valueAt, type ResolvedPath } from './paths';
import type { QueryEnv } from './env';
import { logicalOperatorOffset, pathOffset } from './tokens';

export type Predicate = (record: StoredRecord) => boolean;

/** A comparison (the library's Condition union also holds the bare `NOT` marker). */
type FieldCondition = Exclude<ConditionWithValueQuery, NegationCondition>;

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

export function compileWhere(where: WhereClause, env: QueryEnv): Predicate {
  const items: Item[] = [];
  flatten(where, items);
  let pos = 0;
  const whereOffset = env.offsets.where;

  const expression = (): Predicate => {
    const operands = [unary()];
    let op: 'AND' | 'OR' | undefined;
    for (let item = items[pos]; item?.kind === 'op'; item = items[pos]) {
      if (op !== undefined && item.op !== op) {
        const offset = logicalOperatorOffset(env.tokens, item.index, whereOffset);
        throw locatedError('MALFORMED_QUERY', env.soql, offset, SOQL_TEXT.unexpectedToken(env.soql.slice(offset, offset + item.op.length)));
      }
      op = item.op;
      pos++;
      operands.push(unary());
    }
    if (operands.length === 1) return operands[0]!;
    return op === 'OR' ? (r) => operands.some((p) => p(r)) : (r) => operands.every((p) => p(r));
  };

  const unary = (): Predicate => {
    const item = items[pos++];
    if (item?.kind === 'not') {
      const inner = unary();
      return (r) => !inner(r);
    }
    if (item?.kind === 'open') {
      const inner = expression();
      pos++; // the matching close paren: the parser has already checked the balance
      return inner;
    }
    if (item?.kind === 'cond') return compileCondition(item.cond, env);
    throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.unexpectedToken('WHERE'));
  };

  return expression();
}

function compileCondition(cond: FieldCondition, env: QueryEnv): Predicate {
  if (!('field' in cond)) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A function in WHERE'));
  if ('valueQuery' in cond) throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A semi-join subquery'));
  const at = pathOffset(env.tokens, cond.field, env.offsets.where);
  const resolved = resolvePath(env.store.schema, env.root, cond.field, env.alias);
  if ('error' in resolved) throw locatedError('INVALID_FIELD', env.soql, at, resolved.error);
  const path = resolved.path;
  try {
    return comparison(cond as ValueCondition, path, env);
  } catch (err) {
    if (err instanceof SoqlError && !err.located && err.errorCode !== 'MALFORMED_QUERY') {
      throw locatedError(err.errorCode, env.soql, at, err.message);
    }
    throw err;
  }
}

function comparison(cond: ValueCondition, path: ResolvedPath, env: QueryEnv): Predicate {
  const category = categoryOf(path.field);
  const raws = Array.isArray(cond.value) ? cond.value : [cond.value];
  const types: (LiteralType | undefined)[] = Array.isArray(cond.literalType) ? cond.literalType : raws.map(() => cond.literalType as LiteralType | undefined);
  const read = (r: StoredRecord): Operand => comparable(valueAt(env.store, r, path), category);

  if (cond.operator === 'LIKE') {
    if (category === 'id') throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', SOQL_TEXT.invalidIdOperator());
    if (category !== 'text') throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`LIKE on a ${path.field.type} field`));
    if (types[0] !== 'STRING') throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(path.field.name, 'string', true));
    const regex = likeRegex(raws[0] ?? '');
    return (r) => {
      const value: FieldValue = valueAt(env.store, r, path);
      return typeof value === 'string' && regex.test(value);
    };
  }
  if (cond.operator === 'INCLUDES' || cond.operator === 'EXCLUDES') {
    throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated(`${cond.operator} (multi-select picklists)`));
  }

  const operands = raws.map((raw, i) => comparable(toOperand(raw, types[i], path.field), category));
  switch (cond.operator) {
    case '=':
      return (r) => read(r) === operands[0];
    case '!=':
      return (r) => read(r) !== operands[0];
    case 'IN':
      return (r) => operands.includes(read(r));
    case 'NOT IN':
      return (r) => !operands.includes(read(r));
    default:
      return ordered(cond.operator, operands[0] ?? null, read, category);
  }
}

function ordered(operator: '<' | '>' | '<=' | '>=', operand: Operand, read: (r: StoredRecord) => Operand, category: Category): Predicate {
  if (operand === null || category === 'boolean') return () => false;
  return (r) => {
    const value = read(r);
    if (value === null || typeof value === 'boolean') return false;
    switch (operator) {
      case '<':
        return value < operand;
      case '>':
        return value > operand;
      case '<=':
        return value <= operand;
      case '>=':
        return value >= operand;
    }
  };
}
