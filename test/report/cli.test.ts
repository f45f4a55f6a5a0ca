/**
 * The terminal reporter: progress line rewritten in place on a TTY (a real pseudo-terminal via util-linux `script`),
 * plain lines when not a TTY or when CI is set, NO_COLOR and --no-color, the summary table, --verbose redacted.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { check } from '../../src/check';
import { Redactor } from '../../src/report';
import { cliReporter } from '../../src/report/cli';
import { colorWanted, progressWanted } from '../../src/report/tty';
import { CLI, ROOT, runCli, tempDir } from '../helpers';
import { fail, pass, request, run } from './trees';

const ESC = '\u001b[';

function drive(opts: { color?: boolean; verbose?: boolean; progress?: boolean }) {
  const lines: string[] = [];
  const progress: string[] = [];
  const redactor = new Redactor();
  const rep = cliReporter({
    outDir: tempDir(),
    redactor,
    write: (l) => lines.push(l),
    color: opts.color ?? false,
    ...(opts.verbose ? { verbose: true } : {}),
    ...(opts.progress ? { progress: (t: string) => progress.push(t) } : {}),
  });
  const token = `00D000000000001!${'T'.repeat(40)}`;
  const reqs = [
    request({
      name: 'Get token',
      request: { method: 'POST', url: 'http://127.0.0.1:9/services/oauth2/token', headers: [{ key: 'Content-Type', value: 'application/x-www-form-urlencoded' }], body: 'grant_type=password&password=hunter2-secret' },
      response: { code: 200, status: 'OK', headers: [], body: JSON.stringify({ access_token: token }), bodyTruncated: false, size: 80, timeMs: 5 },
      tests: [pass('status is 200')],
    }),
    request({ name: 'Query', request: { method: 'GET', url: 'http://127.0.0.1:9/q', headers: [{ key: 'Authorization', value: `Bearer ${token}` }] }, tests: [pass('a'), fail('status is 200', 'expected response to have status code 200 but got 401')] }),
  ];
  rep.onRunStart?.({ engine: 'native', collection: 'C', total: reqs.length });
  reqs.forEach((r, index) => {
    rep.onRequestStart?.({ index, total: reqs.length, name: r.name, path: r.path });
    rep.onRequestEnd?.(r, { index, total: reqs.length });
  });
  void rep.onChecked?.(check(run(reqs)));
  return { lines, progress, text: lines.join('\n'), token };
}

function inPty(args: string[], env: Record<string, string | undefined>): string {
  const base = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith('SF_') || k === 'CI' || k === 'NO_COLOR') delete base[k];
  const cmd = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, env: { ...base, ...env, TERM: 'xterm', COLUMNS: '120' }, encoding: 'utf8', timeout: 60_000 });
  return r.stdout;
}

const hasScript = () => spawnSync('script', ['--version']).status === 0;

describe('terminal reporter', function () {
  this.timeout(60_000);

  it('colour and progress are decided by TTY, --no-color, NO_COLOR and CI', () => {
    assert.equal(colorWanted(true, true, {}), true);
    assert.equal(colorWanted(false, true, {}), false, '--no-color');
    assert.equal(colorWanted(true, true, { NO_COLOR: '1' }), false, 'NO_COLOR');
    assert.equal(colorWanted(true, false, {}), false, 'not a TTY');
    assert.equal(progressWanted(true, {}), true);
    assert.equal(progressWanted(true, { CI: 'true' }), false, 'CI');
    assert.equal(progressWanted(false, {}), false, 'not a TTY');
  });

  it('progress: requests done / total and the current request, cleared before each printed line', () => {
    const { progress, lines } = drive({ progress: true });
    assert.deepEqual(progress.filter(Boolean).slice(0, 2), ['[0/2] Get token …', '[1/2] Get token passed']);
    assert.ok(progress.includes('[1/2] Query …') && progress.includes('[2/2] Query failed'));
    assert.equal(progress.at(-1), '', 'the progress line is cleared at the end');
    const live = lines.slice(0, lines.findIndex((l) => /^ {2}request /.test(l)));
    assert.ok(!live.some((l) => l.startsWith('✔ Get token')), 'a passing request is only in the progress line and the table');
    assert.ok(live.some((l) => l.startsWith('✘ Query  ')), 'a failing one is printed as it completes');
  });

  it('plain lines: one per request, a summary table, the verdict; no escape codes without colour', () => {
    const { text, lines } = drive({});
    assert.ok(!text.includes(ESC));
    assert.match(text, /^✔ Get token {2}POST 200 OK 5 ms {2}1\/1 checks$/m);
    assert.match(text, /^ {4}✘ status is 200: expected status 200, actual status 401$/m);
    const header = lines.findIndex((l) => /^ {2}request +status +time +checks$/.test(l));
    assert.ok(header > 0, 'table header');
    assert.match(lines[header + 1] ?? '', /^✔ Get token +POST 200 OK +5 ms +1\/1$/);
    assert.match(lines[header + 2] ?? '', /^✘ Query +GET 200 OK +12 ms +1\/2$/);
    assert.match(text, /^FAILED {2}requests 1\/2 passed, 1 failed {2}· {2}checks 2\/3 passed, 1 failed .*API usage 7\/15000/m);
  });

  it('colour when asked', () => {
    assert.ok(drive({ color: true }).text.includes(`${ESC}32m✔`));
  });

  it('--verbose shows request and response, redacted', () => {
    const { text, token } = drive({ verbose: true });
    assert.match(text, /→ POST http:\/\/127\.0\.0\.1:9\/services\/oauth2\/token/);
    assert.match(text, /password=\[redacted\]/);
    assert.match(text, /"access_token":"\[redacted\]"/);
    assert.match(text, /Authorization: Bearer \[redacted\]/);
    assert.ok(!text.includes(token) && !text.includes('hunter2-secret'));
  });

  describe('the CLI on a pseudo-terminal and on a pipe', () => {
    before(function () {
      if (!hasScript()) {
        process.stderr.write('    util-linux `script` not installed: pseudo-terminal tests skipped\n');
        this.skip();
      }
    });

    it('a TTY: progress rewritten in place (\\r + clear line) and colours', () => {
      const out = inPty(['verify', '--out', tempDir()], {});
      assert.match(out, /\r\u001b\[2K\[\d\/5\] /);
      assert.ok(out.includes(`${ESC}32m`), 'colour');
      assert.match(out, /PASSED|FAILED/);
    });

    it('a TTY with CI set: plain lines, no progress; NO_COLOR and --no-color: no colour', () => {
      const ci = inPty(['verify', '--out', tempDir()], { CI: 'true' });
      assert.ok(!ci.includes('\u001b[2K'), 'no progress line under CI');
      assert.match(ci.replace(/\u001b\[\d+m/g, ''), /^✔ Get an access token \(password grant\) {2}POST/m, 'one line per request');
      for (const out of [inPty(['verify', '--out', tempDir()], { NO_COLOR: '1' }), inPty(['verify', '--out', tempDir(), '--no-color'], {})]) {
        assert.ok(!/\u001b\[\d+m/.test(out), 'no colour');
      }
    });

    it('a pipe: no escape codes at all', async () => {
      const r = await runCli(['verify', '--out', tempDir()], { env: { NO_COLOR: '' } });
      assert.ok(!r.stdout.includes('\u001b'), r.stdout);
      assert.match(r.stdout, /^ {2}request +status +time +checks$/m);
    });
  });
});
