/**
 * Refresh tokens: no expiry of their own (the app's default policy "valid until revoked"). Revoking one
 * also ends every access token issued from it (done by the caller through SessionStore.revokeFamily).
 */
import { randomBytes } from 'node:crypto';
import { secretKey } from '../secrets';

export interface RefreshToken {
  token: string;
  clientId: string;
  userId: string;
  scopes: string[];
  issuedAt: number;
}

export class RefreshTokenStore {
  private readonly tokens = new Map<string, RefreshToken>();

  constructor(private readonly now: () => number) {}

  /** Real refresh tokens look like `5Aep861...`. */
  issue(clientId: string, userId: string, scopes: string[]): RefreshToken {
    const token: RefreshToken = {
      token: '5Aep861' + randomBytes(63).toString('base64url').replace(/[-_]/g, '.'),
      clientId,
      userId,
      scopes: [...scopes],
      issuedAt: this.now(),
    };
    this.tokens.set(secretKey(token.token), token);
    return token;
  }

  get(token: string): RefreshToken | undefined {
    return this.tokens.get(secretKey(token));
  }

  revoke(token: string): boolean {
    return this.tokens.delete(secretKey(token));
  }
}
