/**
 * grant_type=refresh_token. An unknown, revoked or rotated-away refresh token (or one of another app)
 * is `expired access/refresh token`, and so is one the app's Refresh Token Policy has expired. With rotation on, the answer carries a new refresh token and the old
 * one stops working; otherwise no refresh_token is returned. client_secret per "Require Secret for Refresh Token Flow".
 */
import { findUserById } from '../../org';
import { OAUTH_ERRORS } from '../errors';
import { requestBaseUrl } from '../hosts';
import { grantsOpenId } from '../scopes';
import { userStateError } from '../user-access';
import type { Grant, GrantOutcome } from './grant';

export const refreshTokenGrant: Grant = {
  clientSecret: (app) => (app.requireSecretForRefreshTokenFlow ? 'required' : 'optional'),
  exchange({ ctx, params, app, req }): GrantOutcome {
    const stored = ctx.oauth.refreshTokens.get(params.get('refresh_token') ?? '');
    if (!stored || stored.clientId !== app.clientId) return { error: OAUTH_ERRORS.expiredRefreshToken };
    // Refresh Token Policy: "Immediately expire" (0) or "Expire refresh token after" a time.
    const life = app.refreshTokenExpiresAfterMs;
    if (life !== null && ctx.oauth.now() - stored.issuedAt >= life) return { error: OAUTH_ERRORS.expiredRefreshToken };
    const user = findUserById(ctx.org, stored.userId);
    if (!user) return { error: OAUTH_ERRORS.expiredRefreshToken };
    const state = userStateError(user, req.remoteAddress);
    if (state) return { error: state };

    let family = stored.token;
    let rotated: string | undefined;
    if (app.refreshTokenRotation) {
      ctx.oauth.refreshTokens.revoke(stored.token);
      rotated = ctx.oauth.refreshTokens.issue(app.clientId, user.id, stored.scopes).token;
      family = rotated;
    }
    const session = ctx.sessions.issue(ctx.org.info, user.id, app.clientId, { scopes: stored.scopes, refreshToken: family });
    const out: GrantOutcome = { full: { session } };
    if (rotated !== undefined) out.full.refreshToken = rotated;
    if (grantsOpenId(stored.scopes)) out.full.idToken = { issuer: requestBaseUrl(req, ctx) };
    return out;
  },
};
