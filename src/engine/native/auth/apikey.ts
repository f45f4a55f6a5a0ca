import type { AuthHandler } from './types';

/**
 * lodash's lowerCase, as postman-runtime compares header names with it ("X-Api-Key", "x_api_key" and "XApiKey" are one
 * name). Loaded on first use: only apikey-in-header requests need it.
 */
let lowerCase: ((s: string) => string) | undefined;
function words(s: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lowerCase ??= require('lodash/lowerCase') as (s: string) => string;
  return lowerCase(s);
}

/**
 * `apikey`: `key: value` as a header (the default, replacing headers of the same name) or, with in=query, as a query
 * parameter (replacing parameters with the same key). Nothing when both key and value are empty.
 */
export const apikey: AuthHandler = {
  type: 'apikey',
  apply(param, target): void {
    const key = param('key') ?? '';
    const value = param('value') ?? '';
    if (key === '' && value === '') return;
    if (param('in') === 'query') {
      target.query.remove(key);
      target.query.add(key, value);
      return;
    }
    const name = words(key);
    for (let i = target.headers.length - 1; i >= 0; i--) {
      if (words(target.headers[i]?.key ?? '') === name) target.headers.splice(i, 1);
    }
    target.headers.push({ key, value });
  },
};
