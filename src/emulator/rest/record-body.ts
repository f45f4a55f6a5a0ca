/**
 * The JSON body of a create or update (wire spec §6.4, §7.4): parsed with Salesforce's
 * JSON_PARSER_ERROR texts (Jackson's wording), then checked field by field: unknown fields
 * (INVALID_FIELD), read-only ones (INVALID_FIELD_FOR_INSERT_UPDATE), ids (MALFORMED_ID), lengths
 * (STRING_TOO_LONG) and JSON types; values come out in the stored form.
 */
import { formatDate, normalizeDateTime } from '../soql/dates';
import type { FieldValue, FieldValues, Schema, SObjectDef } from '../data/schema';
import { normalizeId } from '../ids';
import type { ApiError } from './errors';
import { isWritable } from './describe';

export type BodyOutcome = { values: FieldValues } | { status: number; errors: ApiError[] };

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `\n at [line:${line}, column:${column}]`;
}

function parseError(text: string, err: unknown): ApiError {
  const match = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  const offset = match ? Number(match[1]) : text.length;
  if (offset >= text.trimEnd().length) {
    const message = text.trim() === '' ? 'No content to map due to end-of-input' : 'Unexpected end-of-input: expected close marker for OBJECT';
    return { message: message + position(text, offset), errorCode: 'JSON_PARSER_ERROR' };
  }
  const ch = text.charAt(offset);
  const code = ch.charCodeAt(0);
  const previous = text.slice(0, offset).trimEnd().slice(-1);
  const expecting = previous === '{' || previous === ','
    ? 'was expecting double-quote to start field name'
    : "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
  return { message: `Unexpected character ('${ch}' (code ${code})): ${expecting}${position(text, offset)}`, errorCode: 'JSON_PARSER_ERROR' };
}

function bad(status: number, errorCode: string, message: string, fields?: string[]): BodyOutcome {
  return { status, errors: [fields ? { message, errorCode, fields } : { message, errorCode }] };
}

const SOAP_WORD: Record<string, string> = { int: 'int', double: 'double', currency: 'double', boolean: 'boolean', date: 'date', datetime: 'datetime' };

export function parseRecordBody(body: Buffer, schema: Schema, object: SObjectDef, creating: boolean): BodyOutcome {
  const text = body.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return { status: 400, errors: [parseError(text, err)] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const token = Array.isArray(parsed) ? 'START_ARRAY' : 'VALUE_STRING';
    return bad(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${object.name} from ${token} value${position(text, 0)}`);
  }
  const values: FieldValues = {};
  const readOnly: string[] = [];
  for (const [name, raw] of Object.entries(parsed as Record<string, unknown>)) {
    if (name === 'attributes') continue;
    const field = schema.field(object, name);
    if (!field) return bad(400, 'INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`);
    if (field.name === 'Id' && creating) return bad(400, 'INVALID_FIELD', 'The Id field should not be specified in the sobject data.');
    if (field.name === 'Id') continue;
    if (!isWritable(object, field)) {
      readOnly.push(field.name);
      continue;
    }
    const value = coerce(field.type, raw);
    if (value === undefined) {
      const shown = typeof raw === 'string' ? raw : JSON.stringify(raw);
      return bad(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${SOAP_WORD[field.type] ?? 'string'} from ${typeof raw === 'string' ? 'VALUE_STRING' : 'VALUE'} value ${shown} or request may be missing a required field`);
    }
    if (field.type === 'reference' && typeof value === 'string') {
      const id = normalizeId(value);
      if (!id) return bad(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [field.name]);
      values[field.name] = id;
      continue;
    }
    if (typeof value === 'string' && field.length !== undefined && value.length > field.length) {
      return bad(400, 'STRING_TOO_LONG', `${field.label}: data value too large: ${value} (max length=${field.length})`, [field.name]);
    }
    values[field.name] = value;
  }
  if (readOnly.length > 0) {
    return bad(400, 'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, readOnly);
  }
  return { values };
}

/** The stored form of a JSON value for a field type; undefined when the JSON type does not fit. */
function coerce(type: string, raw: unknown): FieldValue | undefined {
  if (raw === null) return null;
  switch (type) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : undefined;
    case 'int':
    case 'double':
    case 'currency': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (!Number.isFinite(n)) return undefined;
      return type === 'int' ? Math.trunc(n) : n;
    }
    case 'date': {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(Date.parse(raw.slice(0, 10)))) return undefined;
      return formatDate(Date.parse(raw.slice(0, 10)));
    }
    case 'datetime':
      return typeof raw === 'string' ? normalizeDateTime(raw) : undefined;
    default:
      return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
  }
}
