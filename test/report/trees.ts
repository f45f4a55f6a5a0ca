/** RunResult trees built by hand, for report cases the engines cannot produce yet (several iterations, skips). */
import type { RequestResult, RunResult, TestOutcome } from '../../src/engine/result';

export function pass(name: string): TestOutcome {
  return { name, passed: true, skipped: false };
}

export function fail(name: string, message = 'expected 401 to equal 200'): TestOutcome {
  return { name, passed: false, skipped: false, message, errorName: 'AssertionError' };
}

/** As both engines report pm.test.skip: not passed, skipped. */
export function skip(name: string): TestOutcome {
  return { name, passed: false, skipped: true };
}

export function request(over: Partial<RequestResult> & { name: string }): RequestResult {
  return {
    id: `id-${over.name}`,
    path: [over.name],
    iteration: 1,
    request: { method: 'GET', url: 'http://127.0.0.1:4010/services/data/v62.0/query', headers: [] },
    response: {
      code: 200,
      status: 'OK',
      headers: [{ key: 'Sforce-Limit-Info', value: 'api-usage=7/15000' }],
      body: '{"totalSize":0,"done":true,"records":[]}',
      bodyTruncated: false,
      size: 40,
      timeMs: 12,
    },
    tests: [],
    errors: [],
    startedAtMs: 0,
    durationMs: 20,
    ...over,
  };
}

export function run(requests: RequestResult[], over: Partial<RunResult> = {}): RunResult {
  return {
    engine: 'native',
    collection: { id: 'c1', name: 'Salesforce — password grant (service account)' },
    environment: 'local',
    startedAt: '2026-01-02T03:04:05.000Z',
    durationMs: 1234,
    iterations: Math.max(1, ...requests.map((r) => r.iteration)),
    requests,
    warnings: [],
    variables: { environment: [], collection: [], globals: [] },
    ...over,
  };
}
