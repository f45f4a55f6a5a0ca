/**
 * Both engines run the same generated collection against the real emulator over HTTP and must return the same tree:
 * same requests, same responses, same test names and verdicts, same messages.
 */
import { strict as assert } from 'node:assert';
import { check, type CheckedRun } from '../../src/check';
import { ENGINES, type EnvironmentInput } from '../../src/engine';
import { useEmulator } from '../helpers';
import { localEnvironment, passwordCollection } from './fixtures';

function header(headers: Array<{ key: string; value: string }> | undefined, name: string): string | undefined {
  return headers?.find((h) => h.key.toLowerCase() === name)?.value;
}

/** What must be equal between engines; timings, ids of the run and engine-specific system headers are left out. */
function comparable(run: CheckedRun) {
  return {
    collection: run.collection,
    verdict: run.summary.verdict,
    summary: run.summary,
    warnings: run.warnings,
    requests: run.requests.map((r) => ({
      id: r.id,
      path: r.path,
      method: r.request.method,
      url: decodeURIComponent(r.request.url),
      authorization: header(r.request.headers, 'authorization')?.replace(/ .*/, ' …'),
      code: r.response?.code,
      contentType: header(r.response?.headers, 'content-type'),
      verdict: r.verdict,
      assertions: r.assertions,
      errors: r.errors,
    })),
    collectionVariables: run.variables.collection.map((v) => v.key).sort(),
  };
}

async function both(collection: unknown, environment: EnvironmentInput) {
  const native = check(await ENGINES.native.run({ collection, environment }));
  const newman = check(await ENGINES.newman.run({ collection, environment }));
  return { native, newman };
}

describe('engines: native and newman agree on the emulator', function () {
  this.timeout(30_000);
  const emulator = useEmulator();

  it('with the right credentials: every documented request passes on both engines, same tree', async () => {
    const { native, newman } = await both(passwordCollection(), localEnvironment(emulator()));
    assert.equal(native.summary.verdict, 'passed', JSON.stringify(native.requests.map((r) => [r.name, r.assertions, r.errors]), null, 1));
    assert.equal(native.requests.length, 5);
    assert.ok(native.requests.every((r) => r.assertions.length >= 3));
    assert.deepEqual(comparable(newman), comparable(native));
  });

  it('with a wrong password: the same failures, with the same expected and actual values', async () => {
    const { native, newman } = await both(passwordCollection(), localEnvironment(emulator(), { password: 'not-the-password' }));
    assert.equal(native.summary.verdict, 'failed');
    const token = native.requests[0];
    assert.equal(token?.response?.code, 400);
    assert.deepEqual(
      token?.assertions.find((a) => a.name === 'status is 200'),
      { name: 'status is 200', passed: false, skipped: false, expected: 'status 200', actual: 'status 400', message: 'expected response to have status code 200 but got 400' },
    );
    assert.deepEqual(comparable(newman), comparable(native));
  });
});

describe('engines: a pinned instance_url is kept (SF_INSTANCE_URL)', function () {
  this.timeout(30_000);
  const emulator = useEmulator();
  const otherOrg = useEmulator();

  for (const engine of ['native', 'newman'] as const) {
    it(`${engine}: requests after the token go to the pinned instance, and an empty one is filled from the token`, async () => {
      // Pinned to another org: its sessions do not know our token, so the data calls must hit it and get 401.
      const pinned = check(await ENGINES[engine].run({ collection: passwordCollection(), environment: localEnvironment(emulator(), { instance_url: otherOrg().url }) }));
      const query = pinned.requests.find((r) => r.name.startsWith('Query Accounts'));
      assert.ok(query?.request.url.startsWith(otherOrg().url), query?.request.url);
      assert.equal(query?.response?.code, 401);

      const empty = check(await ENGINES[engine].run({ collection: passwordCollection(), environment: localEnvironment(emulator(), { instance_url: '' }) }));
      assert.equal(empty.summary.verdict, 'passed');
      assert.equal(empty.variables.environment.find((v) => v.key === 'instance_url')?.value, emulator().url);
    });
  }
});

