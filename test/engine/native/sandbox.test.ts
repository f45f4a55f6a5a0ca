import { spawnSync } from 'node:child_process';
import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { collection, item, tests, useTestServer } from './helpers';

/** Each line is a pm.test that passes only if the escape attempt did NOT reach the host. */
const ESCAPES = [
  "pm.test('no process global', () => pm.expect(typeof process).to.equal('undefined'));",
  // require is Postman's library loader: node modules are not among them.
  "pm.test('no real require', () => { for (const m of ['fs', 'child_process', 'worker_threads', 'module']) pm.expect(() => require(m)).to.throw(\"Cannot find module '\" + m + \"'\"); });",
  "pm.test('no process through a library', () => pm.expect(typeof require('lodash').constructor.constructor('return typeof process')()).to.equal('string') && pm.expect(require('lodash').constructor.constructor('return typeof process')()).to.equal('undefined'));",
  "pm.test('no module', () => pm.expect(typeof module).to.equal('undefined'));",
  "pm.test('no Buffer', () => pm.expect(typeof Buffer).to.equal('undefined'));",
  // The classic: the global's constructor chain leads to the host Function when the context object is a plain {}.
  "pm.test('this.constructor', () => { let p; try { p = this.constructor.constructor('return process')(); } catch (e) { p = e.name; } pm.expect(p).to.equal('ReferenceError'); });",
  "pm.test('pm constructor', () => { let p; try { p = pm.constructor.constructor('return typeof process')(); } catch (e) { p = e.name; } pm.expect(p).to.equal('undefined'); });",
  "pm.test('chai constructor', () => { let p; try { p = pm.expect.constructor('return typeof process')(); } catch (e) { p = e.name; } pm.expect(p).to.equal('undefined'); });",
  "pm.test('globalThis keys', () => pm.expect(Object.getOwnPropertyNames(globalThis).filter((k) => /^(process|require|global|chai|postMessage|self)$|^__sf/.test(k) && k !== '__sfExecute')).to.deep.equal([]));",
  // The sandbox runs in a worker thread: nothing of the worker's realm (its globals, its message port) is reachable.
  "pm.test('no worker globals', () => pm.expect([typeof postMessage, typeof onmessage, typeof importScripts, typeof SharedArrayBuffer === 'function' && typeof Atomics]).to.deep.equal(['undefined', 'undefined', 'undefined', 'object']));",
  // An error coming out of the host-side schema validator must be a sandbox error, not a host one.
  "pm.test('host bridge errors', () => { let p = 'none'; try { pm.expect({}).to.have.jsonSchema({ $ref: '#/nowhere' }); } catch (e) { try { p = e.constructor.constructor('return typeof process')(); } catch (e2) { p = e2.name; } } pm.expect(p).to.equal('undefined'); });",
  "pm.test('runner globals are locked', () => { 'use strict'; let threw = false; try { globalThis.__sfExecute = () => '{}'; } catch (e) { threw = true; } pm.expect(threw).to.equal(true); });",
];

