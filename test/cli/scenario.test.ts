/**
 * verify --env local --scenario NAME, on the native engine, run in this process (main()) to keep it quick: every
 * scenario exits 1 (3 when the host does not answer at all), the flows it lists fail (the user-consent pair for `uca`), every other flow passes, and the failing
 * flows' reports hold its wire evidence. The run covers the read-only flows plus the opt-in ones (write) the scenario
 * breaks, and the reports of exactly those flows are read. Plus `emulator --scenario list`, an unknown name (exit 2), --scenario on a
 * real org (exit 2), and verify without a scenario (exit 0).
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_API_VERSION, withValues } from '../../src/cli/environment';
import { execute } from '../../src/cli/execute';
import { FLOW_SPECS } from '../../src/cli/flows';
import { main } from '../../src/cli/main';
import { LocalFlowValues, startLocalEmulator } from '../../src/cli/verify-local';
import type { EnvironmentInput } from '../../src/engine';
import { buildCollection, buildEnvironment, localEnvironmentValues } from '../../src/generate';
import { SCENARIOS, type ScenarioFlow } from '../../src/emulator';
import { spawn } from 'node:child_process';
import { CLI, runCli, tempDir } from '../helpers';

const VERIFY_FLOWS = ['password', 'client-credentials', 'jwt', 'uca', 'user-access'] as const;
/** Flows that change data: verify runs them under a scenario only when the scenario lists them. */
const OPT_IN_FLOWS = ['write'] as const;
type VerifyFlow = (typeof VERIFY_FLOWS)[number] | (typeof OPT_IN_FLOWS)[number];

function scenarioFlowOf(flow: VerifyFlow): ScenarioFlow {
  return flow === 'user-access' ? 'uca' : flow;
}

/** The flows `verify --scenario NAME` runs: every read-only flow, plus the opt-in flows the scenario breaks. */
function flowsRun(scenario: { flows: readonly ScenarioFlow[] }): VerifyFlow[] {
  return [...VERIFY_FLOWS, ...OPT_IN_FLOWS.filter((f) => scenario.flows.includes(f))];
}

/** main() with stdout and stderr captured. */
async function inProcess(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const capture = (chunk: string | Uint8Array): boolean => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

interface FlowReport {
  verdict: string;
  /** Root-cause diagnosis codes of the run (src/check/diagnosis): one per failure chain. */
  diagnoses: string[];
  failed: Array<{ name: string; status?: number; body: string }>;
}

function readReport(dir: string, flow: VerifyFlow): FlowReport {
  const file = join(dir, `report-${flow}.json`);
  expect(existsSync(file), `${file} is written`).to.equal(true);
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    summary: { verdict: string };
    diagnoses: string[];
    requests: Array<{
      name: string;
      response?: { code: number; body: string };
      errors?: Array<{ code?: string; message: string }>;
      tests: Array<{ passed: boolean; skipped: boolean }>;
    }>;
  };
  // No response (a network error): the error stands for the body.
  const failed = report.requests
    .filter((r) => r.tests.some((t) => !t.passed && !t.skipped))
    .map((r) => ({ name: r.name, ...(r.response ? { status: r.response.code } : {}), body: r.response?.body ?? (r.errors ?? []).map((e) => `${e.code ?? ''} ${e.message}`).join('\n') }));
  return { verdict: report.summary.verdict, diagnoses: report.diagnoses, failed };
}

