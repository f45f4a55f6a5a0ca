/**
 * OAuth token-endpoint errors (wire spec §2.3): HTTP 400, `{"error","error_description"}`, no-store.
 */
import { jsonReply, type Reply } from '../http';

export interface OAuthError {
  error: string;
  description: string;
}

export const OAUTH_ERRORS = {
  unsupportedGrantType: { error: 'unsupported_grant_type', description: 'grant type not supported' },
  invalidClientId: { error: 'invalid_client_id', description: 'client identifier invalid' },
  invalidClient: { error: 'invalid_client', description: 'invalid client credentials' },
  authenticationFailure: { error: 'invalid_grant', description: 'authentication failure' },
  inactiveUser: { error: 'invalid_grant', description: 'inactive user' },
  mustUsePost: { error: 'invalid_request', description: 'must use HTTP POST' },
} as const satisfies Record<string, OAuthError>;

export function oauthErrorReply(e: OAuthError): Reply {
  return jsonReply(400, { error: e.error, error_description: e.description }, { 'Cache-Control': 'no-store' });
}
