/**
 * The user checks every grant shares, in Salesforce's order: locked, inactive, IP/login hours (the flag or the
 * profile's Login IP Ranges against the client's address), then the connected app's Permitted Users policy.
 */
import type { ConnectedApp, OrgUser } from '../org';
import { isPreAuthorized } from './connected-app';
import { OAUTH_ERRORS, type OAuthError } from './errors';

/** IPv4 as a number; IPv4-mapped IPv6 (`::ffff:127.0.0.1`) and `::1` count as IPv4. Undefined for other addresses. */
export function ipv4Number(address: string): number | undefined {
  const plain = address === '::1' ? '127.0.0.1' : address.replace(/^::ffff:/i, '');
  const parts = plain.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Whether `address` is inside one of the ranges; no ranges means no restriction. */
export function insideLoginIpRanges(ranges: OrgUser['loginIpRanges'], address: string | undefined): boolean {
  if (!ranges || ranges.length === 0) return true;
  const ip = address === undefined ? undefined : ipv4Number(address);
  if (ip === undefined) return false;
  return ranges.some((r) => {
    const start = ipv4Number(r.start);
    const end = ipv4Number(r.end);
    return start !== undefined && end !== undefined && ip >= start && ip <= end;
  });
}

export function userStateError(user: OrgUser, remoteAddress?: string): OAuthError | undefined {
  if (user.locked) return OAUTH_ERRORS.authenticationFailure;
  if (!user.active) return OAUTH_ERRORS.inactiveUser;
  if (user.loginIpRestricted || !insideLoginIpRanges(user.loginIpRanges, remoteAddress)) return OAUTH_ERRORS.ipRestricted;
  return undefined;
}

/** Admin-approved app and the user has neither a permission set nor a profile the app is assigned to. */
export function notAdminApproved(app: ConnectedApp, user: OrgUser): boolean {
  return app.permittedUsers === 'admin_approved' && !isPreAuthorized(app, user);
}
