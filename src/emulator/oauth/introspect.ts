/**
 * `POST /services/oauth2/introspect` (RFC 7662, wire spec §4). The client authenticates (form fields or
 * Basic); a token of another client, an unknown, revoked or expired token is `{"active":false}`.
 */
import type { EmulatorContext } from '../context';
import { jsonReply, mergedParams, type EmuRequest, type Reply } from '../http';
import { identityUrl } from '../identity/urls';
import { findUserById } from '../org';
import { oauthErrorReply } from './errors';
import { authenticateClient, clientCredentials } from './token';

const seconds = (ms: number): number => Math.floor(ms / 1000);

export function introspectEndpoint(req: EmuRequest, ctx: EmulatorContext): Reply {
  const params = mergedParams(req);
  const client = authenticateClient(ctx, clientCredentials(req, params), () => true);
  if ('error' in client) return oauthErrorReply(client.error);
  const token = params.get('token') ?? '';
  const clientId = client.app.clientId;

  const session = ctx.sessions.peek(token);
  if (session && session.clientId === clientId) {
    const user = findUserById(ctx.org, session.userId);
    return jsonReply(200, {
      active: true,
      scope: session.scopes.join(' '),
      client_id: clientId,
      username: user?.username ?? '',
      sub: identityUrl(ctx, session.userId),
      token_type: 'access_token',
      exp: seconds(ctx.sessions.expiresAt(session)),
      iat: seconds(session.issuedAt),
      nbf: seconds(session.issuedAt),
    });
  }
  const refresh = ctx.oauth.refreshTokens.get(token);
  if (refresh && refresh.clientId === clientId) {
    const user = findUserById(ctx.org, refresh.userId);
    return jsonReply(200, {
      active: true,
      scope: refresh.scopes.join(' '),
      client_id: clientId,
      username: user?.username ?? '',
      sub: identityUrl(ctx, refresh.userId),
      token_type: 'refresh_token',
      iat: seconds(refresh.issuedAt),
      nbf: seconds(refresh.issuedAt),
    });
  }
  return jsonReply(200, { active: false });
}
