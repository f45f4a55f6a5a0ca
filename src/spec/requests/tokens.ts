/**
 * Token requests: the password grant (the password and write flows), and the flows beyond it: refresh token (after
 * the user's consent), client credentials (My Domain host only) and JWT bearer. Those store access_token and
 * instance_url, like the password grant, plus identity_url (the token's `id`) so UserInfo can be checked against the
 * token's identity.
 */
import { oauthErrorSchema, tokenSchema } from '../schemas';
import type { RequestSpec, SpecCapture, SpecParam } from '../types';
import { ACCEPT_JSON, DOCS, JSON_CONTENT_TYPE } from './data';

const FORM: SpecParam = { key: 'Content-Type', value: 'application/x-www-form-urlencoded' };

/** What every token request of these flows stores. */
export const TOKEN_CAPTURES: readonly SpecCapture[] = [
  { variable: 'access_token', from: 'access_token' },
  { variable: 'instance_url', from: 'instance_url', keepPinned: true },
  { variable: 'identity_url', from: 'id' },
];

function tokenRequest(r: Pick<RequestSpec, 'id' | 'name' | 'description' | 'doc' | 'guideStep'> & { host: string; fields: SpecParam[] }): RequestSpec {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    doc: r.doc,
    guideStep: r.guideStep,
    method: 'POST',
    url: `{{${r.host}}}/services/oauth2/token`,
    headers: [ACCEPT_JSON, FORM],
    auth: 'none',
    body: { mode: 'urlencoded', fields: r.fields },
    expect: { status: 200, contentType: JSON_CONTENT_TYPE, schema: tokenSchema },
    errorSchema: oauthErrorSchema,
    captures: TOKEN_CAPTURES,
  };
}

const CLIENT_ID: SpecParam = { key: 'client_id', value: '{{client_id}}', description: 'Consumer Key of the Connected App' };
const CLIENT_SECRET: SpecParam = { key: 'client_secret', value: '{{client_secret}}', description: 'Consumer Secret of the Connected App' };

/** grant_type=refresh_token with the refresh token a user's consent produced (`sfcheck login`, or Postman's helper). */
export function refreshTokenRequest(o: { id: string; name: string; variable: string; who: string }): RequestSpec {
  return tokenRequest({
    id: o.id,
    name: o.name,
    description:
      `Exchanges the refresh token ${o.who} obtained by authorizing the Connected App (authorization code + PKCE) for a ` +
      'fresh access token. Proves the consent is still valid and the app has the refresh_token/offline_access scope. ' +
      'Salesforce sends no expires_in: a client refreshes when a call answers 401 INVALID_SESSION_ID.',
    doc: DOCS.refreshTokenFlow,
    guideStep: 'User consent, Step 2: Create a New Connected App (scopes api, refresh_token offline_access, openid)',
    host: 'login_url',
    fields: [
      { key: 'grant_type', value: 'refresh_token' },
      { key: 'refresh_token', value: `{{${o.variable}}}`, description: `Refresh token of ${o.who} (secret)` },
      CLIENT_ID,
      { ...CLIENT_SECRET, description: 'Consumer Secret (needed while "Require Secret for Refresh Token Flow" is on)' },
    ],
  });
}

export const tokenClientCredentials = tokenRequest({
  id: 'token-client-credentials',
  name: 'Get an access token (client credentials)',
  description:
    'Exchanges the Connected App consumer key and secret for an access token of the app\'s run-as user. Works only on ' +
    'the My Domain host (login.salesforce.com answers invalid_grant "request not supported on this domain"). The ' +
    'service-account replacement of the password grant, which Salesforce is retiring.',
  doc: DOCS.clientCredentialsFlow,
  guideStep: 'Password grant, Step 1: Set up (service account; client credentials replaces the retired password grant)',
  host: 'my_domain_url',
  fields: [{ key: 'grant_type', value: 'client_credentials' }, CLIENT_ID, CLIENT_SECRET],
});

export const tokenJwtBearer = tokenRequest({
  id: 'token-jwt-bearer',
  name: 'Get an access token (JWT bearer)',
  description:
    'Exchanges a JWT signed (RS256) with the private key of the certificate uploaded to the Connected App for an ' +
    'access token of the user named in `sub`. The assertion (iss = consumer key, sub = username, aud = the login URL, ' +
    'exp within 3 minutes) goes in the environment variable jwt_assertion: sfcheck signs it before each run; in ' +
    'Postman paste one or compute it in a pre-request script.',
  doc: DOCS.jwtBearerFlow,
  guideStep: 'Password grant, Step 1: Set up (service account; JWT bearer replaces the retired password grant)',
  host: 'login_url',
  fields: [
    { key: 'grant_type', value: 'urn:ietf:params:oauth:grant-type:jwt-bearer' },
    { key: 'assertion', value: '{{jwt_assertion}}', description: 'The signed JWT (secret)' },
  ],
});

/** The password grant (the guide's Step 2 token request): the service account's own token. */
export const tokenPassword: RequestSpec = {
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
