/**
 * The script API, run through both engines on the same small collections against a local echo server: every test's
 * name, verdict and message, every script error and the environment / globals afterwards must be the same.
 * Each script asserts what it reads (so a wrong value fails the test on that engine, and the engines then differ).
 */
import { expect } from 'chai';
import { ENGINES } from '../../../src/engine';
import type { RunResult } from '../../../src/engine/result';
import { collection, item, prerequest, startServer, tests, type TestServer } from './helpers';

/**
 * Left out on purpose (see the native-only tests): the order of tests recorded by callbacks (timers and requests race
 * on both engines), network errors of pm.sendRequest (the newman engine files them under the item), and errors thrown
 * inside callbacks (newman raises them as 'exception' events, which its engine does not map).
 */
function comparable(run: RunResult) {
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    requests: run.requests.map((r) => ({
      name: r.name,
      tests: r.name === 'async' ? [...r.tests].sort(byName) : r.tests,
      errors: r.errors.filter((e) => e.kind === 'script' && r.name !== 'callback error'),
    })),
    environment: run.variables.environment,
    globals: run.variables.globals,
  };
}

async function both(col: unknown, base: string) {
  const input = {
    collection: col,
    environment: { name: 'parity env', values: [{ key: 'base', value: base, enabled: true }, { key: 'shared', value: 'from env', enabled: true }] },
    globals: { name: 'parity globals', values: [{ key: 'g1', value: 'G', enabled: true }, { key: 'shared', value: 'from globals', enabled: true }] },
  };
  const native = comparable(await ENGINES.native.run(input));
  const newman = comparable(await ENGINES.newman.run(input));
  return { native, newman };
}

const RESPONSE = [
  "pm.test('code and status', () => { pm.expect(pm.response.code).to.equal(200); pm.expect(pm.response.status).to.equal('OK'); });",
  "pm.test('json and text', () => { pm.expect(pm.response.json().method).to.equal('GET'); pm.expect(pm.response.text()).to.include('\"method\":\"GET\"'); });",
  "pm.test('headers', () => { pm.expect(pm.response.headers.get('content-type')).to.equal('application/json'); pm.expect(pm.response.headers.has('X-Echo')).to.equal(true); pm.expect(pm.response.headers.toObject()['x-echo']).to.equal('yes'); });",
  "pm.test('times and sizes', () => { pm.expect(pm.response.responseTime).to.be.a('number'); pm.expect(pm.response.responseSize).to.be.above(10); });",
  "pm.test('to.have', () => { pm.response.to.have.status(200); pm.response.to.have.header('X-Echo'); pm.response.to.have.header('X-Echo', 'yes'); pm.response.to.have.jsonBody('method', 'GET'); pm.response.to.have.body(pm.response.text()); });",
  "pm.test('to.be', () => { pm.response.to.be.ok; pm.response.to.be.success; pm.response.to.not.be.error; pm.response.to.not.be.clientError; pm.response.to.not.be.serverError; pm.response.to.be.json; pm.response.to.be.withBody; });",
  "pm.test('failing status', () => pm.response.to.have.status(201));",
  "pm.test('failing not', () => pm.response.to.not.have.status(200));",
  "pm.test('failing header', () => pm.response.to.have.header('X-Missing'));",
  "pm.test('failing jsonBody', () => pm.response.to.have.jsonBody('nope'));",
  "pm.test('schema', () => pm.response.to.have.jsonSchema({ type: 'object', required: ['method', 'url'] }));",
];

const REQUEST = [
  "pm.test('url', () => { pm.expect(pm.request.url.toString()).to.match(/\\/echo\\?a=1&b=two$/); pm.expect(pm.request.url.getHost()).to.equal('127.0.0.1'); pm.expect(pm.request.url.getPath()).to.equal('/echo'); pm.expect(pm.request.url.getQueryString()).to.equal('a=1&b=two'); pm.expect(pm.request.url.query.get('b')).to.equal('two'); });",
  "pm.test('headers and method', () => { pm.expect(pm.request.headers.get('x-custom')).to.equal('v1'); pm.expect(pm.request.headers.has('X-Custom')).to.equal(true); pm.expect(pm.request.method).to.equal('POST'); });",
  "pm.test('body', () => pm.expect(pm.request.body.raw).to.equal('{\"k\":1}'));",
];

