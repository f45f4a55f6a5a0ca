/**
 * The token response body (wire spec §2.2). `signature` = Base64(HMAC-SHA256(client_secret, id + issued_at)),
 * which clients verify; `issued_at` is epoch milliseconds as a string; there is never an `expires_in`.
 */
import { createHmac } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { identityUrl } from '../identity/urls';
import type { ConnectedApp } from '../org';
import { signIdToken } from './id-token';
import type { Session } from './session';

export function tokenSignature(clientSecret: string, id: string, issuedAt: string): string {
  return createHmac('sha256', clientSecret).update(id + issuedAt).digest('base64');
}

/** Keys in the order of the Username-Password Flow documentation example (no scope). */
export function tokenResponseBody(ctx: EmulatorContext, app: ConnectedApp, session: Session): Record<string, string> {
  const id = identityUrl(ctx, session.userId);
  const issuedAt = String(session.issuedAt);
  return {
    access_token: session.accessToken,
    instance_url: ctx.baseUrl,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
    signature: tokenSignature(app.clientSecret, id, issuedAt),
    ...(ctx.oauth.behaviour.passwordResponseScope && session.scopes.length > 0 ? { scope: session.scopes.join(' ') } : {}),
  };
}

export interface FullResponseInput {
  session: Session;
  refreshToken?: string;
  /** Issuer of the id_token (the host the token request came to). Sent only when openid is granted. */
  idToken?: { issuer: string; code?: string; nonce?: string };
}

/** Web-server-flow key order (captured): access_token, refresh_token, signature, scope, id_token, instance_url, id, token_type, issued_at. */
export async function fullTokenResponseBody(ctx: EmulatorContext, app: ConnectedApp, input: FullResponseInput): Promise<Record<string, string>> {
  const { session } = input;
  const id = identityUrl(ctx, session.userId);
  const issuedAt = String(session.issuedAt);
  const body: Record<string, string> = { access_token: session.accessToken };
  if (input.refreshToken !== undefined) body.refresh_token = input.refreshToken;
  body.signature = tokenSignature(app.clientSecret, id, issuedAt);
  if (session.scopes.length > 0) body.scope = session.scopes.join(' ');
  if (input.idToken) {
    body.id_token = await signIdToken(ctx, { ...input.idToken, identityUrl: id, clientId: app.clientId, accessToken: session.accessToken });
  }
  body.instance_url = ctx.baseUrl;
  body.id = id;
  body.token_type = 'Bearer';
  body.issued_at = issuedAt;
  return body;
}