describe('engines: agree on collection features beyond the generated ones', function () {
  this.timeout(30_000);
  const emulator = useEmulator();

  it('folders, form encoding, GET bodies, unresolved variables, disabled values, callback-less tests', async () => {
    const c = emulator().credentials;
    const tests = (lines: string[]) => [{ listen: 'test', script: { type: 'text/javascript', exec: lines } }];
    const collection = {
      info: { _postman_id: 'feature-parity', name: 'feature parity', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'auth',
          item: [
            {
              id: 'token',
              name: 'token',
              event: tests([
                "pm.test('200', function () { pm.response.to.have.status(200); });",
                "pm.test('no callback');",
                "pm.collectionVariables.set('tok', pm.response.json().access_token);",
              ]),
              request: {
                method: 'POST',
                url: '{{base}}/services/oauth2/token',
                body: {
                  mode: 'urlencoded',
                  urlencoded: [
                    { key: 'grant_type', value: 'password' },
                    { key: 'client_id', value: c.clientId },
                    { key: 'client_secret', value: c.clientSecret },
                    { key: 'username', value: c.username },
                    { key: 'password', value: c.password + c.securityToken },
                    { key: 'extra', value: "it's (a) test! *" },
                    { key: 'off', value: 'x', disabled: true },
                  ],
                },
              },
            },
          ],
        },
        {
          id: 'get-with-body',
          name: 'versions with a body',
          event: tests(["pm.test('ok', function () { pm.expect(pm.response.json()).to.be.an('array'); });"]),
          request: { method: 'GET', url: '{{base}}/services/data/', body: { mode: 'raw', raw: 'dropped' } },
        },
        {
          id: 'unresolved',
          name: 'unresolved path',
          event: tests(["pm.test('404', function () { pm.response.to.have.status(404); });"]),
          request: {
            method: 'GET',
            url: '{{base}}/services/data/v62.0/{{nowhere}}',
            auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{tok}}', type: 'string' }] },
            header: [{ key: 'X-Note', value: '{{hidden}}' }],
          },
        },
      ],
      variable: [{ key: 'tok', value: '' }],
    };
    const environment = {
      name: 'features',
      values: [
        { key: 'base', value: emulator().url, enabled: true },
        { key: 'hidden', value: 'should not resolve', enabled: false },
      ],
    };
    const { native, newman } = await both(collection, environment);
    assert.equal(native.summary.verdict, 'passed', JSON.stringify(native.requests.map((r) => [r.assertions, r.errors])));
    assert.deepEqual(native.requests.map((r) => r.path.join('/')), ['auth/token', 'versions with a body', 'unresolved path']);
    assert.deepEqual(native.warnings, ['unresolved variable {{nowhere}} in "unresolved path"', 'unresolved variable {{hidden}} in "unresolved path"']);
    assert.equal(native.requests[1]?.request.body, undefined, 'GET body pruned');
    assert.match(native.requests[0]?.request.body ?? '', /extra=it%27s%20%28a%29%20test%21%20%2A/);
    assert.deepEqual(comparable(newman), comparable(native));
    assert.deepEqual(
      newman.requests.map((r) => r.request.body),
      native.requests.map((r) => r.request.body),
    );
    assert.deepEqual(newman.variables.environment, native.variables.environment);
  });
});

describe('engines: a script that never ends', function () {
  this.timeout(30_000);
  const emulator = useEmulator();

  it('is stopped by the time limit; the request stays in the tree with an error on both engines', async () => {
    const collection = {
      info: { _postman_id: 'loop', name: 'loop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          id: 'spin',
          name: 'spin',
          event: [{ listen: 'test', script: { type: 'text/javascript', exec: ['while (true) {}'] } }],
          request: { method: 'GET', url: `${emulator().url}/services/data/` },
        },
      ],
    };
    for (const engine of ['native', 'newman'] as const) {
      const run = check(await ENGINES[engine].run({ collection, scriptTimeoutMs: 300 }));
      assert.equal(run.requests.length, 1, engine);
      assert.equal(run.requests[0]?.response?.code, 200, engine);
      assert.ok((run.requests[0]?.errors.length ?? 0) > 0, `${engine}: the time-out is reported`);
      assert.notEqual(run.summary.verdict, 'passed', engine);
    }
  });
});
