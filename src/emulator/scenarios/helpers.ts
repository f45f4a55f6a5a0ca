/** Small helpers the scenario files share. */
import { LOCAL_USERS } from '../local-users';
import { findUserByUsername, type Org, type OrgUser } from '../org';
import type { PasswordLogin } from './types';

/**
 * The service account of the scenarios that break one user: the password flow logs in as this user, so the flows
 * that run as other users (client credentials' run-as admin, the JWT subject, the user-consent users) keep working.
 */
export const SERVICE_USER = LOCAL_USERS.supportAgent;

export const SERVICE_LOGIN: PasswordLogin = Object.freeze({
  username: SERVICE_USER.username,
  password: SERVICE_USER.password,
  securityToken: SERVICE_USER.securityToken,
});

/** The integration user of LOCAL_CREDENTIALS (the admin), as the password flow normally sends it. */
export const ADMIN_LOGIN: PasswordLogin = Object.freeze({
  username: LOCAL_USERS.admin.username,
  password: LOCAL_USERS.admin.password,
  securityToken: LOCAL_USERS.admin.securityToken,
});

export function userNamed(org: Org, username: string): OrgUser {
  const user = findUserByUsername(org, username);
  if (!user) throw new Error(`scenario: no user ${username} in the emulated org`);
  return user;
}
