/** `npm run verify` as a user runs it: the CLI against the embedded emulator, on both engines. */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_USERS } from '../../src/emulator';
import { runCli, tempDir } from '../helpers';

interface JsonReport {
  engine: string;
  summary: { verdict: string; requests: { total: number }; assertions: { total: number; failed: number } };
  requests: Array<{ name: string; verdict: string; assertions: Array<{ name: string; passed: boolean }> }>;
}

describe('verify (CLI) against the embedded emulator', function () {
  this.timeout(60_000);
  const reports: Record<string, JsonReport> = {};

  for (const engine of ['native', 'newman']) {
    it(`--flow password --engine ${engine}: exit 0, junit.xml with 5 suites and 0 failures, report.json, no secret in any output`, async () => {
      const out = tempDir();
      const r = await runCli(['verify', '--flow', 'password', '--engine', engine, '--out', out]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
      assert.equal((junit.match(/<testsuite /g) ?? []).length, 5);
      assert.match(junit, /<testsuites [^>]*failures="0" errors="0"/);
      assert.equal((junit.match(/<testcase /g) ?? []).length, 16);
      const json = readFileSync(join(out, 'report.json'), 'utf8');
      const report = JSON.parse(json) as JsonReport;
      assert.equal(report.engine, engine);
      assert.equal(report.summary.verdict, 'passed');
      assert.equal(report.summary.requests.total, 5);
      assert.equal(statSync(join(out, 'report.json')).mode & 0o077, 0, 'reports are owner-only');
      reports[engine] = report;

      const everything = r.stdout + r.stderr + junit + json;
      for (const secret of [LOCAL_CREDENTIALS.password, LOCAL_CREDENTIALS.clientSecret, LOCAL_CREDENTIALS.securityToken]) {
        assert.ok(!everything.includes(secret), `secret leaked: ${secret}`);
      }
      assert.doesNotMatch(everything, /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/, 'an access token leaked');
      assert.match(json, /\[redacted\]/);
      assert.deepEqual(readdirSync(out).sort(), ['junit.xml', 'report.html', 'report.json'], "one flow: today's file names");
    });
  }

  it('both engines give the same verdicts, request by request and test by test', () => {
    const verdicts = (rep: JsonReport | undefined) =>
      rep?.requests.map((q) => [q.name, q.verdict, q.assertions.map((a) => [a.name, a.passed])]);
    assert.ok(reports.native && reports.newman, 'both runs happened');
    assert.deepEqual(verdicts(reports.newman), verdicts(reports.native));
  });
});

describe('verify (CLI) against the embedded emulator: every flow (the default)', function () {
  this.timeout(90_000);
  const FLOWS = ['password', 'client-credentials', 'jwt', 'uca', 'user-access'];
  const verdicts: Record<string, unknown> = {};

  for (const engine of ['native', 'newman']) {
    it(`--engine ${engine}: the five flows and the user-level proof pass, one report set per flow, junit.xml merges them, no secret anywhere`, async () => {
      const out = tempDir();
      const r = await runCli(['verify', '--engine', engine, '--out', out]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /flows: password passed · client-credentials passed · jwt passed · uca passed · user-access passed/);
      const expected = ['junit.xml', ...FLOWS.flatMap((f) => [`junit-${f}.xml`, `report-${f}.html`, `report-${f}.json`])].sort();
      assert.deepEqual(readdirSync(out).sort(), expected);
      const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
      assert.match(junit, /<testsuites [^>]*failures="0" errors="0"/);
      assert.equal((junit.match(/<testsuite /g) ?? []).length, 5 + 5 + 5 + 4 + 8);
      for (const proof of [
        "user_id matches the token&apos;s identity URL",
        'the admin sees every Account (totalSize equals the COUNT())',
        'the admin sees Accounts other users own',
        'every row is owned by the user',
        'the user sees strictly fewer Accounts than the admin',
        'the standard user is not the admin',
      ]) {
        assert.ok(junit.includes(proof) || junit.includes(proof.replace('&apos;', "'")), `assertion in the report: ${proof}`);
      }
      const access = JSON.parse(readFileSync(join(out, 'report-user-access.json'), 'utf8')) as JsonReport;
      assert.equal(access.summary.verdict, 'passed');
      verdicts[engine] = access.requests.map((q) => [q.name, q.verdict, q.assertions.map((a) => [a.name, a.passed])]);

      const everything = [r.stdout, r.stderr, ...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'))].join('\n');
      for (const u of Object.values(LOCAL_USERS)) assert.ok(!everything.includes(u.password), 'a user password leaked');
      assert.ok(!everything.includes(LOCAL_CREDENTIALS.clientSecret), 'the client secret leaked');
      assert.doesNotMatch(everything, /5Aep861[A-Za-z0-9.]{20,}/, 'a refresh token leaked');
      assert.doesNotMatch(everything, /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/, 'a JWT (assertion or id_token) leaked');
      assert.doesNotMatch(everything, /00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]{20,}/, 'an access token leaked');
    });
  }

  it('both engines agree on the user-level proof, assertion by assertion', () => {
    assert.ok(verdicts['native'] && verdicts['newman']);
    assert.deepEqual(verdicts['newman'], verdicts['native']);
  });

  it('--flow uca,jwt runs those two only, in the canonical order', async () => {
    const out = tempDir();
    const r = await runCli(['verify', '--flow', 'uca,jwt', '-r', 'cli,junit', '--out', out]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /flows: jwt passed · uca passed\n/);
    assert.deepEqual(readdirSync(out).sort(), ['junit-jwt.xml', 'junit-uca.xml', 'junit.xml']);
  });

  it('an unknown --flow exits 2 naming the known ones', async () => {
    const r = await runCli(['verify', '--flow', 'saml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown flow "saml"/);
    assert.match(r.stderr, /password\|client-credentials\|jwt\|uca\|user-access\|write\|all/);
  });
});
