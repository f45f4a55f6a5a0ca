/**
 * The new flows' collections on both engines against the emulator, in process: the same verdicts and assertions, and
 * the user-level proof fails (on both) when the org shares every Account with every user.
 */
import { strict as assert } from 'node:assert';
import { check, type CheckedRun } from '../../src/check';
import { FLOW_SPECS, type VerifyFlow } from '../../src/cli/flows';
import { LocalFlowValues } from '../../src/cli/verify-local';
import { withValues } from '../../src/cli/environment';
import { LOCAL_USERS, startEmulator, type EmulatorOptions, type StartedEmulator } from '../../src/emulator';
import { ENGINES } from '../../src/engine';
import { buildCollection } from '../../src/generate';
import { localEnvironment } from './fixtures';

const shape = (run: CheckedRun) => ({
  verdict: run.summary.verdict,
  requests: run.requests.map((r) => ({ name: r.name, code: r.response?.code, verdict: r.verdict, assertions: r.assertions.map((a) => [a.name, a.passed, a.expected, a.actual]) })),
});

function useLocal(options: EmulatorOptions = {}): () => { emu: StartedEmulator; values: LocalFlowValues } {
  let state: { emu: StartedEmulator; values: LocalFlowValues } | undefined;
  before(async () => {
    const emu = await startEmulator({ app: { clientCredentialsUser: LOCAL_USERS.admin.username }, ...options });
    state = { emu, values: new LocalFlowValues(emu) };
  });
  after(async () => state?.emu.close());
  return () => state!;
}

async function runBoth(local: { emu: StartedEmulator; values: LocalFlowValues }, flow: VerifyFlow) {
  const out: CheckedRun[] = [];
  for (const engine of ['native', 'newman'] as const) {
    // Values per run: a JWT assertion is single-use in spirit (short exp); refresh tokens are reused.
    const environment = withValues(localEnvironment(local.emu), await local.values.valuesFor(flow));
    out.push(check(await ENGINES[engine].run({ collection: buildCollection(FLOW_SPECS[flow]), environment })));
  }
  return { native: out[0]!, newman: out[1]! };
}

describe('flows: both engines agree on every flow against the emulator', function () {
  this.timeout(60_000);
  const local = useLocal();

  for (const flow of ['client-credentials', 'jwt', 'uca', 'user-access'] as const) {
    it(`${flow}: passes on native and newman with the same requests and assertions`, async () => {
      const { native, newman } = await runBoth(local(), flow);
      assert.equal(native.summary.verdict, 'passed', JSON.stringify(shape(native), null, 1));
      assert.deepEqual(shape(newman), shape(native));
    });
  }

  it('client credentials on the login host (localhost) is refused as Salesforce does', async () => {
    const emu = local().emu;
    const loginHost = emu.url.replace('127.0.0.1', 'localhost');
    const environment = localEnvironment(emu, { my_domain_url: loginHost });
    const run = check(await ENGINES.native.run({ collection: buildCollection(FLOW_SPECS['client-credentials']), environment }));
    assert.equal(run.summary.verdict, 'failed');
    assert.match(run.requests[0]?.response?.body ?? '', /request not supported on this domain/);
  });

  it('jwt: an assertion signed by another key fails the token request', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { signAssertion } = await import('../../src/cli/jwt');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const emu = local().emu;
    const jwt_assertion = await signAssertion(other, { clientId: emu.credentials.clientId, username: emu.credentials.username, audience: emu.loginUrl });
    const run = check(await ENGINES.native.run({ collection: buildCollection(FLOW_SPECS.jwt), environment: localEnvironment(emu, { jwt_assertion }) }));
    assert.equal(run.requests[0]?.response?.code, 400);
    assert.equal(run.summary.verdict, 'failed');
  });
});

describe('flows: the user-level proof fails when a standard user sees Accounts they do not own', function () {
  this.timeout(60_000);
  const local = useLocal({ sharing: { Account: 'Read' } });

  it('Account sharing Read (everyone sees everything): the ownership and fewer-rows assertions fail on both engines', async () => {
    const { native, newman } = await runBoth(local(), 'user-access');
    assert.equal(native.summary.verdict, 'failed');
    const failed = native.requests.flatMap((r) => r.assertions.filter((a) => !a.passed).map((a) => a.name));
    assert.deepEqual(failed, ['every row is owned by the user', 'the user sees strictly fewer Accounts than the admin']);
    assert.deepEqual(shape(newman), shape(native));
  });
});
