/**
 * Authorization codes (web server flow): single use, valid 15 minutes, bound to the client, the
 * redirect_uri used at /authorize, the granted scopes and the PKCE challenge.
 */
import { randomBytes } from 'node:crypto';
import { secretKey } from '../secrets';

export const CODE_LIFETIME_MS = 15 * 60 * 1000;

export interface AuthCode {
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  /** The code_challenge sent to /authorize, if any, and its method (S256 unless `plain` was asked for). */
  challenge?: { value: string; method: 'S256' | 'plain' };
  nonce?: string;
  issuedAt: number;
}

export type CodeLookup = { code: AuthCode } | { missing: true } | { expired: true };

export class AuthCodeStore {
  private readonly codes = new Map<string, AuthCode>();

  constructor(private readonly now: () => number) {}

  /** Real codes look like `aPrx...==`. */
  issue(fields: Omit<AuthCode, 'code' | 'issuedAt'>): AuthCode {
    const code: AuthCode = { ...fields, code: 'aPrx' + randomBytes(60).toString('base64url') + '==', issuedAt: this.now() };
    this.codes.set(secretKey(code.code), code);
    return code;
  }

  /** Looks a code up and consumes it: a second exchange of the same code never succeeds. */
  take(value: string): CodeLookup {
    const key = secretKey(value);
    const code = this.codes.get(key);
    if (!code) return { missing: true };
    this.codes.delete(key);
    if (this.now() - code.issuedAt > CODE_LIFETIME_MS) return { expired: true };
    return { code };
  }
}
