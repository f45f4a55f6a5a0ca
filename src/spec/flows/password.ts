/**
 * The password-grant (service account) check: the requests the set-up guide runs in Postman and Agent Studio,
 * in order. The token request stores access_token and instance_url; every later request uses them.
 */
import { queryAccounts, queryContacts, userinfo, versions } from '../requests/data';
import { tokenPassword } from '../requests/tokens';
import type { FlowSpec } from '../types';

export const passwordFlow: FlowSpec = {
  id: 'password',
  name: 'Salesforce — password grant (service account)',
  description:
    'Proves a Salesforce Connected App works with the OAuth 2.0 username-password flow, as the set-up guide ' +
    'tests it: get a token for the service account, then call the REST API and UserInfo with it.',
  requests: [tokenPassword, versions, queryContacts, queryAccounts, userinfo],
};
