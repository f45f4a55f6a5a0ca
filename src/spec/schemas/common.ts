/**
 * Building blocks shared by the response schemas. Everything here is plain JSON (no RegExp objects, no functions)
 * so a schema can be embedded verbatim in a Postman test script and compiled there by the sandbox's ajv 6,
 * by ajv 8 in our tests, and by the native engine. Only standard draft-07 keywords; no "format" (ajv needs a plugin).
 */
import type { JsonSchema } from '../types';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** 18-character case-safe Salesforce id (wire spec §7.5). The API never returns the 15-character form in JSON ids. */
export const ID18 = '[a-zA-Z0-9]{18}';
/** 18-character ids with their key prefix: organization (00D), user (005), account (001). */
export const ORG_ID18 = '00D[a-zA-Z0-9]{15}';
export const USER_ID18 = '005[a-zA-Z0-9]{15}';
export const ACCOUNT_ID18 = '001[a-zA-Z0-9]{15}';

/** API version as Salesforce writes it: "62.0" (one digit after the dot). */
export const API_VERSION = '[0-9]+\\.[0-9]';

/** Identity URL: https://login.salesforce.com/id/<org18>/<user18> (token `id`, userinfo `sub`). */
export const IDENTITY_URL_PATTERN = `^https?://[^/\\s]+/id/${ORG_ID18}/${USER_ID18}$`;

/** Scheme and host (and port) only: clients append /services/... themselves, so no path and no trailing slash. */
export const BASE_URL_PATTERN = '^https?://[^/\\s]+$';

export function str(extra: Record<string, unknown> = {}): JsonSchema {
  return { type: 'string', ...extra };
}

export function pattern(source: string, description?: string): JsonSchema {
  return description === undefined
    ? { type: 'string', pattern: source }
    : { type: 'string', pattern: source, description };
}

export const BOOL: JsonSchema = { type: 'boolean' };
export const NULLABLE_STRING: JsonSchema = { type: ['string', 'null'] };