/** A word of the wire answer each scenario's failing flows must show (error code or errorCode). */
const EVIDENCE: Record<string, RegExp> = {
  'security-token-missing': /authentication failure/,
  'wrong-password': /authentication failure/,
  'user-locked': /authentication failure/,
  'password-flow-blocked': /authentication failure/,
  'sandbox-user-on-production-login': /authentication failure/,
  'app-not-propagated': /invalid_client_id/,
  'wrong-consumer-key': /invalid_client_id/,
  'wrong-consumer-secret': /"invalid_client"/,
  'permission-set-missing': /user hasn't approved this consumer|invalid_app_access/,
  'ip-restricted': /ip restricted or invalid login hours/,
  'user-inactive': /inactive user/,
  'org-inactive': /inactive_org/,
  'wrong-callback': /redirect_uri_mismatch/,
  'pkce-required': /missing%20required%20code%20challenge/,
  'refresh-token-revoked': /expired access\/refresh token/,
  'client-credentials-no-run-as': /no client credentials user enabled/,
  'api-disabled': /API_DISABLED_FOR_ORG/,
  'daily-limit-spent': /REQUEST_LIMIT_EXCEEDED/,
  'object-not-visible': /INVALID_TYPE/,
  'service-user-read-only': /INSUFFICIENT_ACCESS_OR_READONLY/,
  'session-expired': /INVALID_SESSION_ID|Bad_OAuth_Token/,
  'client-credentials-on-login-host': /request not supported on this domain/,
  'jwt-wrong-audience': /Audience validation failed/,
  'my-domain-unreachable': /ECONNREFUSED/,
  'tls-untrusted-certificate': /SELF_SIGNED_CERT_IN_CHAIN/,
  'token-body-json': /unsupported_grant_type/,
  'auth-header-without-bearer': /INVALID_AUTH_HEADER/,
  'owner-id-me': /INVALID_QUERY_FILTER_OPERATOR/,
  'userinfo-with-refresh-token': /^Bad_OAuth_Token$/,
};

/** verify's exit code under a scenario: 1 (a check failed), 3 when no answer came at all (infrastructure failure). */
const EXIT: Readonly<Record<string, number>> = { 'my-domain-unreachable': 3, 'tls-untrusted-certificate': 3 };

