/**
 * The Connected App model: the settings the set-up guide asks an admin to choose (callback URL, scopes,
 * permitted users, permission-set assignment, the three "Require ..." boxes, rotation, client-credentials
 * run-as user, digital-signature certificate). Every misconfiguration the guide warns about can be
 * reproduced by overriding one field through `EmulatorOptions.app`.
 */
import type { KeyObject } from 'node:crypto';

export type PermittedUsers = 'all' | 'admin_approved';

export interface ConnectedAppSettings {
  /** API name of the app. */
  name: string;
  /** Callback URLs; `redirect_uri` must equal one of them exactly. */
  callbackUrls: string[];
  /** Selected OAuth scopes (`api`, `refresh_token`, `offline_access`, `openid`, `id`, `full`, ...). */
  scopes: string[];
  /** OAuth policies > Permitted Users: "All users may self-authorize" or "Admin approved users are pre-authorized". */
  permittedUsers: PermittedUsers;
  /** Permission sets that have this app among their Assigned Connected Apps (guide step 2). */
  permissionSets: string[];
  /** Profiles that have this app assigned. */
  profiles: string[];
  /** "Require Secret for Web Server Flow": client_secret is required by the authorization_code grant. */
  requireSecretForWebServerFlow: boolean;
  /** "Require Secret for Refresh Token Flow": client_secret is required by the refresh_token grant. */
  requireSecretForRefreshTokenFlow: boolean;
  /** "Require Proof Key for Code Exchange (PKCE)": /authorize refuses a request without code_challenge. */
  requirePkce: boolean;
  /** "Enable Refresh Token Rotation": the refresh grant returns a new refresh token and invalidates the old one. */
  refreshTokenRotation: boolean;
  /** "Enable Client Credentials Flow" run-as user (a username); null when not set. */
  clientCredentialsUser: string | null;
  /** Whether the app counts as installed in the org (identity `is_app_installed`). */
  installed: boolean;
  /**
   * When the app was created (epoch ms). A new app is unknown to the OAuth servers (`invalid_client_id`) until
   * `OAuthBehaviour.appPropagationMs` has passed. Default 0: created long ago.
   */
  createdAt: number;
  /**
   * Refresh Token Policy. null: "Refresh token is valid until revoked" (default); a number of ms: "Expire refresh
   * token after" that long; 0: "Immediately expire refresh token" (the refresh grant answers `expired access/refresh token`).
   */
  refreshTokenExpiresAfterMs: number | null;
}

/** The app's uploaded digital-signature certificate (JWT bearer flow). LOCAL ONLY: the private key is exposed to tests. */
export interface AppCertificate {
  publicKey: KeyObject;
  publicKeyPem: string;
  privateKeyPem: string;
}

export interface ConnectedApp extends ConnectedAppSettings {
  clientId: string;
  clientSecret: string;
  /** Undefined: no certificate uploaded ("Use digital signatures" off). */
  certificate?: AppCertificate;
}

/** The emulated integration user's permission set, assigned the app as in the guide's steps 2 and 4. */
export const APP_PERMISSION_SET = 'sfcheck_connected_app';

/** Defaults follow the set-up guide: api + refresh_token/offline_access (+ openid for the consent flow), admin-approved. */
export function defaultAppSettings(callbackUrl: string): ConnectedAppSettings {
  return {
    name: 'sfcheck_Local',
    callbackUrls: [callbackUrl],
    scopes: ['api', 'refresh_token', 'offline_access', 'openid', 'id', 'profile', 'email'],
    permittedUsers: 'admin_approved',
    permissionSets: [APP_PERMISSION_SET],
    profiles: [],
    requireSecretForWebServerFlow: true,
    requireSecretForRefreshTokenFlow: true,
    requirePkce: false,
    refreshTokenRotation: false,
    clientCredentialsUser: null,
    installed: true,
    createdAt: 0,
    refreshTokenExpiresAfterMs: null,
  };
}

/** Copies the defined fields of `overrides` onto `app` (arrays are copied, not shared). */
export function applyAppSettings(app: ConnectedApp, overrides: Partial<ConnectedAppSettings> = {}): void {
  for (const [key, value] of Object.entries(overrides) as [keyof ConnectedAppSettings, unknown][]) {
    if (value === undefined) continue;
    (app as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
}

/** Whether the user is pre-authorized: the app is assigned to one of their permission sets or their profile. */
export function isPreAuthorized(app: ConnectedApp, user: { permissionSets?: string[]; profile: { name: string } }): boolean {
  if (app.profiles.includes(user.profile.name)) return true;
  return (user.permissionSets ?? []).some((p) => app.permissionSets.includes(p));
}

/** Whether the app has reached the OAuth servers: `propagationMs` after its creation (Salesforce: 2 to 10 minutes). */
export function isPropagated(app: ConnectedApp, now: number, propagationMs: number): boolean {
  return now >= app.createdAt + propagationMs;
}
