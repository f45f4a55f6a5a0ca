/**
 * The emulator's https listener (EmulatorOptions.https): a certificate authority made for the run signs a certificate
 * for localhost and 127.0.0.1; a client that trusts only Node's authorities is refused at the handshake, one given the
 * CA's PEM reaches the same org as over http; closing the emulator closes both listeners; no private key is exposed.
 */
import { expect } from 'chai';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { startEmulator, type StartedEmulator } from '../../src/emulator';
import { useEmulator } from '../helpers';

interface Answer {
  status: number;
  body: string;
}

/** One https request with Node's client; `ca` given: trust only that authority. Rejects with Node's error. */
function httpsCall(url: string, opts: { ca?: string; method?: string; form?: Record<string, string>; token?: string } = {}): Promise<Answer> {
  const body = opts.form ? new URLSearchParams(opts.form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: opts.method ?? 'GET',
        agent: false, // a fresh connection each time
        ...(opts.ca ? { ca: opts.ca } : {}),
        headers: {
          ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {}),
          ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
        },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

async function errorCodeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}

describe('emulator https listener', function () {
  this.timeout(30_000);

  describe('started with https: true', () => {
    const emu = useEmulator({ https: true, app: { clientCredentialsUser: 'integration@sfcheck.local' } });

    it('exposes an https URL on 127.0.0.1 next to the http one, and the CA certificate', () => {
      const https = emu().https;
      expect(https, 'the https listener').to.not.equal(undefined);
      expect(https!.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(https!.url).to.equal(`https://127.0.0.1:${https!.port}`);
      expect(https!.port).to.not.equal(emu().port);
      const ca = new X509Certificate(https!.caPem);
      expect(ca.ca, 'a certificate authority').to.equal(true);
      expect(ca.subject).to.include('sfcheck emulator local CA');
    });

    it('never exposes a private key', () => {
      const shown = JSON.stringify({ ...emu(), local: undefined });
      expect(shown).to.not.include('PRIVATE KEY');
      expect(emu().https!.caPem).to.match(/^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\n?$/);
    });

    it('refuses a client that trusts only Node\'s authorities: SELF_SIGNED_CERT_IN_CHAIN (the chain ends in the run\'s CA)', async () => {
      expect(await errorCodeOf(httpsCall(`${emu().https!.url}/services/data`))).to.equal('SELF_SIGNED_CERT_IN_CHAIN');
    });

    it('serves a client given the CA, for 127.0.0.1 and for localhost (the certificate covers both)', async () => {
      const ca = emu().https!.caPem;
      const byIp = await httpsCall(`${emu().https!.url}/services/data`, { ca });
      expect(byIp.status).to.equal(200);
      expect(JSON.parse(byIp.body)).to.be.an('array').that.is.not.empty;
      const byName = await httpsCall(`https://localhost:${emu().https!.port}/services/data`, { ca });
      expect(byName.status).to.equal(200);
    });

    it('a certificate for another name is refused even with the CA (ERR_TLS_CERT_ALTNAME_INVALID)', async () => {
      const ca = emu().https!.caPem;
      const code = await errorCodeOf(
        new Promise((resolve, reject) => {
          const req = request(`${emu().https!.url}/services/data`, { ca, servername: 'acme.my.salesforce.com', headers: { Host: 'acme.my.salesforce.com' } }, (res) => {
            res.resume();
            resolve(res.statusCode);
          });
          req.on('error', reject);
          req.end();
        }),
      );
      expect(code).to.equal('ERR_TLS_CERT_ALTNAME_INVALID');
    });

    it('is the same org: a token from the https listener works on the http one', async () => {
      const c = emu().credentials;
      const token = await httpsCall(`${emu().https!.url}/services/oauth2/token`, {
        ca: emu().https!.caPem,
        method: 'POST',
        form: { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret },
      });
      expect(token.status, token.body).to.equal(200);
      const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
      const res = await fetch(`${emu().url}/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Account')}`, { headers: { Authorization: `Bearer ${accessToken}` } });
      expect(res.status).to.equal(200);
      expect(((await res.json()) as { totalSize: number }).totalSize).to.be.greaterThan(0);
    });
  });

  it('has no https listener unless asked (or a scenario needs one)', async () => {
    const plain = await startEmulator();
    try {
      expect(plain.https).to.equal(undefined);
    } finally {
      await plain.close();
    }
  });

  it('the tls-untrusted-certificate scenario opens it', async () => {
    const emu = await startEmulator({ scenario: 'tls-untrusted-certificate' });
    try {
      expect(emu.https?.url).to.match(/^https:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await emu.close();
    }
  });

  it('two runs get two different authorities', async () => {
    const a = await startEmulator({ https: true });
    const b = await startEmulator({ https: true });
    try {
      expect(a.https!.caPem).to.not.equal(b.https!.caPem);
      // b's CA does not vouch for a's listener.
      expect(await errorCodeOf(httpsCall(`${a.https!.url}/services/data`, { ca: b.https!.caPem }))).to.be.a('string');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('closing the emulator closes both listeners', async () => {
    const emu: StartedEmulator = await startEmulator({ https: true });
    const { url, caPem } = emu.https!;
    expect((await httpsCall(`${url}/services/data`, { ca: caPem })).status).to.equal(200);
    await emu.close();
    expect(await errorCodeOf(httpsCall(`${url}/services/data`, { ca: caPem }))).to.equal('ECONNREFUSED');
    expect(await errorCodeOf(fetch(`${emu.url}/services/data`).then((r) => r.status))).to.not.equal(undefined);
  });
});
