/**
 * grant_type=password (OAuth 2.0 Username-Password Flow). `password` is the user's password with the
 * security token appended; any mismatch, including a missing token, is `authentication failure`.
 */
import { findUserByUsername } from '../../org';
import { OAUTH_ERRORS } from '../errors';
import type { Grant } from './grant';

export const passwordGrant: Grant = {
  clientSecret: 'required',
  exchange({ ctx, params, app }) {
    const user = findUserByUsername(ctx.org, params.get('username') ?? '');
    if (!user || user.password === undefined) return { error: OAUTH_ERRORS.authenticationFailure };
    if (params.get('password') !== user.password + (user.securityToken ?? '')) return { error: OAUTH_ERRORS.authenticationFailure };
    if (!user.active) return { error: OAUTH_ERRORS.inactiveUser };
    return { session: ctx.sessions.issue(ctx.org.info, user.id, app.clientId) };
  },
};
