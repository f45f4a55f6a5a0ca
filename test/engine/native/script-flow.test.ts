import { expect } from 'chai';
import { Sandbox } from '../../../src/engine/native/sandbox/host';
import type { ScriptInput, ScopesPayload } from '../../../src/engine/native/sandbox/protocol';
import { scriptInput } from './script-input';

async function run(sandbox: Sandbox, source: string, input: ScriptInput) {
  const r = await sandbox.run(source, input, input.response ? { data: '{}', last: true } : undefined);
  if (!r.ok) throw new Error(`script failed: ${r.message}`);
  return r.output;
}

describe('native engine: script flow control (setNextRequest, skipRequest, visualizer, iterationData)', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    sandbox = new Sandbox(5_000);
  });
  afterEach(() => sandbox.close());

  it('reports pm.execution.setNextRequest and postman.setNextRequest (last call wins, null stops)', async () => {
    const none = await run(sandbox, "pm.test('x', () => {});", scriptInput('test'));
    expect(none).to.not.have.property('nextRequest');
    const named = await run(sandbox, "pm.execution.setNextRequest('first'); postman.setNextRequest('second');", scriptInput('test'));
    expect(named.nextRequest).to.equal('second');
    const stop = await run(sandbox, "postman.setNextRequest('a'); pm.execution.setNextRequest(null);", scriptInput('prerequest'));
    expect(stop.nextRequest).to.equal(null);
    const num = await run(sandbox, 'pm.execution.setNextRequest(42);', scriptInput('prerequest'));
    expect(num.nextRequest).to.equal('42');
  });

  it('stops a prerequest script at pm.execution.skipRequest() without an error, keeping what came before', async () => {
    const out = await run(sandbox, "pm.environment.set('before', 1); pm.test('t', () => {}); pm.execution.skipRequest(); pm.environment.set('after', 2);", scriptInput('prerequest'));
    expect(out.skipRequest).to.equal(true);
    expect(out.error).to.equal(undefined);
    expect(out.scopes.environment).to.deep.equal([['before', 1]]);
    expect(out.tests.map((t) => t.name)).to.deep.equal(['t']);
  });

  it('makes pm.execution.skipRequest() in a test script the TypeError Postman throws', async () => {
    const out = await run(sandbox, 'pm.execution.skipRequest();', scriptInput('test'));
    expect(out.skipRequest).to.equal(undefined);
    expect(out.error).to.deep.equal({ name: 'TypeError', message: 'pm.execution.skipRequest is not a function' });
  });

  it('keeps pm.visualizer.set(template, data, options), validates its arguments, and clears it', async () => {
    const out = await run(sandbox, "pm.visualizer.set('<b>{{n}}</b>', { n: 1 }, { opt: true });", scriptInput('test'));
    expect(out.visualizer).to.deep.equal({ template: '<b>{{n}}</b>', data: { n: 1 }, options: { opt: true } });
    const cleared = await run(sandbox, "pm.visualizer.set('x'); pm.visualizer.clear();", scriptInput('test'));
    expect(cleared).to.not.have.property('visualizer');
    const bad = await run(sandbox, 'pm.visualizer.set(5);', scriptInput('test'));
    expect(bad.error).to.deep.equal({ name: 'Error', message: 'Invalid template. Template must be of type string, found number' });
  });

  it('exposes the data row as pm.iterationData and in pm.variables between local and environment, never kept', async () => {
    const scopes: Partial<ScopesPayload> = {
      globals: [['g', 'G'], ['shared', 'globals']],
      environment: [['shared', 'env'], ['e', 'E']],
      data: [['shared', 'data'], ['user', 'ann'], ['n', 3]],
    };
    const source = [
      "pm.test('data get', () => pm.expect([pm.iterationData.get('user'), pm.iterationData.get('n'), pm.iterationData.has('e')]).to.deep.equal(['ann', 3, false]));",
      "pm.test('precedence', () => pm.expect(pm.variables.get('shared')).to.equal('data'));",
      "pm.test('replaceIn', () => pm.expect(pm.variables.replaceIn('{{user}}-{{e}}-{{g}}')).to.equal('ann-E-G'));",
      "pm.test('toObject', () => pm.expect(pm.iterationData.toObject()).to.deep.equal({ shared: 'data', user: 'ann', n: 3 }));",
      "pm.test('toJSON', () => pm.expect(pm.iterationData.toJSON().values[1]).to.deep.equal({ type: 'any', value: 'ann', key: 'user' }));",
      "pm.test('legacy data', () => pm.expect(data.user).to.equal('ann'));",
      "pm.variables.set('shared', 'local');",
      "pm.test('local wins', () => pm.expect(pm.variables.get('shared')).to.equal('local'));",
      "pm.iterationData.set('user', 'bob');",
      "pm.test('data set is seen', () => pm.expect(pm.variables.get('user')).to.equal('bob'));",
    ].join('\n');
    const out = await run(sandbox, source, scriptInput('prerequest', scopes));
    expect(out.tests.filter((t) => !t.passed)).to.deep.equal([]);
    expect(out.tests).to.have.length(8);
    expect(out.scopes).to.have.keys(['local']);
    expect(out.scopes).to.not.have.property('data');
  });

  it('gives an empty pm.iterationData when the run has no data', async () => {
    const out = await run(sandbox, "pm.test('empty', () => pm.expect([pm.iterationData.toObject(), pm.iterationData.get('x'), data]).to.deep.equal([{}, undefined, {}]));", scriptInput('test'));
    expect(out.tests.map((t) => t.passed)).to.deep.equal([true]);
  });
});
