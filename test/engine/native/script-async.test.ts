/**
 * Asynchronous scripts in the native sandbox, where newman cannot serve as the oracle (it crashes on a rejected test
 * promise, has no promise form of pm.sendRequest, drops callback errors) or where the sandbox's output is the point.
 */
import { expect } from 'chai';
import { Sandbox } from '../../../src/engine/native/sandbox/host';
import type { ScriptInput, ScriptOutput } from '../../../src/engine/native/sandbox/protocol';
import { closedPort, startServer, type TestServer } from './helpers';
import { scriptInput } from './script-input';

describe('native engine: asynchronous scripts (timers, pm.sendRequest, async tests)', function () {
  this.timeout(30_000);
  let server: TestServer;
  let sandbox: Sandbox;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.url.startsWith('/slow')) {
        setTimeout(() => res.end('late'), 3_000);
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: req.body }));
    });
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    sandbox = new Sandbox(5_000);
  });
  afterEach(() => sandbox.close());

  async function run(source: string, input: ScriptInput = scriptInput('test')): Promise<ScriptOutput> {
    const r = await sandbox.run(source, input, input.response ? { data: '{}', last: true } : undefined);
    if (!r.ok) throw new Error(`script failed: ${r.message}`);
    return r.output;
  }
  const failures = (out: ScriptOutput) => out.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message ?? ''}`);

  it('sends pm.sendRequest with the promise form, headers as an object and a multipart form', async () => {
    const out = await run(
      [
        `const base = ${JSON.stringify(server.base)};`,
        "pm.sendRequest({ url: base + '/p?q=a b', method: 'put', header: { 'X-Obj': 'o' }, body: { mode: 'formdata', formdata: [{ key: 'f', value: 'v' }, { key: 'off', value: 'x', disabled: true }] } })",
        '  .then((res) => {',
        "    pm.test('promise form', () => { const b = res.json(); pm.expect(b.method).to.equal('PUT'); pm.expect(b.url).to.equal('/p?q=a%20b'); pm.expect(b.headers['x-obj']).to.equal('o'); pm.expect(b.headers['user-agent']).to.equal('PostmanRuntime/7.39.1');",
        "      pm.expect(b.headers['content-type']).to.match(/^multipart\\/form-data; boundary=-+\\d+$/); pm.expect(b.body).to.include('name=\"f\"\\r\\n\\r\\nv\\r\\n'); pm.expect(b.body).to.not.include('off'); });",
        "    pm.test('a Postman response', () => { res.to.have.status(200); pm.expect(res.responseTime).to.be.a('number'); pm.expect(res.text()).to.equal(JSON.stringify(res.json())); });",
        '  });',
      ].join('\n'),
    );
    expect(failures(out)).to.deep.equal([]);
    expect(out.tests.map((t) => t.name)).to.deep.equal(['promise form', 'a Postman response']);
    expect(server.requests.some((r) => r.method === 'PUT' && r.url === '/p?q=a%20b')).to.equal(true);
  });

  it('sends pm.request itself again (pm.sendRequest(pm.request))', async () => {
    const input = scriptInput('test');
    input.request = { url: `${server.base}/again?x=1`, method: 'POST', headers: [['X-Again', 'yes']], body: 'payload' };
    const out = await run("pm.sendRequest(pm.request, (err, res) => pm.test('same request', () => { const b = res.json(); pm.expect([b.method, b.url, b.headers['x-again'], b.body]).to.deep.equal(['POST', '/again?x=1', 'yes', 'payload']); }));", input);
    expect(failures(out)).to.deep.equal([]);
    expect(out.tests).to.have.length(1);
  });

  it('rejects the promise form and calls back with the error on a network failure', async () => {
    const port = await closedPort();
    const out = await run(
      [
        `pm.sendRequest('http://127.0.0.1:${port}/', (err, res) => pm.test('callback err', () => { pm.expect(err).to.be.an('error'); pm.expect(err.message).to.include('ECONNREFUSED'); pm.expect(res.code).to.equal(undefined); }));`,
        `pm.sendRequest('http://127.0.0.1:${port}/').then(() => pm.test('resolved', () => {}), (e) => pm.test('rejected', () => pm.expect(e.code).to.equal('ECONNREFUSED')));`,
        "pm.sendRequest('', (err) => pm.test('nothing to request', () => pm.expect(err.message).to.equal('sendrequest: nothing to request')));",
      ].join('\n'),
    );
    expect(failures(out)).to.deep.equal([]);
    expect(out.tests.map((t) => t.name).sort()).to.deep.equal(['callback err', 'nothing to request', 'rejected']);
  });

  it('waits for timers: setTimeout order, clearTimeout, setInterval until cleared, setImmediate', async () => {
    const out = await run(
      [
        'const seen = [];',
        "setTimeout(() => seen.push('t30'), 30);",
        "const cancelled = setTimeout(() => seen.push('never'), 10); clearTimeout(cancelled);",
        "setImmediate(() => seen.push('immediate'));",
        "let n = 0; const iv = setInterval(() => { seen.push('i' + (++n)); if (n === 3) clearInterval(iv); }, 5);",
        "setTimeout(() => pm.test('order', () => pm.expect(seen).to.deep.equal(['immediate', 'i1', 'i2', 'i3', 't30'])), 60);",
        'Promise.resolve().then(() => pm.environment.set("microtask", "ran"));',
      ].join('\n'),
    );
    expect(failures(out)).to.deep.equal([]);
    expect(out.tests.map((t) => t.name)).to.deep.equal(['order']);
    expect(out.scopes.environment).to.deep.equal([['microtask', 'ran']]);
  });

  it('gives promise-returning tests their verdict when they settle, and fails tests left waiting', async () => {
    const out = await run(
      [
        "pm.test('async passes', async () => { await new Promise((r) => setTimeout(r, 10)); pm.expect(1).to.equal(1); });",
        "pm.test('async fails', async () => { await null; pm.expect(1).to.equal(2); });",
        "pm.test('sync after', () => {});",
        "pm.test('never settles', () => new Promise(() => {}));",
        "pm.test('done never called', (done) => {});",
        "pm.test('done with error', (done) => setTimeout(() => done(new Error('told so')), 5));",
      ].join('\n'),
    );
    expect(out.tests).to.deep.equal([
      { name: 'async passes', passed: true, skipped: false },
      { name: 'async fails', passed: false, skipped: false, errorName: 'AssertionError', message: 'expected 1 to equal 2' },
      { name: 'sync after', passed: true, skipped: false },
      { name: 'never settles', passed: false, skipped: false, errorName: 'Error', message: 'pm.test "never settles": its promise did not settle before the script ended' },
      { name: 'done with error', passed: false, skipped: false, errorName: 'Error', message: 'told so' },
      { name: 'done never called', passed: false, skipped: false, errorName: 'Error', message: 'pm.test "done never called": done() was not called before the script ended' },
    ]);
  });

  it('reports an error thrown in a callback as the script error, and keeps running the other callbacks', async () => {
    const out = await run("setTimeout(() => { throw new RangeError('in a timer'); }, 5); setTimeout(() => pm.test('still ran', () => {}), 20);");
    expect(out.error).to.deep.equal({ name: 'RangeError', message: 'in a timer' });
    expect(out.tests.map((t) => t.name)).to.deep.equal(['still ran']);
  });

  it('reports a promise rejection nobody handled while the script runs, and the worker survives it', async () => {
    const out = await run("setTimeout(() => { Promise.reject(new Error('nobody caught me')); }, 5); setTimeout(() => pm.test('later', () => {}), 100);");
    expect(out.error).to.deep.equal({ name: 'Error', message: 'Unhandled promise rejection: nobody caught me' });
    expect(out.tests.map((t) => t.name)).to.deep.equal(['later']);
    const after = await run("Promise.reject(new Error('at the end')); pm.test('same worker', () => {});");
    expect(after.tests.map((t) => t.passed)).to.deep.equal([true]);
    const next = await run("pm.test('still alive', () => {});");
    expect(next.tests.map((t) => t.passed)).to.deep.equal([true]);
  });

  it('stops pending work at pm.execution.skipRequest() in a timer of a prerequest script', async () => {
    const out = await run("setTimeout(() => pm.execution.skipRequest(), 5); setTimeout(() => pm.test('too late', () => {}), 50); pm.environment.set('kept', 1);", scriptInput('prerequest'));
    expect(out.skipRequest).to.equal(true);
    expect(out.tests).to.deep.equal([]);
    expect(out.error).to.equal(undefined);
    expect(out.scopes.environment).to.deep.equal([['kept', 1]]);
  });

  it('counts pending requests and timers in the script time limit, keeping the tests recorded before', async () => {
    const limited = new Sandbox(400);
    try {
      const r = await limited.run(`pm.test('first', () => {}); pm.sendRequest(${JSON.stringify(`${server.base}/slow`)}, () => pm.test('never', () => {}));`, scriptInput('test'), {
        data: '{}',
        last: true,
      });
      expect(r).to.deep.include({ ok: false, message: 'Script execution timed out after 400 ms', code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
      expect(r.ok === false && r.tests).to.deep.equal([{ name: 'first', passed: true, skipped: false }]);
      const next = await limited.run("pm.test('fresh worker', () => {});", scriptInput('test'), { data: '{}', last: true });
      expect(next.ok && next.output.tests.map((t) => t.passed)).to.deep.equal([true]);
    } finally {
      limited.close();
    }
  });
});
