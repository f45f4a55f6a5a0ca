import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_USERS, startEmulator, type EmulatorOptions } from '../../src/emulator';
import { ACCOUNT_TYPES, INDUSTRIES } from '../../src/emulator/data/schema';
import { tempDir } from '../helpers';
import { loginAs, rest, soql, useEmulatorWith, type QueryBody } from './data-helpers';

const SNAPSHOT = [
  'SELECT Id, Name, Type, Industry, BillingCity, BillingCountry, AnnualRevenue, NumberOfEmployees, OwnerId, CreatedDate FROM Account ORDER BY Id',
  'SELECT Id, Name, Email, Title, AccountId, OwnerId FROM Contact ORDER BY Id',
  'SELECT Id, Name, StageName, Amount, CloseDate, AccountId FROM Opportunity ORDER BY Id',
];

async function snapshot(options: EmulatorOptions): Promise<QueryBody[]> {
  const emu = await startEmulator(options);
  try {
    const token = await loginAs(emu, LOCAL_USERS.admin);
    const out: QueryBody[] = [];
    for (const q of SNAPSHOT) out.push(await soql(emu, token, `${q} LIMIT 2000`));
    return out;
  } finally {
    await emu.close();
  }
}

describe('emulator seeded data', () => {
  it('is deterministic: the same seed and size give the same ids and values', async () => {
    const a = await snapshot({ records: 300, seed: 7 });
    const b = await snapshot({ records: 300, seed: 7 });
    assert.deepEqual(a, b);
    assert.equal(a[0]!.totalSize, 300);
    const c = await snapshot({ records: 300, seed: 8 });
    assert.deepEqual(c[0]!.records.map((r) => r.Id), a[0]!.records.map((r) => r.Id), 'ids depend on the size, not the seed');
    assert.notDeepEqual(c[0]!.records.map((r) => r.Name), a[0]!.records.map((r) => r.Name));
  });

  it('keeps the 12 sample accounts and 25 contacts by default', async () => {
    const [accounts, contacts, opportunities] = await snapshot({});
    assert.equal(accounts!.totalSize, 12);
    assert.equal(contacts!.totalSize, 25);
    assert.equal(opportunities!.totalSize, 0);
    assert.ok(accounts!.records.some((r) => r.Name === 'Edge Communications'));
  });

  it('persists to a data file between runs when asked', async () => {
    const dir = tempDir();
    const dataFile = join(dir, 'org.sqlite');
    try {
      const first = await startEmulator({ dataFile, records: 40 });
      const token = await loginAs(first, LOCAL_USERS.admin);
      const created = await rest(first, token, 'POST', '/services/data/v60.0/sobjects/Account', { Name: 'Persisted Ltd' });
      const id = (created.json as { id: string }).id;
      await first.close();

      const second = await startEmulator({ dataFile, records: 9999 });
      try {
        const again = await loginAs(second, LOCAL_USERS.admin);
        assert.equal((await soql(second, again, 'SELECT COUNT() FROM Account')).totalSize, 41, 'the file wins over records');
        assert.equal((await soql(second, again, `SELECT Name FROM Account WHERE Id = '${id}'`)).records[0]!.Name, 'Persisted Ltd');
        const next = await rest(second, again, 'POST', '/services/data/v60.0/sobjects/Account', { Name: 'Second Run Ltd' });
        assert.equal(next.status, 201);
        assert.notEqual((next.json as { id: string }).id, id);
        assert.equal((await soql(second, again, 'SELECT COUNT() FROM Account')).totalSize, 42);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('emulator seeded data at 5k accounts', () => {
  const emu = useEmulatorWith({ records: 5000 });
  let token = '';
  before(async () => {
    token = await loginAs(emu(), LOCAL_USERS.admin);
  });

  it('loads realistic accounts, contacts and opportunities owned by several users', async () => {
    assert.equal((await soql(emu(), token, 'SELECT COUNT() FROM Account')).totalSize, 5000);
    assert.ok((await soql(emu(), token, 'SELECT COUNT() FROM Contact')).totalSize >= 4000);
    assert.ok((await soql(emu(), token, 'SELECT COUNT() FROM Opportunity')).totalSize >= 2000);
    const owners = await soql(emu(), token, 'SELECT OwnerId, COUNT(Id) FROM Account GROUP BY OwnerId');
    assert.equal(owners.totalSize, 3);
    const sample = await soql(emu(), token, 'SELECT Name, Type, Industry, BillingCity, NumberOfEmployees, Website FROM Account ORDER BY CreatedDate DESC LIMIT 500 OFFSET 100');
    for (const r of sample.records) {
      assert.ok(typeof r.Name === 'string' && r.Name.length > 1);
      assert.ok(ACCOUNT_TYPES.includes(String(r.Type)) && INDUSTRIES.includes(String(r.Industry)));
      assert.ok(typeof r.BillingCity === 'string' && typeof r.NumberOfEmployees === 'number');
    }
    const filtered = await soql(emu(), token, "SELECT Id, Name FROM Account WHERE Industry = 'Banking' AND NumberOfEmployees > 1000 ORDER BY AnnualRevenue DESC NULLS LAST LIMIT 2000");
    assert.ok(filtered.totalSize > 0 && filtered.totalSize < 5000);
  });
});
