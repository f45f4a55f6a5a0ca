/**
 * The password-grant (service account) check: the requests the set-up guide runs in Postman and Agent Studio,
 * in order. The token request stores access_token and instance_url; every later request uses them.
 */
import { oauthErrorSchema, tokenSchema } from '../schemas';
import { ACCEPT_JSON, DOCS, JSON_CONTENT_TYPE, queryAccounts, queryContacts, userinfo, versions } from '../requests/data';
import type { FlowSpec, RequestSpec } from '../types';

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

export const passwordFlow: FlowSpec = {
  id: 'password',
  name: 'Salesforce — password grant (service account)',
  description:
    'Proves a Salesforce Connected App works with the OAuth 2.0 username-password flow, as the set-up guide ' +
    'tests it: get a token for the service account, then call the REST API and UserInfo with it.',
  requests: [token, versions, queryContacts, queryAccounts, userinfo],
};
