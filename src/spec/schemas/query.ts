/**
 * GET /services/data/vXX.X/query?q=<SOQL> (wire spec §6.3). One schema per documented query: the envelope is
 * shared, and each record must carry `attributes` plus exactly the selected fields, with Salesforce's casing.
 */
import type { JsonSchema } from '../types';
import { ACCOUNT_ID18, API_VERSION, DRAFT_07, ID18, NULLABLE_STRING, USER_ID18, pattern, str } from './common';

export interface QuerySchemaOptions {
  /** Schema title, used in test names: "body matches the <title> schema". */
  title: string;
  /** sObject named in FROM: every record's attributes.type. */
  sobject: string;
  /** Selected fields and their value schemas (all required on every record). */
  fields: Record<string, JsonSchema>;
  /** LIMIT of the query, if any: caps totalSize and records. Otherwise one batch holds at most 2000 records. */
  limit?: number;
}

const DEFAULT_BATCH = 2000;

export function querySchema(o: QuerySchemaOptions): JsonSchema {
  const attributes: JsonSchema = {
    type: 'object',
    required: ['type', 'url'],
    properties: {
      type: { type: 'string', const: o.sobject },
      url: pattern(`^/services/data/v${API_VERSION}/sobjects/${o.sobject}/${ID18}$`),
    },
  };
  const totalSize: Record<string, unknown> = { type: 'integer', minimum: 0 };
  if (o.limit !== undefined) totalSize['maximum'] = o.limit;
  const nextRecordsUrl: JsonSchema = pattern(`^/services/data/v${API_VERSION}/query/[A-Za-z0-9]+-[0-9]+$`);
  return {
    $schema: DRAFT_07,
    title: o.title,
    description: `Salesforce SOQL query result for ${o.sobject} (${Object.keys(o.fields).join(', ')}).`,
    type: 'object',
    required: ['totalSize', 'done', 'records'],
    properties: {
      totalSize,
      done: { type: 'boolean' },
      nextRecordsUrl,
      records: {
        type: 'array',
        maxItems: o.limit ?? DEFAULT_BATCH,
        items: {
          type: 'object',
          required: ['attributes', ...Object.keys(o.fields)],
          properties: { attributes, ...o.fields },
        },
      },
    },
    // nextRecordsUrl is present exactly when done is false.
    if: { type: 'object', properties: { done: { const: false } } },
    then: { type: 'object', properties: { nextRecordsUrl: true }, required: ['nextRecordsUrl'] },
    else: { not: { type: 'object', properties: { nextRecordsUrl: true }, required: ['nextRecordsUrl'] } },
  };
}

/** SELECT Name FROM Contact LIMIT 10 (the set-up guide's Agent Studio action). */
export const contactQuerySchema: JsonSchema = querySchema({
  title: 'Contact query',
  sobject: 'Contact',
  fields: { Name: str() },
  limit: 10,
});

/** SELECT Id, Name, Industry, Type FROM Account (the set-up guide's user-consent check). */
export const accountQuerySchema: JsonSchema = querySchema({
  title: 'Account query',
  sobject: 'Account',
  fields: {
    Id: pattern(`^${ACCOUNT_ID18}$`),
    Name: str(),
    Industry: NULLABLE_STRING,
    Type: NULLABLE_STRING,
  },
});

/** SELECT Id, Name, OwnerId FROM Account: what a user sees, with the owner of each row (user-level access proof). */
export const accountOwnerQuerySchema: JsonSchema = querySchema({
  title: 'Account owner query',
  sobject: 'Account',
  fields: { Id: pattern(`^${ACCOUNT_ID18}$`), Name: str(), OwnerId: pattern(`^${USER_ID18}$`) },
});

/** SELECT Id, Name FROM Account WHERE OwnerId = '<user id>' (the guide's "OwnerId='me'", written as valid SOQL). */
export const ownedAccountQuerySchema: JsonSchema = querySchema({
  title: 'owned Account query',
  sobject: 'Account',
  fields: { Id: pattern(`^${ACCOUNT_ID18}$`), Name: str() },
});

/** SELECT COUNT() FROM Account: totalSize is the count, records is empty. */
export const accountCountSchema: JsonSchema = { ...querySchema({ title: 'Account count', sobject: 'Account', fields: {} }), description: 'Salesforce SOQL COUNT() result: the count in totalSize, no records.' };
