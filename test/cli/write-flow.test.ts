/**
 * verify --flow write: opt-in (not in `all`, not the default), run on both engines against an emulator the test owns
 * (as a "sandbox" through SF_ variables), so the test can ask that org afterwards whether the probe Account is gone.
 * A delete that fails (a 500 on the record URL) leaves the probe behind, and the report names it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPT_IN_FLOWS, parseFlows, READ_ONLY_FLOWS, scenarioFlows } from '../../src/cli/flows';
import { SfcheckError } from '../../src/errors';
import { startEmulator, type StartedEmulator } from '../../src/emulator';
import { PROBE_NAME } from '../../src/spec';
import { getJson, login } from '../emulator/helpers';
import { runCli, tempDir } from '../helpers';

interface Report {
  summary: { verdict: string };
  diagnoses: string[];
  requests: Array<{ name: string; response?: { code: number; body: string }; tests: Array<{ name: string; passed: boolean; message?: string }> }>;
}

/** SF_ variables of a "sandbox" that is the emulator, for the password grant. */
function orgEnv(emu: StartedEmulator): Record<string, string> {
  const c = emu.credentials;
  return { SF_LOGIN_URL: emu.url, SF_CLIENT_ID: c.clientId, SF_CLIENT_SECRET: c.clientSecret, SF_USERNAME: c.username, SF_PASSWORD: c.password, SF_SECURITY_TOKEN: c.securityToken };
}

/** The id the create answered, from the report. */
function createdId(report: Report): string {
  const create = report.requests.find((r) => r.name === 'Create a probe Account');
  assert.equal(create?.response?.code, 201, JSON.stringify(create));
  return (JSON.parse(create.response.body) as { id: string }).id;
}

/** The org's own view of one Account, by id: live rows (query) and deleted ones too (queryAll). */
async function accountRows(emu: StartedEmulator, id: string): Promise<{ live: number; all: Array<{ Name: string; IsDeleted: boolean }> }> {
  const token = (await login(emu)).access_token;
  const soql = encodeURIComponent(`SELECT Id, Name, IsDeleted FROM Account WHERE Id = '${id}'`);
  const live = await getJson(emu, `/services/data/v62.0/query?q=${soql}`, token);
  const all = await getJson(emu, `/services/data/v62.0/queryAll?q=${soql}`, token);
  assert.equal(live.status, 200, live.text);
  assert.equal(all.status, 200, all.text);
  return { live: (live.json as { totalSize: number }).totalSize, all: (all.json as { records: Array<{ Name: string; IsDeleted: boolean }> }).records };
}

describe('verify --flow write (opt-in: creates and deletes a probe Account)', function () {
  this.timeout(60_000);

  describe('which flows run', () => {
    it('all is every read-only flow: write runs only when named, alone or in a list', () => {
      assert.deepEqual(parseFlows('all'), [...READ_ONLY_FLOWS]);
      assert.ok(!parseFlows('all').includes('write'));
      assert.deepEqual(parseFlows('write'), ['write']);
      assert.deepEqual(parseFlows('write,password'), ['password', 'write']);
      assert.deepEqual(parseFlows('all,write'), [...READ_ONLY_FLOWS, 'write']);
      assert.deepEqual([...OPT_IN_FLOWS], ['write']);
    });

    it('a scenario adds the opt-in flows it breaks, and only those', () => {
      assert.deepEqual(scenarioFlows(['write']), [...READ_ONLY_FLOWS, 'write']);
      assert.deepEqual(scenarioFlows(['password', 'uca']), [...READ_ONLY_FLOWS]);
    });

    it('refuses unknown names with a usage error that says all is read-only', () => {
      for (const bad of ['writes', 'write,nope', ',', '']) {
        assert.throws(() => parseFlows(bad), (e: unknown) => e instanceof SfcheckError && e.code === 'SFCHECK_USAGE' && /all is every read-only flow, write runs only when named/.test(e.hint ?? ''), bad);
      }
    });

    it('verify --flow write,nope: exit 2, no stack trace, nothing run', async () => {
      const dir = tempDir();
      const r = await runCli(['verify', '--flow', 'write,nope', '--out', dir]);
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /unknown flow "nope"/);
      assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/);
      assert.doesNotMatch(r.stdout, /Create a probe Account/);
    });

    it('on a real org it needs the password-grant variables (exit 2 naming them, before any request)', async () => {
      const emu = await startEmulator();
      try {
        const dir = tempDir();
        const { SF_USERNAME: _u, SF_PASSWORD: _p, ...partial } = orgEnv(emu);
        const r = await runCli(['verify', '--env', 'sandbox', '--flow', 'write', '--out', dir], { env: partial, cwd: dir });
        assert.equal(r.code, 2, r.stdout + r.stderr);
        assert.match(r.stderr, /--flow write needs SF_USERNAME, SF_PASSWORD/);
        assert.doesNotMatch(r.stdout, /Create a probe Account/);
      } finally {
        await emu.close();
      }
    });
  });

  for (const engine of ['native', 'newman'] as const) {
    describe(`on the ${engine} engine`, () => {
      let emu: StartedEmulator;
      before(async () => {
        emu = await startEmulator();
      });
      after(() => emu.close());

      it('passes (exit 0), and the probe Account was renamed, then deleted: nothing is left in the org', async () => {
        const dir = tempDir();
        const r = await runCli(['verify', '--env', 'sandbox', '--flow', 'write', '--engine', engine, '-r', 'json', '--out', dir], { env: orgEnv(emu), cwd: dir });
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
        assert.equal(report.summary.verdict, 'passed');
        assert.deepEqual(report.requests.map((q) => q.response?.code), [200, 201, 204, 200, 204]);
        const id = createdId(report);
        const rows = await accountRows(emu, id);
        assert.equal(rows.live, 0, 'the probe Account is no longer in the org');
        // queryAll still sees it: renamed, then deleted.
        assert.deepEqual(rows.all.map((x) => ({ Name: x.Name, IsDeleted: x.IsDeleted })), [{ Name: `${PROBE_NAME} ${id} (updated)`, IsDeleted: true }]);
      });
    });
  }

  it('a delete that fails leaves the probe behind, and the failed check names it (exit 1)', async () => {
    // Every call on a record URL answers 500 (the create, on /sobjects/Account, still works).
    const emu = await startEmulator({ faults: ['500@/services/data/v62.0/sobjects/Account/'] });
    try {
      const dir = tempDir();
      const r = await runCli(['verify', '--env', 'sandbox', '--flow', 'write', '-r', 'json', '--out', dir], { env: orgEnv(emu), cwd: dir });
      assert.equal(r.code, 1, r.stdout + r.stderr);
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
      const id = createdId(report);
      const del = report.requests.find((q) => q.name === 'Delete the probe Account');
      const check = del?.tests.find((t) => t.name === 'no probe Account is left behind');
      assert.equal(check?.passed, false);
      assert.match(check?.message ?? '', new RegExp(`the probe Account ${id} \\(named ${PROBE_NAME} \\.\\.\\.\\) is left in the org`));
      assert.equal((await accountRows(emu, id)).live, 1, 'the probe is still there');
    } finally {
      await emu.close();
    }
  });
});
