/**
 * SOQL errors as the REST API reports them (wire spec §6.4). Located errors carry the caret block:
 * "\n<query line>\n<col-1 spaces>^\nERROR at Row:<row>:Column:<col>\n<text>", row and column 1-based.
 */

export class SoqlError extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
    /** Whether the message already carries the caret block. */
    readonly located = false,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}

export function caretBlock(soql: string, offset: number, text: string): string {
  const clamped = Math.max(0, Math.min(offset, soql.length));
  const before = soql.slice(0, clamped);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = soql.indexOf('\n', lineStart);
  const line = soql.slice(lineStart, lineEnd < 0 ? soql.length : lineEnd).replace(/\r$/, '');
  const column = clamped - lineStart + 1;
  return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${text}`;
}

export function locatedError(errorCode: string, soql: string, offset: number, text: string): SoqlError {
  return new SoqlError(errorCode, caretBlock(soql, offset, text), true);
}

const SUFFIX_FIELD =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
const SUFFIX_RELATIONSHIP =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";
const SUFFIX_OBJECT =
  "If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.";

export const SOQL_TEXT = {
  noSuchColumn: (column: string, entity: string) => `No such column '${column}' on entity '${entity}'. ${SUFFIX_FIELD}`,
  badRelationship: (relationship: string) => `Didn't understand relationship '${relationship}' in field path. ${SUFFIX_RELATIONSHIP}`,
  unsupportedType: (type: string) => `sObject type '${type}' is not supported. ${SUFFIX_OBJECT}`,
  unexpectedToken: (image: string) => `unexpected token: '${image}'`,
  invalidIdField: (value: string) => `invalid ID field: ${value}`,
  invalidIdOperator: () => 'invalid operator on id field',
  /** [UNVERIFIED wording] a literal of the wrong kind for the field. */
  wrongLiteral: (field: string, type: string, quoted: boolean) =>
    `value of filter criterion for field '${field}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  /** Not a Salesforce message: the emulator says plainly what it does not implement yet. */
  notEmulated: (feature: string) => `${feature} is not supported by the sfcheck emulator`,
};
