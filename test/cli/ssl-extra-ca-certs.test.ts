/**
 * The fix SFD_TLS names: --ssl-extra-ca-certs PATH (newman's flag) on both engines. The tls-untrusted-certificate
 * scenario's client credentials flow against the emulator's https listener passes once its CA is given, and fails
 * with exactly SFD_TLS (exit 3) without it. The standalone emulator (--https) writes its CA where it says, and
 * `sfcheck run` trusts it. Bad input is exit 2 with a clear message. -k/--insecure passes with a warning and a note in
 * the reports.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExtraCaCerts, pemCertificates } from '../../src/cli/ca-certs';
import { DEFAULT_API_VERSION, withValues } from '../../src/cli/environment';
import { execute } from '../../src/cli/execute';
import { FLOW_SPECS } from '../../src/cli/flows';
import { LocalFlowValues, scenarioNamed, startLocalEmulator } from '../../src/cli/verify-local';
import { diagnosisCodes } from '../../src/check';
import { CATALOGUE } from '../../src/check/diagnosis';
import type { StartedEmulator } from '../../src/emulator';
import type { EnvironmentInput } from '../../src/engine';
import { buildCollection, buildEnvironment, localEnvironmentValues } from '../../src/generate';
import { CLI, ROOT, runCli, tempDir } from '../helpers';

const ENGINES = ['native', 'newman'] as const;

describe('--ssl-extra-ca-certs: the fix of SFD_TLS', function () {
  this.timeout(60_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dir = (): string => {
    const d = tempDir('sfcheck-tls-');
    dirs.push(d);
    return d;
  };

  describe('the tls-untrusted-certificate scenario, client credentials flow', () => {
    const scenario = scenarioNamed('tls-untrusted-certificate');
    let emu: StartedEmulator;
    let environment: EnvironmentInput;
    let caFile: string;
    before(async () => {
      emu = await startLocalEmulator(scenario);
      const base = buildEnvironment('local', localEnvironmentValues({ url: emu.url, credentials: emu.credentials }, DEFAULT_API_VERSION)) as EnvironmentInput;
      environment = withValues(base, await new LocalFlowValues(emu, scenario).valuesFor('client-credentials'));
      caFile = join(dir(), 'ca.pem');
      writeFileSync(caFile, emu.https!.caPem);
    });
    after(() => emu.close());

    const run = (engine: string, extra: { extraCaCerts?: { file: string; pem: string[] }; insecure?: boolean } = {}) =>
      execute({ collection: buildCollection(FLOW_SPECS['client-credentials']), environment, engine, reporters: [], outDir: dir(), color: false, write: () => undefined, context: { flow: 'client-credentials' }, ...extra });

    it('the flow sends its token request to the https listener', () => {
      expect(environment.values.find((v) => v.key === 'my_domain_url')?.value).to.equal(emu.https!.url);
    });

    for (const engine of ENGINES) {
      it(`${engine}: without the CA, no answer and exactly SFD_TLS (exit 3)`, async () => {
        const r = await run(engine);
        expect(r.exitCode).to.equal(3);
        expect(diagnosisCodes(r.run)).to.deep.equal(['SFD_TLS']);
        const first = r.run.requests[0]!;
        expect(first.response).to.equal(undefined);
        expect(first.errors.map((e) => e.code)).to.include('SELF_SIGNED_CERT_IN_CHAIN');
      });

      it(`${engine}: with --ssl-extra-ca-certs the same flow passes (exit 0)`, async () => {
        const r = await run(engine, { extraCaCerts: readExtraCaCerts(caFile) });
        expect(r.exitCode, JSON.stringify(r.run.requests.map((q) => [q.name, q.errors]))).to.equal(0);
        expect(r.run.summary.verdict).to.equal('passed');
        expect(r.run.requests[0]!.response?.code).to.equal(200);
        expect(diagnosisCodes(r.run)).to.deep.equal([]);
      });

      it(`${engine}: the CA of another run does not help`, async () => {
        const other = await startLocalEmulator(scenario);
        try {
          const file = join(dir(), 'other-ca.pem');
          writeFileSync(file, other.https!.caPem);
          const r = await run(engine, { extraCaCerts: readExtraCaCerts(file) });
          expect(r.exitCode).to.equal(3);
          expect(diagnosisCodes(r.run)).to.deep.equal(['SFD_TLS']);
        } finally {
          await other.close();
        }
      });

      it(`${engine}: -k/--insecure passes too, and the run says certificates were not verified`, async () => {
        const r = await run(engine, { insecure: true });
        expect(r.exitCode).to.equal(0);
        expect(r.run.certificatesNotVerified).to.equal(true);
      });
    }
  });

  describe('the catalogue', () => {
    it("SFD_TLS's fix names --ssl-extra-ca-certs and NODE_EXTRA_CA_CERTS, never turning verification off", () => {
      const entry = CATALOGUE.find((e) => e.code === 'SFD_TLS')!;
      const fixes = entry.causes.map((c) => c.fix).join('\n');
      expect(fixes).to.include('--ssl-extra-ca-certs').and.include('NODE_EXTRA_CA_CERTS');
      expect(fixes).to.not.match(/insecure|-k\b|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|verification off|strictSSL/i);
    });
  });

  describe('reading the file', () => {
    it('keeps the certificates and leaves other PEM blocks out', () => {
      const cert = '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----';
      const key = '-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----';
      expect(pemCertificates(`${key}\n${cert}\r\n${cert}\n`)).to.deep.equal([`${cert}\n`, `${cert}\n`]);
      expect(pemCertificates(key)).to.deep.equal([]);
    });

    it("adds NODE_EXTRA_CA_CERTS's certificates (an explicit list would drop them)", () => {
      const d = dir();
      const a = '-----BEGIN CERTIFICATE-----\nQQ==\n-----END CERTIFICATE-----';
      const b = '-----BEGIN CERTIFICATE-----\nQg==\n-----END CERTIFICATE-----';
      writeFileSync(join(d, 'a.pem'), a);
      writeFileSync(join(d, 'b.pem'), b);
      expect(readExtraCaCerts(join(d, 'a.pem'), { NODE_EXTRA_CA_CERTS: join(d, 'b.pem') }).pem).to.deep.equal([`${a}\n`, `${b}\n`]);
      expect(readExtraCaCerts(join(d, 'a.pem'), { NODE_EXTRA_CA_CERTS: join(d, 'missing.pem') }).pem).to.deep.equal([`${a}\n`]);
    });
  });

  describe('bad input: exit 2, a message naming the file, no stack trace', () => {
    const collection = join(ROOT, 'collections', 'salesforce-client-credentials.postman_collection.json');
    const cases: Array<[string, (d: string) => string, RegExp]> = [
      ['a missing file', (d) => join(d, 'nope.pem'), /CA certificates file \(--ssl-extra-ca-certs\) .*nope\.pem does not exist/],
      ['a folder', (d) => d, /is a folder/],
      [
        'a file without a PEM certificate',
        (d) => {
          const f = join(d, 'key.pem');
          writeFileSync(f, '-----BEGIN PRIVATE KEY-----\nQUJD\n-----END PRIVATE KEY-----\n');
          return f;
        },
        /holds no PEM certificate/,
      ],
    ];
    for (const [what, file, message] of cases) {
      for (const command of ['run', 'verify'] as const) {
        it(`${command}: ${what}`, async () => {
          const d = dir();
          const args = command === 'run' ? ['run', collection] : ['verify', '--flow', 'client-credentials'];
          const r = await runCli([...args, '--ssl-extra-ca-certs', file(d), '--out', join(d, 'reports')]);
          expect(r.code, r.stdout + r.stderr).to.equal(2);
          expect(r.stderr).to.match(message);
          expect(r.stderr).to.not.match(/\n\s+at /);
          expect(r.stdout).to.not.include('embedded Salesforce emulator'); // refused before anything starts
        });
      }
    }
  });

  it('emulator: --https-port or --ca-cert-out without --https is exit 2', async () => {
    for (const flag of [['--https-port', '0'], ['--ca-cert-out', join(dir(), 'ca.pem')]]) {
      const r = await runCli(['emulator', '--port', '0', ...flag]);
      expect(r.code, r.stderr).to.equal(2);
      expect(r.stderr).to.include(`${flag[0]} needs --https`);
    }
  });

  describe('sfcheck emulator --https, then sfcheck run against it', () => {
    let child: ReturnType<typeof spawn> | undefined;
    let out = '';
    const d = tempDir('sfcheck-tls-emu-');
    dirs.push(d);
    const caFile = join(d, 'ca.pem');
    before(async () => {
      child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--https', '--ca-cert-out', caFile], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      const started = await new Promise<boolean>((done) => {
        const timer = setTimeout(() => done(false), 20_000);
        child!.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Ctrl-C stops it')) {
            clearTimeout(timer);
            done(true);
          }
        });
        child!.on('close', () => done(false));
      });
      expect(started, out).to.equal(true);
    });
    after(async () => {
      if (!child || child.exitCode !== null) return;
      const closed = new Promise((done) => child!.on('close', done));
      child.kill('SIGTERM');
      await closed;
    });

    const urls = (): { https: string; http: string } => ({
      https: /https\s+(https:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '',
      http: /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '',
    });

    it('prints the https URL and where the CA certificate is (mode 0644, a certificate and no key)', () => {
      expect(urls().https, out).to.match(/^https:/);
      expect(out).to.include(`CA certificate            ${caFile}`);
      expect(statSync(caFile).mode & 0o777).to.equal(0o644);
      const pem = readFileSync(caFile, 'utf8');
      expect(pemCertificates(pem)).to.have.length(1);
      expect(pem).to.not.include('PRIVATE KEY');
      expect(out).to.not.include('PRIVATE KEY');
    });

    for (const engine of ENGINES) {
      const args = (): string[] => {
        const { https, http } = urls();
        const collection = join(ROOT, 'collections', 'salesforce-client-credentials.postman_collection.json');
        return ['run', collection, '-e', join(ROOT, 'environments', 'local.postman_environment.json'), '--env-var', `my_domain_url=${https}`, '--env-var', `login_url=${http}`, '--env-var', `instance_url=${http}`, '--engine', engine, '-r', 'cli,json,junit,html'];
      };

      it(`${engine}: passes with --ssl-extra-ca-certs (exit 0)`, async () => {
        const reports = join(d, `${engine}-ca`);
        mkdirSync(reports);
        const r = await runCli([...args(), '--ssl-extra-ca-certs', caFile, '--out', reports]);
        expect(r.code, r.stdout + r.stderr).to.equal(0);
        expect(r.stdout).to.not.include('NOT VERIFIED');
      });

      // newman makes its own agents under a run deadline (src/engine/newman.ts): the CA must reach those too.
      it(`${engine}: passes with --ssl-extra-ca-certs and a run deadline (--timeout)`, async () => {
        const reports = join(d, `${engine}-ca-deadline`);
        const r = await runCli([...args(), '--ssl-extra-ca-certs', caFile, '--timeout', '60000', '--out', reports]);
        expect(r.code, r.stdout + r.stderr).to.equal(0);
      });

      it(`${engine}: SFD_TLS without it (exit 3)`, async () => {
        const reports = join(d, `${engine}-none`);
        const r = await runCli([...args(), '--out', reports]);
        expect(r.code, r.stdout + r.stderr).to.equal(3);
        expect((JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')) as { diagnoses: string[] }).diagnoses).to.deep.equal(['SFD_TLS']);
      });

      it(`${engine}: -k passes, with a warning line and a note in every report`, async () => {
        const reports = join(d, `${engine}-k`);
        const r = await runCli([...args(), '-k', '--out', reports]);
        expect(r.code, r.stdout + r.stderr).to.equal(0);
        expect(r.stdout).to.match(/warning NOT VERIFIED \(--insecure\)/);
        const json = JSON.parse(readFileSync(join(reports, 'report.json'), 'utf8')) as { certificatesNotVerified?: boolean; properties: Array<{ name: string; value: string }> };
        expect(json.certificatesNotVerified).to.equal(true);
        expect(json.properties.find((p) => p.name === 'certificates')?.value).to.include('NOT VERIFIED');
        expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).to.match(/<property name="certificates" value="NOT VERIFIED/);
        expect(readFileSync(join(reports, 'report.html'), 'utf8')).to.include('NOT VERIFIED (--insecure)');
      });
    }
  });
});
