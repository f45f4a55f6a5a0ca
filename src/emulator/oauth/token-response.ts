/**
 * The token response body (wire spec §2.2). `signature` = Base64(HMAC-SHA256(client_secret, id + issued_at)),
 * which clients verify; `issued_at` is epoch milliseconds as a string.
 */
import { createHmac } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { identityUrl } from '../identity/urls';
import type { ConnectedApp } from '../org';
import type { Session } from './session';

export function tokenSignature(clientSecret: string, id: string, issuedAt: string): string {
  return createHmac('sha256', clientSecret).update(id + issuedAt).digest('base64');
}

/** Keys in the order of the Username-Password Flow documentation example. */
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
  };
}
