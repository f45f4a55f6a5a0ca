/**
 * `sfcheck emulator` standalone, and `sfcheck run` on the committed collection and an environment file pointing at it:
 * the Postman-user path (import the files, run them) without Postman.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, tempDir } from '../helpers';

function startStandalone(): Promise<{ child: ChildProcessWithoutNullStreams; url: string; output: () => string }> {
  const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 15_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    });
    child.on('exit', () => reject(new Error(`emulator exited: ${out}`)));
  });
}

describe('cli: emulator + run', function () {
  this.timeout(60_000);

  it('runs the committed collection with an environment file against the standalone emulator, then stops on SIGTERM', async () => {
    const emu = await startStandalone();
    try {
      assert.match(emu.output(), /client_id\s+\S+/);
      assert.match(emu.output(), /security_token\s+\S+/);
      const dir = tempDir();
      const envFile = join(dir, 'local.json');
      const local = readFileSync(join(ROOT, 'environments', 'local.postman_environment.json'), 'utf8');
      writeFileSync(envFile, local.split('http://127.0.0.1:4010').join(emu.url));
      const collection = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
      const r = await runCli(['run', collection, '-e', envFile, '--out', dir, '-r', 'cli,json']);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.match(r.stdout, /PASSED {2}requests 5\/5 passed/);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { environment: string };
      assert.equal(report.environment, 'sfcheck local');
    } finally {
      const exited = new Promise<number | null>((done) => emu.child.on('exit', (code) => done(code)));
      emu.child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('run with a collection passed as the environment says what went wrong', async () => {
    const collection = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
    const r = await runCli(['run', collection, '-e', collection]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a Postman environment \(it looks like a collection\)/);
  });

  it('an unreachable host is a runtime error: exit 3, reports still written', async () => {
    const dir = tempDir();
    const envFile = join(dir, 'dead.json');
    const local = readFileSync(join(ROOT, 'environments', 'local.postman_environment.json'), 'utf8');
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
    writeFileSync(envFile, local.split('http://127.0.0.1:4010').join('http://127.0.0.1:9'));
    const collection = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
    const r = await runCli(['run', collection, '-e', envFile, '--out', dir]);
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(readFileSync(join(dir, 'junit.xml'), 'utf8'), /<error type="ECONNREFUSED"/);
  });
});
