import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { loginAs, rest, soql, useEmulatorWith, type ApiErrors, type Rec } from './data-helpers';

const V = '/services/data/v60.0';

async function userId(emu: Parameters<typeof rest>[0], token: string): Promise<string> {
  const body = await soql(emu, token, `SELECT Id FROM User WHERE Username = '${LOCAL_USERS.salesRep.username}'`);
  return String(body.records[0]!.Id);
}

describe('emulator users, profiles and sharing (Private org-wide defaults)', () => {
  const emu = useEmulatorWith({ records: 60 });
  let admin = '';
  let rep = '';
  let agent = '';
  let repId = '';
  before(async () => {
    admin = await loginAs(emu(), LOCAL_USERS.admin);
    rep = await loginAs(emu(), LOCAL_USERS.salesRep);
    agent = await loginAs(emu(), LOCAL_USERS.supportAgent);
    repId = await userId(emu(), admin);
  });

  it('lets the two standard users log in with the password grant and gives them the Standard User profile', async () => {
    const users = await soql(emu(), admin, 'SELECT Username, Profile.Name, UserRole.Name, UserRole.ParentRole.Name FROM User ORDER BY Username');
    const rows = users.records.map((r) => [r.Username, (r.Profile as Rec).Name, ((r.UserRole as Rec).ParentRole as Rec | null)?.Name ?? null]);
    assert.deepEqual(rows, [
      [LOCAL_USERS.admin.username, 'System Administrator', null],
      [LOCAL_USERS.salesRep.username, 'Standard User', 'CEO'],
      [LOCAL_USERS.supportAgent.username, 'Standard User', 'CEO'],
    ]);
  });

  it('shows a standard user only the records they own, strictly fewer than the admin sees', async () => {
    for (const object of ['Account', 'Contact', 'Opportunity']) {
      const all = await soql(emu(), admin, `SELECT Id FROM ${object}`);
      const owned = await soql(emu(), admin, `SELECT Id FROM ${object} WHERE OwnerId = '${repId}'`);
      const seen = await soql(emu(), rep, `SELECT Id, OwnerId FROM ${object}`);
      assert.ok(seen.totalSize > 0, object);
      assert.ok(seen.totalSize < all.totalSize, object);
      assert.ok(seen.records.every((r) => r.OwnerId === repId), object);
      assert.deepEqual(seen.records.map((r) => r.Id), owned.records.map((r) => r.Id), object);
      assert.equal((await soql(emu(), rep, `SELECT COUNT() FROM ${object}`)).totalSize, owned.totalSize, object);
      assert.equal((await soql(emu(), rep, `SELECT COUNT(Id) n FROM ${object}`)).records[0]!.n, owned.totalSize, object);
    }
    const mine = await soql(emu(), rep, 'SELECT Id FROM Account USING SCOPE mine');
    assert.equal(mine.totalSize, (await soql(emu(), rep, 'SELECT Id FROM Account')).totalSize);
  });

  it('hides other users records on retrieve (404) and refuses writes to them (403)', async () => {
    const adminOwned = await soql(emu(), admin, `SELECT Id FROM Account WHERE OwnerId != '${repId}' LIMIT 1`);
    const repOwned = await soql(emu(), rep, 'SELECT Id FROM Account LIMIT 1');
    const hidden = String(adminOwned.records[0]!.Id);
    const visible = String(repOwned.records[0]!.Id);
    assert.equal((await rest(emu(), rep, 'GET', `${V}/sobjects/Account/${visible}`)).status, 200);
    const get = await rest(emu(), rep, 'GET', `${V}/sobjects/Account/${hidden}`);
    assert.equal(get.status, 404);
    assert.deepEqual(get.json, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    for (const method of ['PATCH', 'DELETE']) {
      const res = await rest(emu(), rep, method, `${V}/sobjects/Account/${hidden}`, method === 'PATCH' ? { Name: 'Mine now' } : undefined);
      assert.equal(res.status, 403, method);
      assert.equal((res.json as ApiErrors)[0]!.errorCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
    }
    assert.equal((await rest(emu(), admin, 'GET', `${V}/sobjects/Account/${visible}`)).status, 200, 'the admin sees everything');
  });

  it('gives new records to their creator and reads a hidden parent as null', async () => {
    const sample = await soql(emu(), agent, "SELECT Id FROM Account WHERE Name = 'Edge Communications'");
    assert.equal(sample.totalSize, 0, 'the agent does not own the sample accounts');
    const edge = String((await soql(emu(), admin, "SELECT Id FROM Account WHERE Name = 'Edge Communications'")).records[0]!.Id);
    const created = await rest(emu(), agent, 'POST', `${V}/sobjects/Contact`, { LastName: 'Crossover', AccountId: edge });
    assert.equal(created.status, 201, created.text);
    const asAgent = await soql(emu(), agent, "SELECT LastName, Account.Name FROM Contact WHERE LastName = 'Crossover'");
    assert.equal(asAgent.totalSize, 1);
    assert.equal(asAgent.records[0]!.Account, null);
    const asAdmin = await soql(emu(), admin, "SELECT LastName, Account.Name FROM Contact WHERE LastName = 'Crossover'");
    assert.equal((asAdmin.records[0]!.Account as Rec).Name, 'Edge Communications');
    assert.equal((await soql(emu(), rep, "SELECT Id FROM Contact WHERE LastName = 'Crossover'")).totalSize, 0);
    const children = await soql(emu(), admin, "SELECT (SELECT LastName FROM Contacts WHERE LastName = 'Crossover') FROM Account WHERE Name = 'Edge Communications'");
    assert.equal((children.records[0]!.Contacts as { totalSize: number }).totalSize, 1);
  });
});

describe('emulator sharing settings', () => {
  const emu = useEmulatorWith({ sharing: { Account: 'Read' }, hiddenRecord: 'INSUFFICIENT_ACCESS', emptyChildResult: 'empty' });

  it('Public Read Only accounts are visible to all but editable only by their owner; hidden records can be 403', async () => {
    const admin = await loginAs(emu(), LOCAL_USERS.admin);
    const rep = await loginAs(emu(), LOCAL_USERS.salesRep);
    const all = await soql(emu(), admin, 'SELECT Id, OwnerId FROM Account');
    assert.equal((await soql(emu(), rep, 'SELECT Id FROM Account')).totalSize, all.totalSize);
    const repId = await userId(emu(), admin);
    const other = all.records.find((r) => r.OwnerId !== repId)!;
    const patch = await rest(emu(), rep, 'PATCH', `${V}/sobjects/Account/${String(other.Id)}`, { Name: 'x' });
    assert.equal(patch.status, 403);
    const contact = await soql(emu(), admin, `SELECT Id FROM Contact WHERE OwnerId != '${repId}' LIMIT 1`);
    const hidden = await rest(emu(), rep, 'GET', `${V}/sobjects/Contact/${String(contact.records[0]!.Id)}`);
    assert.equal(hidden.status, 403);
    assert.deepEqual(hidden.json, [{ message: 'insufficient access rights on object id', errorCode: 'INSUFFICIENT_ACCESS' }]);
    const empty = await soql(emu(), admin, "SELECT (SELECT Id FROM Contacts WHERE LastName = 'Nobody') FROM Account LIMIT 1");
    assert.deepEqual(empty.records[0]!.Contacts, { totalSize: 0, done: true, records: [] });
  });
});
