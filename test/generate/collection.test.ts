import Ajv from 'ajv';
import { expect } from 'chai';
import { Collection } from 'postman-collection';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { buildCollection, COLLECTION_SCHEMA_URL, testNames } from '../../src/generate';
import { passwordFlow, type RequestSpec } from '../../src/spec';
import postmanSchema from '../fixtures/postman-collection-v2.1.0.schema.json';
import { runScript } from './fake-pm';
import * as s from '../spec/samples';

type Json = Record<string, any>;

const collection = (): Json => buildCollection(passwordFlow) as Json;
const itemOf = (c: Json, req: RequestSpec): Json => c['item'].find((i: Json) => i['name'] === req.name);
const execOf = (c: Json, req: RequestSpec): string[] => itemOf(c, req)['event'][0]['script']['exec'];

/** Every value stored under `id` or `_postman_id`, anywhere. */
function ids(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => ids(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k === '_postman_id') && typeof v === 'string') out.push(v);
      else ids(v, out);
    }
  }
  return out;
}

/** Drops what postman-collection does not keep on a re-read: its `_` id copy and url.raw (derived from the parts). */
function meaningful(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), function (this: Json, key, v) {
    if (key === '_' || (key === 'raw' && typeof v === 'string' && 'host' in this)) return undefined;
    return v;
  });
}

const SAMPLE_BY_ID: Record<string, unknown> = {
  'token-password': s.TOKEN_PASSWORD,
  versions: s.VERSIONS,
  'query-contacts': s.CONTACT_QUERY,
  'query-accounts': s.ACCOUNT_QUERY,
  userinfo: s.USERINFO,
};
const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };

