/**
 * The password-grant (service account) check: the requests the set-up guide runs in Postman and Agent Studio,
 * in order. The token request stores access_token and instance_url; every later request uses them.
 */
import {
  accountQuerySchema,
  contactQuerySchema,
  oauthErrorSchema,
  restErrorSchema,
  tokenSchema,
  userinfoErrorSchema,
  userinfoSchema,
  versionsSchema,
} from '../schemas';
import type { FlowSpec, RequestSpec, SpecParam } from '../types';

export const DOCS = {
  passwordFlow: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm&type=5',
  versions: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_versions.htm',
  query: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm',
  userinfo: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm&type=5',
} as const;

const JSON_CONTENT_TYPE = '^application/json';
const ACCEPT_JSON: SpecParam = { key: 'Accept', value: 'application/json' };
const QUERY_URL = '{{instance_url}}/services/data/v{{api_version}}/query';

const token: RequestSpec = {
  id: 'token-password',
  name: 'Get an access token (password grant)',
  description:
    'Exchanges the Connected App consumer key/secret and the service user\'s username, password and security token ' +
    'for an access token. Proves the Connected App, its policies and the service user are set up.',
  doc: DOCS.passwordFlow,
  guideStep: 'Password grant, Step 2: Test with Postman',
  method: 'POST',
  url: '{{login_url}}/services/oauth2/token',
  headers: [ACCEPT_JSON, { key: 'Content-Type', value: 'application/x-www-form-urlencoded' }],
  auth: 'none',
  body: {
    mode: 'urlencoded',
    fields: [
      { key: 'grant_type', value: 'password' },
      { key: 'client_id', value: '{{client_id}}', description: 'Consumer Key of the Connected App' },
      { key: 'client_secret', value: '{{client_secret}}', description: 'Consumer Secret of the Connected App' },
      { key: 'username', value: '{{username}}', description: 'Service account username' },
      {
        key: 'password',
        value: '{{password}}{{security_token}}',
        description: 'Service account password immediately followed by its security token',
      },
    ],
  },
  expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: tokenSchema },
  errorSchema: oauthErrorSchema,
  captures: [
    { variable: 'access_token', from: 'access_token' },
    { variable: 'instance_url', from: 'instance_url', keepPinned: true },
  ],
};

const versions: RequestSpec = {
  id: 'versions',
  name: 'List REST API versions',
  description:
    'Lists the REST API versions the org serves (no authentication needed). Proves instance_url from the token ' +
    'response points at a Salesforce REST endpoint; pick api_version from this list.',
  doc: DOCS.versions,
  guideStep: 'Password grant, Step 3: Integrate with Agent Studio (API version in the endpoint path)',
  method: 'GET',
  url: '{{instance_url}}/services/data/',
  auth: 'none',
  expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: versionsSchema },
  errorSchema: restErrorSchema,
};

const queryContacts: RequestSpec = {
  id: 'query-contacts',
  name: 'Query Contacts (SOQL)',
  description:
    'Runs the SOQL query the guide configures as the Agent Studio API action. Proves the access token is accepted ' +
    'by the REST API and the service user can read Contacts.',
  doc: DOCS.query,
  guideStep: 'Password grant, Step 3: Integrate with Agent Studio (Contact query API action)',
  method: 'GET',
  url: QUERY_URL,
  query: [{ key: 'q', value: 'SELECT Name FROM Contact LIMIT 10', description: 'SOQL' }],
  auth: 'bearer',
  expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: contactQuerySchema },
  errorSchema: restErrorSchema,
};

const queryAccounts: RequestSpec = {
  id: 'query-accounts',
  name: 'Query Accounts (SOQL)',
  description:
    'Runs the Account query from the guide\'s connector test. Proves the user can read Accounts and the fields ' +
    'Id, Name, Industry and Type.',
  doc: DOCS.query,
  guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (2. standard object query)',
  method: 'GET',
  url: QUERY_URL,
  query: [{ key: 'q', value: 'SELECT Id, Name, Industry, Type FROM Account', description: 'SOQL' }],
  headers: [ACCEPT_JSON],
  auth: 'bearer',
  expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: accountQuerySchema },
  errorSchema: restErrorSchema,
};

const userinfo: RequestSpec = {
  id: 'userinfo',
  name: 'Get the user\'s identity (UserInfo)',
  description:
    'Asks the OpenID Connect UserInfo endpoint who the token belongs to. Proves the token identifies the expected ' +
    'user. Errors here are text/plain (e.g. 403 Bad_OAuth_Token), not JSON.',
  doc: DOCS.userinfo,
  guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (1. User Info API)',
  method: 'GET',
  url: '{{instance_url}}/services/oauth2/userinfo',
  headers: [ACCEPT_JSON],
  auth: 'bearer',
  expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: userinfoSchema },
  errorSchema: userinfoErrorSchema,
};

export const passwordFlow: FlowSpec = {
  id: 'password',
  name: 'Salesforce — password grant (service account)',
  description:
    'Proves a Salesforce Connected App works with the OAuth 2.0 username-password flow, as the set-up guide ' +
    'tests it: get a token for the service account, then call the REST API and UserInfo with it.',
  requests: [token, versions, queryContacts, queryAccounts, userinfo],
};
