/** newman-style reporter flags: -r, --reporter-{junit,json,html}-export FILE, --out DIR, unknown reporter -> exit 2. */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers';

describe('reporter flags', function () {
  this.timeout(60_000);

  it('verify --flow password writes junit.xml, report.json and report.html into --out', async () => {
    const out = tempDir();
    const r = await runCli(['verify', '--flow', 'password', '--out', out]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['junit.xml', 'report.html', 'report.json']);
    for (const f of ['junit.xml', 'report.json', 'report.html']) assert.match(r.stdout, new RegExp(`report: .*${f.replace('.', '\\.')}`));
  });

  it('by default (every flow) verify writes junit/report files per flow, flow id in the name, and junit.xml merging them', async () => {
    const out = tempDir();
    const r = await runCli(['verify', '--out', out]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const flows = ['password', 'client-credentials', 'jwt', 'uca', 'user-access'];
    assert.deepEqual(readdirSync(out).sort(), ['junit.xml', ...flows.flatMap((f) => [`junit-${f}.xml`, `report-${f}.html`, `report-${f}.json`])].sort());
    for (const f of flows) assert.match(r.stdout, new RegExp(`report: .*report-${f}\\.json`));
    assert.match(r.stdout, /report: .*junit\.xml \(every flow\)/);
  });

  it('-r picks reporters; --reporter-X-export FILE writes there (relative to the current folder) and turns X on', async () => {
    const cwd = tempDir();
    const out = join(cwd, 'out');
    const r = await runCli(
      ['verify', '--flow', 'password', '-r', 'cli', '--out', out, '--reporter-junit-export', 'build/results.xml', '--reporter-html-export', join(cwd, 'html', 'index.html')],
      { cwd },
    );
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.match(readFileSync(join(cwd, 'build', 'results.xml'), 'utf8'), /^<\?xml[\s\S]*<testsuites /);
    assert.match(readFileSync(join(cwd, 'html', 'index.html'), 'utf8'), /^<!DOCTYPE html>/);
    assert.ok(!existsSync(join(out, 'report.json')) && !existsSync(join(out, 'junit.xml')), 'json off; junit went to its export file');
    assert.match(r.stdout, /report: .*build\/results\.xml/);
  });

  it('-r json alone: no terminal lines, only the report path', async () => {
    const out = tempDir();
    const r = await runCli(['verify', '--flow', 'password', '-r', 'json', '--out', out, '--reporter-json-export', join(out, 'r.json')]);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    assert.deepEqual(readdirSync(out), ['r.json']);
    assert.doesNotMatch(r.stdout, /PASSED|FAILED/);
  });

  it('every flow with --reporter-X-export FILE: FILE-<flow> per flow, the merged JUnit at FILE itself', async () => {
    const cwd = tempDir();
    const r = await runCli(['verify', '--flow', 'jwt,uca', '-r', 'json', '--out', join(cwd, 'out'), '--reporter-json-export', 'r/run.json', '--reporter-junit-export', 'r/results.xml'], { cwd });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(readdirSync(join(cwd, 'r')).sort(), ['results-jwt.xml', 'results-uca.xml', 'results.xml', 'run-jwt.json', 'run-uca.json']);
    assert.match(readFileSync(join(cwd, 'r', 'results.xml'), 'utf8'), /<testsuite [^>]*name="uca \/ Get an access token \(refresh token\)"/);
  });

  it('an unknown reporter exits 2 before any request, listing the known ones', async () => {
    const r = await runCli(['verify', '-r', 'cli,pdf', '--out', tempDir()]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown reporter "pdf"/);
    assert.match(r.stderr, /cli, junit, json, html/);
    assert.doesNotMatch(r.stdout, /request/i);
  });
});
