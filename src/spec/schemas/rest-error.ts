/**
 * Body of every REST data API failure (wire spec §6.4): always a JSON array of {message, errorCode, fields?},
 * e.g. 401 [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}].
 */
import type { JsonSchema } from '../types';
import { DRAFT_07, pattern, str } from './common';

export const restErrorSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'REST error',
  description: 'Salesforce REST API error body: a non-empty array of {message, errorCode, fields?}.',
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['message', 'errorCode'],
    properties: {
      message: str(),
      errorCode: pattern('^[A-Z][A-Z_]*$'),
      fields: { type: 'array', items: { type: 'string' } },
    },
  },
};