describe('generate: collection', () => {
  it('is valid against the Postman Collection v2.1.0 schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const ok = ajv.validate(postmanSchema, collection());
    expect(ok, ajv.errorsText()).to.equal(true);
    expect(collection()['info']['schema']).to.equal(COLLECTION_SCHEMA_URL);
  });

  it('is re-read by postman-collection without loss', () => {
    const json = collection();
    const reread = new Collection(json as never).toJSON();
    expect(meaningful(reread)).to.deep.equal(meaningful(json));
  });

  it('is identical when generated twice', () => {
    expect(JSON.stringify(collection())).to.equal(JSON.stringify(collection()));
  });

  it('uses unique v5 UUIDs for every id', () => {
    const all = ids(collection());
    expect(all.length).to.equal(1 + passwordFlow.requests.length * 3); // collection + item, event, script per request
    for (const id of all) expect(isUuid(id) && uuidVersion(id), id).to.equal(5);
    expect(new Set(all).size).to.equal(all.length);
  });

  it('has empty collection variables for the captured values', () => {
    expect(collection()['variable']).to.deep.equal([
      { key: 'access_token', value: '', type: 'string' },
      { key: 'instance_url', value: '', type: 'string' },
    ]);
  });

  it('describes how to use it, and each item links its doc and guide step', () => {
    const c = collection();
    expect(c['info']['description']['content']).to.include('Import').and.include('environment');
    for (const req of passwordFlow.requests) {
      const text = itemOf(c, req)['description']['content'];
      expect(text).to.include(req.doc).and.include(req.guideStep);
    }
  });

  it('keeps the requests in spec order with their method, URL, query and auth', () => {
    const c = collection();
    expect(c['item'].map((i: Json) => i['name'])).to.deep.equal(passwordFlow.requests.map((r) => r.name));
    const raw = c['item'].map((i: Json) => i['request']['url']['raw']);
    expect(raw[0]).to.equal('{{login_url}}/services/oauth2/token');
    expect(raw[1]).to.equal('{{instance_url}}/services/data/');
    expect(raw[2]).to.equal('{{instance_url}}/services/data/v{{api_version}}/query?q=SELECT Name FROM Contact LIMIT 10');
    expect(raw[4]).to.equal('{{instance_url}}/services/oauth2/userinfo');
    const auth = c['item'].map((i: Json) => i['request']['auth']['type']);
    expect(auth).to.deep.equal(['noauth', 'noauth', 'bearer', 'bearer', 'bearer']);
    expect(c['item'][2]['request']['auth']['bearer']).to.deep.equal([{ key: 'token', value: '{{access_token}}', type: 'string' }]);
    const body = c['item'][0]['request']['body'];
    expect(body['mode']).to.equal('urlencoded');
    expect(body['urlencoded'].find((p: Json) => p['key'] === 'password')['value']).to.equal('{{password}}{{security_token}}');
  });

  for (const req of passwordFlow.requests) {
    describe(`test script of ${req.id}`, () => {
      it('asserts status, Content-Type and the spec schema', () => {
        const exec = execOf(collection(), req).join('\n');
        const names = testNames(req);
        expect(exec).to.include(`pm.test(${JSON.stringify(names.status)}`);
        expect(exec).to.include(`pm.response.to.have.status(${req.expect.status})`);
        expect(exec).to.include(`pm.test(${JSON.stringify(names.contentType)}`);
        expect(exec).to.include('pm.response.headers.get("Content-Type")');
        expect(exec).to.include('pm.response.to.have.jsonSchema(schema)');
        const start = exec.indexOf('var schema = ') + 'var schema = '.length;
        const embedded = exec.slice(start, exec.indexOf('};\npm.test', start) + 1);
        expect(JSON.parse(embedded)).to.deep.equal(req.expect.schema);
      });

      it('passes on the documented Salesforce response', () => {
        const response = { code: 200, headers: JSON_HEADERS, body: JSON.stringify(SAMPLE_BY_ID[req.id]) };
        const run = runScript(execOf(collection(), req), response);
        expect(run.tests.filter((t) => !t.passed)).to.deep.equal([]);
        expect(run.tests.length).to.equal(req.captures ? 4 : 3);
      });

      it('fails status, Content-Type and schema on a text/plain 401', () => {
        const response = { code: 401, headers: { 'Content-Type': 'text/plain' }, body: '"Bad_OAuth_Token"' };
        const run = runScript(execOf(collection(), req), response);
        const names = testNames(req);
        expect(run.tests.filter((t) => !t.passed).map((t) => t.name)).to.include.members([names.status, names.contentType, names.schema]);
      });
    });
  }

  describe('token capture', () => {
    const token = passwordFlow.requests[0]!;
    const ok = { code: 200, headers: JSON_HEADERS, body: JSON.stringify(s.TOKEN_PASSWORD) };

    it('stores access_token and instance_url as collection variables', () => {
      const run = runScript(execOf(collection(), token), ok);
      expect(Object.fromEntries(run.collectionVariables)).to.deep.equal({
        access_token: s.TOKEN_PASSWORD.access_token,
        instance_url: s.TOKEN_PASSWORD.instance_url,
      });
    });

    it('also updates the environment, but only keys the environment defines', () => {
      const env = new Map([['access_token', ''], ['login_url', 'https://login.salesforce.com']]);
      runScript(execOf(collection(), token), ok, env);
      expect(Object.fromEntries(env)).to.deep.equal({
        access_token: s.TOKEN_PASSWORD.access_token,
        login_url: 'https://login.salesforce.com',
      });
    });

    it('fails its test and stores nothing on an OAuth error', () => {
      const bad = { code: 400, headers: JSON_HEADERS, body: JSON.stringify(s.OAUTH_ERROR) };
      const run = runScript(execOf(collection(), token), bad);
      expect(run.tests.find((t) => t.name === testNames(token).captures)?.passed).to.equal(false);
      expect(run.collectionVariables.size).to.equal(0);
    });

    it('rejects a lowercase token_type through the schema test', () => {
      const body = JSON.stringify({ ...s.TOKEN_PASSWORD, token_type: 'bearer' });
      const run = runScript(execOf(collection(), token), { code: 200, headers: JSON_HEADERS, body });
      expect(run.tests.filter((t) => !t.passed).map((t) => t.name)).to.deep.equal(['body matches the token schema']);
    });
  });
});
