/**
 * Parsing with @jetstreamapp/soql-parser-js, turning its syntax errors into Salesforce's
 * MALFORMED_QUERY caret form. The library reports the offending token's text but not its position,
 * so the position is found again in the query text (first occurrence; end of query for end of input).
 */
import { parseQuery, type Query } from '@jetstreamapp/soql-parser-js';
import { locatedError, SOQL_TEXT } from './errors';
import { tokenize } from './tokens';

const FOUND_PATTERNS = [
  /but found --> '([\s\S]*)' <--/,
  /but found: '([\s\S]*)'\s*$/,
  /Redundant input, expecting EOF but found: ([\s\S]*)$/,
];

interface SyntaxProblem {
  offset: number;
  image: string;
}

function locate(soql: string, message: string): SyntaxProblem {
  const lexing = /at offset: (\d+)/.exec(message);
  if (lexing) {
    const offset = Number(lexing[1]);
    return { offset, image: soql.charAt(offset) };
  }
  for (const pattern of FOUND_PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const image = match[1]!;
    if (image === '') return { offset: soql.trimEnd().length, image: '<EOF>' };
    const token = tokenize(soql).find((t) => t.text === image);
    return { offset: token?.offset ?? 0, image };
  }
  return { offset: 0, image: soql.trim().split(/\s+/)[0] ?? '' };
}

export function parseSoql(soql: string): Query {
  try {
    return parseQuery(soql);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const { offset, image } = locate(soql, message);
    throw locatedError('MALFORMED_QUERY', soql, offset, SOQL_TEXT.unexpectedToken(image));
  }
}