const VARIABLES = [
  "pm.test('precedence', () => { pm.expect(pm.variables.get('shared')).to.equal('from env'); pm.variables.set('shared', 'local'); pm.expect(pm.variables.get('shared')).to.equal('local'); });",
  "pm.test('environment', () => { pm.expect(pm.environment.name).to.equal('parity env'); pm.environment.set('e1', 'v1'); pm.expect(pm.environment.get('e1')).to.equal('v1'); pm.expect(pm.environment.has('e1')).to.equal(true); pm.environment.set('gone', 1); pm.environment.unset('gone'); pm.expect(pm.environment.has('gone')).to.equal(false); });",
  "pm.test('replaceIn', () => pm.expect(pm.variables.replaceIn('{{g1}}-{{cv}}-{{e1}}')).to.equal('G-C-v1'));",
  "pm.test('collection and globals', () => { pm.collectionVariables.set('cv2', 'x'); pm.expect(pm.collectionVariables.get('cv2')).to.equal('x'); pm.globals.set('g2', 'y'); pm.expect(pm.globals.toObject()).to.include({ g1: 'G', g2: 'y' }); });",
  "pm.test('info', () => { pm.expect(pm.info.eventName).to.equal('test'); pm.expect(pm.info.iteration).to.equal(0); pm.expect(pm.info.iterationCount).to.equal(1); pm.expect(pm.info.requestName).to.equal('variables'); pm.expect(pm.info.requestId).to.equal('id-variables'); });",
];

const LEGACY = [
  "postman.setEnvironmentVariable('legacy', 42);",
  "postman.setGlobalVariable('legacyG', true);",
  "tests['legacy env'] = postman.getEnvironmentVariable('legacy') === '42' && environment.legacy === '42';",
  "tests['legacy global'] = postman.getGlobalVariable('legacyG') === 'true';",
  "tests['responseCode'] = responseCode.code === 200 && responseCode.name === 'OK';",
  "tests['responseBody'] = JSON.parse(responseBody).method === 'GET';",
  "tests['responseHeaders'] = responseHeaders['X-Echo'] === 'yes' && postman.getResponseHeader('x-echo') === 'yes';",
  "tests['responseTime'] = typeof responseTime === 'number';",
  "tests['request'] = request.method === 'GET' && /\\/legacy$/.test(request.url) && request.headers['x-custom'] === 'v1';",
  "tests['iteration and globals'] = iteration === 0 && globals.g1 === 'G';",
  "tests['cookie'] = postman.getResponseCookie('sid').value === 'abc';",
  "tests['a failing one'] = 0;",
  "postman.clearEnvironmentVariable('legacy');",
];

const LIBRARIES = [
  "pm.test('lodash', () => { pm.expect(_.map([1, 2], (n) => n * 2)).to.deep.equal([2, 4]); pm.expect(require('lodash').chunk([1, 2, 3], 2)).to.deep.equal([[1, 2], [3]]); });",
  "pm.test('CryptoJS', () => { pm.expect(CryptoJS.SHA256('abc').toString()).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); pm.expect(CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse('hi'))).to.equal('aGk='); pm.expect(require('crypto-js').HmacSHA1('m', 'k').toString(CryptoJS.enc.Hex)).to.have.length(40); });",
  "pm.test('atob btoa', () => { pm.expect(btoa('user:pass')).to.equal('dXNlcjpwYXNz'); pm.expect(atob('dXNlcjpwYXNz')).to.equal('user:pass'); });",
  "pm.test('moment', () => pm.expect(require('moment').utc('2024-02-03T04:05:06Z').format('YYYY-MM-DD HH:mm')).to.equal('2024-02-03 04:05'));",
  "pm.test('uuid', () => pm.expect(require('uuid').v4()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/));",
  "pm.test('xml2Json', () => pm.expect(xml2Json('<r><a x=\"1\">t</a><b>2</b><b>3</b></r>')).to.deep.equal({ r: { a: { _: 't', $: { x: '1' } }, b: ['2', '3'] } }));",
  "pm.test('xml2js', () => { let out; require('xml2js').parseString('<a><b>1</b></a>', (err, res) => { out = res; }); pm.expect(out).to.deep.equal({ a: { b: ['1'] } }); });",
  "pm.test('JSON', () => pm.expect(JSON.parse('{\"a\":[1]}')).to.deep.equal({ a: [1] }));",
  "pm.test('ajv', () => { const Ajv = require('ajv'); const ajv = new Ajv({ logger: console }); const schema = { type: 'object', properties: { a: { type: 'string' } } }; pm.expect(ajv.validate(schema, { a: 's' })).to.equal(true); pm.expect(ajv.validate(schema, { a: 1 })).to.equal(false); pm.expect(ajv.errorsText()).to.equal('data.a should be string'); const v = ajv.compile(schema); pm.expect([v({ a: 'x' }), v({ a: 2 })]).to.deep.equal([true, false]); });",
];

