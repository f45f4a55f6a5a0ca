/**
 * junit.xml: valid against Jenkins' JUnit schema, the same for both engines (modulo times), and free of each of
 * newman's known JUnit defects (one test per defect, with hand-built multi-iteration trees: engines run one iteration).
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { check } from '../../src/check';
import { LOCAL_CREDENTIALS, startEmulator } from '../../src/emulator';
import { ENGINES, type EngineName, type EnvironmentInput } from '../../src/engine';
import { buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../../src/generate';
import { Redactor, renderJunit } from '../../src/report';
import { localEnvironment, passwordCollection } from '../e2e/fixtures';
import { ROOT } from '../helpers';
import { fail, pass, request, run, skip } from './trees';
import { junitSchemaErrors, normaliseJunit, parseJunit, requireXmllint } from './xml';

const SNAPSHOT = join(ROOT, 'test', 'report', 'snapshots', 'junit-emulator.xml');

/** Runs the generated collection against a fresh emulator (fresh API usage counter) and renders junit.xml. */
async function emulatorJunit(engine: EngineName, override: Parameters<typeof localEnvironment>[1] = {}): Promise<string> {
  const emu = await startEmulator();
  try {
    const environment = localEnvironment(emu, override);
    const raw = await ENGINES[engine].run({ collection: passwordCollection(), environment });
    const redactor = new Redactor().addVariables(environment.values).learnFromRun(raw);
    return renderJunit(check(raw), redactor);
  } finally {
    await emu.close();
  }
}

const sameForEngines = (xml: string) => normaliseJunit(xml).replace(/name="engine" value="\w+"/g, 'name="engine" value="E"');

function totalsAddUp(xml: string): void {
  const { root, suites } = parseJunit(xml);
  for (const k of ['tests', 'failures', 'errors'] as const) {
    const sum = suites.reduce((n, s) => n + Number(s.attrs[k]), 0);
    assert.equal(Number(root[k]), sum, `testsuites ${k} = sum over suites`);
  }
  for (const s of suites) {
    assert.equal(Number(s.attrs.tests), s.cases.length, `${s.attrs.name}: tests = testcases`);
    assert.equal(Number(s.attrs.failures), s.cases.filter((c) => c.body.includes('<failure')).length);
    assert.equal(Number(s.attrs.errors), s.cases.filter((c) => c.body.includes('<error')).length);
    assert.equal(Number(s.attrs.skipped), s.cases.filter((c) => c.body.includes('<skipped')).length);
  }
}

