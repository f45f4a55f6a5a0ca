/**
 * grant_type=authorization_code (web server flow). The code is single use and lives 15 minutes;
 * redirect_uri must equal the one sent to /authorize; with a code_challenge at /authorize the
 * code_verifier must match it (S256 or plain). client_secret per "Require Secret for Web Server Flow".
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { findUserById } from '../../org';
import { requestBaseUrl } from '../hosts';
import { OAUTH_ERRORS } from '../errors';
import { grantsOpenId, grantsRefresh } from '../scopes';
import type { AuthCode } from '../codes';
import { userStateError } from '../user-access';
import type { Grant, GrantOutcome } from './grant';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function verifierMatches(challenge: NonNullable<AuthCode['challenge']>, verifier: string): boolean {
  const computed = challenge.method === 'plain' ? verifier : createHash('sha256').update(verifier, 'ascii').digest('base64url');
  return same(computed, challenge.value);
}

export const authorizationCodeGrant: Grant = {
  clientSecret: (app) => (app.requireSecretForWebServerFlow ? 'required' : 'optional'),
  exchange({ ctx, params, app, req }): GrantOutcome {
    const found = ctx.oauth.codes.take(params.get('code') ?? '');
    if ('missing' in found) return { error: OAUTH_ERRORS.invalidCode };
    if ('expired' in found) return { error: OAUTH_ERRORS.expiredCode };
    const { code } = found;
    if (code.clientId !== app.clientId) return { error: OAUTH_ERRORS.invalidCode };
    if (params.get('redirect_uri') !== code.redirectUri) return { error: OAUTH_ERRORS.redirectUriMismatch };
    if (code.challenge) {
      const verifier = params.get('code_verifier');
      if (verifier === null || verifier === '') return { error: ctx.oauth.behaviour.pkceMissingVerifierError };
      if (!verifierMatches(code.challenge, verifier)) return { error: ctx.oauth.behaviour.pkceMismatchError };
    }
    const user = findUserById(ctx.org, code.userId);
    if (!user) return { error: OAUTH_ERRORS.invalidCode };
    const state = userStateError(user, req.remoteAddress);
    if (state) return { error: state };

    const refresh = grantsRefresh(code.scopes) ? ctx.oauth.refreshTokens.issue(app.clientId, user.id, code.scopes) : undefined;
    const session = ctx.sessions.issue(ctx.org.info, user.id, app.clientId, { scopes: code.scopes, refreshToken: refresh?.token });
    const full: GrantOutcome = { full: { session } };
    if (refresh) full.full.refreshToken = refresh.token;
    if (grantsOpenId(code.scopes)) {
      full.full.idToken = { issuer: requestBaseUrl(req, ctx), code: code.code };
      if (code.nonce !== undefined) full.full.idToken.nonce = code.nonce;
    }
    return full;
  },
};
