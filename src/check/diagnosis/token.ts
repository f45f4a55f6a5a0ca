/** Token endpoint failures (POST /services/oauth2/token): client, user and org problems. Wire spec §2.3. */
import { DOC, STEP } from './guide';
import type { CatalogueEntry } from './types';

const oauth = (error: string, description: string) => JSON.stringify({ error, error_description: description });

export const TOKEN_ENTRIES: readonly CatalogueEntry[] = [
  {
    code: 'SFD_AUTH_FAILURE',
    show: ['loginHost', 'username'],
    title: 'Salesforce refused the username and password',
    signature: '400 invalid_grant "authentication failure"',
    evidence: [{ error: ['invalid_grant'], text: ['authentication failure'] }],
    causes: [
      {
        cause: 'The security token is not appended to the password (or it was reset and a new one was emailed)',
        confirm: 'The password field must be the password immediately followed by the security token; a token is only optional when the org trusts your IP range',
        fix: 'Reset the security token (View Profile > Settings > Reset My Security Token) and set SF_SECURITY_TOKEN to the token from the email',
        guideStep: STEP.securityToken,
      },
      {
        cause: 'Wrong login host: a sandbox user on login.salesforce.com, or a production user on test.salesforce.com',
        confirm: 'Sandbox usernames end with the sandbox name (user@acme.com.uat); the token URL must be https://test.salesforce.com (or the sandbox My Domain) for them, https://login.salesforce.com for production',
        fix: 'Set SF_LOGIN_URL to https://test.salesforce.com for a sandbox user, https://login.salesforce.com (or the My Domain URL) for production',
        guideStep: STEP.testPostman,
        promotedBy: ['sandboxUserOnProductionHost', 'productionUserOnSandboxHost'],
      },
      {
        cause: 'Wrong username or password',
        confirm: 'Log in to the org in a browser with the same username and password',
        fix: 'Set the password again (View Profile > Settings > Change My Password) and update SF_PASSWORD',
        guideStep: STEP.securityToken,
      },
      {
        cause: 'The user is locked out after too many failed logins',
        confirm: 'Setup > Users > the service user: an "Unlock" button shows while the user is locked',
        fix: 'Click Unlock (or wait for the lockout period), then fix the credentials that caused the failures',
        guideStep: STEP.serviceUser,
      },
      {
        cause: 'The org blocks the username-password flow (orgs created since Summer \'23, and Salesforce is retiring the flow)',
        confirm: 'Setup > OAuth and OpenID Connect Settings: the username-password flows setting ("Allow … Username-Password Flows") is off; Login History shows the attempt as blocked',
        fix: 'Turn that setting on, or better move the service account to client credentials or JWT bearer (verify --flow client-credentials / jwt)',
        guideStep: STEP.oauthSettings,
      },
    ],
    guideStep: STEP.securityToken,
    doc: DOC.passwordFlow,
    samples: [
      { status: 400, body: oauth('invalid_grant', 'authentication failure') },
      { status: 400, body: oauth('invalid_grant', 'authentication failure - Invalid Password') },
    ],
  },
  {
    code: 'SFD_INVALID_CLIENT_ID',
    show: ['loginHost'],
    title: 'Salesforce does not know this consumer key',
    signature: '400 invalid_client_id "client identifier invalid" (token, or inline on the authorize page)',
    evidence: [{ error: ['invalid_client_id'] }],
    causes: [
      {
        cause: 'The Connected App was created or changed a few minutes ago and is not propagated yet (2–10 minutes)',
        confirm: 'The app\'s "Created Date" / last modification in App Manager is less than 10 minutes old',
        fix: 'Wait 10 minutes and run again; nothing to change',
        guideStep: STEP.consumerDetails,
      },
      {
        cause: 'The consumer key is wrong (copied with a space, from another app or another org)',
        confirm: 'App Manager > the app > View > Manage Consumer Details: compare the Consumer Key with SF_CLIENT_ID character by character',
        fix: 'Copy the Consumer Key again into SF_CLIENT_ID (client_id)',
      },
      {
        cause: 'The app lives in another org than the login host serves (a production app used against a sandbox, or the reverse)',
        confirm: 'Sandboxes copied from production before the app existed do not have it; look for the app in App Manager of the org you log in to',
        fix: 'Create the app in that org (or refresh the sandbox) and use its consumer key',
        guideStep: STEP.testPostman,
      },
    ],
    guideStep: STEP.consumerDetails,
    doc: DOC.oauthErrors,
    samples: [
      { status: 400, body: oauth('invalid_client_id', 'client identifier invalid') },
      { status: 400, body: 'error=invalid_client_id&error_description=client%20identifier%20invalid' },
    ],
  },
  {
    code: 'SFD_INVALID_CLIENT',
    title: 'Salesforce refused the consumer secret',
    signature: '400 invalid_client "invalid client credentials"',
    evidence: [{ error: ['invalid_client'] }],
    causes: [
      {
        cause: 'The consumer secret is wrong (from another app, truncated, or the secret was regenerated)',
        confirm: 'App Manager > the app > View > Manage Consumer Details: compare the Consumer Secret with SF_CLIENT_SECRET',
        fix: 'Copy the Consumer Secret again into SF_CLIENT_SECRET (client_secret)',
      },
      {
        cause: 'The secret is sent for another app\'s consumer key (key and secret of two different apps)',
        confirm: 'Both values must come from the same Manage Consumer Details page',
        fix: 'Copy the key and the secret from the same app',
      },
    ],
    guideStep: STEP.consumerDetails,
    doc: DOC.oauthErrors,
    samples: [{ status: 400, body: oauth('invalid_client', 'invalid client credentials') }],
  },
  {
    code: 'SFD_APP_NOT_APPROVED',
    title: 'The user is not allowed to use this Connected App',
    signature: '400 invalid_grant "user hasn\'t approved this consumer", invalid_app_access, or OAUTH_APP_ACCESS_DENIED',
    evidence: [
      { error: ['invalid_grant'], text: ["user hasn't approved this consumer", 'user hasn&#39;t approved this consumer'] },
      { error: ['invalid_app_access', 'OAUTH_APP_ACCESS_DENIED'] },
    ],
    causes: [
      {
        cause: 'Permitted Users is "Admin approved users are pre-authorized" and the user is not assigned a permission set (or profile) that enables the app',
        confirm: 'Setup > Users > the user > Permission Set Assignments: the set with the app (moveworks_connected_app) is missing; or the set does not list the app under Assigned Connected Apps',
        fix: 'Add the app to the permission set (Assigned Connected Apps) and assign the set to the user',
        guideStep: STEP.permissionSet,
      },
      {
        cause: 'Permitted Users is "All users may self-authorize" and this user never approved the app (JWT and password flows cannot show a consent page)',
        confirm: 'Manage > Edit Policies shows "All users may self-authorize"',
        fix: 'Switch to "Admin approved users are pre-authorized" and assign the permission set, or have the user approve the app once through the authorize page',
        guideStep: STEP.policies,
      },
    ],
    guideStep: STEP.permissionSet,
    doc: DOC.manageAccess,
    samples: [
      { status: 400, body: oauth('invalid_grant', "user hasn't approved this consumer") },
      { status: 400, body: oauth('invalid_app_access', 'user is not admin approved to access this app') },
      { status: 302, body: 'error=OAUTH_APP_ACCESS_DENIED&error_description=user+is+not+admin+approved+to+access+this+app' },
    ],
  },
  {
    code: 'SFD_IP_RESTRICTED',
    title: 'Login refused by the IP ranges or login hours of the user\'s profile',
    signature: '400 invalid_grant "ip restricted or invalid login hours"',
    evidence: [{ error: ['invalid_grant'], text: ['ip restricted', 'invalid login hours'] }],
    causes: [
      {
        cause: 'The machine running sfcheck is outside the profile\'s Login IP Ranges (or the app\'s IP Relaxation enforces them)',
        confirm: 'Setup > Users > the user > Login History shows "Restricted IP"; compare your public IP with the profile\'s Login IP Ranges',
        fix: 'Add the CI egress range to the profile\'s Login IP Ranges, or set the app\'s IP Relaxation to "Relax IP restrictions"',
        guideStep: STEP.policies,
      },
      {
        cause: 'The run happens outside the profile\'s Login Hours',
        confirm: 'The profile\'s Login Hours do not cover the current time (in the org\'s time zone)',
        fix: 'Widen the Login Hours of the service user\'s profile',
        guideStep: STEP.serviceUser,
      },
    ],
    guideStep: STEP.policies,
    doc: DOC.loginIpRanges,
    samples: [
      { status: 400, body: oauth('invalid_grant', 'ip restricted or invalid login hours') },
      { status: 400, body: oauth('invalid_grant', 'IP restricted or invalid login hours') },
    ],
  },
  {
    code: 'SFD_INACTIVE_USER',
    title: 'The user is deactivated',
    signature: '400 invalid_grant "inactive user"',
    evidence: [{ error: ['invalid_grant', 'inactive_user'], text: ['inactive user', 'user is inactive'] }],
    causes: [
      {
        cause: 'The service user (or the run-as / JWT user) is inactive',
        confirm: 'Setup > Users > the user: the Active checkbox is cleared',
        fix: 'Reactivate the user (a licence must be free), or point the integration at an active user',
        guideStep: STEP.serviceUser,
      },
    ],
    guideStep: STEP.serviceUser,
    doc: DOC.deactivateUser,
    samples: [{ status: 400, body: oauth('invalid_grant', 'inactive user') }],
  },
  {
    code: 'SFD_INACTIVE_ORG',
    title: 'The org is locked, closed or suspended',
    signature: '400 inactive_org',
    evidence: [{ error: ['inactive_org'] }],
    causes: [
      {
        cause: 'The org is locked, closed or suspended (an expired trial, a deleted sandbox, unpaid licences)',
        confirm: 'Logging in to the org in a browser shows that it is inactive',
        fix: 'Reactivate the org with Salesforce, or point SF_LOGIN_URL and the credentials at a live org',
        guideStep: STEP.testPostman,
      },
    ],
    guideStep: STEP.testPostman,
    doc: DOC.oauthErrors,
    samples: [{ status: 400, body: oauth('inactive_org', 'organization is locked, closed, or suspended') }],
  },
  {
    code: 'SFD_TOKEN_EXPIRED',
    title: 'The refresh token is no longer valid',
    signature: '400 invalid_grant "expired access/refresh token"',
    evidence: [{ error: ['invalid_grant'], text: ['expired access/refresh token'] }],
    causes: [
      {
        cause: 'The refresh token was revoked (the user or an admin revoked the app\'s access, or the user\'s password was reset)',
        confirm: 'Setup > Connected Apps OAuth Usage (or the user\'s Connected Apps list) no longer lists this token',
        fix: 'Log in again (sfcheck login) to get a new refresh token, and update SF_REFRESH_TOKEN in CI',
        guideStep: STEP.ucaToken,
      },
      {
        cause: 'Refresh-token rotation is on and an older token was used after a newer one was issued',
        confirm: 'Another client (or an earlier run) refreshed with the same token',
        fix: 'Store the refresh token each refresh returns, or turn rotation off',
        guideStep: STEP.ucaToken,
      },
      {
        cause: 'The refresh token policy expired it ("Expire refresh token after" / "if not used for")',
        confirm: 'Manage > Edit Policies > Refresh Token Policy',
        fix: 'Choose "Refresh token is valid until revoked" or log in again before it expires',
        guideStep: STEP.policies,
      },
    ],
    guideStep: STEP.ucaToken,
    doc: DOC.refreshFlow,
    samples: [{ status: 400, body: oauth('invalid_grant', 'expired access/refresh token') }],
  },
];
