/**
 * Random Postman collections for the native runner: well-formed ones with garbage in every field, collections with
 * parts replaced by arbitrary JSON, and arbitrary JSON. Every URL stays on the emulator's 127.0.0.1 host (random text
 * only after its first "/"), scripts come from a fixed pool (no pm.sendRequest, no setNextRequest loops), and
 * form-data parts are text only (no file reads), so no case can reach beyond the emulator.
 */
import fc from 'fast-check';
import { anyText } from './arbitraries';

const PATHS = [
  '/services/data',
  '/services/data/v60.0/query?q=SELECT+Id,Name+FROM+Account+LIMIT+3',
  '/services/data/v60.0/query?q={{q}}',
  '/services/data/v60.0/sobjects/Account',
  '/services/data/v60.0/limits',
  '/services/oauth2/token',
  '/services/oauth2/userinfo',
  '/nope',
  '/',
];

const SCRIPTS = [
  "pm.test('status 200', () => pm.response.to.have.status(200));",
  "pm.test('json', () => pm.expect(pm.response.json()).to.be.an('object'));",
  "pm.test('schema', () => pm.response.to.have.jsonSchema({ type: 'object', required: ['x'] }));",
  "pm.environment.set('q', 'SELECT Id FROM Account');",
  "pm.collectionVariables.set('token', pm.response.text());",
  "pm.variables.set('x', {{x}});",
  "throw new Error('boom');",
  'JSON.parse("{");',
  '}{ not javascript',
  "pm.expect(1).to.equal(2);",
  'console.log(pm.request.url.toString(), pm.info.requestName);',
  'postman.setNextRequest(null);',
  'pm.execution.skipRequest();',
  "tests['legacy'] = responseCode.code === 200;",
  'const big = "x".repeat(1e6); pm.variables.set("big", big);',
  'undefined.x;',
  'for (let i = 0; i < 1e5; i++) {}',
  'while (true) {}',
  'Promise.reject(new Error("async boom"));',
  'setTimeout(() => { throw new Error("late") }, 1);',
];

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'get', 'BREW', ''];

const json = fc.jsonValue({ maxDepth: 2 });

/** A URL on `base` (the emulator): a known path, or random text after the first "/". */
function urlArb(base: string): fc.Arbitrary<unknown> {
  const path = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PATHS) }, { weight: 2, arbitrary: anyText(60).map((s) => `/${s}`) });
  const raw = path.map((p) => `${base}${p}`);
  return fc.oneof(
    { weight: 4, arbitrary: raw },
    { weight: 1, arbitrary: path.map((p) => `{{base}}${p}`) },
    {
      weight: 2,
      arbitrary: fc.tuple(raw, fc.array(anyText(10), { maxLength: 3 }), fc.array(fc.record({ key: anyText(10), value: fc.oneof(anyText(20), json), disabled: fc.boolean() }, { requiredKeys: ['key'] }), { maxLength: 3 })).map(([r, segments, q]) => {
        const u = new URL(r);
        // The object form: host and port fixed to the emulator's, path and query random.
        return { raw: r, protocol: 'http', host: u.hostname.split('.'), port: u.port, path: segments, query: q };
      }),
    },
  );
}

const header = fc.record({ key: fc.oneof(fc.constantFrom('Content-Type', 'Authorization', 'Accept', 'Host', 'Content-Length', 'Transfer-Encoding', 'Connection'), anyText(12)), value: fc.oneof(anyText(40), json), disabled: fc.boolean() }, { requiredKeys: ['key', 'value'] });

const body: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ mode: fc.constant('raw'), raw: fc.oneof(anyText(200), json.map((v) => JSON.stringify(v))), options: fc.constant({ raw: { language: 'json' } }) }, { requiredKeys: ['mode'] }),
  fc.record({ mode: fc.constant('urlencoded'), urlencoded: fc.array(fc.record({ key: anyText(10), value: fc.oneof(anyText(20), json), disabled: fc.boolean() }, { requiredKeys: ['key'] }), { maxLength: 4 }) }),
  fc.record({ mode: fc.constant('formdata'), formdata: fc.array(fc.record({ key: anyText(10), value: anyText(20), type: fc.constant('text') }), { maxLength: 3 }) }),
  fc.record({ mode: fc.constantFrom('graphql', 'nope', ''), raw: anyText(20) }, { requiredKeys: ['mode'] }),
  json.filter((v) => !(typeof v === 'object' && v !== null && ('src' in v || 'file' in v))),
);

