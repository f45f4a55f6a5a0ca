/**
 * The emulated org: its identity, its users (with the profile/role/permission facts later sharing work
 * needs) and its connected apps. Everything is deterministic for a given IdFactory and credentials.
 */
import type { LocalCredentials } from './config';
import { IdFactory, KEY_PREFIX, to15 } from './ids';
import { APP_PERMISSION_SET, defaultAppSettings, type ConnectedApp } from './oauth/connected-app';

export interface OrgInfo {
  /** 18-char organization id. */
  id: string;
  /** 15-char form (access-token prefix, SOAP URLs). */
  id15: string;
  name: string;
  edition: string;
  /** False: the org is locked, closed or suspended; every token request answers `inactive_org`. */
  active: boolean;
}

export interface UserPermissions {
  /** Profile permission "API Enabled": without it every REST call is 403 API_DISABLED_FOR_ORG. */
  apiEnabled: boolean;
  viewAllData: boolean;
  modifyAllData: boolean;
}

export interface OrgUser {
  id: string;
  username: string;
  /** Undefined: the user cannot log in with a password. */
  password?: string;
  securityToken?: string;
  firstName: string;
  lastName: string;
  email: string;
  alias: string;
  nickname: string;
  timeZone: string;
  /** Standard (non-DST) offset of the time zone in milliseconds, as the identity service reports it. */
  utcOffsetMs: number;
  locale: string;
  language: string;
  /** ISO 3166 country of the user's address. */
  country: string;
  userType: 'STANDARD';
  active: boolean;
  /**
   * The profile's object permissions, by exception: `unreadableObjects` lack Read (SOQL on them is INVALID_TYPE);
   * `readOnlyObjects` have Read but not Create, Edit or Delete (writes are 403 INSUFFICIENT_ACCESS_OR_READONLY).
   */
  profile: { id: string; name: string; unreadableObjects?: string[]; readOnlyObjects?: string[] };
  role: { id: string; name: string; parentRoleId?: string } | null;
  permissions: UserPermissions;
  /** ISO instant of the last change to the user (userinfo `updated_at`). */
  lastModified: string;
  /** Assigned permission sets (the guide's step 4); pre-authorizes the user for apps assigned to them. */
  permissionSets?: string[];
  /** Locked out (too many failed logins): every login is `authentication failure`. */
  locked?: boolean;
  /** Outside the profile's login IP ranges or login hours: `ip restricted or invalid login hours`. */
  loginIpRestricted?: boolean;
  /**
   * Login IP Ranges of the user's profile (IPv4, inclusive). A login from outside every range is `ip restricted or
   * invalid login hours`. Undefined or empty: no restriction.
   */
  loginIpRanges?: Array<{ start: string; end: string }>;
}

export type { ConnectedApp } from './oauth/connected-app';

export interface Org {
  info: OrgInfo;
  users: OrgUser[];
  apps: ConnectedApp[];
}

const USER_CHANGED_AT = '2024-01-15T09:30:00Z';

/**
 * The two standard users (Standard User profile, no View All Data): documented local-only credentials
 * that open only the emulator. The password grant takes `password + securityToken`.
 */
export const STANDARD_USERS = Object.freeze([
  Object.freeze({ username: 'sales.rep@sfcheck.local', password: 'sfcheck-Rep-1', securityToken: 'LOCALREPTOKEN000000000' }),
  Object.freeze({ username: 'support.agent@sfcheck.local', password: 'sfcheck-Agent-1', securityToken: 'LOCALAGENTTOKEN0000000' }),
] as const);

export function buildOrg(ids: IdFactory, credentials: LocalCredentials): Org {
  const orgId = ids.next(KEY_PREFIX.Organization);
  const adminProfile = { id: ids.next(KEY_PREFIX.Profile), name: 'System Administrator' };
  const standardProfile = { id: ids.next(KEY_PREFIX.Profile), name: 'Standard User' };
  const ceoRole = { id: ids.next(KEY_PREFIX.UserRole), name: 'CEO' };
  const salesRole = { id: ids.next(KEY_PREFIX.UserRole), name: 'Sales Representative', parentRoleId: ceoRole.id };
  const supportRole = { id: ids.next(KEY_PREFIX.UserRole), name: 'Support Agent', parentRoleId: ceoRole.id };

  const integration: OrgUser = {
    id: ids.next(KEY_PREFIX.User),
    username: credentials.username,
    password: credentials.password,
    securityToken: credentials.securityToken,
    firstName: 'Integration',
    lastName: 'User',
    email: credentials.username,
    alias: 'integ',
    nickname: 'integration',
    timeZone: 'America/Los_Angeles',
    utcOffsetMs: -28_800_000,
    locale: 'en_US',
    language: 'en_US',
    country: 'US',
    userType: 'STANDARD',
    active: true,
    profile: adminProfile,
    role: ceoRole,
    permissions: { apiEnabled: true, viewAllData: true, modifyAllData: true },
    lastModified: USER_CHANGED_AT,
    permissionSets: [APP_PERMISSION_SET],
  };
  const salesRep: OrgUser = {
    id: ids.next(KEY_PREFIX.User),
    username: STANDARD_USERS[0].username,
    password: STANDARD_USERS[0].password,
    securityToken: STANDARD_USERS[0].securityToken,
    firstName: 'Sam',
    lastName: 'Rivera',
    email: 'sales.rep@sfcheck.local',
    alias: 'srive',
    nickname: 'sales.rep',
    timeZone: 'America/New_York',
    utcOffsetMs: -18_000_000,
    locale: 'en_US',
    language: 'en_US',
    country: 'US',
    userType: 'STANDARD',
    active: true,
    profile: standardProfile,
    role: salesRole,
    permissions: { apiEnabled: true, viewAllData: false, modifyAllData: false },
    lastModified: USER_CHANGED_AT,
    permissionSets: [APP_PERMISSION_SET],
  };
  const supportAgent: OrgUser = {
    ...salesRep,
    id: ids.next(KEY_PREFIX.User),
    username: STANDARD_USERS[1].username,
    password: STANDARD_USERS[1].password,
    securityToken: STANDARD_USERS[1].securityToken,
    firstName: 'Alex',
    lastName: 'Morgan',
    email: STANDARD_USERS[1].username,
    alias: 'amorg',
    nickname: 'support.agent',
    timeZone: 'Europe/London',
    utcOffsetMs: 0,
    locale: 'en_GB',
    language: 'en_US',
    country: 'GB',
    role: supportRole,
    permissionSets: [APP_PERMISSION_SET],
  };

  return {
    info: { id: orgId, id15: to15(orgId), name: 'sfcheck Local Emulator', edition: 'Developer Edition', active: true },
    users: [integration, salesRep, supportAgent],
    apps: [{ ...defaultAppSettings(credentials.redirectUri), clientId: credentials.clientId, clientSecret: credentials.clientSecret }],
  };
}

/** Salesforce usernames are case-insensitive. */
export function findUserByUsername(org: Org, username: string): OrgUser | undefined {
  const wanted = username.toLowerCase();
  return org.users.find((u) => u.username.toLowerCase() === wanted);
}

export function findUserById(org: Org, id: string): OrgUser | undefined {
  return org.users.find((u) => u.id === id);
}

/** Consumer keys are compared exactly. */
export function findApp(org: Org, clientId: string): ConnectedApp | undefined {
  return org.apps.find((a) => a.clientId === clientId);
}
