/** Diagnoses in every report: terminal (under the failing request), JUnit (message and body, schema-valid), JSON, HTML. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, check, type CheckedRun } from '../../src/check';
import type { RequestResult } from '../../src/engine/result';
import { Redactor, renderHtml, renderJunit, reporterFactory } from '../../src/report';
import { tempDir } from '../helpers';
import { fail, pass, request, run } from './trees';
import { junitSchemaErrors, parseJunit, requireXmllint } from './xml';

const SESSION = '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

function failedRun(): CheckedRun {
  const token: RequestResult = request({
    name: 'Get an access token (password grant)',
    request: { method: 'POST', url: 'https://login.salesforce.com/services/oauth2/token', headers: [], body: 'grant_type=password&username=svc%40acme.com.uat&password=hunter2-secret&client_secret=shh-secret-1' },
    response: { code: 400, status: 'Bad Request', headers: [], body: '{"error":"invalid_grant","error_description":"authentication failure"}', bodyTruncated: false, size: 70, timeMs: 5 },
    tests: [fail('Status code is 200', 'expected response to have status code 200 but got 400')],
  });
  const query = request({
    name: 'Query Accounts',
    response: { code: 401, status: 'Unauthorized', headers: [], body: SESSION, bodyTruncated: false, size: SESSION.length, timeMs: 2 },
    tests: [fail('Status code is 200', 'expected response to have status code 200 but got 401')],
  });
  const versions = request({ name: 'Versions', tests: [pass('Status code is 200')] });
  const checked = check(run([token, versions, query]));
  return { ...checked, preflight: [{ check: 'security-token', level: 'warn', message: 'SF_SECURITY_TOKEN is empty', fix: 'set it unless the org trusts your IP range' }] };
}

const redactor = () => new Redactor().add('hunter2-secret').add('shh-secret-1');

describe('diagnosis in the reports', () => {
  it('never loses catalogue text to the redactor (no text looks like a credential)', () => {
    const r = new Redactor();
    for (const e of CATALOGUE) {
      for (const s of [e.title, e.signature, e.guideStep, e.doc, ...e.causes.flatMap((c) => [c.cause, c.confirm, c.fix, c.guideStep ?? ''])]) {
        assert.equal(r.text(s), s, `${e.code}: ${s}`);
      }
    }
  });

  it('terminal: the diagnosis under the failing request, the consequence under the next one, the codes after the verdict', () => {
    const lines: string[] = [];
    const cli = reporterFactory('cli')({ outDir: tempDir(), redactor: redactor(), write: (l) => lines.push(l), color: false });
    const checked = failedRun();
    checked.requests.forEach((r, index) => cli.onRequestEnd?.(r, { index, total: 3 }));
    void cli.onChecked?.(checked);
    const text = lines.join('\n');
    const tokenLine = lines.findIndex((l) => l.startsWith('✘ Get an access token'));
    const diagLine = lines.findIndex((l) => l.includes('diagnosis SFD_AUTH_FAILURE'));
    const queryLine = lines.findIndex((l) => l.startsWith('✘ Query Accounts'));
    assert.ok(tokenLine >= 0 && diagLine > tokenLine && queryLine > diagLine, text);
    assert.match(lines[queryLine + 2] ?? '', /consequence of "Get an access token \(password grant\)" \(SFD_AUTH_FAILURE\)/);
    assert.match(text, /1\. Wrong login host/, 'a sandbox username on login.salesforce.com ranks the host first');
    assert.match(text, /diagnosis: SFD_AUTH_FAILURE \(sfcheck explain CODE/);
    assert.ok(!text.includes('hunter2-secret'));
  });

  it('JUnit: the code in the failure message, the diagnosis in its body, a preflight property; schema-valid', function () {
    const xml = renderJunit(failedRun(), redactor(), 'host');
    const suites = parseJunit(xml).suites;
    const token = suites[0]?.cases[0]?.body ?? '';
    assert.match(token, /message="expected status 200, actual status 400 \[SFD_AUTH_FAILURE\] Salesforce refused the username and password"/);
    assert.match(token, /probable causes, most likely first:/);
    assert.match(token, /guide: Password grant/);
    const query = suites[2]?.cases[0]?.body ?? '';
    assert.match(query, /\[SFD_AUTH_FAILURE\] consequence of &quot;Get an access token/);
    assert.ok(!query.includes('probable causes'), 'a consequence has no diagnosis of its own');
    assert.match(xml, /<property name="preflight" value="! SF_SECURITY_TOKEN is empty/);
    assert.ok(!xml.includes('hunter2-secret') && !xml.includes('shh-secret-1'));
    requireXmllint(this);
    assert.equal(junitSchemaErrors(xml), '');
  });

  it('JSON: diagnoses (root codes), each request\'s diagnosis and the preflight', async () => {
    const out = tempDir();
    const json = reporterFactory('json')({ outDir: out, redactor: redactor(), write: () => undefined, color: false });
    await json.onChecked?.(failedRun());
    const doc = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      diagnoses: string[];
      preflight: Array<{ check: string }>;
      requests: Array<{ diagnosis?: { role: string; code?: string; causes?: unknown[]; rootRequest?: { index: number } } }>;
    };
    assert.deepEqual(doc.diagnoses, ['SFD_AUTH_FAILURE']);
    assert.equal(doc.requests[0]?.diagnosis?.role, 'root');
    assert.ok((doc.requests[0]?.diagnosis?.causes?.length ?? 0) > 1);
    assert.equal(doc.requests[1]?.diagnosis, undefined);
    assert.deepEqual(doc.requests[2]?.diagnosis, { role: 'consequence', code: 'SFD_AUTH_FAILURE', rootRequest: { index: 0, name: 'Get an access token (password grant)' } });
    assert.deepEqual(doc.preflight.map((p) => p.check), ['security-token']);
  });

  it('HTML: a Diagnosis block with the causes and the doc link, a Preflight block, the consequence in the failure', () => {
    const html = renderHtml(failedRun(), redactor());
    assert.match(html, /<h2>Diagnosis<\/h2>\n<div class="diagnosis" data-diagnosis="SFD_AUTH_FAILURE"><strong>SFD_AUTH_FAILURE<\/strong>/);
    assert.equal((html.match(/data-diagnosis=/g) ?? []).length, 1, 'one diagnosis for one root cause');
    assert.match(html, /<ol class="causes"><li>Wrong login host/);
    assert.match(html, /<a href="https:\/\/help\.salesforce\.com\/s\/articleView\?id=sf\.remoteaccess_oauth_username_password_flow\.htm&amp;type=5">/);
    assert.match(html, /<h2>Preflight<\/h2>\n<ul class="preflight"><li class="pf-warn" data-preflight="security-token" data-level="warn">/);
    assert.match(html, /data-consequence>consequence of Get an access token \(password grant\) \(SFD_AUTH_FAILURE\)/);
    assert.ok(!html.includes('hunter2-secret'));
  });

  it('HTML of a passing run has neither block', () => {
    const html = renderHtml(check(run([request({ name: 'Versions', tests: [pass('ok')] })])), new Redactor());
    assert.ok(!html.includes('<h2>Diagnosis</h2>') && !html.includes('<h2>Preflight</h2>') && !html.includes('{{preflight}}') && !html.includes('{{diagnosis}}'));
  });
});
