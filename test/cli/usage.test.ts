/** The CLI as users run it: exit codes and messages for bad input, help on every command. */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers';

describe('cli: usage and configuration errors', function () {
  this.timeout(30_000);

  it('verify --env sandbox without SF_ variables exits 2 naming each missing one, before any request', async () => {
    const cwd = tempDir();
    const r = await runCli(['verify', '--env', 'sandbox', '--out', join(cwd, 'reports')], { cwd });
    assert.equal(r.code, 2, r.stderr);
    for (const name of ['SF_CLIENT_ID', 'SF_CLIENT_SECRET', 'SF_USERNAME', 'SF_PASSWORD', 'SF_SECURITY_TOKEN']) {
      assert.match(r.stderr, new RegExp(name));
    }
    assert.match(r.stderr, /\.env/);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    assert.doesNotMatch(r.stdout, /request/i, 'nothing ran');
  });

  it('names only the variables still missing, reading a .env file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), 'SF_CLIENT_ID=abc\nSF_CLIENT_SECRET=def\nSF_USERNAME=u@example.com\n');
    const r = await runCli(['verify', '--env', 'production', '--out', join(cwd, 'reports')], { cwd });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /SF_PASSWORD, SF_SECURITY_TOKEN/);
    assert.doesNotMatch(r.stderr, /SF_CLIENT_ID/);
  });

  it('rejects a malformed SF_LOGIN_URL and a bad SF_API_VERSION', async () => {
    const env = { SF_CLIENT_ID: 'a', SF_CLIENT_SECRET: 'b', SF_USERNAME: 'c', SF_PASSWORD: 'd', SF_SECURITY_TOKEN: '' };
    const cwd = tempDir();
    const url = await runCli(['verify', '--env', 'sandbox', '--out', cwd], { cwd, env: { ...env, SF_LOGIN_URL: 'test.salesforce.com' } });
    assert.equal(url.code, 2);
    assert.match(url.stderr, /SF_LOGIN_URL/);
    const ver = await runCli(['verify', '--env', 'sandbox', '--out', cwd], { cwd, env: { ...env, SF_API_VERSION: 'v62' } });
    assert.equal(ver.code, 2);
    assert.match(ver.stderr, /SF_API_VERSION/);
  });

  it('an unknown --env lists the known ones', async () => {
    const r = await runCli(['verify', '--env', 'staging']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown environment "staging"/);
    assert.match(r.stderr, /local, sandbox, production/);
  });

  it('an unknown reporter or engine exits 2', async () => {
    const rep = await runCli(['verify', '-r', 'cli,xml']);
    assert.equal(rep.code, 2);
    assert.match(rep.stderr, /unknown reporter "xml"/);
    const eng = await runCli(['verify', '--engine', 'curl']);
    assert.equal(eng.code, 2);
    assert.match(eng.stderr, /curl/);
  });

  it('run: a malformed collection names the file and the line', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "info": {\n    "name": "x",\n  }\n}\n');
    const r = await runCli(['run', file, '--out', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.json is not valid JSON at line 4/);
  });

  it('run: a v1 collection is refused with a way to convert it', async () => {
    const dir = tempDir();
    const file = join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify({ id: 'x', name: 'old', order: [], requests: [] }));
    const r = await runCli(['run', file, '--out', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /v1/);
    assert.match(r.stderr, /convert/);
  });

  it('run: a missing file exits 2', async () => {
    const r = await runCli(['run', '/nonexistent/c.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /does not exist/);
  });

  it('--help works on every command and exits 0', async () => {
    for (const args of [['--help'], ['verify', '--help'], ['login', '--help'], ['run', '--help'], ['generate', '--help'], ['emulator', '--help']]) {
      const r = await runCli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /Usage: sfcheck/);
    }
  });

  it('an unknown option exits 2', async () => {
    const r = await runCli(['verify', '--bogus']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option/);
  });
});
