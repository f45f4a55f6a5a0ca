/**
 * POST /services/oauth2/token (wire spec §2.2 success, §2.3 errors).
 * Salesforce sends access_token, instance_url, id, token_type, issued_at and signature for the password grant
 * (help "OAuth 2.0 Username-Password Flow"); scope, refresh_token and id_token appear only with some grants/scopes.
 * There is no expires_in. Unknown extra fields (api_instance_url, sfdc_community_url, ...) are allowed.
 */
import type { JsonSchema } from '../types';
import { BASE_URL_PATTERN, DRAFT_07, IDENTITY_URL_PATTERN, pattern, str } from './common';

export const tokenSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'token',
  description: 'Salesforce OAuth 2.0 token response (HTTP 200, application/json).',
  type: 'object',
  required: ['access_token', 'instance_url', 'id', 'token_type', 'issued_at', 'signature'],
  properties: {
    access_token: str({ minLength: 1 }),
    instance_url: pattern(BASE_URL_PATTERN, 'Base URL for REST calls, e.g. https://MyDomainName.my.salesforce.com'),
    id: pattern(IDENTITY_URL_PATTERN, 'Identity URL ending in /id/<18-char org id>/<18-char user id>'),
    token_type: { type: 'string', const: 'Bearer' },
    issued_at: pattern('^[0-9]{13}$', 'Milliseconds since the epoch, as a string (13 digits)'),
    signature: pattern('^[A-Za-z0-9+/]+={0,2}$', 'Base64(HMAC-SHA256(client_secret, id + issued_at))'),
    scope: str(),
    refresh_token: str({ minLength: 1 }),
    id_token: str({ minLength: 1 }),
  },
};

/** Every /services/oauth2/token failure: HTTP 400 with a JSON {error, error_description} body (§2.3). */
export const oauthErrorSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'OAuth error',
  description: 'Salesforce OAuth error body, e.g. {"error":"invalid_grant","error_description":"authentication failure"}.',
  type: 'object',
  required: ['error', 'error_description'],
  properties: {
    error: pattern('^[a-z_]+$'),
    error_description: str(),
  },
};
