/**
 * Turning WHERE literals into SQL parameter values for a field, with Salesforce's errors for values of
 * the wrong kind (an Id field compared with something that is not an Id, wire spec §12).
 */
import type { LiteralType } from '@jetstreamapp/soql-parser-js';
import type { SqlValue } from '../data/db';
import type { FieldDef, FieldType } from '../data/schema';
import { normalizeId } from '../ids';
import { normalizeDateTime } from './dates';
import { SOQL_TEXT, SoqlError } from './errors';

export type Category = 'id' | 'text' | 'number' | 'boolean' | 'time';

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

function inner(raw: string): string {
  return raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1) : raw;
}

/** The characters of a quoted SOQL string (`'D\'Cruz'` -> `D'Cruz`). */
export function unquote(raw: string): string {
  return inner(raw).replace(/\\(.)/gs, (_m, ch: string) => ESCAPES[ch] ?? ch);
}

/** A SOQL LIKE pattern as an SQLite LIKE pattern with `\` as the escape character. */
export function likePattern(raw: string): string {
  const text = inner(raw);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\' && i + 1 < text.length) {
      const next = text.charAt(++i);
      out += next === '%' || next === '_' || next === '\\' ? `\\${next}` : (ESCAPES[next] ?? next);
    } else out += ch;
  }
  return out;
}

const TYPE_WORD: Partial<Record<FieldType, string>> = { int: 'integer', double: 'double', currency: 'currency', boolean: 'boolean', date: 'date', datetime: 'dateTime' };

/**
 * The SQL value a literal stands for, compared against `field` (date literals are handled by the
 * caller). Throws SoqlError with the message only; the caller adds the caret block.
 */
export function toSqlValue(raw: string, literalType: LiteralType | undefined, field: FieldDef): SqlValue {
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
      return raw.toUpperCase() === 'TRUE' ? 1 : 0;
    case 'time': {
      const wanted = field.type === 'date' ? 'DATE' : 'DATETIME';
      if (literalType !== wanted) {
        throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, TYPE_WORD[field.type] ?? field.type, false));
      }
      if (field.type === 'date') return raw;
      const normalized = normalizeDateTime(raw);
      if (!normalized) throw new SoqlError('INVALID_FIELD', SOQL_TEXT.wrongLiteral(field.name, 'dateTime', false));
      return normalized;
    }
  }
}
