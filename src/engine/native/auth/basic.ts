import { type AuthHandler, removeHeader } from './types';

/**
 * `basic`: `Authorization: Basic base64(username:password)` (UTF-8) replacing any Authorization header; sent even
 * with both empty, as postman-runtime's authorizer/basic.js does.
 */
export const basic: AuthHandler = {
  type: 'basic',
  apply(param, target): void {
    const credentials = `${param('username') ?? ''}:${param('password') ?? ''}`;
    removeHeader(target.headers, 'Authorization');
    target.headers.push({ key: 'Authorization', value: `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}` });
  },
};
