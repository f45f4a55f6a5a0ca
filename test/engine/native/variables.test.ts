import { expect } from 'chai';
import { nativeEngine } from '../../../src/engine/native';
import { DYNAMIC_NAMES, dynamicValue } from '../../../src/engine/native/dynamic';
import { collection, item, prerequest, echo, tests, useTestServer } from './helpers';

describe('native engine: variables', () => {
  const server = useTestServer(echo, true);

  it('resolves with precedence local > environment > collection > globals', async () => {
    const col = collection(
      [
        item(
          'precedence',
          { method: 'GET', url: `${server().base}/{{g}}/{{c}}/{{e}}/{{l}}` },
          prerequest("pm.variables.set('l', 'local');"),
        ),
      ],
      { variable: [{ key: 'c', value: 'collection' }, { key: 'e', value: 'collection' }, { key: 'l', value: 'collection' }] },
    );
    const run = await nativeEngine.run({
      collection: col,
      globals: { name: 'globals', values: [{ key: 'g', value: 'global' }, { key: 'c', value: 'global' }, { key: 'e', value: 'global' }, { key: 'l', value: 'global' }] },
      environment: { name: 'env', values: [{ key: 'e', value: 'environment' }, { key: 'l', value: 'environment' }] },
    });
    expect(server().requests[0]?.url).to.equal('/global/collection/environment/local');
    expect(run.requests[0]?.request.url).to.equal(`${server().base}/global/collection/environment/local`);
    expect(run.warnings).to.deep.equal([]);
  });

  it('resolves URL parts, query params, headers, urlencoded bodies and the bearer token; skips disabled entries', async () => {
    const col = collection([
      item('everywhere', {
        method: 'POST',
        url: {
          raw: 'ignored when parts are present',
          host: ['{{base}}'],
          path: ['api', 'v{{version}}', 'items'],
          query: [
            { key: 'q', value: '{{term}}' },
            { key: 'off', value: 'x', disabled: true },
          ],
        },
        auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
        header: [
          { key: 'X-Client', value: '{{client}}' },
          { key: 'X-Disabled', value: 'no', disabled: true },
        ],
        body: {
          mode: 'urlencoded',
          urlencoded: [
            { key: 'client_id', value: '{{client}}' },
            { key: 'skip', value: 'me', disabled: true },
            { key: 'secret', value: '{{secret}}' },
          ],
        },
      }),
    ]);
    const run = await nativeEngine.run({
      collection: col,
      environment: {
        name: 'env',
        values: [
          { key: 'base', value: server().base },
          { key: 'version', value: '60.0' },
          { key: 'term', value: 'a b&c' },
          { key: 'token', value: 't0k' },
          { key: 'client', value: 'cid' },
          { key: 'secret', value: 's&e=c ret' },
          { key: 'client', value: 'disabled duplicate', enabled: false },
        ],
      },
    });
    const got = server().requests[0];
    // '&' inside a variable value becomes a separator, as in newman (substitution happens on the URL string).
    expect(got?.url).to.equal('/api/v60.0/items?q=a%20b&c');
    expect(got?.headers['x-client']).to.equal('cid');
    expect(got?.headers['x-disabled']).to.equal(undefined);
    expect(got?.headers.authorization).to.equal('Bearer t0k');
    expect(got?.headers['content-type']).to.equal('application/x-www-form-urlencoded');
    expect(got?.body).to.equal('client_id=cid&secret=s%26e%3Dc%20ret');
    expect(run.requests[0]?.request.body).to.equal('client_id=cid&secret=s%26e%3Dc%20ret');
  });

  it('resolves nested references and the raw URL string form', async () => {
    const col = collection([item('nested', `{{url}}/x?y={{inner}}`)], {
      variable: [
        { key: 'url', value: '{{scheme}}://127.0.0.1:{{port}}' },
        { key: 'scheme', value: 'http' },
        { key: 'inner', value: '{{deeper}}' },
        { key: 'deeper', value: 'ok' },
      ],
    });
    const run = await nativeEngine.run({ collection: col, environment: { name: 'e', values: [{ key: 'port', value: String(server().port) }] } });
    expect(server().requests[0]?.url).to.equal('/x?y=ok');
    expect(run.requests[0]?.request.method).to.equal('GET');
  });

  it('sends unresolved references as they are and warns once per distinct reference', async () => {
    const col = collection([
      item('unresolved', { method: 'GET', url: `${server().base}/a?x={{missing}}&y={{missing}}`, header: [{ key: 'X-T', value: '{{other}}' }] }),
      item('again', { method: 'GET', url: `${server().base}/b?x={{missing}}` }),
    ]);
    const run = await nativeEngine.run({ collection: col });
    expect(server().requests[0]?.url).to.equal('/a?x={{missing}}&y={{missing}}');
    expect(server().requests[0]?.headers['x-t']).to.equal('{{other}}');
    expect(run.warnings).to.deep.equal([
      'unresolved variable {{missing}} in "unresolved"',
      'unresolved variable {{other}} in "unresolved"',
      'unresolved variable {{missing}} in "again"',
    ]);
  });

  it('carries environment and collection variables set by scripts into later requests and the result', async () => {
    const col = collection(
      [
        item('login', { method: 'GET', url: `${server().base}/login` }, tests("pm.environment.set('access_token', 'fresh');", "pm.collectionVariables.set('next', 'two');", "pm.globals.set('g', 1);", "pm.environment.unset('old');")),
        item('use', { method: 'GET', url: `${server().base}/{{next}}`, auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}' }] } }, tests("pm.test('sees g', () => pm.expect(pm.globals.get('g')).to.equal(1));")),
      ],
      { variable: [{ key: 'next', value: 'one' }] },
    );
    const run = await nativeEngine.run({
      collection: col,
      environment: { name: 'dev', values: [{ key: 'access_token', value: 'stale', type: 'secret' }, { key: 'old', value: 'x' }] },
    });
    expect(server().requests[1]?.url).to.equal('/two');
    expect(server().requests[1]?.headers.authorization).to.equal('Bearer fresh');
    expect(run.requests[1]?.tests).to.deep.equal([{ name: 'sees g', passed: true, skipped: false }]);
    expect(run.environment).to.equal('dev');
    expect(run.variables.environment).to.deep.equal([{ key: 'access_token', value: 'fresh', type: 'secret' }]);
    expect(run.variables.collection).to.deep.equal([{ key: 'next', value: 'two', type: 'default' }]);
    expect(run.variables.globals).to.deep.equal([{ key: 'g', value: '1', type: 'default' }]);
  });

  it('gives scripts typed values and cross-scope lookups', async () => {
    const col = collection(
      [
        item(
          'typed',
          { method: 'GET', url: `${server().base}/t` },
          tests(
            "pm.environment.set('n', 42);",
            "pm.test('number stays a number', () => pm.expect(pm.environment.get('n')).to.equal(42));",
            "pm.test('variables.get follows precedence', () => pm.expect(pm.variables.get('shared')).to.equal('env'));",
            "pm.test('has', () => { pm.expect(pm.collectionVariables.has('shared')).to.equal(true); pm.expect(pm.globals.has('shared')).to.equal(false); });",
            "pm.test('replaceIn', () => pm.expect(pm.variables.replaceIn('{{shared}}/{{nope}}')).to.equal('env/{{nope}}'));",
            "pm.test('environment name', () => pm.expect(pm.environment.name).to.equal('E'));",
          ),
        ),
      ],
      { variable: [{ key: 'shared', value: 'col' }] },
    );
    const run = await nativeEngine.run({ collection: col, environment: { name: 'E', values: [{ key: 'shared', value: 'env' }] } });
    expect(run.requests[0]?.tests.map((t) => [t.name, t.passed, t.message])).to.deep.equal([
      ['number stays a number', true, undefined],
      ['variables.get follows precedence', true, undefined],
      ['has', true, undefined],
      ['replaceIn', true, undefined],
      ['environment name', true, undefined],
    ]);
    expect(run.variables.environment.find((v) => v.key === 'n')).to.deep.equal({ key: 'n', value: '42', type: 'default' });
  });

  it('a value a script set to undefined reads undefined in that script, then null and "null" from the next one on (as newman)', async () => {
    const col = collection([
      item(
        'set',
        { method: 'GET', url: `${server().base}/set` },
        tests(
          "pm.environment.set('jobId', undefined);",
          "pm.test('same script: undefined', () => { pm.expect(pm.environment.get('jobId')).to.equal(undefined); pm.expect(pm.variables.replaceIn('[{{jobId}}]')).to.equal('[]'); });",
        ),
      ),
      item('use', { method: 'GET', url: `${server().base}/jobs/{{jobId}}` }, prerequest("pm.test('next script: null', () => pm.expect(pm.environment.get('jobId')).to.equal(null));")),
    ]);
    const run = await nativeEngine.run({ collection: col, environment: { name: 'E', values: [] } });
    expect(run.requests.map((r) => r.tests.map((t) => [t.name, t.passed]))).to.deep.equal([[['same script: undefined', true]], [['next script: null', true]]]);
    expect(server().requests[1]?.url).to.equal('/jobs/null');
    expect(run.variables.environment).to.deep.equal([{ key: 'jobId', value: '', type: 'default' }]);
  });

  it("resolves Postman's dynamic variables (faker-backed ones too) in requests and in pm.variables.replaceIn; unknown $names stay", async () => {
    const col = collection([
      item(
        'dyn',
        { method: 'GET', url: `${server().base}/d?a={{$randomAlphaNumeric}}&b={{$randomBoolean}}&p={{$randomPhoneNumber}}&e={{$randomEmail}}&n={{$randomFirstName}}&x={{$notAVariable}}` },
        tests(
          "pm.test('email', () => pm.expect(pm.variables.replaceIn('{{$randomEmail}}')).to.match(/^[^@ ]+@[^@ ]+$/));",
          "pm.test('semver', () => pm.expect(pm.variables.replaceIn('{{$randomSemver}}')).to.match(/^\\d+\\.\\d+\\.\\d+$/));",
          "pm.test('unknown stays', () => pm.expect(pm.variables.replaceIn('{{$nope}}')).to.equal('{{$nope}}'));",
        ),
      ),
    ]);
    const run = await nativeEngine.run({ collection: col });
    const q = new URL(`http://h${server().requests[0]?.url ?? ''}`).searchParams;
    expect(q.get('a')).to.match(/^[a-z0-9]$/);
    expect(q.get('b')).to.match(/^(true|false)$/);
    expect(q.get('p')).to.match(/^\d{3}-\d{3}-\d{4}$/);
    expect(q.get('e')).to.match(/^[^@ ]+@[^@ ]+$/);
    expect(q.get('n')).to.match(/^\S+/);
    expect(q.get('x')).to.equal('{{$notAVariable}}');
    expect(run.requests[0]?.tests.map((t) => [t.name, t.passed])).to.deep.equal([['email', true], ['semver', true], ['unknown stays', true]]);
    expect(run.warnings).to.deep.equal(['unresolved variable {{$notAVariable}} in "dyn"']);
  });

  it("knows every dynamic variable name newman's postman-collection knows, and each gives a non-empty value", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const theirs = Object.keys(require('postman-collection/lib/superstring/dynamic-variables.js') as Record<string, unknown>).sort();
    expect([...DYNAMIC_NAMES].sort()).to.deep.equal(theirs);
    const empty = DYNAMIC_NAMES.filter((n) => !dynamicValue(n));
    expect(empty).to.deep.equal([]);
    expect(dynamicValue('$notOne')).to.equal(undefined);
  });
});
