/** Stable serialisation: a fixed key order (independent of library internals), 2-space JSON, trailing newline. */

/** Keys in the order they are written; keys not listed follow, alphabetically. */
const KEY_ORDER = [
  '_postman_id', 'id', 'name', 'key', 'value', 'content', 'type', 'enabled', 'disabled', 'listen', 'description',
  'schema', 'info', 'item', 'event', 'values', 'auth', 'noauth', 'bearer', 'script', 'exec', 'request', 'method',
  'header', 'body', 'mode', 'urlencoded', 'url', 'raw', 'protocol', 'host', 'port', 'path', 'query', 'variable',
  'response', '_postman_variable_scope',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy with every object's keys in the stable order; `undefined` values are dropped (as JSON does). */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj).sort(compareKeys)) {
      if (obj[key] !== undefined) out[key] = normalise(obj[key]);
    }
    return out;
  }
  return value;
}

export function toFileContent(value: unknown): string {
  return `${JSON.stringify(normalise(value), null, 2)}\n`;
}
