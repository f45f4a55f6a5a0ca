/**
 * Files that can hold variable values are owner-only (issue #8 point 4): every report file, exported environments,
 * and the refresh token `sfcheck login` stores. Modes are checked on disk after real writes.
 */
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveLogin } from '../../src/cli/login/store';
import { writeReportFile } from '../../src/report/write';
import { ROOT, runCli, tempDir, useEmulator } from '../helpers';

const mode = (file: string): string => (statSync(file).mode & 0o777).toString(8);

describe('owner-only files', function () {
  this.timeout(60_000);

  it('writes a report 0600 even over a 0644 file, a stale temp file or a planted symlink', () => {
    const dir = tempDir();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old', { mode: 0o644 });
    chmodSync(target, 0o644);
    writeReportFile(dir, 'report.json', '{"a":1}');
    assert.equal(mode(target), '600');
    assert.equal(readFileSync(target, 'utf8'), '{"a":1}');

    const stale = `${target}.${process.pid}.tmp`;
    writeFileSync(stale, 'stale', { mode: 0o644 });
    chmodSync(stale, 0o644);
    writeReportFile(dir, 'report.json', '{"b":2}');
    assert.equal(mode(target), '600', 'a stale temp file does not lend its mode');

    const elsewhere = join(dir, 'elsewhere.txt');
    writeFileSync(elsewhere, 'untouched', { mode: 0o644 });
    symlinkSync(elsewhere, stale);
    writeReportFile(dir, 'report.json', '{"c":3}');
    assert.equal(readFileSync(elsewhere, 'utf8'), 'untouched', 'the write does not follow a symlink at the temp path');
    assert.equal(mode(target), '600');
    assert.equal(readFileSync(target, 'utf8'), '{"c":3}');
  });

  describe('a run', () => {
    const emu = useEmulator();

    function localEnv(dir: string): string {
      const file = join(dir, 'local.json');
      const local = readFileSync(join(ROOT, 'environments', 'local.postman_environment.json'), 'utf8');
      writeFileSync(file, local.split('http://127.0.0.1:4010').join(emu().url));
      return file;
    }

    it('writes report.json, report.html and a JUnit report exported elsewhere 0600', async () => {
      const dir = tempDir();
      const out = join(dir, 'out');
      const exported = join(dir, 'elsewhere', 'sfcheck.xml');
      const collection = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
      const r = await runCli(['run', collection, '-e', localEnv(dir), '--out', out, '-r', 'cli,junit,json,html', '--reporter-junit-export', exported]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      for (const file of [join(out, 'report.json'), join(out, 'report.html'), exported]) assert.equal(mode(file), '600', file);
    });

    it('exports the environment 0600 (--export-environment)', async function () {
      const help = await runCli(['run', '--help']);
      if (!help.stdout.includes('--export-environment')) this.skip(); // the option arrives with issue #5's runner work
      const dir = tempDir();
      const file = join(dir, 'exported.postman_environment.json');
      const collection = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
      const r = await runCli(['run', collection, '-e', localEnv(dir), '--out', join(dir, 'out'), '-r', 'json', '--export-environment', file]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.ok(existsSync(file));
      assert.equal(mode(file), '600');
    });
  });

  it('stores the refresh token 0600 in a 0700 folder, also over an older 0644 file', () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home } as NodeJS.ProcessEnv;
    mkdirSync(join(home, 'sfcheck'), { recursive: true, mode: 0o700 });
    const older = join(home, 'sfcheck', 'sandbox.json');
    writeFileSync(older, '{}', { mode: 0o644 });
    chmodSync(older, 0o644);
    const login = { refresh_token: '5Aep861secret', login_url: 'https://test.salesforce.com', instance_url: 'https://x.my.salesforce.com', client_id: 'c', id: 'i', created_at: '' };
    const file = saveLogin('sandbox', login, 'user', env);
    assert.equal(file, older);
    assert.equal(mode(file), '600');
    assert.equal(mode(join(home, 'sfcheck')), '700');
    const fresh = tempDir();
    const admin = saveLogin('production', login, 'admin', { XDG_CONFIG_HOME: fresh } as NodeJS.ProcessEnv);
    assert.equal(mode(admin), '600');
    assert.equal(mode(join(fresh, 'sfcheck')), '700');
  });
});
