/**
 * The https listener's certificates: a private certificate authority made for this run (as a TLS-inspecting proxy
 * has one of its own) and a server certificate for `localhost` and `127.0.0.1` it signs. Node's crypto makes the RSA
 * keys; node-forge builds and signs the X.509 certificates (Node cannot issue them). Nothing trusts this authority
 * unless told to: a client that has not been given its certificate refuses the connection, which is what the
 * `tls-untrusted-certificate` scenario reproduces. The private keys never leave this module but as the server's key.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface TlsMaterial {
  /** PEM of the run's certificate authority: what a client must trust (--ssl-extra-ca-certs, NODE_EXTRA_CA_CERTS). */
  caPem: string;
  /** PEM of the server certificate (localhost, 127.0.0.1), signed by the authority; the listener sends both (a chain). */
  certPem: string;
  /** PEM (PKCS#8) of the server certificate's private key: for the listener only. */
  keyPem: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function rsaPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
    privatePem: privateKey,
  };
}

/** A positive serial number (the first byte below 0x80, so DER does not read it as negative). */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function certificate(subject: forge.pki.CertificateField[], issuer: forge.pki.CertificateField[], publicKey: forge.pki.PublicKey, now: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  // An hour back allows for a client clock a little behind; a month is longer than any run.
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + 30 * DAY_MS);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  return cert;
}

/** A fresh authority and server certificate; `now` (epoch ms) dates them. */
export function createTlsMaterial(now: number = Date.now()): TlsMaterial {
  const ca = rsaPair();
  const caName: forge.pki.CertificateField[] = [
    { name: 'commonName', value: 'sfcheck emulator local CA (this run only)' },
    { name: 'organizationName', value: 'sfcheck emulator' },
  ];
  const caCert = certificate(caName, caName, ca.publicKey, now);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const leaf = rsaPair();
  const leafCert = certificate([{ name: 'commonName', value: 'localhost' }], caName, leaf.publicKey, now);
  leafCert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  leafCert.sign(ca.privateKey, forge.md.sha256.create());

  // forge writes CRLF line ends; files written from these read better with LF.
  const pem = (c: forge.pki.Certificate): string => forge.pki.certificateToPem(c).replace(/\r\n/g, '\n');
  return { caPem: pem(caCert), certPem: pem(leafCert), keyPem: leaf.privatePem };
}
