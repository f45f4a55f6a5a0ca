/**
 * grant_type=password (OAuth 2.0 Username-Password Flow). `password` is the user's password with the
 * security token appended; any mismatch, including a missing token, is `authentication failure`. Then
 * the user's state (locked, inactive, IP range) and the app's Permitted Users policy.
 */
import { findUserByUsername } from '../../org';
import { sameSecret } from '../../secrets';
import { OAUTH_ERRORS } from '../errors';
import { appScopesWithoutRefresh } from '../scopes';
import { notAdminApproved, userStateError } from '../user-access';
import type { Grant } from './grant';

export const passwordGrant: Grant = {
  clientSecret: 'required',
  exchange({ ctx, params, app, req }) {
    if (!ctx.oauth.behaviour.usernamePasswordFlowAllowed) return { error: OAUTH_ERRORS.authenticationFailure };
    const user = findUserByUsername(ctx.org, params.get('username') ?? '');
    if (!user || user.password === undefined) return { error: OAUTH_ERRORS.authenticationFailure };
    if (!sameSecret(params.get('password'), user.password + (user.securityToken ?? ''))) return { error: OAUTH_ERRORS.authenticationFailure };
    const state = userStateError(user, req.remoteAddress);
    if (state) return { error: state };
    if (notAdminApproved(app, user)) return { error: ctx.oauth.behaviour.passwordNotApprovedError };
    // The password flow grants the app's scopes but never a refresh token.
    return { session: ctx.sessions.issue(ctx.org.info, user.id, app.clientId, { scopes: appScopesWithoutRefresh(app.scopes) }) };
  },
};
