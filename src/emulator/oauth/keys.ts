/**
 * RSA keys of one emulator: the id_token signing key (published at /id/keys with its `kid`) and the
 * Connected App's digital-signature certificate (JWT bearer flow). Fresh per start. The app key's private
 * half is handed to tests and the CLI through RunningEmulator.local: LOCAL ONLY, it opens nothing but this emulator.
 */
import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import type { AppCertificate } from './connected-app';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface EmulatorKeys {
  idToken: SigningKey;
  appCertificate: AppCertificate;
}

/** Salesforce's kids are small decimal strings ("188", "210", "220"). */
export const ID_TOKEN_KID = '250';

function rsaPair(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => (err ? reject(err) : resolve({ publicKey, privateKey })));
  });
}

type RsaPair = { privateKey: KeyObject; publicKey: KeyObject };

/** The id_token signing key and the Connected App's certificate, from two RSA pairs. */
export function emulatorKeysFrom(signing: RsaPair, app: RsaPair): EmulatorKeys {
  return {
    idToken: { kid: ID_TOKEN_KID, ...signing },
    appCertificate: {
      publicKey: createPublicKey(app.privateKey),
      publicKeyPem: app.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: app.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  };
}

export async function generateEmulatorKeys(): Promise<EmulatorKeys> {
  const [signing, app] = await Promise.all([rsaPair(), rsaPair()]);
  return emulatorKeysFrom(signing, app);
}