describe('JUnit report', function () {
  this.timeout(30_000);

  describe('against the emulator, both engines', () => {
    const xml: Partial<Record<EngineName, string>> = {};
    before(async () => {
      xml.native = await emulatorJunit('native');
      xml.newman = await emulatorJunit('newman');
    });

    it('is valid against the Jenkins JUnit schema (xmllint), for each engine', function () {
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml.native ?? ''), '');
      assert.equal(junitSchemaErrors(xml.newman ?? ''), '');
    });

    it('is the same file for both engines, modulo times, timestamps and the engine property', () => {
      assert.equal(sameForEngines(xml.newman ?? ''), sameForEngines(xml.native ?? ''));
    });

    it('matches the snapshot (volatile fields normalised; UPDATE_SNAPSHOTS=1 rewrites it)', () => {
      // The emulator's API usage counter is its own business: the snapshot keeps the format, not the numbers.
      const actual = normaliseJunit(xml.native ?? '').replace(/value="\d+\/\d+ \([\d.]+%\)"/g, 'value="USED/MAX (P%)"');
      if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) {
        assert.ok(process.env.UPDATE_SNAPSHOTS === '1', `snapshot missing: run with UPDATE_SNAPSHOTS=1 to create ${SNAPSHOT}`);
        mkdirSync(dirname(SNAPSHOT), { recursive: true });
        writeFileSync(SNAPSHOT, actual);
      }
      assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'));
    });

    it('has properties env, engine, flow and api usage from the last Sforce-Limit-Info header', () => {
      const x = xml.native ?? '';
      assert.match(x, /<property name="env" value="sfcheck local"\/>/);
      assert.match(x, /<property name="engine" value="native"\/>/);
      assert.match(x, /<property name="flow" value="Salesforce — password grant \(service account\)"\/>/);
      assert.match(x, /<property name="api usage" value="\d+\/\d+ \(\d+\.\d%\)"\/>/);
      totalsAddUp(x);
    });

    it('a wrong password: failures with type, expected vs actual and a redacted response excerpt, same for both engines', async function () {
      const native = await emulatorJunit('native', { password: 'wrong-password-1' });
      const newman = await emulatorJunit('newman', { password: 'wrong-password-1' });
      assert.equal(sameForEngines(newman), sameForEngines(native));
      const token = parseJunit(native).suites[0];
      const failure = token?.cases.find((c) => c.name === 'status is 200')?.body ?? '';
      assert.match(failure, /<failure type="AssertionError" message="expected status 200, actual status 400 \[SFD_AUTH_FAILURE\] Salesforce refused the username and password">/);
      assert.match(failure, /response: HTTP 400 Bad Request\n\{"error":"invalid_grant","error_description":"authentication failure"\}/);
      assert.ok(!native.includes('wrong-password-1'), 'the password is redacted');
      totalsAddUp(native);
      requireXmllint(this);
      assert.equal(junitSchemaErrors(native), '');
    });
  });

  describe('an unreachable host (127.0.0.1:9), both engines', () => {
    const unreachable = async (engine: EngineName) => {
      const values = localEnvironmentValues({ url: 'http://127.0.0.1:9', credentials: LOCAL_CREDENTIALS }, DEFAULT_API_VERSION);
      const environment = buildEnvironment('local', values) as EnvironmentInput;
      const raw = await ENGINES[engine].run({ collection: passwordCollection(), environment, timeoutRequestMs: 5000 });
      return renderJunit(check(raw), new Redactor().addVariables(environment.values));
    };
    /** Per suite: its name and counts; per case: name and outcome (failure / error type). Messages may differ. */
    const shape = (xml: string) =>
      parseJunit(xml).suites.map((s) => ({
        suite: [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.errors],
        cases: s.cases.map((c) => [c.name, /<failure/.test(c.body) ? 'failure' : /<error type="([^"]*)"/.exec(c.body)?.[1] ?? 'passed']),
      }));

    it('every request has a network <error> test case; same suites and outcomes for both engines; schema-valid', async function () {
      const native = await unreachable('native');
      const newman = await unreachable('newman');
      assert.deepEqual(shape(newman), shape(native));
      const suites = parseJunit(native).suites;
      assert.equal(suites.length, 5);
      // The first request carries the diagnosis (host unreachable), the others point to it as consequences.
      for (const s of suites) assert.ok(s.cases.some((c) => /<error type="ECONNREFUSED" message="connect ECONNREFUSED 127\.0\.0\.1:9 \[SFD_HOST_UNREACHABLE\]/.test(c.body)), s.attrs.name);
      totalsAddUp(native);
      totalsAddUp(newman);
      requireXmllint(this);
      assert.equal(junitSchemaErrors(native), '');
      assert.equal(junitSchemaErrors(newman), '');
    });
  });

  describe("newman's JUnit defects are not reproduced", () => {
    const redactor = () => new Redactor();

    it('newman#3371: a test failing in iteration 1 and passing in iteration 2 shows as failed in iteration 1', function () {
      const tree = run([
        request({ name: 'Query Contacts', iteration: 1, tests: [fail('status is 200')] }),
        request({ name: 'Query Contacts', iteration: 2, tests: [pass('status is 200')] }),
      ]);
      const xml = renderJunit(check(tree), redactor());
      const { root, suites } = parseJunit(xml);
      assert.deepEqual(suites.map((s) => [s.attrs.name, s.attrs.failures]), [
        ['Query Contacts (iteration 1)', '1'],
        ['Query Contacts (iteration 2)', '0'],
      ]);
      assert.equal(root.failures, '1');
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml), '');
    });

    it('newman#3191: two tests with the same name in one request are two test cases, not one', function () {
      const tree = run([request({ name: 'Query', tests: [pass('status is 200'), fail('status is 200')] })]);
      const xml = renderJunit(check(tree), redactor());
      const cases = parseJunit(xml).suites[0]?.cases ?? [];
      assert.deepEqual(cases.map((c) => c.name), ['status is 200', 'status is 200 [2]']);
      assert.ok(!cases[0]?.body.includes('<failure') && cases[1]?.body.includes('<failure'));
      assert.match(xml, /<testsuites [^>]*tests="2" failures="1"/);
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml), '');
    });

    it('newman#3297: tests= on <testsuites> counts every iteration, not the last one', function () {
      const tree = run([
        request({ name: 'A', iteration: 1, tests: [pass('a1'), pass('a2'), pass('a3')] }),
        request({ name: 'A', iteration: 2, tests: [pass('a1'), pass('a2'), pass('a3')] }),
        request({ name: 'A', iteration: 3, tests: [pass('a1'), fail('a2'), pass('a3')] }),
      ]);
      const xml = renderJunit(check(tree), redactor());
      assert.match(xml, /<testsuites [^>]*tests="9" failures="1" errors="0"/);
      totalsAddUp(xml);
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml), '');
    });

    it('newman#2197: skipped tests are written as <skipped/> and counted', function () {
      const tree = run([request({ name: 'A', tests: [pass('kept'), skip('not yet')] })]);
      const xml = renderJunit(check(tree), redactor());
      const suite = parseJunit(xml).suites[0];
      assert.equal(suite?.attrs.skipped, '1');
      assert.match(suite?.cases[1]?.body ?? '', /<skipped/);
      assert.equal(suite?.cases[1]?.name, 'not yet');
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml), '');
    });
  });

  describe('requests that were not sent', () => {
    it('a skipped request (skipRequest, --bail, a flow without its variables) is one <skipped> case with its reason', function () {
      const tree = run([
        request({ name: 'Sent', tests: [pass('ok')] }),
        request({ name: 'Not sent', response: undefined, tests: [], skipped: { reason: 'pm.execution.skipRequest()' } }),
      ]);
      const checked = check(tree);
      assert.deepEqual(checked.summary.requests, { total: 2, passed: 1, failed: 0, errored: 0, skipped: 1 });
      assert.equal(checked.summary.verdict, 'passed', 'a skipped request neither passes nor fails the run');
      const xml = renderJunit(checked, new Redactor());
      const { root, suites } = parseJunit(xml);
      assert.equal(suites[1]?.attrs.skipped, '1');
      assert.equal(suites[1]?.attrs.tests, '1');
      assert.match(suites[1]?.cases[0]?.body ?? '', /<skipped message="pm\.execution\.skipRequest\(\)"/);
      assert.equal(root.tests, '2', 'the skipped case counts as a test (Jenkins counts skipped cases in tests=)');
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml), '');
    });
  });

  describe('errors, names, times and redaction', () => {
    it('network and script errors are <error> test cases, counted in errors=; a run-level error gets its own suite', function () {
      const tree = run(
        [
          request({ name: 'Down', response: undefined, tests: [fail('status is 200', 'expected response to have status code 200 but got undefined')], errors: [{ kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:9', code: 'ECONNREFUSED' }] }),
          request({ name: 'Broken', tests: [pass('ok')], errors: [{ kind: 'script', phase: 'test', message: 'ReferenceError: x is not defined' }] }),
        ],
        { error: { kind: 'engine', message: 'engine stopped' } },
      );
      const xml = renderJunit(check(tree), new Redactor());
      const { root, suites } = parseJunit(xml);
      assert.equal(root.errors, '3');
      assert.match(suites[0]?.cases[1]?.body ?? '', /<error type="ECONNREFUSED" message="connect ECONNREFUSED/);
      assert.equal(suites[1]?.cases[1]?.name, 'test script error');
      assert.equal(suites.length, 3);
      totalsAddUp(xml);
      requireXmllint(this);
      assert.equal(junitSchemaErrors(xml), '');
    });

    it('suites are "Folder / Request"; times are seconds; same-named requests stay apart', () => {
      const tree = run([
        request({ name: 'Q', path: ['REST', 'Q'], durationMs: 1500, tests: [pass('a')] }),
        request({ name: 'Q', path: ['REST', 'Q'], durationMs: 250, tests: [pass('a')] }),
      ]);
      const { suites } = parseJunit(renderJunit(check(tree), new Redactor()));
      assert.deepEqual(suites.map((s) => [s.attrs.name, s.attrs.time]), [
        ['REST / Q', '1.500'],
        ['REST / Q [2]', '0.250'],
      ]);
      assert.equal(suites[0]?.cases[0]?.classname, 'REST / Q');
    });

    it('failure excerpts and messages are redacted and cut short', () => {
      const secret = 'SuperSecretValue-42';
      const body = JSON.stringify({ echo: secret, pad: 'x'.repeat(2000) });
      const tree = run([request({ name: 'A', tests: [fail('echo', `expected '${secret}' to equal 'y'`)], response: { code: 500, status: 'Internal Server Error', headers: [], body, bodyTruncated: false, size: body.length, timeMs: 3 } })]);
      const xml = renderJunit(check(tree), new Redactor().add(secret));
      assert.ok(!xml.includes(secret));
      assert.match(xml, /\[redacted\]/);
      assert.ok(xml.length < 3000, 'the excerpt is short');
    });
  });
});
