import { strict as assert } from 'node:assert';
import { expect } from 'chai';
import { check, toAssertion } from '../../src/check';
import type { RequestResult, RunResult } from '../../src/engine';

/** The message chai itself produces for a failing expectation. */
function chaiMessage(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the expectation to fail');
}

function request(over: Partial<RequestResult>): RequestResult {
  return {
    id: 'i',
    name: 'r',
    path: ['r'],
    iteration: 1,
    request: { method: 'GET', url: 'http://127.0.0.1/', headers: [] },
    tests: [],
    errors: [],
    startedAtMs: 0,
    durationMs: 1,
    ...over,
  };
}

describe('check: assertions from test outcomes', () => {
  it('takes expected and actual from a real chai equality failure', () => {
    const message = chaiMessage(() => expect(401).to.equal(200));
    const a = toAssertion({ name: 'status', passed: false, skipped: false, message });
    assert.equal(a.expected, 'equal 200');
    assert.equal(a.actual, '401');
    assert.equal(a.passed, false);
  });

  it('takes expected and actual from a real chai match failure', () => {
    const message = chaiMessage(() => expect('text/html').to.match(/^application\/json/));
    const a = toAssertion({ name: 'content type', passed: false, skipped: false, message });
    assert.equal(a.actual, "'text/html'");
    assert.equal(a.expected, 'match /^application\\/json/');
  });

  it("reads Postman's status wording", () => {
    const a = toAssertion({
      name: 'status is 200',
      passed: false,
      skipped: false,
      message: 'expected response to have status code 200 but got 400',
    });
    assert.deepEqual([a.expected, a.actual], ['status 200', 'status 400']);
  });

  it('keeps an unknown message whole as the actual value', () => {
    const a = toAssertion({ name: 'custom', passed: false, skipped: false, message: 'boom' });
    assert.equal(a.actual, 'boom');
  });

  it('leaves passed and skipped outcomes without expected/actual', () => {
    assert.equal(toAssertion({ name: 'ok', passed: true, skipped: false }).expected, undefined);
    assert.equal(toAssertion({ name: 's', passed: false, skipped: true }).skipped, true);
  });
});

describe('check: verdicts and counts', () => {
  const base: Omit<RunResult, 'requests'> = {
    engine: 'native',
    collection: { id: 'c', name: 'c' },
    startedAt: new Date(0).toISOString(),
    durationMs: 5,
    iterations: 1,
    warnings: [],
    variables: { environment: [], collection: [], globals: [] },
  };

  it('passes only when every assertion passed and nothing errored', () => {
    const run = check({ ...base, requests: [request({ tests: [{ name: 'a', passed: true, skipped: false }] })] });
    assert.equal(run.summary.verdict, 'passed');
    assert.deepEqual(run.summary.assertions, { total: 1, passed: 1, failed: 0, skipped: 0 });
  });

  it('fails on a failed assertion and on a script error', () => {
    const failed = check({ ...base, requests: [request({ tests: [{ name: 'a', passed: false, skipped: false, message: 'x' }] })] });
    assert.equal(failed.summary.verdict, 'failed');
    const script = check({ ...base, requests: [request({ errors: [{ kind: 'script', phase: 'test', message: 'TypeError' }] })] });
    assert.equal(script.summary.verdict, 'failed');
  });

  it('is errored when a request got no response, whatever else failed', () => {
    const run = check({
      ...base,
      requests: [
        request({ tests: [{ name: 'a', passed: false, skipped: false, message: 'x' }] }),
        request({ errors: [{ kind: 'network', message: 'connect ECONNREFUSED', code: 'ECONNREFUSED' }] }),
      ],
    });
    assert.equal(run.summary.verdict, 'errored');
    assert.deepEqual(run.summary.requests, { total: 2, passed: 0, failed: 1, errored: 1, skipped: 0 });
  });
});
