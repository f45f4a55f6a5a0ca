/**
 * The emulated org: its identity, its users (with the profile/role/permission facts later sharing work
 * needs) and its connected apps. Everything is deterministic for a given IdFactory and credentials.
 */
import type { LocalCredentials } from './config';
import { IdFactory, KEY_PREFIX, to15 } from './ids';

export interface OrgInfo {
  /** 18-char organization id. */
  id: string;
  /** 15-char form (access-token prefix, SOAP URLs). */
  id15: string;
  name: string;
  edition: string;
}

export interface UserPermissions {
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
  profile: { id: string; name: string };
  role: { id: string; name: string } | null;
  permissions: UserPermissions;
  /** ISO instant of the last change to the user (userinfo `updated_at`). */
  lastModified: string;
}

export interface ConnectedApp {
  name: string;
  clientId: string;
  clientSecret: string;
  callbackUrls: string[];
  /** Whether the app counts as installed in the org (userinfo `is_app_installed`). */
  installed: boolean;
}

export interface Org {
  info: OrgInfo;
  users: OrgUser[];
  apps: ConnectedApp[];
}

const USER_CHANGED_AT = '2024-01-15T09:30:00Z';

export function buildOrg(ids: IdFactory, credentials: LocalCredentials): Org {
  const orgId = ids.next(KEY_PREFIX.Organization);
  const adminProfile = { id: ids.next(KEY_PREFIX.Profile), name: 'System Administrator' };
  const standardProfile = { id: ids.next(KEY_PREFIX.Profile), name: 'Standard User' };
  const ceoRole = { id: ids.next(KEY_PREFIX.UserRole), name: 'CEO' };
  const salesRole = { id: ids.next(KEY_PREFIX.UserRole), name: 'Sales Representative' };

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
  };
  const salesRep: OrgUser = {
    id: ids.next(KEY_PREFIX.User),
    username: 'sales.rep@sfcheck.local',
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
  };

  return {
    info: { id: orgId, id15: to15(orgId), name: 'sfcheck Local Emulator', edition: 'Developer Edition' },
    users: [integration, salesRep],
    apps: [
      {
        name: 'sfcheck_Local',
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        callbackUrls: [credentials.redirectUri],
        installed: true,
      },
    ],
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
