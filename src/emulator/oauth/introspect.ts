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

  // RFC 7662: the same fields for both kinds of token; an access token also says when it expires.
  const describe = (t: { userId: string; scopes: readonly string[]; issuedAt: number }, tokenType: string, exp?: number) =>
    jsonReply(200, {
      active: true,
      scope: t.scopes.join(' '),
      client_id: clientId,
      username: findUserById(ctx.org, t.userId)?.username ?? '',
      sub: identityUrl(ctx, t.userId),
      token_type: tokenType,
      ...(exp !== undefined ? { exp: seconds(exp) } : {}),
      iat: seconds(t.issuedAt),
      nbf: seconds(t.issuedAt),
    });
  const session = ctx.sessions.peek(token);
  if (session && session.clientId === clientId) return describe(session, 'access_token', ctx.sessions.expiresAt(session));
  const refresh = ctx.oauth.refreshTokens.get(token);
  if (refresh && refresh.clientId === clientId) return describe(refresh, 'refresh_token');
  return jsonReply(200, { active: false });
}
