import type { AuthHandler } from './types';

/**
 * lodash's lowerCase as postman-runtime compares header names with it: words split on case changes and separators,
 * joined by one space ("X-Api-Key" and "x api key" are the same name).
 */
function words(s: string): string {
  return s
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z\d\u00C0-\uFFFF]+/)
    .filter((w) => w !== '')
    .join(' ')
    .toLowerCase();
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
