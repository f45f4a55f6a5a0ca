/**
 * Scenarios that let every token through and break the data calls: the profile without "API Enabled", the daily
 * API allocation spent, Account not readable by the profile, Account readable but not writable by the service user's
 * profile, and a session timeout shorter than the run.
 */
import { SERVICE_LOGIN, SERVICE_USER, userNamed } from './helpers';
import type { Scenario } from './types';

export const DATA_SCENARIOS: readonly Scenario[] = [
  {
    name: 'api-disabled',
    summary: 'the users\' profiles lack the "API Enabled" permission',
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_API_DISABLED',
    fix: 'give the profile (or a permission set of the user) "API Enabled"; editions without API access (e.g. Professional without the add-on) need an upgrade',
    evidence: '403 API_DISABLED_FOR_ORG "The REST API is not enabled for this Organization." on every REST call',
    prepare: ({ org }) => {
      for (const user of org.users) user.permissions.apiEnabled = false;
    },
  },
  {
    name: 'daily-limit-spent',
    summary: 'the org has spent its daily API request allocation (DailyApiRequests 15000/15000)',
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_REQUEST_LIMIT_EXCEEDED',
    fix: 'wait for the rolling 24-hour window to free requests, find the integration that spends them (Setup > System Overview, /limits), or buy more',
    evidence: '403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded." with Sforce-Limit-Info: api-usage=15000/15000',
    prepare: ({ apiUsage }) => {
      apiUsage.used = apiUsage.max;
    },
  },
  {
    name: 'object-not-visible',
    summary: 'the users\' profiles have no Read permission on Account',
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_OBJECT_NOT_VISIBLE',
    fix: 'give the profile (or a permission set) Read on Account, and field-level access to the fields queried (guide step 3: the service user\'s profile)',
    evidence: "400 INVALID_TYPE \"sObject type 'Account' is not supported...\" on every Account query",
    prepare: ({ org }) => {
      for (const user of org.users) user.profile.unreadableObjects = ['Account'];
    },
  },
  {
    name: 'service-user-read-only',
    summary: `the service user ${SERVICE_USER.username} has a custom profile that reads Account but may not create, edit or delete it`,
    flows: ['write'],
    expectedDiagnosis: 'SFD_INSUFFICIENT_ACCESS',
    fix:
      'give the service user the Salesforce Admin profile, or a custom profile or permission set with Create, Edit and Delete on Account ' +
      '(guide step 3: a profile "which allows access to view or modify certain objects")',
    evidence: '403 INSUFFICIENT_ACCESS_OR_READONLY "insufficient access rights on object id" on the create (POST /sobjects/Account)',
    client: { passwordLogin: SERVICE_LOGIN },
    prepare: ({ org }) => {
      const user = userNamed(org, SERVICE_USER.username);
      // Its own profile: the other users of the Standard User profile keep theirs.
      user.profile = { ...user.profile, name: 'Integration Read Only', readOnlyObjects: ['Account'] };
    },
  },
  {
    name: 'session-expired',
    summary: 'the session timeout is shorter than the run: every access token expires before its first use',
    flows: ['password', 'client-credentials', 'jwt', 'uca'],
    expectedDiagnosis: 'SFD_INVALID_SESSION',
    fix: 'raise the Timeout Value (Connected App > Edit Policies > Session Policies, guide step 1.7: 24 hours) and get a new token when a call answers 401',
    evidence: '401 INVALID_SESSION_ID "Session expired or invalid" on every REST call after the token (UserInfo: 403 Bad_OAuth_Token)',
    options: { oauth: { sessionTimeoutMs: 0 } },
  },
];
