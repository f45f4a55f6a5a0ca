/** JWT bearer assertions (RS256, signed with jose): iss = consumer key, sub = username, aud = login URL, exp ≤ 3 min. */
import { createPrivateKey } from 'node:crypto';
import { importPKCS8, SignJWT } from 'jose';
import { SfcheckError } from '../errors';
import { readText } from './files';

export interface AssertionClaims {
  clientId: string;
  username: string;
  audience: string;
  /** Epoch ms; default now. */
  now?: number;
}

/** A PEM private key as PKCS#8 (openssl's older "BEGIN RSA PRIVATE KEY" PKCS#1 files are converted by node:crypto). */
function pkcs8Pem(pem: string, source: string): string {
  try {
    return createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }).toString();
  } catch (e) {
    throw new SfcheckError('SFCHECK_JWT_KEY', `${source} is not a PEM private key: ${(e as Error).message}`, 'point SF_JWT_KEY_FILE at the private key (PEM) of the certificate uploaded to the Connected App');
  }
}

export async function signAssertion(privateKeyPem: string, c: AssertionClaims, source = 'the JWT key'): Promise<string> {
  const key = await importPKCS8(pkcs8Pem(privateKeyPem, source), 'RS256');
  const iat = Math.floor((c.now ?? Date.now()) / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256' })
    .setIssuer(c.clientId)
    .setSubject(c.username)
    .setAudience(c.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 120)
    .sign(key);
}

export async function signAssertionFromFile(file: string, c: AssertionClaims): Promise<string> {
  return signAssertion(readText(file, 'JWT key file (SF_JWT_KEY_FILE)'), c, `SF_JWT_KEY_FILE ${file}`);
}
