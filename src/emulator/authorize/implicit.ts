/**
 * The user-agent flow (`response_type=token` or `token id_token`, wire spec §3): the token response goes
 * in the redirect's fragment: access_token, refresh_token (when granted), instance_url, id, issued_at,
 * signature, scope, token_type, then id_token (with `token id_token`) and state.
 */
import type { EmulatorContext } from '../context';
import type { Reply } from '../http';
import { identityUrl } from '../identity/urls';
import type { ConnectedApp } from '../org';
import { signIdToken } from '../oauth/id-token';
import { grantsRefresh } from '../oauth/scopes';
import { tokenSignature } from '../oauth/token-response';
import type { AuthorizeRequest } from './flows';

export async function tokenFragmentRedirect(ctx: EmulatorContext, app: ConnectedApp, r: AuthorizeRequest, userId: string, headers: Record<string, string>): Promise<Reply> {
  const refresh = grantsRefresh(r.scopes) ? ctx.oauth.refreshTokens.issue(app.clientId, userId, r.scopes) : undefined;
  const session = ctx.sessions.issue(ctx.org.info, userId, app.clientId, { scopes: r.scopes, refreshToken: refresh?.token });
  const id = identityUrl(ctx, userId);
  const issuedAt = String(session.issuedAt);
  const params: [string, string][] = [['access_token', session.accessToken]];
  if (refresh) params.push(['refresh_token', refresh.token]);
  params.push(['instance_url', ctx.baseUrl], ['id', id], ['issued_at', issuedAt], ['signature', tokenSignature(app.clientSecret, id, issuedAt)]);
  params.push(['scope', r.scopes.join(' ')], ['token_type', 'Bearer']);
  if (r.responseType === 'token id_token' && r.scopes.includes('openid')) {
    const idToken = await signIdToken(ctx, { issuer: ctx.baseUrl, identityUrl: id, clientId: app.clientId, accessToken: session.accessToken, ...(r.nonce ? { nonce: r.nonce } : {}) });
    params.push(['id_token', idToken]);
  }
  if (r.state !== undefined) params.push(['state', r.state]);
  const location = `${r.redirectUri}#${new URLSearchParams(params).toString()}`;
  return { status: 302, headers: { Location: location, 'Cache-Control': 'no-cache, no-store', ...headers }, body: '' };
}
