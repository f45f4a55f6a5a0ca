/**
 * grant_type=client_credentials. Only the My Domain host answers it (the login host says `request not
 * supported on this domain`); the app needs a run-as user (`no client credentials user enabled`), who must be
 * active and, for an admin-approved app, pre-authorized (`invalid_app_access`). No refresh token.
 */
import { findUserByUsername } from '../../org';
import { OAUTH_ERRORS } from '../errors';
import { isLoginHost } from '../hosts';
import { appScopesWithoutRefresh } from '../scopes';
import { notAdminApproved, userStateError } from '../user-access';
import type { Grant } from './grant';

export const clientCredentialsGrant: Grant = {
  clientSecret: 'required',
  exchange({ ctx, app, req }) {
    if (isLoginHost(req, ctx)) return { error: OAUTH_ERRORS.notOnThisDomain };
    const user = app.clientCredentialsUser === null ? undefined : findUserByUsername(ctx.org, app.clientCredentialsUser);
    if (!user) return { error: OAUTH_ERRORS.noClientCredentialsUser };
    const state = userStateError(user, req.remoteAddress);
    if (state) return { error: state };
    if (notAdminApproved(app, user)) return { error: OAUTH_ERRORS.notAdminApproved };
    const scopes = appScopesWithoutRefresh(app.scopes).filter((s) => s !== 'openid');
    return { full: { session: ctx.sessions.issue(ctx.org.info, user.id, app.clientId, { scopes }) } };
  },
};
