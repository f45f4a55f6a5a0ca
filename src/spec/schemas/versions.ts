/** GET /services/data/ (wire spec §6.1): a JSON array of every API version the org serves; no authentication. */
import type { JsonSchema } from '../types';
import { API_VERSION, DRAFT_07, pattern, str } from './common';

export const versionsSchema: JsonSchema = {
  $schema: DRAFT_07,
  title: 'versions',
  description: 'Salesforce REST API versions list, e.g. [{"label":"Winter \'25","url":"/services/data/v62.0","version":"62.0"}].',
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    required: ['label', 'url', 'version'],
    properties: {
      label: str({ minLength: 1 }),
      url: pattern(`^/services/data/v${API_VERSION}$`),
      version: pattern(`^${API_VERSION}$`),
    },
  },
};
