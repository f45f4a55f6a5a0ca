/**
 * The user checks every grant shares, in Salesforce's order: locked, inactive, IP/login hours, then the
 * connected app's Permitted Users policy.
 */
import type { ConnectedApp, OrgUser } from '../org';
import { isPreAuthorized } from './connected-app';
import { OAUTH_ERRORS, type OAuthError } from './errors';

export function userStateError(user: OrgUser): OAuthError | undefined {
  if (user.locked) return OAUTH_ERRORS.authenticationFailure;
  if (!user.active) return OAUTH_ERRORS.inactiveUser;
  if (user.loginIpRestricted) return OAUTH_ERRORS.ipRestricted;
  return undefined;
}

/** Admin-approved app and the user has neither a permission set nor a profile the app is assigned to. */
export function notAdminApproved(app: ConnectedApp, user: OrgUser): boolean {
  return app.permittedUsers === 'admin_approved' && !isPreAuthorized(app, user);
}