describe('verify --env local --scenario NAME', function () {
  this.timeout(120_000);
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('every scenario has the evidence this test expects', () => {
    expect(Object.keys(EVIDENCE)).to.have.members(SCENARIOS.map((s) => s.name));
  });

  for (const scenario of SCENARIOS) {
    const exit = EXIT[scenario.name] ?? 1;
    it(`${scenario.name}: exit ${exit}, only ${scenario.flows.join(', ')} fail, with ${scenario.expectedDiagnosis}'s evidence`, async () => {
      const dir = tempDir('sfcheck-scenario-');
      dirs.push(dir);
      const { code, out } = await inProcess(['verify', '--scenario', scenario.name, '-r', 'json', '--out', dir]);
      expect(code, out).to.equal(exit);
      expect(out).to.include(`scenario ${scenario.name}`);
      const diagnoses = new Set<string>();
      const ran = flowsRun(scenario);
      expect(readdirSync(dir).filter((f) => /^report-.*\.json$/.test(f)).sort(), 'a report per flow run, no other').to.deep.equal(ran.map((f) => `report-${f}.json`).sort());
      for (const flow of ran) {
        const report = readReport(dir, flow);
        report.diagnoses.forEach((d) => diagnoses.add(d));
        if (!scenario.flows.includes(scenarioFlowOf(flow))) {
          expect(report.verdict, `${flow} is not broken by ${scenario.name}: ${JSON.stringify(report.failed)}`).to.equal('passed');
          continue;
        }
        expect(report.verdict, `${flow} is broken by ${scenario.name}`).to.equal(exit === 3 ? 'errored' : 'failed');
        const first = report.failed[0];
        expect(first?.body, `${flow}: ${first?.name}`).to.match(EVIDENCE[scenario.name]!);
      }
      // Exactly its diagnosis, and no other, across every flow of the run.
      expect([...diagnoses], `diagnoses of ${scenario.name}`).to.deep.equal([scenario.expectedDiagnosis]);
    });
  }

  // The fix: the org without the misconfiguration, the scenario's own client side: every flow passes.
  for (const scenario of SCENARIOS.filter((s) => s.client && (s.options || s.prepare))) {
    it(`${scenario.name}, fixed in the org: the same client passes every flow`, async () => {
      const emu = await startLocalEmulator();
      const out = tempDir('sfcheck-scenario-');
      dirs.push(out);
      try {
        const base = buildEnvironment('local', localEnvironmentValues({ url: emu.url, credentials: emu.credentials }, DEFAULT_API_VERSION)) as EnvironmentInput;
        const local = new LocalFlowValues(emu, scenario);
        for (const flow of flowsRun(scenario)) {
          const environment = withValues(base, await local.valuesFor(flow));
          expect(local.replacementFor(flow), `${flow}: the consent works`).to.equal(undefined);
          const r = await execute({ collection: buildCollection(FLOW_SPECS[flow]), environment, engine: 'native', reporters: [], outDir: out, color: false, write: () => undefined });
          expect(r.run.summary.verdict, flow).to.equal('passed');
        }
      } finally {
        await emu.close();
      }
    });
  }

  it('service-user-read-only: the create is the root cause, the later write requests point to it', async () => {
    const dir = tempDir('sfcheck-scenario-');
    dirs.push(dir);
    const { code, out } = await inProcess(['verify', '--scenario', 'service-user-read-only', '--flow', 'write', '-r', 'json', '--out', dir]);
    expect(code, out).to.equal(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
      requests: Array<{ name: string; diagnosis?: { role: string; code: string; rootRequest?: { name: string }; guideStep?: string } }>;
    };
    const [token, create, ...later] = report.requests;
    expect(token?.diagnosis, 'the token request passed').to.equal(undefined);
    expect(create?.diagnosis).to.include({ role: 'root', code: 'SFD_INSUFFICIENT_ACCESS' });
    expect(create?.diagnosis?.guideStep).to.match(/^Password grant, Step 1\.3/);
    expect(later.map((r) => [r.diagnosis?.role, r.diagnosis?.rootRequest?.name])).to.deep.equal(later.map(() => ['consequence', 'Create a probe Account']));
  });

  it('runs clean without a scenario (exit 0)', async () => {
    const dir = tempDir('sfcheck-scenario-');
    dirs.push(dir);
    const { code, out } = await inProcess(['verify', '-r', 'json', '--out', dir]);
    expect(code, out).to.equal(0);
    for (const flow of VERIFY_FLOWS) expect(readReport(dir, flow).verdict, flow).to.equal('passed');
    expect(existsSync(join(dir, 'report-write.json')), 'the write flow is opt-in: not run by default').to.equal(false);
  });

  it('refuses an unknown scenario with exit 2, naming the known ones', async () => {
    const r = await runCli(['verify', '--scenario', 'no-such-scenario']);
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.include('unknown scenario "no-such-scenario"');
    for (const s of SCENARIOS) expect(r.stderr).to.include(s.name);
    expect(r.stderr).to.not.match(/\n\s+at /); // no stack trace
  });

  it('refuses --scenario on a real org (exit 2)', async () => {
    const r = await runCli(['verify', '--env', 'sandbox', '--scenario', 'wrong-password']);
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.include('--scenario needs --env local');
  });

  it('emulator --scenario list: every scenario with its summary, flows, diagnosis and fix (exit 0)', async () => {
    const r = await runCli(['emulator', '--scenario', 'list']);
    expect(r.code, r.stderr).to.equal(0);
    for (const s of SCENARIOS) {
      expect(r.stdout).to.include(`${s.name}\n  ${s.summary}\n  breaks: ${s.flows.join(', ')}   diagnosis: ${s.expectedDiagnosis}\n  fix: ${s.fix}`);
    }
  });

  it('emulator --scenario NAME starts the org with it and prints the client side to send and the fix', async () => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', '--scenario', 'wrong-callback'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    const printed = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), 20_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Ctrl-C stops it')) {
          clearTimeout(timer);
          done(true);
        }
      });
      child.on('close', () => done(false));
    });
    const closed = new Promise((done) => child.on('close', done));
    child.kill('SIGTERM');
    await closed;
    expect(printed, out).to.equal(true);
    expect(out).to.include('Scenario wrong-callback:');
    expect(out).to.include('the client side (send it yourself): redirect_uri http://localhost:1717/OauthRedirect');
    expect(out).to.include('expected diagnosis: SFD_REDIRECT_URI_MISMATCH');
  });

  it('emulator --scenario with an unknown name: exit 2 naming the known ones', async () => {
    const r = await runCli(['emulator', '--scenario', 'nope', '--port', '0']);
    expect(r.code, r.stderr).to.equal(2);
    expect(r.stderr).to.include('unknown scenario "nope"').and.include('session-expired');
  });
});
