/**
 * Scenarios on one user: the service account the password flow logs in as (support.agent@sfcheck.local here, so the
 * flows that run as other users keep working) is locked, deactivated, outside its profile's login IP ranges, or not
 * assigned the app's permission set.
 */
import { APP_PERMISSION_SET } from '../oauth/connected-app';
import { SERVICE_LOGIN, SERVICE_USER, userNamed } from './helpers';
import type { Scenario } from './types';

export const USER_SCENARIOS: readonly Scenario[] = [
  {
    name: 'user-locked',
    summary: `the service user ${SERVICE_USER.username} is locked out (too many failed logins)`,
    flows: ['password'],
    expectedDiagnosis: 'SFD_AUTH_FAILURE',
    fix: 'unlock the user (Setup > Users > the user > Unlock), or wait for the lockout period to end',
    evidence: '400 invalid_grant "authentication failure" on the password grant',
    client: { passwordLogin: SERVICE_LOGIN },
    prepare: ({ org }) => {
      userNamed(org, SERVICE_USER.username).locked = true;
    },
  },
  {
    name: 'user-inactive',
    summary: `the service user ${SERVICE_USER.username} is deactivated (Active unchecked)`,
    flows: ['password'],
    expectedDiagnosis: 'SFD_INACTIVE_USER',
    fix: 'activate the user again (Setup > Users > Edit > Active), or use an active service account (guide step 3)',
    evidence: '400 invalid_grant "inactive user" on the password grant',
    client: { passwordLogin: SERVICE_LOGIN },
    prepare: ({ org }) => {
      userNamed(org, SERVICE_USER.username).active = false;
    },
  },
  {
    name: 'ip-restricted',
    summary: `the profile of the service user ${SERVICE_USER.username} allows logins only from 10.0.0.0-10.255.255.255 (Login IP Ranges); the client calls from 127.0.0.1`,
    flows: ['password'],
    expectedDiagnosis: 'SFD_IP_RESTRICTED',
    fix: "add the caller's IP address to the profile's Login IP Ranges (or check its Login Hours)",
    evidence: '400 invalid_grant "ip restricted or invalid login hours" on the password grant',
    client: { passwordLogin: SERVICE_LOGIN },
    prepare: ({ org }) => {
      userNamed(org, SERVICE_USER.username).loginIpRanges = [{ start: '10.0.0.0', end: '10.255.255.255' }];
    },
  },
  {
    name: 'permission-set-missing',
    summary: `the app is "Admin approved users are pre-authorized" but the service user ${SERVICE_USER.username} lacks the permission set ${APP_PERMISSION_SET} that has the app`,
    flows: ['password', 'jwt'],
    expectedDiagnosis: 'SFD_APP_NOT_APPROVED',
    fix: `assign the permission set ${APP_PERMISSION_SET} to the user (guide step 4), and check the set lists the app under Assigned Connected Apps (guide step 2)`,
    evidence: '400 invalid_grant "user hasn\'t approved this consumer" (password grant); 400 invalid_app_access "user is not admin approved to access this app" (JWT bearer)',
    client: { passwordLogin: SERVICE_LOGIN, jwtSubject: SERVICE_USER.username },
    prepare: ({ org }) => {
      const user = userNamed(org, SERVICE_USER.username);
      user.permissionSets = (user.permissionSets ?? []).filter((p) => p !== APP_PERMISSION_SET);
    },
  },
];
