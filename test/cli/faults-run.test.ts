/**
 * Every fault the emulator injects, met by a whole CLI run (`verify --env FILE`, the password flow, native engine unless
 * said otherwise) with a run deadline: the run ends (bounded by this test's own timeout, never a timing assertion) with
 * the right verdict and exit code — 0 when retries or re-authentication recover, 1 when a check fails, 3 for
 * infrastructure failures —, its reports written and well-formed, and every retry visible in report.json.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_USERS, startEmulator, type Fault } from '../../src/emulator';
import type { RetryRecord } from '../../src/engine/result';
import { ROOT, runCli, tempDir } from '../helpers';
import { hasXmllint, junitSchemaErrors } from '../report/xml';

const Q = '/services/data/v62.0/query';
/** Generous: no case here should come near it, except the one that is about it. */
const DEADLINE = '20000';

interface Report {
  summary: { verdict: string };
  error?: { kind: string; message: string; code?: string };
  requests: Array<{ name: string; verdict: string; retries?: RetryRecord[]; errors: Array<{ kind: string; code?: string; message: string }>; skipped?: { reason: string }; response?: { code: number } }>;
}

interface Case {
  title: string;
  faults: Array<Fault | string>;
  args?: string[];
  exit: number;
  verdict: 'passed' | 'failed' | 'errored';
  /** Causes expected among the recorded retries (regular expressions over "action cause"). */
  retried?: RegExp;
  check?: (report: Report) => void;
}

const noDeadline = (r: Report) => assert.ok(!r.error || r.error.code !== 'ERUNDEADLINE', 'the run ended before its deadline');
const queries = (r: Report) => r.requests.filter((q) => /Query/.test(q.name));

const CASES: Case[] = [
  {
    title: 'latency beyond the run deadline: the query in flight is cut, the rest skipped',
    faults: [{ kind: 'latency', latencyMs: 10_000, route: Q }],
    args: ['--timeout', '2000'],
    exit: 3,
    verdict: 'errored',
    check: (r) => {
      assert.deepEqual(r.error, { kind: 'timeout', message: 'run deadline of 2000 ms reached', code: 'ERUNDEADLINE' });
      const cut = r.requests.find((q) => q.errors.some((e) => e.code === 'ERUNDEADLINE'));
      assert.ok(cut, 'the request in flight has the deadline error');
      assert.ok(r.requests.some((q) => q.verdict === 'skipped' && q.skipped?.reason === 'run deadline of 2000 ms reached'), 'the rest is skipped');
    },
  },
  {
    title: 'latency beyond --timeout-request: a timeout, not retried',
    faults: [{ kind: 'latency', latencyMs: 5_000, route: Q }],
    args: ['--timeout-request', '500'],
    exit: 3,
    verdict: 'errored',
    check: (r) => {
      noDeadline(r);
      for (const q of queries(r)) {
        assert.equal(q.errors[0]?.kind, 'timeout');
        assert.equal(q.retries, undefined);
      }
    },
  },
  { title: '429 with Retry-After on every 2nd query: retried, recovers', faults: [`429:0.5@${Q}`], exit: 0, verdict: 'passed', retried: /^retry 429 Too Many Requests$/ },
  { title: '503 with Retry-After on every 2nd query: retried, recovers', faults: [`503:0.5@${Q}`], exit: 0, verdict: 'passed', retried: /^retry 503 Service Unavailable$/ },
  {
    title: '500 UNKNOWN_EXCEPTION: not retried, the checks fail',
    faults: [`500@${Q}`],
    exit: 1,
    verdict: 'failed',
    check: (r) => assert.ok(r.requests.every((q) => q.retries === undefined)),
  },
  { title: 'connection reset on every 2nd query: retried, recovers', faults: [`reset:0.5@${Q}`], exit: 0, verdict: 'passed', retried: /^retry (ECONNRESET|UND_ERR_SOCKET)$/ },
  {
    title: 'truncated body on every query: retried, then a network error',
    faults: [`truncate@${Q}`],
    exit: 3,
    verdict: 'errored',
    retried: /^retry (UND_ERR_SOCKET|ECONNRESET|UND_ERR_RES_CONTENT_LENGTH_MISMATCH)$/,
    check: (r) => {
      for (const q of queries(r)) {
        assert.equal(q.errors[0]?.kind, 'network');
        assert.equal(q.retries?.length, 2, 'the default budget: 2 retries');
      }
    },
  },
  { title: 'invalid JSON under a JSON content type: the schema check fails', faults: [`bad-json@${Q}`], exit: 1, verdict: 'failed' },
  {
    title: 'the maintenance page (503 text/html) on every query: retried once (--retries 1), then the checks fail',
    faults: [`html@${Q}`],
    args: ['--retries', '1'],
    exit: 1,
    verdict: 'failed',
    retried: /^retry 503 Service Unavailable$/,
    check: (r) => {
      for (const q of queries(r)) assert.equal(q.retries?.length, 1);
    },
  },
  {
    title: 'sessions revoked mid-run (401 INVALID_SESSION_ID): re-authenticated once, recovers',
    faults: [`session:0.5@${Q}`],
    exit: 0,
    verdict: 'passed',
    retried: /^reauth 401 INVALID_SESSION_ID$/,
  },
  {
    title: 'sessions revoked mid-run with the newman engine: no recovery, the checks fail (documented)',
    faults: [`session:0.5@${Q}`],
    args: ['--engine', 'newman'],
    exit: 1,
    verdict: 'failed',
    check: (r) => assert.ok(r.requests.some((q) => q.response?.code === 401)),
  },
  {
    title: 'the server stops: refused connections retried, then network errors',
    faults: [`stop@${Q}`],
    exit: 3,
    verdict: 'errored',
    retried: /^retry (ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET)$/,
    check: (r) => assert.ok(r.requests.some((q) => q.errors.some((e) => e.code === 'ECONNREFUSED'))),
  },
  {
    title: 'newman: --timeout ends the run (latency beyond the deadline)',
    faults: [{ kind: 'latency', latencyMs: 10_000, route: Q }],
    args: ['--engine', 'newman', '--timeout', '3000'],
    exit: 3,
    verdict: 'errored',
    check: (r) => {
      assert.deepEqual(r.error, { kind: 'timeout', message: 'run deadline of 3000 ms reached', code: 'ERUNDEADLINE' });
      assert.ok(r.requests.some((q) => q.errors.some((e) => e.code === 'ERUNDEADLINE')), 'the request in flight has the deadline error');
      assert.ok(r.requests.some((q) => q.verdict === 'skipped'), 'the requests not reached are skipped');
    },
  },
];

