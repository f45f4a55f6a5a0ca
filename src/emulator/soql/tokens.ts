/**
 * A small SOQL tokenizer used only to find where things are in the query text (the parser does not
 * report positions): words, quoted strings, numbers and symbols, each with its offset.
 */

export interface Token {
  kind: 'word' | 'string' | 'number' | 'symbol';
  text: string;
  offset: number;
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const ch = soql.charAt(i);
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === "'") {
      i++;
      while (i < soql.length && soql.charAt(i) !== "'") i += soql.charAt(i) === '\\' ? 2 : 1;
      i = Math.min(i + 1, soql.length);
      tokens.push({ kind: 'string', text: soql.slice(start, i), offset: start });
    } else if (/[A-Za-z_]/.test(ch)) {
      while (i < soql.length && /[A-Za-z0-9_]/.test(soql.charAt(i))) i++;
      tokens.push({ kind: 'word', text: soql.slice(start, i), offset: start });
    } else if (/[0-9]/.test(ch)) {
      while (i < soql.length && /[0-9.]/.test(soql.charAt(i))) i++;
      tokens.push({ kind: 'number', text: soql.slice(start, i), offset: start });
    } else {
      const two = soql.slice(i, i + 2);
      i += two === '!=' || two === '<=' || two === '>=' ? 2 : 1;
      tokens.push({ kind: 'symbol', text: soql.slice(start, i), offset: start });
    }
  }
  return tokens;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Offset of the first word `keyword` (case-insensitive), or undefined. */
export function keywordOffset(tokens: readonly Token[], keyword: string): number | undefined {
  return tokens.find((t) => t.kind === 'word' && same(t.text, keyword))?.offset;
}

/**
 * Offset of the first occurrence, at or after `from`, of a dotted path (`Account.Name`) that is not
 * itself the tail of a longer path. Falls back to `from`.
 */
export function pathOffset(tokens: readonly Token[], path: string, from: number): number {
  const segments = path.split('.');
  outer: for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.offset < from) continue;
    if (i > 0 && tokens[i - 1]!.text === '.') continue;
    for (let s = 0; s < segments.length; s++) {
      const word = tokens[i + s * 2];
      if (!word || word.kind !== 'word' || !same(word.text, segments[s]!)) continue outer;
      if (s < segments.length - 1 && tokens[i + s * 2 + 1]?.text !== '.') continue outer;
    }
    return tokens[i]!.offset;
  }
  return from;
}

/** Offset of the n-th (0-based) AND/OR word at or after `from`. */
export function logicalOperatorOffset(tokens: readonly Token[], n: number, from: number): number {
  const ops = tokens.filter((t) => t.offset >= from && t.kind === 'word' && (same(t.text, 'AND') || same(t.text, 'OR')));
  return ops[n]?.offset ?? from;
}
