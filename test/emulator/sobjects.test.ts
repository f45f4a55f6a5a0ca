import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { isId } from '../../src/emulator/ids';
import { loginAs, rest, useEmulatorWith, type ApiErrors, type Rec } from './data-helpers';

const V = '/services/data/v60.0';
const NOT_FOUND = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];

describe('emulator sObject resources: describe and CRUD', () => {
  const emu = useEmulatorWith({});
  let token = '';
  before(async () => {
    token = await loginAs(emu(), LOCAL_USERS.admin);
  });
  const call = (method: string, path: string, body?: unknown) => rest(emu(), token, method, V + path, body);

  it('describeGlobal lists every object with the key set clients expect', async () => {
    const res = await call('GET', '/sobjects');
    assert.equal(res.status, 200);
    const body = res.json as { encoding: string; maxBatchSize: number; sobjects: Record<string, unknown>[] };
    assert.equal(body.encoding, 'UTF-8');
    assert.equal(body.maxBatchSize, 200);
    const names = body.sobjects.map((o) => o.name);
    for (const name of ['Account', 'Contact', 'Opportunity', 'User']) assert.ok(names.includes(name), name);
    const account = body.sobjects.find((o) => o.name === 'Account')!;
    for (const key of ['activateable', 'createable', 'custom', 'customSetting', 'deletable', 'deprecatedAndHidden', 'feedEnabled', 'keyPrefix', 'label', 'labelPlural', 'layoutable', 'mergeable', 'mruEnabled', 'queryable', 'replicateable', 'retrieveable', 'searchable', 'triggerable', 'undeletable', 'updateable', 'urls']) {
      assert.ok(key in account, key);
    }
    assert.equal(account.keyPrefix, '001');
    assert.deepEqual(account.urls, { sobject: `${V}/sobjects/Account`, describe: `${V}/sobjects/Account/describe`, rowTemplate: `${V}/sobjects/Account/{ID}` });
  });

  it('basic info gives objectDescribe and recentItems', async () => {
    const res = await call('GET', '/sobjects/Account');
    assert.equal(res.status, 200);
    const body = res.json as { objectDescribe: { name: string }; recentItems: Rec[] };
    assert.deepEqual(Object.keys(body), ['objectDescribe', 'recentItems']);
    assert.equal(body.objectDescribe.name, 'Account');
    assert.ok(body.recentItems.length > 0 && body.recentItems.every((r) => r.attributes.type === 'Account' && typeof r.Id === 'string'));
    assert.deepEqual((await call('GET', '/sobjects/Nope')).json, NOT_FOUND);
  });

  it('describe gives fields with types, referenceTo and relationshipName, and childRelationships', async () => {
    const res = await call('GET', '/sobjects/Contact/describe');
    assert.equal(res.status, 200);
    const body = res.json as Record<string, unknown> & { fields: Record<string, unknown>[]; childRelationships: unknown[]; urls: Record<string, string> };
    for (const key of ['actionOverrides', 'childRelationships', 'compactLayoutable', 'fields', 'listviewable', 'lookupLayoutable', 'namedLayoutInfos', 'networkScopeFieldName', 'recordTypeInfos', 'searchLayoutable', 'supportedScopes', 'urls', 'name', 'keyPrefix']) {
      assert.ok(key in body, key);
    }
    const byName = new Map(body.fields.map((f) => [f.name, f]));
    const id = byName.get('Id')!;
    assert.equal(id.type, 'id');
    assert.equal(id.soapType, 'tns:ID');
    assert.equal(id.length, 18);
    assert.equal(id.createable, false);
    assert.equal(id.idLookup, true);
    const account = byName.get('AccountId')!;
    assert.equal(account.type, 'reference');
    assert.deepEqual(account.referenceTo, ['Account']);
    assert.equal(account.relationshipName, 'Account');
    assert.equal(byName.get('Email')!.type, 'email');
    assert.equal(byName.get('Name')!.calculated, true);
    assert.match(body.urls.uiEditTemplate!, /^http:\/\/127\.0\.0\.1:\d+\/\{ID\}\/e$/);
    const accountDescribe = (await call('GET', '/sobjects/account/describe')).json as { name: string; childRelationships: { childSObject: string; field: string; relationshipName: string | null }[] };
    assert.equal(accountDescribe.name, 'Account');
    assert.ok(accountDescribe.childRelationships.some((r) => r.childSObject === 'Contact' && r.field === 'AccountId' && r.relationshipName === 'Contacts'));
    assert.deepEqual((await call('GET', '/sobjects/Nope/describe')).json, NOT_FOUND);
  });

  it('creates (201), retrieves, updates (204), deletes (204), then ENTITY_IS_DELETED', async () => {
    const created = await call('POST', '/sobjects/Account', { Name: 'Round Trip Inc.', Industry: 'Retail', NumberOfEmployees: 42, AnnualRevenue: 1234.5 });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual(Object.keys(created.json as object), ['id', 'success', 'errors']);
    const { id, success, errors } = created.json as { id: string; success: boolean; errors: unknown[] };
    assert.ok(id.startsWith('001') && isId(id));
    assert.equal(success, true);
    assert.deepEqual(errors, []);

    const all = await call('GET', `/sobjects/Account/${id}`);
    assert.equal(all.status, 200);
    const record = all.json as Rec;
    assert.deepEqual(record.attributes, { type: 'Account', url: `${V}/sobjects/Account/${id}` });
    assert.equal(Object.keys(record)[0], 'attributes');
    assert.equal(record.Name, 'Round Trip Inc.');
    assert.equal(record.AnnualRevenue, 1234.5);
    assert.equal(record.IsDeleted, false);
    assert.match(String(record.CreatedDate), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    const me = (await rest(emu(), token, 'GET', '/services/oauth2/userinfo')).json as { user_id: string };
    assert.equal(record.OwnerId, me.user_id);

    const some = await call('GET', `/sobjects/Account/${id}?fields=Industry,name`);
    assert.deepEqual(Object.keys(some.json as object), ['attributes', 'Industry', 'Name', 'Id']);

    const patched = await call('PATCH', `/sobjects/Account/${id}`, { Name: 'Renamed Inc.', Industry: null });
    assert.equal(patched.status, 204);
    assert.equal(patched.text, '');
    const after = (await call('GET', `/sobjects/Account/${id}?fields=Name,Industry`)).json as Rec;
    assert.equal(after.Name, 'Renamed Inc.');
    assert.equal(after.Industry, null);
    const overridden = await rest(emu(), token, 'POST', `${V}/sobjects/Account/${id}?_HttpMethod=PATCH`, { Phone: '555' });
    assert.equal(overridden.status, 204);

    const deleted = await call('DELETE', `/sobjects/Account/${id}`);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    for (const method of ['GET', 'DELETE', 'PATCH']) {
      const again = await call(method, `/sobjects/Account/${id}`, method === 'PATCH' ? { Name: 'x' } : undefined);
      assert.equal(again.status, 404, method);
      assert.equal((again.json as ApiErrors)[0]!.errorCode, 'ENTITY_IS_DELETED');
      assert.equal((again.json as ApiErrors)[0]!.message, 'entity is deleted');
    }
  });

  it('answers bad ids: NOT_FOUND, MALFORMED_ID, and a valid id that does not exist', async () => {
    assert.deepEqual((await call('GET', '/sobjects/Account/nope')).json, [{ message: 'Provided external ID field does not exist or is not accessible: nope', errorCode: 'NOT_FOUND' }]);
    const badChecksum = await call('GET', '/sobjects/Account/001000000000000ZZZ');
    assert.equal(badChecksum.status, 400);
    assert.deepEqual(badChecksum.json, [{ message: 'Account ID: id value of incorrect type: 001000000000000ZZZ', errorCode: 'MALFORMED_ID', fields: ['Id'] }]);
    assert.deepEqual((await call('GET', '/sobjects/Account/001000000000000AAA')).json, NOT_FOUND);
    const contact = ((await call('GET', '/sobjects/Contact')).json as { recentItems: Rec[] }).recentItems[0]!.Id as string;
    assert.deepEqual((await call('GET', `/sobjects/Account/${contact}`)).json, NOT_FOUND, 'a Contact id under Account');
    const badField = await call('GET', `/sobjects/Contact/${contact}?fields=Nope`);
    assert.equal(badField.status, 400);
    assert.equal((badField.json as ApiErrors)[0]!.errorCode, 'INVALID_FIELD');
  });

  it('answers bad bodies with the spec codes and texts', async () => {
    const cases: [unknown, number, string, RegExp][] = [
      [{ Industry: 'Retail' }, 400, 'REQUIRED_FIELD_MISSING', /^Required fields are missing: \[Name\]$/],
      [{ Name: 'x', Bogus__c: 1 }, 400, 'INVALID_FIELD', /^No such column 'Bogus__c' on sobject of type Account$/],
      [{ Id: '001000000000000AAA', Name: 'x' }, 400, 'INVALID_FIELD', /^The Id field should not be specified in the sobject data\.$/],
      ['{"Name": "x",}', 400, 'JSON_PARSER_ERROR', /^Unexpected character \('}' \(code 125\)\): was expecting double-quote to start field name\n at \[line:1, column:14\]$/],
      ['{', 400, 'JSON_PARSER_ERROR', /end-of-input/],
      [{ Name: 'x', NumberOfEmployees: 'many' }, 400, 'JSON_PARSER_ERROR', /Cannot deserialize instance of int/],
      [{ Name: 'x', CreatedDate: '2020-01-01T00:00:00Z' }, 400, 'INVALID_FIELD_FOR_INSERT_UPDATE', /^Unable to create\/update fields: CreatedDate\./],
      [{ Name: 'x'.repeat(256) }, 400, 'STRING_TOO_LONG', /^Account Name: data value too large: x+ \(max length=255\)$/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await call('POST', '/sobjects/Account', body);
      assert.equal(res.status, status, JSON.stringify(body));
      const [error] = res.json as ApiErrors;
      assert.equal(error!.errorCode, code, JSON.stringify(body));
      assert.match(error!.message, message);
    }
    const contact = await call('POST', '/sobjects/Contact', { LastName: 'Ref', AccountId: 'not-an-id' });
    assert.deepEqual(contact.json, [{ message: 'Account ID: id value of incorrect type: not-an-id', errorCode: 'MALFORMED_ID', fields: ['AccountId'] }]);
  });

  it('answers wrong methods with 405 and the allowed list', async () => {
    const res = await call('PATCH', '/sobjects/Account');
    assert.equal(res.status, 405);
    assert.deepEqual(res.json, [{ message: "HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST", errorCode: 'METHOD_NOT_ALLOWED' }]);
    const put = await call('PUT', '/sobjects/Account/001000000000000AAA');
    assert.equal((put.json as ApiErrors)[0]!.message, "HTTP Method 'PUT' not allowed. Allowed are GET,HEAD,PATCH,DELETE");
    assert.equal((await call('POST', '/sobjects')).status, 405);
  });
});
