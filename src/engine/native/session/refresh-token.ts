/**
 * OAuth 2.0 refresh token grant: the configured refresh token, or the one the session was handed later (rotation).
 * The client secret is sent when configured ("Require Secret for Refresh Token Flow").
 */
import type { GrantHandler } from './types';

export const refreshTokenGrant: GrantHandler = {
  grant: 'refresh_token',
  needs: ['clientId'],
  async form(c, known) {
    return {
      grant_type: 'refresh_token',
      client_id: c.clientId,
      ...(c.clientSecret !== undefined ? { client_secret: c.clientSecret } : {}),
      refresh_token: known.refreshToken ?? c.refreshToken ?? '',
    };
  },
};
