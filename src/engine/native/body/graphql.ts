import { findHeader, isObj, type BodyBuilder } from './types';

/**
 * `graphql`: {"query", "operationName", "variables"} as JSON, Content-Type application/json unless set. Variables
 * written as a string go in verbatim (newman does not parse them); one that is not JSON gets a warning.
 */
export const graphql: BodyBuilder = (data, _body, ctx, headers) => {
  if (!isObj(data) || Object.keys(data).length === 0) return undefined;
  if (!findHeader(headers.early, 'content-type')) headers.early.push({ key: 'Content-Type', value: 'application/json' });
  const resolve = (v: unknown): unknown => (typeof v === 'string' ? ctx.resolver.resolve(v) : v);
  const query = resolve(data['query']);
  const operationName = resolve(data['operationName']);
  const variables = resolve(data['variables']);
  let text: string;
  if (typeof variables !== 'string') {
    text = JSON.stringify({ query, operationName, variables: resolveDeep(variables, ctx.resolver.resolve.bind(ctx.resolver)) });
  } else {
    const parts: string[] = [];
    if (typeof query === 'string') parts.push(`"query":${JSON.stringify(query)}`);
    if (typeof operationName === 'string') parts.push(`"operationName":${JSON.stringify(operationName)}`);
    if (variables !== '') {
      parts.push(`"variables":${variables}`);
      try {
        JSON.parse(variables);
      } catch {
        ctx.warn(`GraphQL variables are not valid JSON and were sent as written: ${variables.slice(0, 80)}`);
      }
    }
    text = `{${parts.join(',')}}`;
  }
  return { wire: text, text };
};

function resolveDeep(value: unknown, resolve: (s: string) => string): unknown {
  if (typeof value === 'string') return resolve(value);
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, resolve));
  if (isObj(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveDeep(v, resolve);
    return out;
  }
  return value;
}
