/** Every response schema, by a stable name. */
import type { JsonSchema } from '../types';
import { accountCountSchema, accountOwnerQuerySchema, accountQuerySchema, contactQuerySchema, ownedAccountQuerySchema } from './query';
import { restErrorSchema } from './rest-error';
import { oauthErrorSchema, tokenSchema } from './token';
import { userinfoErrorSchema, userinfoSchema } from './userinfo';
import { versionsSchema } from './versions';
import { accountRecordSchema, createResultSchema } from './write';

export { accountCountSchema, accountOwnerQuerySchema, accountQuerySchema, contactQuerySchema, ownedAccountQuerySchema, querySchema } from './query';
export type { QuerySchemaOptions } from './query';
export { restErrorSchema } from './rest-error';
export { oauthErrorSchema, tokenSchema } from './token';
export { userinfoErrorSchema, userinfoSchema } from './userinfo';
export { versionsSchema } from './versions';
export { accountRecordSchema, createResultSchema } from './write';
export { DRAFT_07 } from './common';

export const SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  token: tokenSchema,
  oauthError: oauthErrorSchema,
  versions: versionsSchema,
  contactQuery: contactQuerySchema,
  accountQuery: accountQuerySchema,
  accountOwnerQuery: accountOwnerQuerySchema,
  ownedAccountQuery: ownedAccountQuerySchema,
  accountCount: accountCountSchema,
  restError: restErrorSchema,
  userinfo: userinfoSchema,
  userinfoError: userinfoErrorSchema,
  createResult: createResultSchema,
  accountRecord: accountRecordSchema,
};
