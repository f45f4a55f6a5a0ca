import { type AuthHandler, removeHeader } from './types';

/**
 * `oauth2` with a stored access token (postman-runtime's authorizer/oauth2.js sign step): nothing without
 * accessToken; MAC tokens are not signed; otherwise any Authorization header and access_token query parameter go,
 * then the token is added as `Authorization: <headerPrefix> <token>` (prefix "Bearer" by default, none when empty)
 * or, with addTokenTo=queryParams, as `access_token=<token>`.
 */
export const oauth2: AuthHandler = {
  type: 'oauth2',
  apply(param, target): void {
    const token = param('accessToken');
    if (!token) return;
    const tokenType = (param('tokenType') || 'bearer').toLowerCase();
    if (tokenType === 'mac') return;
    const addTo = param('addTokenTo') || 'header';
    const rawPrefix = param('headerPrefix');
    const prefix = rawPrefix === undefined ? 'Bearer' : rawPrefix.trim();
    removeHeader(target.headers, 'Authorization');
    target.query.remove('access_token');
    if (addTo === 'queryParams') target.query.add('access_token', token);
    else if (addTo === 'header') target.headers.push({ key: 'Authorization', value: prefix ? `${prefix} ${token}` : token });
  },
};
