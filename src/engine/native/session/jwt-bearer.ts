/**
 * OAuth 2.0 JWT bearer grant: an RS256 assertion signed with jose from a PEM key (PKCS#8, or PKCS#1 converted by
 * node:crypto), iss = consumer key, sub = username, aud = the login URL (GrantConfig.audience, default the token URL's
 * origin), exp = 2 minutes (Salesforce refuses more than 3). Signed afresh for every token request.
 */
import { createPrivateKey } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import type { GrantConfig } from '../../result';
import type { GrantHandler } from './types';

export const JWT_LIFETIME_SECONDS = 120;
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Throws an Error naming the problem (never the key) when the PEM is not a private key. */
export function pkcs8Of(pem: string): string {
  try {
    return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch (e) {
    throw new Error(`the JWT key is not a PEM private key (${(e as Error).message})`);
  }
}

export function audienceOf(c: GrantConfig): string {
  if (c.audience) return c.audience;
  try {
    return new URL(c.tokenUrl).origin;
  } catch {
    return c.tokenUrl;
  }
}

export async function signAssertion(c: GrantConfig, nowMs: number): Promise<string> {
  const key = await importPKCS8(pkcs8Of(c.privateKeyPem ?? ''), 'RS256');
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(c.clientId)
    .setSubject(c.username ?? '')
    .setAudience(audienceOf(c))
    .setIssuedAt(iat)
    .setExpirationTime(iat + JWT_LIFETIME_SECONDS)
    .sign(key);
}

export const jwtBearerGrant: GrantHandler = {
  grant: 'jwt_bearer',
  needs: ['clientId', 'username', 'privateKeyPem'],
  async form(c, _known, nowMs) {
    return { grant_type: JWT_BEARER, assertion: await signAssertion(c, nowMs) };
  },
};