const events = fc.array(
  fc.record({
    listen: fc.constantFrom('test', 'prerequest', 'nope'),
    script: fc.oneof(
      fc.record({ exec: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SCRIPTS) }, { weight: 1, arbitrary: anyText(40) }), { maxLength: 3 }), type: fc.constant('text/javascript') }),
      fc.record({ exec: fc.constantFrom(...SCRIPTS) }),
      json,
    ),
  }, { requiredKeys: ['listen'] }),
  { maxLength: 2 },
);

const auth = fc.oneof(
  fc.constant({ type: 'noauth' }),
  fc.record({ type: fc.constant('bearer'), bearer: fc.array(fc.record({ key: fc.constant('token'), value: fc.oneof(anyText(40), fc.constant('{{token}}')) }), { maxLength: 1 }) }),
  fc.record({ type: fc.constantFrom('basic', 'oauth2', 'awsv4', 'nope', ''), basic: json }, { requiredKeys: ['type'] }),
  json,
);

function requestArb(base: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: urlArb(base) },
    {
      weight: 5,
      arbitrary: fc.record({ method: fc.oneof(fc.constantFrom(...METHODS), anyText(8)), url: urlArb(base), header: fc.oneof(fc.array(header, { maxLength: 4 }), json), body, auth }, { requiredKeys: ['url'] }),
    },
  );
}

function itemsArb(base: string): fc.Arbitrary<unknown[]> {
  const leaf = fc.record({ name: fc.oneof(fc.constant('request'), anyText(20)), request: requestArb(base), event: events, protocolProfileBehavior: fc.option(fc.record({ followRedirects: fc.boolean(), maxRedirects: fc.integer({ min: -1, max: 3 }) })) }, { requiredKeys: ['request'] });
  return fc.letrec<{ items: unknown[]; node: unknown }>((tie) => ({
    items: fc.array(tie('node'), { maxLength: 4, depthIdentifier: 'items' }),
    node: fc.oneof(
      { depthSize: 'small', depthIdentifier: 'items' },
      leaf,
      leaf,
      fc.record({ name: anyText(12), item: tie('items'), event: events, auth }, { requiredKeys: ['item'] }),
      json,
    ),
  })).items;
}

const variables = fc.array(fc.record({ key: fc.oneof(fc.constantFrom('q', 'x', 'token'), anyText(8)), value: fc.oneof(anyText(30), json), type: fc.constantFrom('string', 'secret', 'any', 'nope') }, { requiredKeys: ['key'] }), { maxLength: 3 });

/** A whole collection document (or something that is not one). */
export function collectionArb(base: string): fc.Arbitrary<unknown> {
  const schema = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('https://schema.getpostman.com/json/collection/v2.1.0/collection.json', 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json') }, { weight: 1, arbitrary: fc.constantFrom('nope', '') });
  const info = fc.record({ name: anyText(20), schema, _postman_id: anyText(10) }, { requiredKeys: ['schema'] });
  const shaped = fc.record({ info: fc.oneof({ weight: 10, arbitrary: info }, { weight: 1, arbitrary: json }), item: fc.oneof({ weight: 10, arbitrary: itemsArb(base) }, { weight: 1, arbitrary: json }), variable: fc.oneof(variables, json), event: events, auth }, { requiredKeys: ['info', 'item'] });
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: json }, { weight: 1, arbitrary: fc.constantFrom(null, [], {}, '', 0, { collection: {} }, { info: {}, item: 'x' }, { info: { schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [null, 1, 'x', { item: 3 }] }) });
}

/** Environment values for the run: `base` points at the emulator, the rest is noise. */
export function environmentArb(base: string): fc.Arbitrary<{ name: string; values: Array<{ key: string; value: string; type?: string; enabled?: boolean }> }> {
  return fc.record({
    name: anyText(10),
    values: fc.array(fc.record({ key: fc.oneof(fc.constantFrom('q', 'x', 'token'), anyText(8)), value: anyText(30), enabled: fc.boolean() }), { maxLength: 3 }).map((vs) => [{ key: 'base', value: base }, ...vs.filter((v) => v.key !== 'base')]),
  });
}
