/**
 * The emulated org's users who can log in with the password grant: documented, local-only credentials
 * (they open only the emulator on 127.0.0.1). The admin is the integration user of LOCAL_CREDENTIALS
 * (System Administrator, View All Data); the two standard users (Standard User profile) see only
 * the records they own on Private objects. The grant takes `password + securityToken`.
 */
import { LOCAL_CREDENTIALS } from './config';
import { STANDARD_USERS } from './org';

export interface LocalUser {
  username: string;
  password: string;
  securityToken: string;
  profile: 'System Administrator' | 'Standard User';
  viewAllData: boolean;
}

export const LOCAL_USERS: Readonly<{ admin: LocalUser; salesRep: LocalUser; supportAgent: LocalUser }> = Object.freeze({
  admin: Object.freeze({
    username: LOCAL_CREDENTIALS.username, password: LOCAL_CREDENTIALS.password, securityToken: LOCAL_CREDENTIALS.securityToken,
    profile: 'System Administrator', viewAllData: true,
  }),
  salesRep: Object.freeze({ ...STANDARD_USERS[0], profile: 'Standard User', viewAllData: false }),
  supportAgent: Object.freeze({ ...STANDARD_USERS[1], profile: 'Standard User', viewAllData: false }),
});
