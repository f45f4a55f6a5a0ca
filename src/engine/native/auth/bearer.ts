import { type AuthHandler, removeHeader } from './types';

/**
 * `bearer`: `Authorization: Bearer <token>` replacing any Authorization header the request has (postman-runtime's
 * authorizer/bearer.js). An empty or missing token adds nothing, as in newman.
 */
export const bearer: AuthHandler = {
  type: 'bearer',
  apply(param, target): void {
    const token = param('token');
    if (!token) return;
    removeHeader(target.headers, 'Authorization');
    target.headers.push({ key: 'Authorization', value: `Bearer ${token}` });
  },
};
