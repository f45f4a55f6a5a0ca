/** merge-reports: the junit.xml of each environment of a CI matrix -> one JUnit file, totals summed, suites labelled. */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check';
import { mergeJunit, Redactor, renderJunit } from '../../src/report';
import { runCli, tempDir } from '../helpers';
import { fail, pass, request, run, skip } from './trees';
import { junitSchemaErrors, parseJunit, requireXmllint } from './xml';

function writeJunit(dir: string, env: string, tests: Parameters<typeof request>[0]['tests']): void {
  mkdirSync(dir, { recursive: true });
  const tree = run([request({ name: 'Get token', tests: tests ?? [] }), request({ name: 'Query', tests: [pass('status is 200')] })], { environment: env });
  writeFileSync(join(dir, 'junit.xml'), renderJunit(check(tree), new Redactor()));
}

describe('merge-reports', function () {
  this.timeout(30_000);

  it('merges the junit.xml under each folder: suites prefixed with the folder name, totals summed, schema-valid', async function () {
    const root = tempDir();
    writeJunit(join(root, 'sandbox'), 'sandbox', [pass('status is 200'), fail('has token')]);
    writeJunit(join(root, 'production'), 'production', [pass('status is 200'), skip('later')]);
    const output = join(root, 'merged', 'junit.xml');
    const r = await runCli(['merge-reports', join(root, 'sandbox'), join(root, 'production'), '--output', output]);
    assert.equal(r.code, 0, r.stderr);
    const xml = readFileSync(output, 'utf8');
    const { root: top, suites } = parseJunit(xml);
    assert.deepEqual(suites.map((s) => s.attrs.name), ['sandbox / Get token', 'sandbox / Query', 'production / Get token', 'production / Query']);
    assert.equal(suites[0]?.cases[0]?.classname, 'sandbox / Get token');
    assert.deepEqual([top.tests, top.failures, top.errors], ['6', '1', '0']);
    assert.match(r.stdout, /merged: .*sandbox\/junit\.xml as "sandbox"/);
    requireXmllint(this);
    assert.equal(junitSchemaErrors(xml), '');
  });

  it('finds reports recursively and never reads its own output; no report -> exit 2', async () => {
    const root = tempDir();
    writeJunit(join(root, 'all', 'sandbox'), 'sandbox', [pass('a')]);
    const output = join(root, 'all', 'merged.xml');
    assert.equal((await runCli(['merge-reports', join(root, 'all'), '-o', output])).code, 0);
    assert.equal((await runCli(['merge-reports', join(root, 'all'), '-o', output])).code, 0);
    assert.equal(parseJunit(readFileSync(output, 'utf8')).suites.length, 2, 'the merged file was not merged into itself');
    const empty = await runCli(['merge-reports', tempDir()]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /no JUnit report found/);
  });

  it('mergeJunit keeps same-named suites of different sources apart and escapes labels', () => {
    const one = renderJunit(check(run([request({ name: 'A', tests: [pass('x')] })])), new Redactor());
    const xml = mergeJunit([{ label: 'a&b', xml: one }, { label: 'c', xml: one }]);
    assert.deepEqual(parseJunit(xml).suites.map((s) => s.attrs.name), ['a&amp;b / A', 'c / A']);
  });
});
