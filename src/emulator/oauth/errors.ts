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
  ipRestricted: { error: 'invalid_grant', description: 'ip restricted or invalid login hours' },
  notApproved: { error: 'invalid_grant', description: "user hasn't approved this consumer" },
  notAdminApproved: { error: 'invalid_app_access', description: 'user is not admin approved to access this app' },
  expiredRefreshToken: { error: 'invalid_grant', description: 'expired access/refresh token' },
  invalidCode: { error: 'invalid_grant', description: 'invalid authorization code' },
  expiredCode: { error: 'invalid_grant', description: 'expired authorization code' },
  redirectUriMismatch: { error: 'redirect_uri_mismatch', description: 'redirect_uri must match configuration' },
  noClientCredentialsUser: { error: 'invalid_grant', description: 'no client credentials user enabled' },
  notOnThisDomain: { error: 'invalid_grant', description: 'request not supported on this domain' },
  audience: { error: 'invalid_grant', description: 'Audience validation failed' },
  /** JWT bearer: malformed, badly signed, expired or too-long-lived assertion, or unknown subject. Text UNVERIFIED. */
  invalidAssertion: { error: 'invalid_grant', description: 'invalid assertion' },
} as const satisfies Record<string, OAuthError>;

export function oauthErrorReply(e: OAuthError): Reply {
  return jsonReply(400, { error: e.error, error_description: e.description }, { 'Cache-Control': 'no-store' });
}
