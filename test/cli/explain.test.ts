/** sfcheck explain: every catalogue entry by its code and by pasted text; unknown input; the exit codes. */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { CATALOGUE, lookup, type Sample } from '../../src/check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli } from '../helpers';

/** The ways a person pastes a failure: the raw body, a log line quoting it, "error: description". */
function pastes(s: Sample): string[] {
  const body = s.body ?? '';
  if (s.networkCode) return [`Error: ${body}`, `request failed (${s.networkCode})`];
  const out = [body, `POST /services/oauth2/token -> HTTP ${s.status ?? 400}: ${body}`];
  try {
    const o = JSON.parse(body) as { error?: string; error_description?: string } | Array<{ errorCode?: string; message?: string }>;
    if (!Array.isArray(o) && o.error) out.push(`${o.error}: ${o.error_description ?? ''}`);
    if (Array.isArray(o) && o[0]?.errorCode) out.push(`${o[0].errorCode}: ${o[0].message ?? ''}`);
  } catch {
    /* not JSON: form-encoded or one word */
  }
  return out;
}

function stdinCli(args: string[], input: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout });
    });
    child.stdin.end(input);
  });
}

describe('explain (lookup)', () => {
  for (const entry of CATALOGUE) {
    it(`${entry.code}: by its code and by every pasted form of its samples`, () => {
      const byCode = lookup(entry.code.toLowerCase());
      assert.equal(byCode.kind, 'code');
      assert.deepEqual(byCode.diagnoses.map((d) => d.code), [entry.code]);
      for (const s of entry.samples) {
        for (const text of pastes(s)) {
          const found = lookup(text, s.context ?? {});
          assert.deepEqual(found.diagnoses.map((d) => d.code), [entry.code], `pasted: ${text}`);
          assert.equal(found.kind, 'match', text);
        }
      }
    });
  }

  it('a bare error code several entries share lists them all, the one that owns it alone is a match', () => {
    const grant = lookup('invalid_grant');
    assert.equal(grant.kind, 'candidates');
    assert.ok(grant.diagnoses.length >= 8);
    for (const code of ['SFD_AUTH_FAILURE', 'SFD_IP_RESTRICTED', 'SFD_TOKEN_EXPIRED', 'SFD_NO_RUN_AS_USER']) assert.ok(grant.diagnoses.some((d) => d.code === code), code);
    assert.deepEqual(lookup('INVALID_SESSION_ID').diagnoses.map((d) => d.code), ['SFD_INVALID_SESSION']);
    assert.deepEqual(lookup('ENOTFOUND').diagnoses.map((d) => d.code), ['SFD_HOST_UNREACHABLE']);
  });

  it('reads sfcheck\'s own error messages that quote Salesforce (login and consent failures), without the closing bracket', () => {
    const m = lookup('the authorize flow ended without a code (redirect_uri_mismatch: redirect_uri must match configuration)');
    assert.deepEqual(m.diagnoses.map((d) => d.code), ['SFD_REDIRECT_URI_MISMATCH']);
    assert.equal(m.diagnoses[0]?.evidence, 'redirect_uri_mismatch "redirect_uri must match configuration"');
    assert.deepEqual(lookup('the authorize flow ended without a code (invalid_request: missing required code challenge)').diagnoses.map((d) => d.code), ['SFD_PKCE']);
  });

  it('a description alone finds its entry', () => {
    assert.deepEqual(lookup("user hasn't approved this consumer").diagnoses.map((d) => d.code), ['SFD_APP_NOT_APPROVED']);
  });

  it('unknown input matches nothing', () => {
    for (const text of ['hello world', '{"totalSize":0,"done":true,"records":[]}', 'SFD_NOT_A_CODE', '500 UNKNOWN_EXCEPTION']) {
      assert.equal(lookup(text).kind, 'none', text);
    }
  });
});

describe('sfcheck explain (CLI)', function () {
  this.timeout(60_000);

  it('explains a pasted body with its causes, guide step and doc; exit 0', async () => {
    const r = await runCli(['explain', '{"error":"invalid_grant","error_description":"authentication failure"}', '--login-url', 'https://login.salesforce.com', '--username', 'svc@acme.com.uat']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^diagnosis SFD_AUTH_FAILURE: /);
    assert.match(r.stdout, /1\. Wrong login host/);
    assert.match(r.stdout, /guide: Password grant, Step 1\.5/);
    assert.match(r.stdout, /doc: https:\/\/help\.salesforce\.com\//);
  });

  it('reads stdin with -, and prints JSON with --json', async () => {
    const r = await stdinCli(['explain', '-', '--json'], '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]\n');
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.stdout) as { kind: string; diagnoses: Array<{ code: string }> };
    assert.equal(doc.kind, 'match');
    assert.deepEqual(doc.diagnoses.map((d) => d.code), ['SFD_REQUEST_LIMIT_EXCEEDED']);
  });

  it('nothing matches: says so, lists the codes, exit 1', async () => {
    const r = await runCli(['explain', 'the', 'printer', 'is', 'on', 'fire']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /no diagnosis matches/);
    assert.match(r.stdout, /SFD_AUTH_FAILURE, /);
  });

  it('no input: exit 2 with a hint', async () => {
    const r = await stdinCli(['explain', '-'], '');
    assert.equal(r.code, 2);
  });

  it('--list names every code', async () => {
    const r = await runCli(['explain', '--list']);
    assert.equal(r.code, 0);
    for (const e of CATALOGUE) assert.ok(r.stdout.includes(e.code), e.code);
  });

  it('never prints an SF_ secret that appears in the pasted text', async () => {
    const r = await runCli(['explain', 'invalid_client: invalid client credentials for secret s3cr3t-value-123'], { env: { SF_CLIENT_SECRET: 's3cr3t-value-123' } });
    assert.equal(r.code, 0);
    assert.ok(!r.stdout.includes('s3cr3t-value-123'));
  });
});

describe('docs: diagnosis codes', () => {
  it('README.md names every catalogue code', () => {
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const e of CATALOGUE) assert.ok(text.includes(`\`${e.code}\``), e.code);
  });
});
