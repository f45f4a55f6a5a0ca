/**
 * GET /services/oauth2/userinfo (wire spec §5.1): the OpenID Connect UserInfo of the token's user.
 * Field list from the official Salesforce Postman collection and a real capture. Optional fields are typed when present;
 * unknown extra fields are allowed (Salesforce adds claims with scopes, e.g. phone_number).
 */
import type { JsonSchema } from '../types';
import { BOOL, DRAFT_07, IDENTITY_URL_PATTERN, NULLABLE_STRING, ORG_ID18, USER_ID18, pattern, str } from './common';

/** URLs with the literal {version} placeholder (present unless ?version= is passed). */
const VERSIONED_URL: JsonSchema = pattern('^https?://\\S+\\{version\\}', 'URL template containing the literal {version}');

export const userinfoSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'userinfo',
  description: 'Salesforce OpenID Connect UserInfo response (HTTP 200, application/json).',
  type: 'object',
  required: [
    'sub',
    'user_id',
    'organization_id',
    'preferred_username',
    'name',
    'email',
    'email_verified',
    'urls',
    'active',
    'user_type',
    'language',
    'locale',
    'utcOffset',
  ],
  properties: {
    sub: pattern(IDENTITY_URL_PATTERN, 'The identity URL'),
    user_id: pattern(`^${USER_ID18}$`),
    organization_id: pattern(`^${ORG_ID18}$`),
    preferred_username: str({ minLength: 1 }),
    nickname: str(),
    name: str(),
    email: pattern('^[^@\\s]+@[^@\\s]+$'),
    email_verified: BOOL,
    given_name: NULLABLE_STRING,
    family_name: str(),
    zoneinfo: str(),
    photos: {
      type: 'object',
      properties: { picture: str(), thumbnail: str() },
    },
    profile: str(),
    picture: str(),
    phone_number: NULLABLE_STRING,
    phone_number_verified: BOOL,
    address: { type: 'object' },
    is_salesforce_integration_user: BOOL,
    urls: {
      type: 'object',
      required: ['rest', 'query', 'sobjects'],
      properties: { rest: VERSIONED_URL, query: VERSIONED_URL, sobjects: VERSIONED_URL },
      additionalProperties: { type: 'string' },
    },
    active: BOOL,
    user_type: pattern('^[A-Z_]+$', 'e.g. STANDARD'),
    language: str({ minLength: 2 }),
    locale: str({ minLength: 2 }),
    utcOffset: {
      type: 'integer',
      multipleOf: 60000,
      minimum: -43200000,
      maximum: 50400000,
      description: 'Offset from UTC in milliseconds (-28800000 for America/Los_Angeles)',
    },
    updated_at: pattern('^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'),
    is_app_installed: BOOL,
  },
};

/**
 * Userinfo errors are NOT JSON: the identity service answers 403 (invalid token) or 404/406 with a one-word
 * text/plain body such as `Bad_OAuth_Token` (§5.1). This schema therefore describes the response *text*
 * (validate `response.text()`, not `response.json()`).
 */
export const userinfoErrorSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'userinfo error',
  description: 'text/plain body of an identity-service error, e.g. Bad_OAuth_Token. Validate the raw text, not JSON.',
  type: 'string',
  pattern: '^[A-Za-z_ ]+$',
};
