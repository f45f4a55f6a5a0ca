/**
 * Answers of the write flow's record calls (wire spec §7.4): the create result and the probe Account read back.
 * Update and delete answer 204 with no body, so they have no schema.
 */
import type { JsonSchema } from '../types';
import { ACCOUNT_ID18, API_VERSION, BOOL, DRAFT_07, pattern, str } from './common';

/** POST /sobjects/Account: 201 {"id": "001...", "success": true, "errors": []} (key order varies between docs). */
export const createResultSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'record create result',
  description: 'Salesforce sObject create result: the new record\'s 18-character id, success true and no errors.',
  type: 'object',
  required: ['id', 'success', 'errors'],
  properties: {
    id: pattern(`^${ACCOUNT_ID18}$`),
    success: { ...BOOL, const: true },
    errors: { type: 'array', maxItems: 0 },
  },
};

/** GET /sobjects/Account/<id>?fields=Id,Name: `attributes`, then the fields asked for. */
export const accountRecordSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'Account record',
  description: 'Salesforce sObject record (GET /sobjects/Account/<id>?fields=Id,Name): attributes, Id and Name.',
  type: 'object',
  required: ['attributes', 'Id', 'Name'],
  properties: {
    attributes: {
      type: 'object',
      required: ['type', 'url'],
      properties: {
        type: { type: 'string', const: 'Account' },
        url: pattern(`^/services/data/v${API_VERSION}/sobjects/Account/${ACCOUNT_ID18}$`),
      },
    },
    Id: pattern(`^${ACCOUNT_ID18}$`),
    Name: str({ minLength: 1 }),
  },
};