const ASYNC = [
  "pm.sendRequest(pm.environment.get('base') + '/side?x=1', (err, res) => {",
  "  pm.test('sendRequest callback', () => { pm.expect(err).to.equal(null); pm.expect(res.code).to.equal(200); pm.expect(res.json().url).to.equal('/side?x=1'); pm.expect(res.headers.get('X-Echo')).to.equal('yes'); });",
  "  pm.environment.set('fromCallback', res.json().method);",
  "});",
  "pm.sendRequest({ url: pm.environment.get('base') + '/post', method: 'POST', header: [{ key: 'X-Sent', value: 'yes' }], body: { mode: 'raw', raw: 'hello' } }, (err, res) => {",
  "  pm.test('sendRequest object', () => { pm.expect(res.json().method).to.equal('POST'); pm.expect(res.json().body).to.equal('hello'); pm.expect(res.json().headers['x-sent']).to.equal('yes'); });",
  "});",
  "pm.sendRequest({ url: pm.environment.get('base') + '/form', method: 'POST', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1 2' }, { key: 'b', value: 'x&y' }] } }, (err, res) => {",
  "  pm.test('sendRequest urlencoded', () => { pm.expect(res.json().body).to.equal('a=1%202&b=x%26y'); pm.expect(res.json().headers['content-type']).to.equal('application/x-www-form-urlencoded'); });",
  "});",
  "setTimeout(() => pm.test('after a timer', () => pm.expect(1).to.equal(1)), 20);",
  "pm.test('done callback', (done) => { setTimeout(() => { pm.expect(2).to.equal(2); done(); }, 10); });",
];

describe('native engine: the script API agrees with newman', function () {
  this.timeout(60_000);
  let server: TestServer;
  before(async () => {
    server = await startServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('X-Echo', 'yes');
      res.setHeader('Set-Cookie', ['sid=abc; Path=/; HttpOnly', 'theme=dark; Path=/']);
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: req.body }));
    });
  });
  after(async () => {
    await server.close();
  });

  it('pm.response, pm.request, variables, pm.info, legacy globals, libraries, pm.sendRequest and timers', async () => {
    const url = '{{base}}/echo?a=1&b=two';
    const col = collection(
      [
        item('response', { method: 'GET', url: '{{base}}/echo' }, tests(...RESPONSE)),
        item('request', { method: 'POST', url, header: [{ key: 'X-Custom', value: 'v1' }], body: { mode: 'raw', raw: '{"k":1}' } }, tests(...REQUEST)),
        item('variables', { method: 'GET', url: '{{base}}/vars' }, tests(...VARIABLES)),
        item('legacy', { method: 'GET', url: '{{base}}/legacy', header: [{ key: 'X-Custom', value: 'v1' }] }, tests(...LEGACY)),
        item('libraries', { method: 'GET', url: '{{base}}/libs' }, tests(...LIBRARIES)),
        item('async', { method: 'GET', url: '{{base}}/async' }, tests(...ASYNC)),
      ],
      { variable: [{ key: 'cv', value: 'C' }] },
    );
    const { native, newman } = await both(col, server.base);
    expect(native).to.deep.equal(newman);
    // Both engines saw the values the scripts assert, not just the same failures.
    const failed = native.requests.flatMap((r) => r.tests.filter((t) => !t.passed).map((t) => t.name));
    expect(failed).to.deep.equal(['failing status', 'failing not', 'failing header', 'failing jsonBody', 'a failing one']);
    expect(native.requests.map((r) => r.errors)).to.deep.equal([[], [], [], [], [], []]);
    expect(native.requests.find((r) => r.name === 'async')?.tests.map((t) => t.name)).to.have.members([
      'sendRequest callback',
      'sendRequest object',
      'sendRequest urlencoded',
      'after a timer',
      'done callback',
    ]);
  });

  it('script errors: a syntax error, an error thrown, skipRequest in a test script, a failing sendRequest', async () => {
    const col = collection([
      item('syntax', { method: 'GET', url: '{{base}}/1' }, tests("pm.test('never', () => {});", 'let x = ;')),
      item('thrown', { method: 'GET', url: '{{base}}/2' }, tests("pm.test('before', () => {});", "throw new TypeError('broken on purpose');", "pm.test('after', () => {});")),
      item('skip in test', { method: 'GET', url: '{{base}}/3' }, tests('pm.execution.skipRequest();')),
      item(
        'refused',
        { method: 'GET', url: '{{base}}/4' },
        tests("pm.sendRequest('http://127.0.0.1:1/nothing', (err, res) => { pm.test('error given', () => { pm.expect(err.code).to.equal('ECONNREFUSED'); pm.expect(res.code).to.equal(undefined); }); });"),
      ),
      item('pre error', { method: 'GET', url: '{{base}}/5' }, prerequest('undefinedFunction();')),
      item('callback error', { method: 'GET', url: '{{base}}/6' }, tests("setTimeout(() => { throw new Error('late'); }, 5);")),
    ]);
    const { native, newman } = await both(col, server.base);
    expect(native).to.deep.equal(newman);
    expect(native.requests.map((r) => r.errors.map((e) => e.message))).to.deep.equal([
      ["SyntaxError: Unexpected token ';'"],
      ['TypeError: broken on purpose'],
      ['TypeError: pm.execution.skipRequest is not a function'],
      [],
      ['ReferenceError: undefinedFunction is not defined'],
      [],
    ]);
  });
});
