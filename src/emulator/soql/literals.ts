/**
 * Turning WHERE literals into comparable operands for a field, with Salesforce's errors for values of
 * the wrong kind (an Id field compared with something that is not an Id, wire spec §12).
 */
import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import type { FieldDef, FieldType } from '../data/schema';
import { normalizeId } from '../ids';
import { SOQL_TEXT, SoqlError } from './errors';

export type Category = 'id' | 'text' | 'number' | 'boolean' | 'time';
export type Operand = string | number | boolean | null;

const CATEGORY: Record<FieldType, Category> = {
  id: 'id', reference: 'id',
  string: 'text', textarea: 'text', email: 'text', phone: 'text', url: 'text', picklist: 'text',
  int: 'number', double: 'number', currency: 'number',
  boolean: 'boolean',
  date: 'time', datetime: 'time',
};

export function categoryOf(field: FieldDef): Category {
  return CATEGORY[field.type];
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** The characters of a quoted SOQL string (`'D\'Cruz'` -> `D'Cruz`). */
export function unquote(raw: string): string {
  const inner = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1) : raw;
  return inner.replace(/\\(.)/gs, (_m, ch: string) => ESCAPES[ch] ?? ch);
}

/** A LIKE pattern (`%` any run, `_` one character, backslash escapes) as an anchored, case-insensitive regex. */
export function likeRegex(raw: string): RegExp {
  const inner = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1) : raw;
  let source = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner.charAt(i);
    if (ch === '\\' && i + 1 < inner.length) {
      const next = inner.charAt(++i);
      source += escapeRegex(ESCAPES[next] ?? next);
    } else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += escapeRegex(ch);
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

const TYPE_WORD: Partial<Record<FieldType, string>> = { int: 'integer', double: 'double', currency: 'currency', boolean: 'boolean', date: 'date', datetime: 'dateTime' };

/**
 * The operand a literal stands for, compared against `field`. Throws SoqlError with the message only;
 * the caller adds the caret block.
 */
export function toOperand(raw: string, literalType: LiteralType | undefined, field: FieldDef): Operand {
  if (literalType === 'NULL') return null;
  const category = categoryOf(field);
  const quoted = literalType === 'STRING';
  switch (category) {
    case 'text':
      if (!quoted) throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, 'string', true));
      return unquote(raw);
    case 'id': {
      if (!quoted) throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, 'id', true));
      const value = unquote(raw);
      const id = normalizeId(value);
      if (!id) throw new SoqlError('INVALID_QUERY_FILTER_OPERATOR', SOQL_TEXT.invalidIdField(value));
      return id;
    }
    case 'number':
      if (literalType !== 'INTEGER' && literalType !== 'DECIMAL') {
        throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, TYPE_WORD[field.type] ?? field.type, false));
      }
      return Number(raw);
    case 'boolean':
      if (literalType !== 'BOOLEAN') throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, 'boolean', false));
      return raw.toUpperCase() === 'TRUE';
    case 'time':
      if (literalType === 'DATE_LITERAL' || literalType === 'DATE_N_LITERAL') {
        throw new SoqlError('MALFORMED_QUERY', SOQL_TEXT.notEmulated('A date literal such as TODAY or LAST_N_DAYS:n'));
      }
      if (literalType !== (field.type === 'date' ? 'DATE' : 'DATETIME')) {
        throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, TYPE_WORD[field.type] ?? field.type, false));
      }
      return Date.parse(raw);
  }
}

/** A stored value in the same comparable form as operands of its category. */
export function comparable(value: string | number | boolean | null, category: Category): Operand {
  if (value === null) return null;
  if (category === 'time' && typeof value === 'string') return Date.parse(value);
  if (category === 'text' && typeof value === 'string') return value.toLowerCase();
  return value;
}
