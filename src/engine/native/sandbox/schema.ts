/**
 * `pm.response.to.have.jsonSchema(schema)` runs here, in the sandbox worker's realm (./realm.ts), with ajv 8
 * (draft-07). Postman's sandbox uses ajv 6 ({allErrors: true}), so the error text is rendered the ajv 6 way: `data.issued_at should match pattern "..."`,
 * joined with ", ". Each distinct schema is compiled once per run (keyed by its JSON text).
 *
 * Called from the sandbox through a closure: takes strings (or data this realm parsed), returns a JSON string, never
 * throws.
 */
import type AjvType from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { addPostmanFormats } from './formats';

type Ajv = AjvType;

const IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
const VALID = JSON.stringify({ valid: true, text: 'No errors' });

function failure(err: unknown): string {
  return JSON.stringify({ error: err instanceof Error ? err.message : 'jsonSchema: validation failed' });
}

export class SchemaValidator {
  private readonly compiled = new Map<string, ValidateFunction | Error>();
  private shared: Ajv | undefined;

  /** Loads ajv and compiles the draft-07 meta-schema ahead of the first check (the worker does this when idle). */
  warm(): void {
    try {
      this.shared ??= newAjv();
      this.shared.validateSchema({ type: 'object' });
    } catch {
      // the first real check reports any problem
    }
  }

  /** Returns `{"valid":true,"text":"No errors"}`, `{"valid":false,"text":"data..."}` or `{"error":"..."}`. */
  validate(schemaJson: unknown, dataJson: unknown, dataUndefined: unknown): string {
    if (typeof schemaJson !== 'string' || typeof dataJson !== 'string') return JSON.stringify({ error: 'jsonSchema: bad arguments' });
    let data: unknown;
    try {
      data = dataUndefined === true ? undefined : JSON.parse(dataJson);
    } catch (err) {
      return failure(err);
    }
    return this.validateValue(schemaJson, data);
  }

  /** The same for data this realm parsed itself (ajv as configured here never changes the data it checks). */
  validateValue(schemaJson: unknown, data: unknown): string {
    try {
      if (typeof schemaJson !== 'string') return JSON.stringify({ error: 'jsonSchema: bad arguments' });
      const validateFn = this.compile(schemaJson);
      if (validateFn instanceof Error) return JSON.stringify({ error: validateFn.message });
      const valid = validateFn(data) === true;
      const text = valid || !validateFn.errors ? 'No errors' : errorsText(validateFn.errors, data);
      return valid ? VALID : JSON.stringify({ valid, text });
    } catch (err) {
      return failure(err);
    }
  }

  private compile(schemaJson: string): ValidateFunction | Error {
    const cached = this.compiled.get(schemaJson);
    if (cached) return cached;
    let result: ValidateFunction | Error;
    try {
      // Schemas with an $id get an Ajv of their own: two with the same $id must not collide, as with ajv.validate() in
      // Postman. The others share one (and its compiled draft-07 meta-schema, the costly part of a first compile).
      const ajv = schemaJson.includes('"$id"') ? newAjv() : (this.shared ??= newAjv());
      result = ajv.compile(JSON.parse(schemaJson) as object);
    } catch (err) {
      result = err instanceof Error ? err : new Error(String(err));
    }
    this.compiled.set(schemaJson, result);
    return result;
  }
}

/** ajv is loaded on first use: the worker says it is ready without it, then warms it up (SchemaValidator#warm). */
function newAjv(): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass = (require('ajv') as { default: typeof AjvType }).default;
  const ajv = new AjvClass({ allErrors: true, strict: false, logger: false, unicodeRegExp: false });
  addPostmanFormats(ajv);
  return ajv;
}

/** ajv 6's errorsText(): "data<dataPath> <message>" joined with ", ". */
export function errorsText(errors: readonly ErrorObject[], data: unknown): string {
  return errors.map((e) => `data${dataPath(e, data)} ${message(e)}`).join(', ');
}

/** ajv 6 paths: `.name`, `['odd-name']`, `[0]`; keys reached through additional/patternProperties are always `['k']`. */
function dataPath(e: ErrorObject, data: unknown): string {
  if (!e.instancePath) return '';
  let cur: unknown = data;
  let out = '';
  for (const raw of e.instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      out += `[${seg}]`;
      cur = cur[Number(seg)];
      continue;
    }
    const escaped = raw;
    const viaProperties = e.schemaPath.includes(`/properties/${escaped}/`) || e.schemaPath.includes(`/properties/${encodeURIComponent(escaped)}/`);
    if (viaProperties) out += IDENTIFIER.test(seg) ? `.${seg}` : `['${escapeQuotes(seg)}']`;
    else out += `['${seg}']`;
    cur = cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return out;
}

function escapeQuotes(s: string): string {
  return s.replace(/'|\\/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\f/g, '\\f').replace(/\t/g, '\\t');
}

/** ajv 6 wording: "should" where ajv 8 says "must", and the few messages that changed shape. */
function message(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'minLength':
      return `should NOT be shorter than ${String(p['limit'])} characters`;
    case 'maxLength':
      return `should NOT be longer than ${String(p['limit'])} characters`;
    case 'contains':
      return 'should contain a valid item';
    case 'propertyNames':
      return `property name '${String(p['propertyName'])}' is invalid`;
    default:
      return (e.message ?? '').replace(/^must\b/, 'should');
  }
}
