/** Scope parsing and the scope facts the token endpoint needs. */

export function parseScopes(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(/[\s+]+/).filter((s) => s.length > 0))];
}

/** A refresh token is issued when `refresh_token` or its synonym `offline_access` is granted. */
export function grantsRefresh(scopes: readonly string[]): boolean {
  return scopes.includes('refresh_token') || scopes.includes('offline_access');
}

export function grantsOpenId(scopes: readonly string[]): boolean {
  return scopes.includes('openid');
}

/** Scopes a grant without a user-facing request (password, client credentials, JWT) receives. */
export function appScopesWithoutRefresh(scopes: readonly string[]): string[] {
  return scopes.filter((s) => s !== 'refresh_token' && s !== 'offline_access');
}
