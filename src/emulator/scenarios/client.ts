/**
 * Scenarios on the client side: the org is set up right, the values the client sends are not. The emulator changes
 * nothing; `verify --env local --scenario NAME` sends the wrong value and the emulator answers as Salesforce does.
 */
import { LOCAL_CREDENTIALS } from '../config';
import { ADMIN_LOGIN } from './helpers';
import type { Scenario } from './types';

export const CLIENT_SCENARIOS: readonly Scenario[] = [
  {
    name: 'security-token-missing',
    summary: "the password flow sends the service user's password without the security token appended",
    flows: ['password'],
    expectedDiagnosis: 'SFD_AUTH_FAILURE',
    fix: "append the security token to the password (guide step 5: Reset My Security Token; SF_SECURITY_TOKEN), or add the caller's IP to the org's trusted ranges",
    evidence: '400 invalid_grant "authentication failure" on the password grant',
    client: { passwordLogin: { ...ADMIN_LOGIN, securityToken: '' } },
  },
  {
    name: 'wrong-password',
    summary: "the password flow sends a password that is not the service user's (an old one, or a typo)",
    flows: ['password'],
    expectedDiagnosis: 'SFD_AUTH_FAILURE',
    fix: "set the service user's current password (guide step 5: Change My Password; SF_PASSWORD)",
    evidence: '400 invalid_grant "authentication failure" on the password grant',
    client: { passwordLogin: { ...ADMIN_LOGIN, password: 'sfcheck-Local-0' } },
  },
  {
    name: 'sandbox-user-on-production-login',
    summary: 'the password flow logs a sandbox username (ending .uat) in at the production login host, where that user does not exist',
    flows: ['password'],
    expectedDiagnosis: 'SFD_AUTH_FAILURE',
    fix: 'send sandbox users to https://test.salesforce.com (or the sandbox My Domain): SF_LOGIN_URL, or --env sandbox',
    evidence: '400 invalid_grant "authentication failure" from the login host (login.salesforce.com\'s role)',
    client: { passwordLogin: { ...ADMIN_LOGIN, username: `${ADMIN_LOGIN.username}.uat` }, passwordOnLoginHost: true },
  },
  {
    name: 'wrong-consumer-key',
    summary: "every flow sends a consumer key that is not the Connected App's (copied from another app or org)",
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_INVALID_CLIENT_ID',
    fix: 'copy the Consumer Key again from the Connected App (guide step 1.6: Manage Consumer Details; SF_CLIENT_ID)',
    evidence: '400 invalid_client_id "client identifier invalid" (token endpoint; inline at /authorize)',
    client: { clientId: '3MVG9sfcheck.SOME.OTHER.APP' },
  },
  {
    name: 'wrong-consumer-secret',
    summary: "the flows that authenticate the client send a consumer secret that is not the Connected App's",
    flows: ['password', 'client-credentials', 'uca'],
    expectedDiagnosis: 'SFD_INVALID_CLIENT',
    fix: 'copy the Consumer Secret again (guide step 1.6: Manage Consumer Details; SF_CLIENT_SECRET)',
    evidence: '400 invalid_client "invalid client credentials" on the password, client-credentials, code and refresh grants',
    client: { clientSecret: 'sfcheck-some-other-secret' },
  },
  {
    name: 'wrong-callback',
    summary: `the user-consent flow sends a redirect_uri (http://localhost:1717/OauthRedirect) that is not the app's Callback URL (${LOCAL_CREDENTIALS.redirectUri})`,
    flows: ['uca'],
    expectedDiagnosis: 'SFD_REDIRECT_URI_MISMATCH',
    fix: 'make the redirect_uri exactly one of the Callback URLs of the Connected App, or add it there (guide: User Consent, Callback URL; SF_REDIRECT_URI)',
    evidence: 'inline at /authorize: error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration',
    client: { redirectUri: 'http://localhost:1717/OauthRedirect' },
  },
];
