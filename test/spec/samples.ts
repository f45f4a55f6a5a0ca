/**
 * Realistic Salesforce bodies from the wire spec (/work/shared/docs/salesforce-wire-spec.md), elided values replaced by
 * plausible ones, plus broken variants that a strict schema must reject. Shared by the spec and generate tests.
 */

/** §2.2 grant_type=password, the help page example verbatim. */
export const TOKEN_PASSWORD = {
  access_token:
    '00D5e000001N20Q!ASAAQEDBeG8bOwPu8NWGsvFwWNfqHOp5ZcjMpFsU6yEMxTKdBuRXNzSZ8xGVyAiY8xoy1KYkaadzRlA2F5Zd3JXqLVitOdNS',
  instance_url: 'https://MyDomainName.my.salesforce.com',
  id: 'https://login.salesforce.com/id/00D5e000001N20QEAS/0055e000003E8ooAAC',
  token_type: 'Bearer',
  issued_at: '1627237872637',
  signature: 'jmaZOgQyqUxFKAesVPsqVfAWxI62O+aH/mJhDrc8KvQ=',
};

/** §2.2 web server flow doc example (scope and id_token present, id_token truncated as in the doc). */
export const TOKEN_WEB_SERVER = {
  access_token: '00DB0000000TfcR!AQQAQFhoK8vTMg_rKA.esrJ2bCs.OOIjJgl.9Cx6O7KqjZmHMLOyVb.U61BU9tm4xRusf7d3fD1P9oefzqS6i9sJMPWj48IK',
  signature: 'd/SxeYBxH0GSVko0HMgcUxuZy0PA2cDDz1u7g7JtDHw=',
  scope: 'web openid',
  id_token: 'eyJraWQiOiIyMjAiLCJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdF9oYXNoIjoiSVBRNkJOTjlvUnUyazdaYnYwbkZrUSJ9.c2ln',
  instance_url: 'https://mycompany.my.salesforce.com',
  id: 'https://login.salesforce.com/id/00DB0000000TfcRMAS/005B0000005Bk90IAC',
  token_type: 'Bearer',
  issued_at: '1558553873237',
};

/** §6.1, trimmed, with the default API version of the generated environments. */
export const VERSIONS = [
  { label: "Summer '14", url: '/services/data/v31.0', version: '31.0' },
  { label: "Winter '15", url: '/services/data/v32.0', version: '32.0' },
  { label: "Winter '25", url: '/services/data/v62.0', version: '62.0' },
];

/** SELECT Name FROM Contact LIMIT 10, in the restforce query_success_response shape (§6.3). */
export const CONTACT_QUERY = {
  totalSize: 2,
  done: true,
  records: [
    {
      attributes: { type: 'Contact', url: '/services/data/v62.0/sobjects/Contact/003RO0000035WQgYAM' },
      Name: 'John Smith',
    },
    {
      attributes: { type: 'Contact', url: '/services/data/v62.0/sobjects/Contact/003RO0000035WQhYAM' },
      Name: 'Rose Gonzalez',
    },
  ],
};

/** §6.3 restforce sample, selecting Id, Name, Industry, Type; one page of a larger result (done:false). */
export const ACCOUNT_QUERY = {
  totalSize: 3222,
  done: false,
  nextRecordsUrl: '/services/data/v62.0/query/01gRO0000016PIAYA2-2000',
  records: [
    {
      attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001D000000IRFmaIAH' },
      Id: '001D000000IRFmaIAH',
      Name: 'Test 1',
      Industry: null,
      Type: 'Customer - Direct',
    },
    {
      attributes: { type: 'Account', url: '/services/data/v62.0/sobjects/Account/001D000000IRFmbIAH' },
      Id: '001D000000IRFmbIAH',
      Name: 'Edge Communications',
      Industry: 'Electronics',
      Type: null,
    },
  ],
};

export const EMPTY_QUERY = { totalSize: 0, done: true, records: [] };

const HOST = 'https://convey.my.salesforce.com';
/** §5.1 real capture (conveyGmbH), elided values filled in. */
export const USERINFO = {
  sub: 'https://login.salesforce.com/id/00DgK000000OMLxUAO/005gK000000TSnJQAW',
  user_id: '005gK000000TSnJQAW',
  organization_id: '00DgK000000OMLxUAO',
  preferred_username: 'maxim243@agentforce.com',
  nickname: 'User17416044580156309249',
  name: 'Maxim Kemajou',
  email: 'maxim@convey.de',
  email_verified: true,
  given_name: 'Maxim',
  family_name: 'Kemajou',
  zoneinfo: 'Europe/Berlin',
  photos: { picture: `${HOST}/profilephoto/005/F`, thumbnail: `${HOST}/profilephoto/005/T` },
  profile: `${HOST}/005gK000000TSnJQAW`,
  picture: `${HOST}/profilephoto/005/F`,
  phone_number: '+49 17640566784',
  phone_number_verified: true,
  address: {},
  is_salesforce_integration_user: false,
  urls: {
    enterprise: `${HOST}/services/Soap/c/{version}/00DgK000000OMLx`,
    metadata: `${HOST}/services/Soap/m/{version}/00DgK000000OMLx`,
    partner: `${HOST}/services/Soap/u/{version}/00DgK000000OMLx`,
    rest: `${HOST}/services/data/v{version}/`,
    sobjects: `${HOST}/services/data/v{version}/sobjects/`,
    search: `${HOST}/services/data/v{version}/search/`,
    query: `${HOST}/services/data/v{version}/query/`,
    recent: `${HOST}/services/data/v{version}/recent/`,
    tooling_soap: `${HOST}/services/Soap/T/{version}/00DgK000000OMLx`,
    tooling_rest: `${HOST}/services/data/v{version}/tooling/`,
    profile: `${HOST}/005gK000000TSnJQAW`,
    feeds: `${HOST}/services/data/v{version}/chatter/feeds`,
    groups: `${HOST}/services/data/v{version}/chatter/groups`,
    users: `${HOST}/services/data/v{version}/chatter/users`,
    feed_items: `${HOST}/services/data/v{version}/chatter/feed-items`,
    feed_elements: `${HOST}/services/data/v{version}/chatter/feed-elements`,
    custom_domain: HOST,
  },
  active: true,
  user_type: 'STANDARD',
  language: 'en_US',
  locale: 'fr_FR',
  utcOffset: 3600000,
  updated_at: '2025-09-28T09:30:18Z',
  is_app_installed: true,
};

export const OAUTH_ERROR = { error: 'invalid_grant', error_description: 'authentication failure' };
export const REST_ERROR = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
export const REST_FIELD_ERROR = [
  { message: 'Required fields are missing: [Name]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] },
];
export const USERINFO_ERROR = 'Bad_OAuth_Token';

/** A copy of `value` with `patch` applied (a key set to undefined is removed). */
export function patched<T extends object>(value: T, patch: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(value));
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete copy[k];
    else copy[k] = v;
  }
  return copy;
}
