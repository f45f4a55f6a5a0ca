/**
 * The OpenID Connect id_token (wire spec §2.2): RS256, header `{kid, typ: JWT, alg: RS256}`, claims as
 * captured (at_hash, sub = identity URL, aud = client id, iss, iat, exp, c_hash in the code flow,
 * nonce when /authorize had one). Signed with jose; the key is published at /id/keys.
 */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { EmulatorContext } from '../context';

/** OIDC half-hash: base64url of the left 128 bits of SHA-256. */
export function halfHash(value: string): string {
  return createHash('sha256').update(value, 'ascii').digest().subarray(0, 16).toString('base64url');
}

export interface IdTokenInput {
  issuer: string;
  identityUrl: string;
  clientId: string;
  accessToken: string;
  code?: string;
  nonce?: string;
}

export async function signIdToken(ctx: EmulatorContext, input: IdTokenInput): Promise<string> {
  const key = ctx.oauth.keys.idToken;
  const iat = Math.floor(ctx.oauth.now() / 1000);
  const claims: Record<string, unknown> = { at_hash: halfHash(input.accessToken), sub: input.identityUrl, aud: input.clientId, iss: input.issuer };
  if (input.code !== undefined) claims.c_hash = halfHash(input.code);
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  claims.iat = iat;
  claims.exp = iat + ctx.oauth.behaviour.idTokenLifetimeSeconds;
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, typ: 'JWT', alg: 'RS256' }).sign(key.privateKey);
}
