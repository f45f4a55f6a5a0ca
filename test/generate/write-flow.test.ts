/**
 * The write flow's spec and generated scripts: the requests in order (password token, create, rename, read back,
 * delete), the 204 answers checked as an empty body instead of a Content-Type and schema, the create's captured id,
 * and the delete's check naming the leftover. Run with the fake pm (only the pm API the engines support).
 */
import Ajv from 'ajv';
import { expect } from 'chai';
import { buildCollection, testNames } from '../../src/generate';
import { createResultSchema, PROBE_NAME, writeFlow, type RequestSpec } from '../../src/spec';
import { runScript } from './fake-pm';

type Json = Record<string, any>;
const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8' };
const ID = '001000000000042AAA';
const req = (id: string): RequestSpec => writeFlow.requests.find((r) => r.id === id)!;
const execOf = (r: RequestSpec): string[] => {
  const c = buildCollection(writeFlow) as Json;
  return c['item'].find((i: Json) => i['name'] === r.name)['event'][0]['script']['exec'];
};
const itemOf = (r: RequestSpec): Json => (buildCollection(writeFlow) as Json)['item'].find((i: Json) => i['name'] === r.name);
const refused = { code: 403, headers: JSON_HEADERS, body: JSON.stringify([{ message: 'insufficient access rights on object id', errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }]) };

describe('the write flow (spec and generated scripts)', () => {
  it('gets a password-grant token, then creates, renames, reads back and deletes one Account', () => {
    expect(writeFlow.requests.map((r) => [r.id, r.method])).to.deep.equal([
      ['token-password', 'POST'],
      ['create-probe-account', 'POST'],
      ['update-probe-account', 'PATCH'],
      ['read-probe-account', 'GET'],
      ['delete-probe-account', 'DELETE'],
    ]);
    for (const r of writeFlow.requests.slice(1)) {
      expect(r.url, r.id).to.match(/^\{\{instance_url\}\}\/services\/data\/v\{\{api_version\}\}\/sobjects\/Account/);
      expect(r.auth, r.id).to.equal('bearer');
      expect(r.doc, r.id).to.match(/^https:\/\/developer\.salesforce\.com\/docs\/atlas\.en-us\.api_rest\.meta\/api_rest\/dome_/);
      expect(r.guideStep, r.id).to.match(/^Password grant, Step 1\.3/);
    }
  });

  it('sends the create and the rename as JSON bodies with a recognisable name', () => {
    const create = itemOf(req('create-probe-account'))['request'];
    expect(create['body']['mode']).to.equal('raw');
    expect(JSON.parse(create['body']['raw'])).to.deep.equal({ Name: `${PROBE_NAME} {{$timestamp}}` });
    expect(create['header']).to.deep.include({ key: 'Content-Type', value: 'application/json' });
    const update = itemOf(req('update-probe-account'))['request'];
    expect(update['method']).to.equal('PATCH');
    expect(update['url']['raw']).to.match(/\/sobjects\/Account\/\{\{probe_account_id\}\}$/);
    expect(JSON.parse(update['body']['raw'])).to.deep.equal({ Name: `${PROBE_NAME} {{probe_account_id}} (updated)` });
  });

  it('the create stores the new id; a refused create fails its status, schema and capture tests', () => {
    const exec = execOf(req('create-probe-account'));
    const created = runScript(exec, { code: 201, headers: JSON_HEADERS, body: JSON.stringify({ id: ID, success: true, errors: [] }) });
    expect(created.tests.filter((t) => !t.passed)).to.deep.equal([]);
    expect(created.collectionVariables.get('probe_account_id')).to.equal(ID);
    const names = testNames(req('create-probe-account'));
    const run = runScript(exec, refused);
    expect(run.tests.filter((t) => !t.passed).map((t) => t.name)).to.include.members([names.status, names.schema, names.captures]);
    expect(new Ajv({ strict: false }).validate(createResultSchema, { id: ID, success: false, errors: [{ message: 'x' }] })).to.equal(false);
  });

  for (const id of ['update-probe-account', 'delete-probe-account']) {
    it(`${id}: a 204 with no body passes; no Content-Type or schema test, an empty-body test instead`, () => {
      const names = testNames(req(id));
      expect(names.contentType).to.equal(undefined);
      expect(names.schema).to.equal(undefined);
      expect(names.empty).to.equal('body is empty');
      const exec = execOf(req(id));
      expect(exec.join('\n')).to.not.include('jsonSchema');
      const run = runScript(exec, { code: 204, headers: {}, body: '' });
      expect(run.tests.map((t) => [t.name, t.passed])).to.deep.include.members([['status is 204', true], ['body is empty', true]]);
      expect(run.tests.every((t) => t.passed)).to.equal(true);
      const failed = runScript(exec, refused);
      expect(failed.tests.filter((t) => !t.passed).map((t) => t.name)).to.include.members(['status is 204', 'body is empty']);
    });
  }

  it('the delete check says no probe was created when the create failed (no id stored)', () => {
    const run = runScript(execOf(req('delete-probe-account')), refused);
    const check = run.tests.find((t) => t.name === 'no probe Account is left behind');
    expect(check?.passed).to.equal(false);
    expect(check?.error).to.match(/no probe Account was created/);
  });

  it('the delete check names the probe Account left behind when the delete fails', () => {
    const run = runScript(execOf(req('delete-probe-account')), refused, new Map(), new Map([['probe_account_id', ID]]));
    const check = run.tests.find((t) => t.name === 'no probe Account is left behind');
    expect(check?.passed).to.equal(false);
    expect(check?.error).to.include(`the probe Account ${ID} (named ${PROBE_NAME} ...) is left in the org: delete it by hand`);
  });

  it('the read-back checks the Id and the new name', () => {
    const body = (name: string) => ({ attributes: { type: 'Account', url: `/services/data/v62.0/sobjects/Account/${ID}` }, Id: ID, Name: name });
    const exec = execOf(req('read-probe-account'));
    const vars = () => new Map([['probe_account_id', ID]]);
    const renamed = runScript(exec, { code: 200, headers: JSON_HEADERS, body: JSON.stringify(body(`${PROBE_NAME} ${ID} (updated)`)) }, new Map(), vars());
    expect(renamed.tests.filter((t) => !t.passed)).to.deep.equal([]);
    const stale = runScript(exec, { code: 200, headers: JSON_HEADERS, body: JSON.stringify(body(`${PROBE_NAME} 1700000000`)) }, new Map(), vars());
    expect(stale.tests.filter((t) => !t.passed).map((t) => t.name)).to.deep.equal(['the probe Account has the new name']);
  });
});