describe('native engine: script sandbox', () => {
  const server = useTestServer();

  it('gives scripts no way to reach process, require or the host Function', async () => {
    const col = collection([item('escape', { method: 'GET', url: `${server().base}/e` }, tests(...ESCAPES))]);
    const run = await nativeEngine.run({ collection: col });
    const failures = run.requests[0]?.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message ?? ''}`);
    expect(failures).to.deep.equal([]);
    expect(run.requests[0]?.tests).to.have.length(ESCAPES.length);
    expect(run.requests[0]?.errors).to.deep.equal([]);
  });

  it('stops a script that loops forever at the time limit and continues the run', async () => {
    const col = collection([
      item('loops', { method: 'GET', url: `${server().base}/1` }, tests("pm.test('before the loop', () => {});", "pm.environment.set('lost', 'x');", 'for (;;) {}')),
      item('after', { method: 'GET', url: `${server().base}/2` }, tests("pm.test('still running', () => pm.response.to.have.status(200));")),
    ]);
    const run = await nativeEngine.run({ collection: col, scriptTimeoutMs: 1000 });
    const [loops, after] = run.requests;
    expect(loops?.errors).to.deep.equal([{ kind: 'script', phase: 'test', message: 'Script execution timed out after 1000 ms', code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' }]);
    expect(loops?.tests).to.deep.equal([{ name: 'before the loop', passed: true, skipped: false }]);
    expect(run.variables.environment).to.deep.equal([]);
    expect(after?.tests).to.deep.equal([{ name: 'still running', passed: true, skipped: false }]);
  });

  it('stops a promise job that loops forever (microtasks run inside the time limit)', async () => {
    const col = collection([
      item('promise loop', { method: 'GET', url: `${server().base}/1` }, tests('Promise.resolve().then(() => { for (;;) {} });')),
      item('after', { method: 'GET', url: `${server().base}/2` }, tests("pm.test('alive', () => {});")),
    ]);
    const run = await nativeEngine.run({ collection: col, scriptTimeoutMs: 1000 });
    expect(run.requests[0]?.errors.map((e) => e.code)).to.deep.equal(['ERR_SCRIPT_EXECUTION_TIMEOUT']);
    expect(run.requests[1]?.tests.map((t) => t.passed)).to.deep.equal([true]);
  });

  it('stops a script stuck in a long chain of promise jobs, keeps earlier tests, and starts a fresh sandbox', async () => {
    const col = collection([
      item('chain', { method: 'GET', url: `${server().base}/1` }, tests("globalThis.leftover = 1; pm.test('recorded first', () => {});", 'const next = () => Promise.resolve().then(next); next();')),
      item('fresh', { method: 'GET', url: `${server().base}/2` }, tests("pm.test('fresh sandbox', () => pm.expect(typeof leftover).to.equal('undefined'));")),
    ]);
    const run = await nativeEngine.run({ collection: col, scriptTimeoutMs: 1000 });
    expect(run.requests[0]?.errors).to.deep.equal([{ kind: 'script', phase: 'test', message: 'Script execution timed out after 1000 ms', code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' }]);
    expect(run.requests[0]?.tests).to.deep.equal([{ name: 'recorded first', passed: true, skipped: false }]);
    expect(run.requests[1]?.tests).to.deep.equal([{ name: 'fresh sandbox', passed: true, skipped: false }]);
  });

  it('leaves nothing running when the run ends: the process exits on its own', () => {
    const engine = require.resolve('../../../src/engine/native');
    const code = [
      "const http = require('node:http');",
      `const { nativeEngine } = require(${JSON.stringify(engine)});`,
      "const server = http.createServer((req, res) => res.end('{}')).listen(0, '127.0.0.1', async () => {",
      "  const url = 'http://127.0.0.1:' + server.address().port + '/';",
      "  const event = [{ listen: 'test', script: { exec: [\"pm.test('t', () => pm.response.to.have.status(200));\"] } }];",
      "  const run = await nativeEngine.run({ collection: { info: { name: 'exit' }, item: [{ name: 'a', request: { method: 'GET', url }, event }] } });",
      '  server.close();',
      '  process.stdout.write(JSON.stringify(run.requests[0].tests.map((t) => t.passed)));',
      '});',
    ].join('\n');
    const child = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', timeout: 15_000 });
    expect(child.signal, 'the process had to be killed').to.equal(null);
    expect(child.stdout).to.equal('[true]');
    expect(child.status).to.equal(0);
  });

  it('keeps top-level declarations of one script from clashing with the next run of it', async () => {
    const script = tests("const value = pm.response.code;", "pm.test('declared', () => pm.expect(value).to.equal(200));");
    const col = collection([item('a', { method: 'GET', url: `${server().base}/a` }, script), item('b', { method: 'GET', url: `${server().base}/b` }, script)]);
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests.map((r) => r.errors)).to.deep.equal([[], []]);
    expect(run.requests.map((r) => r.tests[0]?.passed)).to.deep.equal([true, true]);
  });

  it('cannot be fooled into reporting results it did not compute by overwriting globals', async () => {
    const col = collection([
      item('tamper', { method: 'GET', url: `${server().base}/a` }, tests("try { __sfExecute = () => '{\"tests\":[]}'; } catch (e) {}", "globalThis.JSON = { stringify: () => 'x', parse: () => ({}) };")),
      item('next', { method: 'GET', url: `${server().base}/b` }, tests("pm.test('reported', () => pm.expect(1).to.equal(2));")),
    ]);
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests[1]?.tests).to.deep.equal([{ name: 'reported', passed: false, skipped: false, message: 'expected 1 to equal 2', errorName: 'AssertionError' }]);
  });
});
