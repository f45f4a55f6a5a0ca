/**
 * `GET /.well-known/openid-configuration` (wire spec §1, with this emulator's own URLs, issuer = the host
 * asked) and `GET /id/keys` (the JWKS holding the id_token signing key and its kid).
 */
import { exportJWK } from 'jose';
import type { EmulatorContext } from '../context';
import { jsonReply, type EmuRequest, type Reply } from '../http';
import { requestBaseUrl } from './hosts';

const SCOPES_SUPPORTED = [
  'cdp_ingest_api', 'custom_permissions', 'cdp_segment_api', 'content', 'cdp_api', 'chatbot_api', 'cdp_identityresolution_api',
  'interaction_api', 'wave_api', 'web', 'cdp_calculated_insight_api', 'einstein_gpt_api', 'offline_access', 'id', 'api',
  'data_cloud_user_claims', 'eclair_api', 'email', 'pardot_api', 'lightning', 'visualforce', 'cdp_query_api', 'sfap_api', 'address',
  'openid', 'profile', 'scrt_api', 'cdp_profile_api', 'refresh_token', 'phone', 'user_registration_api', 'pwdless_login_api',
  'chatter_api', 'mcp_api', 'full', 'forgot_password',
];

const CLAIMS_SUPPORTED = [
  'active', 'address', 'email', 'email_verified', 'family_name', 'given_name', 'is_app_installed', 'language', 'locale', 'name',
  'nickname', 'organization_id', 'phone_number', 'phone_number_verified', 'photos', 'picture', 'preferred_username', 'profile',
  'sub', 'updated_at', 'urls', 'user_id', 'user_type', 'zoneinfo',
];

export function openidConfiguration(req: EmuRequest, ctx: EmulatorContext): Reply {
  const base = requestBaseUrl(req, ctx);
  return jsonReply(200, {
    issuer: base,
    authorization_endpoint: `${base}/services/oauth2/authorize`,
    token_endpoint: `${base}/services/oauth2/token`,
    revocation_endpoint: `${base}/services/oauth2/revoke`,
    userinfo_endpoint: `${base}/services/oauth2/userinfo`,
    jwks_uri: `${base}/id/keys`,
    registration_endpoint: `${base}/services/oauth2/register`,
    introspection_endpoint: `${base}/services/oauth2/introspect`,
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ['code', 'token', 'token id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    display_values_supported: ['page', 'popup', 'touch'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'private_key_jwt'],
    claims_supported: CLAIMS_SUPPORTED,
  });
}

export async function jwksEndpoint(ctx: EmulatorContext): Promise<Reply> {
  const key = ctx.oauth.keys.idToken;
  const jwk = await exportJWK(key.publicKey);
  return jsonReply(200, { keys: [{ kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256', use: 'sig', kid: key.kid }] });
}
