import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { collection, folder, item, prerequest, startServer, tests, type TestServer } from './helpers';

const TOKEN_SCHEMA = {
  type: 'object',
  required: ['access_token', 'issued_at'],
  properties: {
    access_token: { type: 'string' },
    issued_at: { type: 'string', pattern: '^[0-9]{13}$' },
    instance_url: { type: 'string', format: 'uri' },
  },
};

describe('native engine: test scripts', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((req, res) => {
      if (req.url.startsWith('/token')) {
        res.setHeader('Content-Type', 'application/json;charset=UTF-8');
        res.setHeader('X-Trace', 'a');
        res.end(JSON.stringify({ access_token: 'abc', issued_at: '1700000000000', instance_url: 'https://x.my.salesforce.com' }));
        return;
      }
      if (req.url.startsWith('/bad-token')) {
        res.statusCode = 401;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ access_token: 5, issued_at: '17' }));
        return;
      }
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/html');
      res.end('<html>down</html>');
    });
  });
  after(async () => {
    await server.close();
  });

  it('records pm.test pass, fail (chai and Postman wording) and skip', async () => {
    const col = collection([
      item(
        'token',
        { method: 'POST', url: `${server.base}/bad-token` },
        tests(
          "pm.test('status is 200', () => pm.response.to.have.status(200));",
          "pm.test('code equals', () => pm.expect(pm.response.code).to.equal(200));",
          "pm.test('has trace header', () => pm.response.to.have.header('X-Trace'));",
          "pm.test('is ok', () => pm.response.to.be.ok);",
          "pm.test('content type', () => pm.expect(pm.response.headers.get('content-type')).to.include('json'));",
          "pm.test('no callback');",
          "pm.test.skip('skipped on purpose', () => { throw new Error('never runs'); });",
          "pm.test('thrown primitive', () => { throw 'nope'; });",
        ),
      ),
    ]);
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests[0]?.tests).to.deep.equal([
      { name: 'status is 200', passed: false, skipped: false, message: 'expected response to have status code 200 but got 401', errorName: 'AssertionError' },
      { name: 'code equals', passed: false, skipped: false, message: 'expected 401 to equal 200', errorName: 'AssertionError' },
      { name: 'has trace header', passed: false, skipped: false, message: "expected response to have header with key 'X-Trace'", errorName: 'AssertionError' },
      { name: 'is ok', passed: false, skipped: false, message: "expected response to have status reason 'OK' but got 'UNAUTHORIZED'", errorName: 'AssertionError' },
      { name: 'content type', passed: true, skipped: false },
      { name: 'no callback', passed: true, skipped: false },
      { name: 'skipped on purpose', passed: false, skipped: true },
      { name: 'thrown primitive', passed: false, skipped: false, message: 'thrown primitive', errorName: 'AssertionError' },
    ]);
    expect(run.requests[0]?.errors).to.deep.equal([]);
  });

  it('validates JSON schemas with ajv and Postman-style error text', async () => {
    const schema = JSON.stringify(TOKEN_SCHEMA);
    const col = collection([
      item('good', { method: 'POST', url: `${server.base}/token` }, tests(`pm.test('schema', () => pm.response.to.have.jsonSchema(${schema}));`, "pm.test('header value', () => pm.response.to.have.header('x-trace', 'a'));")),
      item('bad', { method: 'POST', url: `${server.base}/bad-token` }, tests(`pm.test('schema', () => pm.response.to.have.jsonSchema(${schema}));`)),
      item('html', { method: 'GET', url: `${server.base}/down` }, tests(`pm.test('schema', () => pm.response.to.have.jsonSchema(${schema}));`, "pm.test('is json', () => pm.response.to.be.json);")),
    ]);
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests[0]?.tests.map((t) => t.passed)).to.deep.equal([true, true]);
    expect(run.requests[1]?.tests[0]).to.deep.equal({
      name: 'schema',
      passed: false,
      skipped: false,
      message: 'expected data to satisfy schema but found following errors: \ndata.access_token should be string, data.issued_at should match pattern "^[0-9]{13}$"',
      errorName: 'AssertionError',
    });
    expect(run.requests[2]?.tests).to.deep.equal([
      { name: 'schema', passed: false, skipped: false, message: "Unexpected token '<' at 1:1\n<html>down</html>\n^", errorName: 'JSONError' },
      { name: 'is json', passed: false, skipped: false, message: "expected response body to be a valid json but got error Unexpected token '<' at 1:1", errorName: 'AssertionError' },
    ]);
  });

  it("checks pm.response's schema on its body as received, as Postman's json() parses afresh; an overridden json() is used", async () => {
    const schema = JSON.stringify(TOKEN_SCHEMA);
    const col = collection([
      item(
        'token',
        { method: 'POST', url: `${server.base}/token` },
        tests(
          "const body = pm.response.json(); body.access_token = 5;",
          `pm.test('body as received', () => pm.response.to.have.jsonSchema(${schema}));`,
          "pm.test('json() parses afresh', () => pm.expect([typeof body.access_token, pm.response.json().access_token]).to.deep.equal(['number', 'abc']));",
          "pm.response.json = () => ({ issued_at: 'x' });",
          `pm.test('overridden json()', () => pm.response.to.have.jsonSchema(${schema}));`,
          `pm.test('another object', () => pm.expect({ access_token: 'a', issued_at: '1700000000000' }).to.have.jsonSchema(${schema}));`,
          "pm.test('not an object', () => pm.response.to.have.jsonSchema('x'));",
        ),
      ),
    ]);
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests[0]?.tests).to.deep.equal([
      { name: 'body as received', passed: true, skipped: false },
      { name: 'json() parses afresh', passed: true, skipped: false },
      {
        name: 'overridden json()',
        passed: false,
        skipped: false,
        message: "expected data to satisfy schema but found following errors: \ndata should have required property 'access_token', data.issued_at should match pattern \"^[0-9]{13}$\"",
        errorName: 'AssertionError',
      },
      { name: 'another object', passed: true, skipped: false },
      { name: 'not an object', passed: false, skipped: false, message: "expected 'x' to be an object", errorName: 'AssertionError' },
    ]);
  });

  it('exposes the response, request and info to test scripts', async () => {
    const col = collection([
      item(
        'info',
        { method: 'POST', url: `${server.base}/token?x=1`, header: [{ key: 'X-Req', value: 'r' }] },
        tests(
          "const body = pm.response.json();",
          "pm.test('json', () => pm.expect(body.access_token).to.equal('abc'));",
          "pm.test('text', () => pm.expect(pm.response.text()).to.include('issued_at'));",
          "pm.test('status text', () => pm.expect(pm.response.status).to.equal('OK'));",
          "pm.test('time', () => pm.expect(pm.response.responseTime).to.be.a('number'));",
          "pm.test('has header', () => pm.expect(pm.response.headers.has('X-TRACE')).to.equal(true));",
          "pm.test('info', () => pm.expect([pm.info.requestName, pm.info.eventName, pm.info.iteration]).to.deep.equal(['info', 'test', 0]));",
          "pm.test('request', () => { pm.expect(pm.request.url.toString()).to.match(/\\/token\\?x=1$/); pm.expect(pm.request.headers.get('x-req')).to.equal('r'); pm.expect(pm.request.method).to.equal('POST'); });",
          "pm.test('legacy globals', () => { pm.expect(responseCode.code).to.equal(200); pm.expect(JSON.parse(responseBody).issued_at).to.equal('1700000000000'); });",
          "tests['legacy pass'] = pm.response.code === 200;",
          "tests['legacy fail'] = 0;",
        ),
      ),
    ]);
    const run = await nativeEngine.run({ collection: col });
    const outcomes = run.requests[0]?.tests.map((t) => [t.name, t.passed, t.message ?? null]);
    expect(outcomes).to.deep.equal([
      ['json', true, null],
      ['text', true, null],
      ['status text', true, null],
      ['time', true, null],
      ['has header', true, null],
      ['info', true, null],
      ['request', true, null],
      ['legacy globals', true, null],
      ['legacy pass', true, null],
      ['legacy fail', false, 'expected 0 to be truthy'],
    ]);
  });

  it('reports a script error outside pm.test, keeps earlier outcomes, and still sends after a prerequest error', async () => {
    const col = collection([
      item(
        'broken',
        { method: 'GET', url: `${server.base}/token` },
        [
          ...prerequest("pm.environment.set('before', 'yes');", 'notDefined();', "pm.environment.set('after', 'yes');"),
          ...tests("pm.test('ran', () => pm.response.to.have.status(200));", "throw new TypeError('late');", "pm.test('never', () => {});"),
        ],
      ),
      item('syntax', { method: 'GET', url: `${server.base}/token` }, tests('pm.test("a", () => {', '}}}')),
    ]);
    const sentBefore = server.requests.length;
    const run = await nativeEngine.run({ collection: col });
    const [broken, syntax] = run.requests;
    expect(server.requests.length - sentBefore).to.equal(2);
    expect(broken?.response?.code).to.equal(200);
    expect(broken?.errors).to.deep.equal([
      { kind: 'script', phase: 'prerequest', message: 'ReferenceError: notDefined is not defined' },
      { kind: 'script', phase: 'test', message: 'TypeError: late' },
    ]);
    expect(broken?.tests).to.deep.equal([{ name: 'ran', passed: true, skipped: false }]);
    expect(run.variables.environment.map((v) => v.key)).to.deep.equal(['before']);
    expect(syntax?.errors).to.have.length(1);
    expect(syntax?.errors[0]?.kind).to.equal('script');
    expect(syntax?.errors[0]?.message).to.match(/^SyntaxError: /);
  });

  it('runs collection, folder and item scripts in that order', async () => {
    const leaf = item('leaf', { method: 'GET', url: `${server.base}/token` }, [
      ...prerequest("pm.variables.set('trail', pm.variables.get('trail') + ',i');"),
      ...tests("pm.test('order', () => pm.expect(pm.variables.get('trail')).to.equal('c,f,i'));"),
    ]);
    const col = collection([folder('folder', [leaf], { event: prerequest("pm.variables.set('trail', pm.variables.get('trail') + ',f');") })], {
      event: prerequest("pm.variables.set('trail', 'c');"),
    });
    const run = await nativeEngine.run({ collection: col });
    expect(run.requests[0]?.tests).to.deep.equal([{ name: 'order', passed: true, skipped: false }]);
  });
});
