/**
 * Scenarios on the way to the org: the org and the Connected App are set up right, but what stands between the client
 * and Salesforce is not. The emulator reproduces it with a listener of its own (EmulatorOptions.https).
 */
import type { Scenario } from './types';

export const NETWORK_SCENARIOS: readonly Scenario[] = [
  {
    name: 'tls-untrusted-certificate',
    summary:
      'the My Domain host answers over https with a certificate signed by an authority the client does not trust, as behind a TLS-inspecting proxy: the client credentials flow never gets an answer',
    flows: ['client-credentials'],
    expectedDiagnosis: 'SFD_TLS',
    fix: "trust the proxy's certificate authority: --ssl-extra-ca-certs ca.pem (or NODE_EXTRA_CA_CERTS=ca.pem); `sfcheck emulator --https` writes the emulator's CA to a file",
    evidence: 'no HTTP answer: the TLS handshake fails with SELF_SIGNED_CERT_IN_CHAIN (verify exits 3, an infrastructure failure)',
    client: { myDomainOverHttps: true },
  },
];
