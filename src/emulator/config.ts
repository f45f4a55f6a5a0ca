/**
 * The emulator's documented, local-only credentials. They are not secrets: they only ever open the
 * emulator on 127.0.0.1, and `sfcheck emulator` prints them. Nothing here works against Salesforce.
 */
export interface LocalCredentials {
  /** Consumer key of the emulated connected app. */
  clientId: string;
  /** Consumer secret of the emulated connected app (also the HMAC key of the token `signature`). */
  clientSecret: string;
  /** Username of the emulated integration user. */
  username: string;
  /** That user's password (the password grant expects password + securityToken). */
  password: string;
  /** That user's security token. */
  securityToken: string;
  /** Callback URL registered on the emulated connected app. */
  redirectUri: string;
}

export const LOCAL_CREDENTIALS: LocalCredentials = Object.freeze({
  clientId: '3MVG9sfcheck.LOCAL.EMULATOR.ONLY',
  clientSecret: 'sfcheck-local-client-secret',
  username: 'integration@sfcheck.local',
  password: 'sfcheck-Local-1',
  securityToken: 'LOCALSECURITYTOKEN0000',
  redirectUri: 'http://127.0.0.1:1717/OauthRedirect',
});

/** Defaults merged with the caller's overrides; `undefined` overrides are ignored. */
export function resolveCredentials(overrides: Partial<LocalCredentials> = {}): LocalCredentials {
  const merged: LocalCredentials = { ...LOCAL_CREDENTIALS };
  for (const key of Object.keys(merged) as (keyof LocalCredentials)[]) {
    const value = overrides[key];
    if (typeof value === 'string') merged[key] = value;
  }
  return merged;
}
