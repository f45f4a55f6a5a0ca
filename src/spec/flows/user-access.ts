/**
 * The user-level access proof: the same Connected App used by the admin and by a standard user, each through their
 * own refresh token. Assertions: UserInfo matches each token's identity; the admin sees every Account (including
 * other users'); the standard user sees only Accounts they own, strictly fewer than the admin.
 */
import { countAccountsAdmin, NOT_THE_ADMIN, queryAccountsAdmin, queryAccountsUser, queryOwnedAccounts, userinfoOf } from '../requests/access';
import { refreshTokenRequest } from '../requests/tokens';
import type { FlowSpec } from '../types';

export const userAccessFlow: FlowSpec = {
  id: 'user-access',
  name: 'Salesforce — user-level access (admin and standard user)',
  description:
    'Proves what the set-up guide asks the reader to check by eye after the user consent set-up: data comes back at ' +
    'the user level only. The admin and a standard user each authorized the app; the admin sees every Account, the ' +
    'standard user only the ones they own.',
  requests: [
    refreshTokenRequest({ id: 'token-refresh-admin', name: 'Get an access token for the admin (refresh token)', variable: 'admin_refresh_token', who: 'the admin' }),
    userinfoOf({ id: 'userinfo-admin', name: "Get the admin's identity (UserInfo)", variable: 'admin_user_id' }),
    countAccountsAdmin,
    queryAccountsAdmin,
    refreshTokenRequest({ id: 'token-refresh-user', name: 'Get an access token for the standard user (refresh token)', variable: 'refresh_token', who: 'the standard user' }),
    userinfoOf({ id: 'userinfo-user', name: "Get the standard user's identity (UserInfo)", variable: 'user_id', checks: [NOT_THE_ADMIN] }),
    queryAccountsUser,
    queryOwnedAccounts,
  ],
  variables: ['admin_account_count'],
  howTo: [
    '2. Choose the environment and fill in client_id, client_secret, admin_refresh_token (an admin with View All Data ' +
      'authorized the app) and refresh_token (a standard user authorized it): see the user-consent collection, or ' +
      '`sfcheck login --env ENV` once per user.',
    '3. Run the collection in order: the admin half stores the admin\'s user id and Account count, the standard ' +
      'user\'s half compares against them.',
  ],
};
