/** No HTTP answer at all: the host does not resolve or refuses, or TLS fails. From the engines' network errors. */
import { DOC, STEP } from './guide';
import type { CatalogueEntry } from './types';

export const NETWORK_ENTRIES: readonly CatalogueEntry[] = [
  {
    code: 'SFD_HOST_UNREACHABLE',
    title: 'The Salesforce host cannot be reached',
    signature: 'network error ENOTFOUND / ECONNREFUSED / EAI_AGAIN / EHOSTUNREACH / connect timeout',
    evidence: [
      { networkCode: ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ECONNRESET'] },
    ],
    causes: [
      {
        cause: 'A typo in the My Domain URL (SF_MY_DOMAIN_URL, SF_LOGIN_URL or SF_INSTANCE_URL): the host does not exist',
        confirm: 'Setup > My Domain shows the exact URL (https://MyDomainName.my.salesforce.com; sandboxes: MyDomainName--SandboxName.sandbox.my.salesforce.com)',
        fix: 'Copy the My Domain URL from Setup > My Domain into the variable',
        guideStep: STEP.myDomain,
      },
      {
        cause: 'A proxy or firewall between you and Salesforce (CI runners often need HTTPS_PROXY)',
        confirm: 'curl -sI https://login.salesforce.com from the same machine',
        fix: 'Allow *.salesforce.com and *.force.com outbound on 443, or set the proxy',
      },
      {
        cause: 'The host is right but nothing listens (a local emulator not started, a wrong port)',
        confirm: 'ECONNREFUSED means the host answered and refused the port',
        fix: 'Start the emulator (npm run emulator) or correct the port in the URL',
      },
    ],
    guideStep: STEP.myDomain,
    doc: DOC.myDomain,
    samples: [
      { networkCode: 'ENOTFOUND', body: 'getaddrinfo ENOTFOUND acme.my.salesforc.com' },
      { networkCode: 'ECONNREFUSED', body: 'connect ECONNREFUSED 127.0.0.1:9' },
    ],
  },
  {
    code: 'SFD_TLS',
    title: 'The TLS connection to the host failed (certificate)',
    signature: 'network error CERT_HAS_EXPIRED / ERR_TLS_CERT_ALTNAME_INVALID / SELF_SIGNED_CERT_IN_CHAIN / UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    evidence: [
      {
        networkCode: [
          'CERT_HAS_EXPIRED',
          'ERR_TLS_CERT_ALTNAME_INVALID',
          'DEPTH_ZERO_SELF_SIGNED_CERT',
          'SELF_SIGNED_CERT_IN_CHAIN',
          'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
          'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
          'CERT_NOT_YET_VALID',
        ],
      },
      // Node's messages, for a log line pasted without the code.
      { text: ["certificate's altnames", 'self-signed certificate', 'self signed certificate', 'certificate has expired', 'unable to verify the first certificate', 'unable to get local issuer certificate'] },
    ],
    causes: [
      {
        cause: 'The URL names a host the certificate does not cover (a My Domain typo that still resolves, or an IP address instead of the host name)',
        confirm: 'The error mentions the altnames; compare the URL with Setup > My Domain',
        fix: 'Use the exact My Domain host name over https',
        guideStep: STEP.myDomain,
        seenWith: [{ networkCode: ['ERR_TLS_CERT_ALTNAME_INVALID'] }, { text: ["certificate's altnames"] }],
      },
      {
        cause: 'A TLS-inspecting proxy replaces Salesforce\'s certificate with its own',
        confirm: 'SELF_SIGNED_CERT_IN_CHAIN or UNABLE_TO_GET_ISSUER_CERT_LOCALLY; openssl s_client -connect host:443 shows your company\'s CA',
        seenWith: [
          { networkCode: ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'] },
          { text: ['self-signed certificate in certificate chain', 'self signed certificate in certificate chain', 'unable to get local issuer certificate', 'unable to verify the first certificate'] },
        ],
        fix: 'Trust the proxy\'s certificate authority (its PEM file, from your network team): sfcheck run/verify --ssl-extra-ca-certs ca.pem (newman\'s flag too), or NODE_EXTRA_CA_CERTS=ca.pem for any Node tool',
      },
    ],
    guideStep: STEP.myDomain,
    doc: DOC.myDomain,
    samples: [
      { networkCode: 'ERR_TLS_CERT_ALTNAME_INVALID', body: "Hostname/IP does not match certificate's altnames: Host: acme.my.salesforce.co. is not in the cert's altnames" },
      { networkCode: 'SELF_SIGNED_CERT_IN_CHAIN', body: 'self-signed certificate in certificate chain' },
    ],
  },
];
