/** Retries and re-authentication in every reporter: the terminal line, a JUnit property per attempt (still XSD-valid), the HTML note, report.json. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import type { RetryRecord } from '../../src/engine/result';
import { Redactor, renderHtml, renderJunit } from '../../src/report';
import { cliReporter } from '../../src/report/cli';
import { jsonReporter } from '../../src/report/json';
import { retryNote, retryText } from '../../src/report/retries';
import { tempDir } from '../helpers';
import { pass, request, run } from './trees';
import { hasXmllint, junitSchemaErrors } from './xml';

const RETRIES: RetryRecord[] = [
  { attempt: 2, cause: '503 Service Unavailable', action: 'retry', waitedMs: 1000 },
  { attempt: 3, cause: '401 INVALID_SESSION_ID', action: 'reauth', waitedMs: 12 },
];

function tree() {
  return run([
    request({ name: 'Query Accounts', tests: [pass('status is 200')], retries: RETRIES }),
    request({ name: 'UserInfo', tests: [pass('status is 200')] }),
  ]);
}

describe('reports: retries', () => {
  it('words: one line per attempt, one note per request', () => {
    assert.equal(retryText(RETRIES[0]!), 'attempt 2: retried after 503 Service Unavailable (waited 1000 ms)');
    assert.equal(retryText(RETRIES[1]!), 'attempt 3: re-authenticated after 401 INVALID_SESSION_ID (new token in 12 ms)');
    assert.equal(retryNote(RETRIES), '1 retry: 503 Service Unavailable; re-authenticated after 401 INVALID_SESSION_ID');
    assert.equal(retryNote(undefined), '');
    assert.equal(retryNote([RETRIES[0]!, RETRIES[0]!]), '2 retries: 503 Service Unavailable, 503 Service Unavailable');
  });

  it('terminal: the note on the request line, nothing on a request sent once', () => {
    const lines: string[] = [];
    const rep = cliReporter({ outDir: tempDir(), redactor: new Redactor(), write: (l) => lines.push(l), color: false });
    const t = tree();
    t.requests.forEach((r, index) => rep.onRequestEnd?.(r, { index, total: 2 }));
    assert.match(lines[0] ?? '', /^✔ Query Accounts .* 1\/1 checks {2}\(1 retry: 503 Service Unavailable; re-authenticated after 401 INVALID_SESSION_ID\)$/);
    assert.doesNotMatch(lines[1] ?? '', /retr|re-auth/);
  });

  it('terminal with a progress line: a passed request gets a line only when it was retried', () => {
    const lines: string[] = [];
    const rep = cliReporter({ outDir: tempDir(), redactor: new Redactor(), write: (l) => lines.push(l), color: false, progress: () => undefined });
    const t = tree();
    t.requests.forEach((r, index) => rep.onRequestEnd?.(r, { index, total: 2 }));
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? '', /Query Accounts .*\(1 retry: 503 Service Unavailable; re-authenticated/);
  });

  it('junit: a property per attempt on the request suite, still valid against the schema', () => {
    const xml = renderJunit(check(tree()), new Redactor(), 'host');
    assert.match(xml, /<property name="retry" value="attempt 2: retried after 503 Service Unavailable \(waited 1000 ms\)"\/>/);
    assert.match(xml, /<property name="reauth" value="attempt 3: re-authenticated after 401 INVALID_SESSION_ID \(new token in 12 ms\)"\/>/);
    assert.equal((xml.match(/<property name="(retry|reauth)"/g) ?? []).length, 2, 'only the retried request has them');
    if (hasXmllint()) assert.equal(junitSchemaErrors(xml), '');
  });

  it('html: a note under the request; json: the records as the engine gave them', async () => {
    const html = renderHtml(check(tree()), new Redactor());
    assert.match(html, /<p class="muted" data-retries="2">attempt 2: retried after 503 Service Unavailable \(waited 1000 ms\)<br>attempt 3: re-authenticated/);
    assert.equal((html.match(/data-retries=/g) ?? []).length, 1);
    const out = tempDir();
    const rep = jsonReporter({ outDir: out, redactor: new Redactor(), write: () => undefined, color: false });
    await rep.onChecked?.(check(tree()));
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { requests: Array<{ retries?: RetryRecord[] }> };
    assert.deepEqual(json.requests[0]?.retries, RETRIES);
    assert.equal(json.requests[1]?.retries, undefined);
  });
});
