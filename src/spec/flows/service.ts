/**
 * The service-account flows that replace the password grant (retired by Salesforce): client credentials and JWT
 * bearer. Same data requests as the password flow, after their own token request.
 */
import { queryAccounts, queryContacts, userinfo, versions } from '../requests/data';
import { tokenClientCredentials, tokenJwtBearer } from '../requests/tokens';
import type { FlowSpec } from '../types';

export const clientCredentialsFlow: FlowSpec = {
  id: 'client-credentials',
  name: 'Salesforce — client credentials (service account)',
  description:
    'Proves a Salesforce Connected App works with the OAuth 2.0 client credentials flow: Enable Client Credentials ' +
    'Flow and a Run As user on the app, a token from the My Domain host, then the REST API and UserInfo as that user.',
  requests: [tokenClientCredentials, versions, queryContacts, queryAccounts, userinfo],
  howTo: [
    '2. Choose the environment and fill in client_id, client_secret and my_domain_url (your My Domain URL, e.g. ' +
      'https://MyDomainName.my.salesforce.com: client credentials is refused on login/test.salesforce.com).',
    '3. Run the collection: the first request stores access_token and instance_url, the others use them.',
  ],
};

export const jwtBearerFlow: FlowSpec = {
  id: 'jwt-bearer',
  name: 'Salesforce — JWT bearer (service account)',
  description:
    'Proves a Salesforce Connected App works with the OAuth 2.0 JWT bearer flow: a certificate on the app ' +
    '(Use digital signatures), the user pre-authorized, a JWT signed with the matching private key exchanged for a ' +
    'token, then the REST API and UserInfo as that user.',
  requests: [tokenJwtBearer, versions, queryContacts, queryAccounts, userinfo],
  howTo: [
    '2. Choose the environment and put a signed JWT in jwt_assertion (secret): RS256 with the private key of the ' +
      'certificate uploaded to the Connected App; claims iss = client_id, sub = the username, aud = login_url ' +
      '(https://login.salesforce.com or https://test.salesforce.com), exp = now + at most 3 minutes. `sfcheck verify ' +
      '--flow jwt` signs it for you from SF_JWT_KEY_FILE; in Postman paste one or compute it in a pre-request script.',
    '3. Run the collection: the first request stores access_token and instance_url, the others use them.',
  ],
};
