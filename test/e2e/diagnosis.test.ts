/**
 * A real failing verify, end to end, on both engines: an environment file pointing at the running emulator with one
 * value wrong. The emulator answers as Salesforce would; the run exits 1 (or 3 for an unreachable host) with exactly
 * one diagnosis in report.json, printed under the failing request and carried into junit.xml.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EnvKey } from '../../src/spec';
import { runCli, tempDir, useEmulator } from '../helpers';
import { localEnvironment } from './fixtures';

interface Report {
  diagnoses: string[];
  preflight: Array<{ check: string; level: string }>;
  requests: Array<{ name: string; verdict: string; diagnosis?: { role: string; code?: string } }>;
}

describe('verify shows the diagnosis end to end (env file + emulator)', function () {
  this.timeout(120_000);
  const emulator = useEmulator();

  function envFile(override: Partial<Record<EnvKey, string>>): { dir: string; file: string } {
    const dir = tempDir('sfcheck-diag-');
    const file = join(dir, 'org.postman_environment.json');
    writeFileSync(file, JSON.stringify(localEnvironment(emulator(), override)));
    return { dir, file };
  }

  async function verify(engine: 'native' | 'newman', override: Partial<Record<EnvKey, string>>) {
    const { dir, file } = envFile(override);
    const r = await runCli(['verify', '--env', file, '--engine', engine, '-r', 'cli,json,junit', '--out', dir], { cwd: dir });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
    return { ...r, report, junit: readFileSync(join(dir, 'junit.xml'), 'utf8') };
  }

  for (const engine of ['native', 'newman'] as const) {
    it(`${engine}: a wrong consumer secret -> exit 1, SFD_INVALID_CLIENT once, the later failures its consequences`, async () => {
      const r = await verify(engine, { client_secret: 'not-the-secret' });
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(r.report.diagnoses, ['SFD_INVALID_CLIENT']);
      const failing = r.report.requests.filter((q) => q.verdict === 'failed' || q.verdict === 'errored');
      assert.equal(failing[0]?.diagnosis?.role, 'root');
      for (const q of failing.slice(1)) assert.deepEqual([q.diagnosis?.role, q.diagnosis?.code], ['consequence', 'SFD_INVALID_CLIENT'], q.name);
      assert.match(r.stdout, /✘ Get an access token \(password grant\)[^\n]*\n(?:    [^\n]*\n)*    diagnosis SFD_INVALID_CLIENT: Salesforce refused the consumer secret\n/);
      assert.match(r.stdout, /guide: Password grant, Step 1\.1\.6/);
      assert.match(r.junit, /\[SFD_INVALID_CLIENT\] Salesforce refused the consumer secret/);
      assert.ok(!r.stdout.includes('not-the-secret') && !r.junit.includes('not-the-secret'), 'the secret is redacted');
    });

    it(`${engine}: no security token -> preflight warns, then SFD_AUTH_FAILURE`, async () => {
      const r = await verify(engine, { security_token: '' });
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /preflight \(offline, before any request\):\n(?:  [^\n]*\n)*  ! the security token is empty/);
      assert.ok(r.stdout.indexOf('preflight') < r.stdout.indexOf('Get an access token'), 'preflight runs before any request');
      assert.deepEqual(r.report.diagnoses, ['SFD_AUTH_FAILURE']);
      assert.ok(r.report.preflight.some((p) => p.check === 'security-token' && p.level === 'warn'));
      assert.match(r.junit, /<property name="preflight" value="! the security token is empty/);
    });
  }

  it('native, two flows: each run has its diagnosis in its report, and the closing line names them', async () => {
    const { dir, file } = envFile({ client_secret: 'not-the-secret' });
    const r = await runCli(['verify', '--env', file, '--flow', 'password,client-credentials', '-r', 'cli,json', '--out', dir], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    for (const flow of ['password', 'client-credentials']) {
      const report = JSON.parse(readFileSync(join(dir, `report-${flow}.json`), 'utf8')) as Report;
      assert.deepEqual(report.diagnoses, ['SFD_INVALID_CLIENT'], flow);
    }
    assert.match(r.stdout, /flows: password failed \(SFD_INVALID_CLIENT\) · client-credentials failed \(SFD_INVALID_CLIENT\)/);
  });

  it('native: the host refuses the connection -> exit 3, SFD_HOST_UNREACHABLE once', async () => {
    const r = await verify('native', { login_url: 'http://127.0.0.1:9', instance_url: 'http://127.0.0.1:9' });
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(r.report.diagnoses, ['SFD_HOST_UNREACHABLE']);
  });
});