describe('cli: a run against each emulator fault', function () {
  this.timeout(45_000);

  for (const c of CASES) {
    it(c.title, async () => {
      const emu = await startEmulator({ faults: c.faults, app: { clientCredentialsUser: LOCAL_USERS.admin.username } });
      try {
        const dir = tempDir('sfcheck-faults-');
        const envFile = join(dir, 'env.json');
        writeFileSync(envFile, readFileSync(join(ROOT, 'environments', 'local.postman_environment.json'), 'utf8').split('http://127.0.0.1:4010').join(emu.url));
        const out = join(dir, 'out');
        const args = ['verify', '--env', envFile, '--out', out, '-r', 'cli,junit,json,html', ...(c.args?.includes('--timeout') ? [] : ['--timeout', DEADLINE]), ...(c.args ?? [])];
        const r = await runCli(args);
        assert.equal(r.code, c.exit, `${r.stdout}\n${r.stderr}`);

        const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
        assert.equal(report.summary.verdict, c.verdict);
        const retries = report.requests.flatMap((q) => (q.retries ?? []).map((x) => `${x.action} ${x.cause}`));
        if (c.retried) {
          assert.ok(retries.length > 0, 'retries are recorded in report.json');
          for (const x of retries) assert.match(x, c.retried);
        } else {
          assert.deepEqual(retries, []);
        }
        c.check?.(report);

        const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
        if (hasXmllint()) assert.equal(junitSchemaErrors(junit), '');
        if (c.retried) assert.match(junit, /<property name="(retry|reauth)" value="attempt 2: /);
        const html = readFileSync(join(out, 'report.html'), 'utf8');
        assert.match(html, /<\/html>\s*$/);
        if (c.retried) assert.match(html, /data-retries="\d+"/);
        if (c.retried) assert.match(r.stdout, /\((\d+ retr(y|ies): |re-authenticated)/, 'the terminal shows the retries on the request line');
        assert.ok(!existsSync(join(out, 'report.json.tmp')));
        // Secrets stay out of every report, retries or not.
        for (const text of [junit, html, readFileSync(join(out, 'report.json'), 'utf8'), r.stdout]) {
          assert.ok(!text.includes(emu.credentials.password), 'no password');
          assert.ok(!text.includes(emu.credentials.clientSecret), 'no client secret');
        }
      } finally {
        await emu.close();
      }
    });
  }
});

describe('cli: --timeout and --retries are checked', function () {
  this.timeout(20_000);
  const collection = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
  const cases = [
    ['--timeout', 'soon', 'a whole number of 0 or more'],
    ['--timeout', '-5', 'a whole number of 0 or more'],
    ['--timeout', '1.5', 'a whole number of 0 or more'],
    ['--timeout', '9999999999', 'at most 2147483647'],
    ['--retries', '-1', 'a whole number of 0 or more'],
    ['--retries', 'many', 'a whole number of 0 or more'],
    ['--retries', '11', 'at most 10'],
  ] as const;
  for (const [flag, value, why] of cases) {
    it(`${flag} ${value}: exit 2 naming the flag and the value`, async () => {
      const r = await runCli(['run', collection, flag, value, '--out', tempDir()]);
      assert.equal(r.code, 2, r.stderr);
      assert.ok(r.stderr.includes(`${flag} must be ${why}, got "${value}"`), r.stderr);
      assert.match(r.stderr, /how to fix: e\.g\./);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});
