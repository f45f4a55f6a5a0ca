/**
 * --ssl-extra-ca-certs PATH (newman's flag): certificate authorities to trust besides Node's, e.g. a TLS-inspecting
 * proxy's. Read and checked here, before any request: newman gets the path (it reads the file), the native engine the
 * PEM certificates. With an explicit list Node no longer adds NODE_EXTRA_CA_CERTS by itself, so that file's
 * certificates are added here too.
 */
import { resolve } from 'node:path';
import { SfcheckError } from '../errors';
import { readText } from './files';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;

/** The PEM certificate blocks of a text (other blocks, private keys among them, are left out). */
export function pemCertificates(text: string): string[] {
  return [...text.matchAll(PEM_CERTIFICATE)].map((m) => `${m[0]}\n`);
}

/** NODE_EXTRA_CA_CERTS's certificates, when it is set and readable (Node itself only warns when it is not). */
function nodeExtraCaCerts(env: NodeJS.ProcessEnv): string[] {
  const file = env['NODE_EXTRA_CA_CERTS'];
  if (!file) return [];
  try {
    return pemCertificates(readText(file, 'NODE_EXTRA_CA_CERTS file'));
  } catch {
    return [];
  }
}

export function readExtraCaCerts(path: string, env: NodeJS.ProcessEnv = process.env): { file: string; pem: string[] } {
  if (path.trim() === '') throw new SfcheckError('SFCHECK_USAGE', '--ssl-extra-ca-certs needs a file name', 'e.g. --ssl-extra-ca-certs proxy-ca.pem (PEM certificates)');
  const file = resolve(path);
  const pem = pemCertificates(readText(file, 'CA certificates file (--ssl-extra-ca-certs)'));
  if (pem.length === 0) {
    throw new SfcheckError(
      'SFCHECK_BAD_CA_CERTS',
      `--ssl-extra-ca-certs ${file} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" block)`,
      'give the certificate authority\'s certificate in PEM form (openssl x509 -inform der -in ca.cer -out ca.pem converts a DER file)',
    );
  }
  return { file, pem: [...pem, ...nodeExtraCaCerts(env)] };
}
