/**
 * The data requests every flow runs once it holds a token: versions, the guide's two SOQL queries and UserInfo.
 * They read {{instance_url}}, {{api_version}} and {{access_token}}, whichever grant obtained the token.
 */
import {
  accountQuerySchema,
  contactQuerySchema,
  restErrorSchema,
  userinfoErrorSchema,
  userinfoSchema,
  versionsSchema,
} from '../schemas';
import type { JsonSchema, RequestSpec, SpecParam } from '../types';

export const DOCS = {
  passwordFlow: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_username_password_flow.htm&type=5',
  versions: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_versions.htm',
  query: 'https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_query.htm',
  userinfo: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_userinfo_endpoint.htm&type=5',
  webServerFlow: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm&type=5',
  refreshTokenFlow: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_refresh_token_flow.htm&type=5',
  clientCredentialsFlow: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm&type=5',
  jwtBearerFlow: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm&type=5',
} as const;

export const JSON_CONTENT_TYPE = '^application/json';
export const ACCEPT_JSON: SpecParam = { key: 'Accept', value: 'application/json' };
const QUERY_URL = '{{instance_url}}/services/data/v{{api_version}}/query';

/** A SOQL query through the REST API's query resource, checked against a query schema. */
export function soqlRequest(q: {
  id: string;
  name: string;
  description: string;
  guideStep: string;
  soql: string;
  schema: JsonSchema;
  headers?: readonly SpecParam[];
}): RequestSpec {
  return {
    id: q.id,
    name: q.name,
    description: q.description,
    doc: DOCS.query,
    guideStep: q.guideStep,
    method: 'GET',
    url: QUERY_URL,
    query: [{ key: 'q', value: q.soql, description: 'SOQL' }],
    ...(q.headers ? { headers: q.headers } : {}),
    auth: 'bearer',
    expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: q.schema },
    errorSchema: restErrorSchema,
  };
}

export const versions: RequestSpec = {
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

export const queryContacts = soqlRequest({
  id: 'query-contacts',
  name: 'Query Contacts (SOQL)',
  description:
    'Runs the SOQL query the guide configures as the Agent Studio API action. Proves the access token is accepted ' +
    'by the REST API and the service user can read Contacts.',
  guideStep: 'Password grant, Step 3: Integrate with Agent Studio (Contact query API action)',
  soql: 'SELECT Name FROM Contact LIMIT 10',
  schema: contactQuerySchema,
});

export const queryAccounts = soqlRequest({
  id: 'query-accounts',
  name: 'Query Accounts (SOQL)',
  description:
    "Runs the Account query from the guide's connector test. Proves the user can read Accounts and the fields " +
    'Id, Name, Industry and Type.',
  guideStep: 'User consent, Step 4: Test the Connector in Agent Studio (2. standard object query)',
  soql: 'SELECT Id, Name, Industry, Type FROM Account',
  schema: accountQuerySchema,
  headers: [ACCEPT_JSON],
});

export const userinfo: RequestSpec = {
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

