/**
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer. The RS256 `assertion` names the client (iss =
 * consumer key) and the user (sub = username), is addressed to the login host (aud) and expires within
 * 3 minutes; its signature is checked against the app's uploaded certificate. No client secret, no refresh token.
 * Texts: `Audience validation failed` [DOC]; `invalid assertion` for the rest [UNVERIFIED].
 */
import { compactVerify, decodeJwt } from 'jose';
import { findUserByUsername } from '../../org';
import { oauthApp } from '../app-lookup';
import { OAUTH_ERRORS } from '../errors';
import { appScopesWithoutRefresh } from '../scopes';
import { notAdminApproved, userStateError } from '../user-access';
import type { Grant, GrantOutcome } from './grant';

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const MAX_ASSERTION_LIFETIME_MS = 3 * 60 * 1000;

function claims(assertion: string): Record<string, unknown> | undefined {
  try {
    return decodeJwt(assertion) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function audienceOk(aud: unknown, loginUrl: string): boolean {
  const accepted = (value: unknown): boolean => typeof value === 'string' && value.replace(/\/+$/, '') === loginUrl;
  return Array.isArray(aud) ? aud.some(accepted) : accepted(aud);
}

export const jwtBearerGrant: Grant = {
  clientSecret: 'optional',
  resolveClient(params, ctx) {
    const payload = claims(params.get('assertion') ?? '');
    if (!payload) return { error: OAUTH_ERRORS.invalidAssertion };
    const app = typeof payload.iss === 'string' ? oauthApp(ctx, payload.iss) : undefined;
    return app ? { app } : { error: OAUTH_ERRORS.invalidClientId };
  },
  async exchange({ ctx, params, app, req }): Promise<GrantOutcome> {
    const assertion = params.get('assertion') ?? '';
    if (!app.certificate) return { error: OAUTH_ERRORS.invalidAssertion };
    try {
      await compactVerify(assertion, app.certificate.publicKey, { algorithms: ['RS256'] });
    } catch {
      return { error: OAUTH_ERRORS.invalidAssertion };
    }
    const payload = claims(assertion) ?? {};
    if (!audienceOk(payload.aud, ctx.oauth.loginUrl)) return { error: OAUTH_ERRORS.audience };
    const now = ctx.oauth.now();
    const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : NaN;
    if (!(exp > now) || exp > now + MAX_ASSERTION_LIFETIME_MS) return { error: OAUTH_ERRORS.invalidAssertion };
    const user = typeof payload.sub === 'string' ? findUserByUsername(ctx.org, payload.sub) : undefined;
    if (!user) return { error: OAUTH_ERRORS.invalidAssertion };
    const state = userStateError(user, req.remoteAddress);
    if (state) return { error: state };
    if (notAdminApproved(app, user)) return { error: OAUTH_ERRORS.notAdminApproved };
    if (app.permittedUsers === 'all' && !ctx.oauth.approvals.has(`${user.id}:${app.clientId}`)) return { error: OAUTH_ERRORS.notApproved };
    const scopes = appScopesWithoutRefresh(app.scopes).filter((s) => s !== 'openid');
    return { full: { session: ctx.sessions.issue(ctx.org.info, user.id, app.clientId, { scopes }) } };
  },
};
