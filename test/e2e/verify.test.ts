/** `npm run verify` as a user runs it: the CLI against the embedded emulator, on both engines. */
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS } from '../../src/emulator';
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
    it(`--engine ${engine}: exit 0, junit.xml with 5 suites and 0 failures, report.json, no secret in any output`, async () => {
      const out = tempDir();
      const r = await runCli(['verify', '--engine', engine, '--out', out]);
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
    });
  }

  it('both engines give the same verdicts, request by request and test by test', () => {
    const verdicts = (rep: JsonReport | undefined) =>
      rep?.requests.map((q) => [q.name, q.verdict, q.assertions.map((a) => [a.name, a.passed])]);
    assert.ok(reports.native && reports.newman, 'both runs happened');
    assert.deepEqual(verdicts(reports.newman), verdicts(reports.native));
  });
});
