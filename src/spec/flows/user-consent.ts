/**
 * The user-consent (UCA) half of the guide: a user authorizes the Connected App (authorization code + PKCE), and data
 * comes back at that user's level. The collection carries Postman's OAuth 2.0 helper settings, and explicit requests
 * usable without the helper: a token from the refresh token, UserInfo, the user's own Accounts, the guide's query.
 */
import { queryAccounts } from '../requests/data';
import { queryOwnedAccounts, userinfoOf } from '../requests/access';
import { refreshTokenRequest } from '../requests/tokens';
import type { FlowSpec } from '../types';

export const USER_CONSENT_SCOPE = 'api refresh_token offline_access openid';

export const userConsentFlow: FlowSpec = {
  id: 'user-consent',
  name: 'Salesforce — user consent (authorization code + PKCE)',
  description:
    'Proves a Salesforce Connected App works with the OAuth 2.0 web server flow (authorization code with PKCE), as the ' +
    "set-up guide's User Consent Auth section tests it: a user logs in and allows access, then the refresh token " +
    "gives access tokens that act as that user only (UserInfo, the user's own Accounts, the Accounts they can see).",
  requests: [
    refreshTokenRequest({ id: 'token-refresh', name: 'Get an access token (refresh token)', variable: 'refresh_token', who: 'the user' }),
    userinfoOf({ id: 'userinfo-user', name: "Get the user's identity (UserInfo)", variable: 'user_id' }),
    queryOwnedAccounts,
    queryAccounts,
  ],
  oauth2: {
    authUrl: '{{login_url}}/services/oauth2/authorize',
    accessTokenUrl: '{{login_url}}/services/oauth2/token',
    clientId: '{{client_id}}',
    clientSecret: '{{client_secret}}',
    scope: USER_CONSENT_SCOPE,
    redirectUri: '{{redirect_uri}}',
    state: 'sfcheck',
    tokenName: 'Salesforce user consent',
  },
  howTo: [
    '2. Choose the environment and fill in client_id, client_secret and redirect_uri (a Callback URL of the Connected ' +
      'App; for Postman add https://oauth.pstmn.io/v1/callback to the app and use it here).',
    '3. Get a refresh token: the collection\'s Authorization tab is set up for "Get New Access Token" (authorization ' +
      'code with PKCE S256, scope `' + USER_CONSENT_SCOPE + '`). Log in as the user to test, click Allow, and copy ' +
      'the refresh_token Postman shows into the environment\'s refresh_token (secret). Or run `sfcheck login --env ENV`.',
    '4. Run the collection: the first request exchanges the refresh token and stores access_token, instance_url and ' +
      'identity_url; UserInfo stores user_id; the queries use them.',
  ],
};
