/**
 * Conformance with a real client: jsforce 3 (unmodified) pointed only at the emulator, logging in with
 * the password grant, then querying across several batches, CRUD, describes and limits.
 */
import assert from 'node:assert/strict';
import { Connection } from 'jsforce';
import { LOCAL_USERS } from '../../src/emulator';
import { useEmulatorWith } from './data-helpers';

interface AccountRow {
  Id: string;
  Name: string;
}

describe('jsforce 3 against the emulator: data API', () => {
  // 4500 accounts: more than two default batches of 2000.
  const emu = useEmulatorWith({ records: 4500 });
  let conn: Connection;

  before(async () => {
    const c = emu().credentials;
    conn = new Connection({ oauth2: { loginUrl: emu().url, clientId: c.clientId, clientSecret: c.clientSecret }, version: '60.0' });
    await conn.login(LOCAL_USERS.admin.username, LOCAL_USERS.admin.password + LOCAL_USERS.admin.securityToken);
    assert.equal(conn.instanceUrl, emu().url);
  });

  it('query with autoFetch walks every default batch', async () => {
    const fetches: number[] = [];
    const query = conn.query<AccountRow>('SELECT Id, Name FROM Account ORDER BY Name', { autoFetch: true, maxFetch: 100000 });
    query.on('fetch', () => fetches.push(1));
    const result = await query;
    assert.equal(result.totalSize, 4500);
    assert.equal(result.records.length, 4500);
    assert.equal(result.done, true);
    assert.equal(new Set(result.records.map((r) => r.Id)).size, 4500);
    assert.equal(fetches.length, 3, '2000 + 2000 + 500');
  });

  it('autoFetch with a 200-record batch size and queryMore by hand', async () => {
    const small = await conn.query<AccountRow>('SELECT Id FROM Account', { autoFetch: true, maxFetch: 100000, headers: { 'Sforce-Query-Options': 'batchSize=200' } });
    assert.equal(small.records.length, 4500);
    const first = await conn.query<AccountRow>('SELECT Id, Name FROM Account');
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000);
    assert.ok(first.nextRecordsUrl);
    const second = await conn.queryMore<AccountRow>(first.nextRecordsUrl);
    assert.equal(second.records.length, 2000);
    assert.equal(second.totalSize, 4500);
    const third = await conn.queryMore<AccountRow>(second.nextRecordsUrl!);
    assert.equal(third.done, true);
    assert.equal(third.records.length, 500);
    const ids = new Set([...first.records, ...second.records, ...third.records].map((r) => r.Id));
    assert.equal(ids.size, 4500);
  });

  it('sobject create, retrieve, update and destroy', async () => {
    const created = await conn.sobject('Account').create({ Name: 'jsforce Corp', Industry: 'Technology' });
    assert.equal(created.success, true);
    const id = created.id!;
    const record = (await conn.sobject('Account').retrieve(id)) as unknown as Record<string, unknown>;
    assert.equal(record.Name, 'jsforce Corp');
    assert.equal(record.Id, id);
    const updated = await conn.sobject('Account').update({ Id: id, Name: 'jsforce Corp (renamed)' });
    assert.equal(updated.success, true);
    const renamed = await conn.query<AccountRow>(`SELECT Name FROM Account WHERE Id = '${id}'`);
    assert.equal(renamed.records[0]!.Name, 'jsforce Corp (renamed)');
    const destroyed = await conn.sobject('Account').destroy(id);
    assert.equal(destroyed.success, true);
    await assert.rejects(conn.sobject('Account').retrieve(id), (err: Error & { errorCode?: string }) => err.errorCode === 'ENTITY_IS_DELETED' || err.name === 'ENTITY_IS_DELETED');
    await assert.rejects(conn.sobject('Account').create({ Industry: 'Retail' }), (err: Error & { errorCode?: string }) => (err.errorCode ?? err.name) === 'REQUIRED_FIELD_MISSING');
  });

  it('describeGlobal and describe', async () => {
    const global = await conn.describeGlobal();
    assert.ok(global.sobjects.some((o) => o.name === 'Account' && o.keyPrefix === '001'));
    const account = await conn.sobject('Account').describe();
    assert.equal(account.name, 'Account');
    const owner = account.fields.find((f) => f.name === 'OwnerId')!;
    assert.equal(owner.type, 'reference');
    assert.deepEqual(owner.referenceTo, ['User']);
    assert.ok(account.childRelationships.some((r) => r.relationshipName === 'Contacts'));
  });

  it('limits, with the API usage jsforce reads from Sforce-Limit-Info', async () => {
    const limits = await conn.limits();
    assert.equal(limits.DailyApiRequests.Max, 15000);
    assert.ok(limits.DailyApiRequests.Remaining < 15000);
    assert.equal(conn.limitInfo.apiUsage?.limit, 15000);
    assert.equal(conn.limitInfo.apiUsage?.used, 15000 - limits.DailyApiRequests.Remaining);
  });

  it('a standard user sees strictly fewer accounts than the admin', async () => {
    const c = emu().credentials;
    const rep = new Connection({ oauth2: { loginUrl: emu().url, clientId: c.clientId, clientSecret: c.clientSecret }, version: '60.0' });
    await rep.login(LOCAL_USERS.salesRep.username, LOCAL_USERS.salesRep.password + LOCAL_USERS.salesRep.securityToken);
    const mine = await rep.query('SELECT COUNT() FROM Account');
    const all = await conn.query('SELECT COUNT() FROM Account');
    assert.ok(mine.totalSize > 0 && mine.totalSize < all.totalSize);
  });
});
