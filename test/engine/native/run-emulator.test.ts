/**
 * The generated password collection against the real emulator, with iterations, a --folder-like selection and a
 * setNextRequest added: both engines send the same requests and reach the same verdicts and variables.
 */
import { expect } from 'chai';
import { check } from '../../../src/check';
import { ENGINES, type RunInput } from '../../../src/engine';
import { useEmulator } from '../../helpers';
import { localEnvironment, passwordCollection } from '../../e2e/fixtures';

function essentials(run: ReturnType<typeof check>) {
  return {
    iterations: run.iterations,
    verdict: run.summary.verdict,
    requests: run.requests.map((r) => [r.id, r.iteration, r.request.method, decodeURIComponent(r.request.url), r.response?.code, r.verdict, r.assertions.map((a) => [a.name, a.passed])]),
    environment: run.variables.environment.map((v) => v.key).sort(),
  };
}

describe('native engine: iterations and flow control on the emulator (agrees with newman)', function () {
  this.timeout(60_000);
  const emulator = useEmulator();

  it('two iterations of the password collection, the second jumping from the token straight to UserInfo', async () => {
    const collection = passwordCollection() as unknown as { item: Array<{ id: string; name: string; event?: unknown[] }> };
    const token = collection.item[0]!;
    const userinfo = collection.item.find((i) => /UserInfo/i.test(i.name))!;
    token.event = [
      ...(token.event ?? []),
      { listen: 'test', script: { type: 'text/javascript', exec: [`if (pm.info.iteration === 1) pm.execution.setNextRequest(${JSON.stringify(userinfo.id)});`] } },
    ];
    const input: RunInput = { collection, environment: localEnvironment(emulator()), iterationCount: 2 };
    const native = check(await ENGINES.native.run(input));
    const newman = check(await ENGINES.newman.run(input));
    expect(native.summary.verdict).to.equal('passed');
    const names = native.requests.map((r) => `${r.iteration}:${r.name}`);
    expect(names.filter((n) => n.startsWith('1:'))).to.have.length(collection.item.length);
    expect(names.filter((n) => n.startsWith('2:'))).to.deep.equal([`2:${token.name}`, `2:${userinfo.name}`]);
    expect(essentials(newman)).to.deep.equal(essentials(native));
  });
});
