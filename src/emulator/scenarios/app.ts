/**
 * Scenarios in the Connected App's settings and the org's OAuth settings: a brand-new app, the password flow blocked,
 * PKCE required, refresh tokens expired by policy, no run-as user, and an inactive org.
 */
import type { Scenario } from './types';

export const APP_SCENARIOS: readonly Scenario[] = [
  {
    name: 'app-not-propagated',
    summary: 'the Connected App was created just now: for 10 minutes the OAuth servers do not know its consumer key yet',
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_INVALID_CLIENT_ID',
    fix: 'wait 2 to 10 minutes after creating (or changing) the Connected App, then run again (this emulator: 10 minutes, or restart it without the scenario)',
    evidence: '400 invalid_client_id "client identifier invalid" on every grant; inline at /authorize',
    prepare: ({ app, now }) => {
      app.createdAt = now;
    },
  },
  {
    name: 'password-flow-blocked',
    summary: 'the org refuses the username-password flow (setting "Allow OAuth Username-Password Flows" off, the default for orgs since Summer \'23)',
    flows: ['password'],
    expectedDiagnosis: 'SFD_AUTH_FAILURE',
    fix: 'Setup > OAuth and OpenID Connect Settings > turn on "Allow OAuth Username-Password Flows", or move the service account to client credentials or JWT bearer',
    evidence: '400 invalid_grant "authentication failure" on every password grant, whatever the credentials',
    options: { oauth: { usernamePasswordFlowAllowed: false } },
  },
  {
    name: 'pkce-required',
    summary: 'the Connected App has "Require Proof Key for Code Exchange (PKCE)" on and the user-consent client sends no code_challenge',
    flows: ['uca'],
    expectedDiagnosis: 'SFD_PKCE',
    fix: 'send a PKCE S256 code_challenge at /authorize and the code_verifier at /token (Postman: "Authorization Code (With PKCE)"), or turn off Require PKCE',
    evidence: 'inline at /authorize: error=invalid_request&error_description=missing%20required%20code%20challenge',
    options: { app: { requirePkce: true } },
    client: { pkce: false },
  },
  {
    name: 'refresh-token-revoked',
    summary: 'the users\' refresh tokens no longer work: the app\'s Refresh Token Policy is "Immediately expire refresh token" (answered exactly as a revoked token)',
    flows: ['uca'],
    expectedDiagnosis: 'SFD_TOKEN_EXPIRED',
    fix: 'set the Refresh Token Policy to "Refresh token is valid until revoked" (Manage > Edit Policies), then log in again (sfcheck login) for a new refresh token',
    evidence: '400 invalid_grant "expired access/refresh token" on the refresh grant',
    options: { app: { refreshTokenExpiresAfterMs: 0 } },
  },
  {
    name: 'client-credentials-no-run-as',
    summary: 'the Connected App has "Enable Client Credentials Flow" on but no Run As user',
    flows: ['client-credentials'],
    expectedDiagnosis: 'SFD_NO_RUN_AS_USER',
    fix: 'Manage > Edit Policies > Client Credentials Flow > Run As: an integration user with the permission set of guide step 2',
    evidence: '400 invalid_grant "no client credentials user enabled" on the client-credentials grant',
    options: { app: { clientCredentialsUser: null } },
  },
  {
    name: 'org-inactive',
    summary: 'the org is locked, closed or suspended (an expired trial or sandbox, an unpaid org)',
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_INACTIVE_ORG',
    fix: 'reactivate the org (or point SF_LOGIN_URL / SF_MY_DOMAIN_URL at an active one); a refreshed sandbox has a new org',
    evidence: '400 inactive_org on every grant; inline at /authorize',
    prepare: ({ org }) => {
      org.info.active = false;
    },
  },
];
