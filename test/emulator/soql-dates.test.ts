import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { loginAs, rest, soql, soqlError, useEmulatorWith } from './data-helpers';

// 07:00 UTC on 16 Jan 2024: still the 15th for the admin (Los Angeles, UTC-8) and the rep (New York, UTC-5 -> 02:00 on the 16th).
const NOW = Date.parse('2024-01-16T07:00:00Z');

describe('emulator SOQL date literals with a fixed clock', () => {
  const emu = useEmulatorWith({ now: () => NOW });
  let admin = '';
  let rep = '';
  before(async () => {
    admin = await loginAs(emu(), LOCAL_USERS.admin);
    rep = await loginAs(emu(), LOCAL_USERS.salesRep);
  });
  const count = async (token: string, where: string): Promise<number> => (await soql(emu(), token, `SELECT COUNT() FROM Account WHERE ${where}`)).totalSize;

  it('reads TODAY, YESTERDAY, LAST_N_DAYS, THIS_MONTH, THIS_YEAR and friends in the user time zone', async () => {
    // The sample accounts were created on 2024-01-15 from 09:30 UTC.
    const expectations: [string, number][] = [
      ['CreatedDate = TODAY', 12], ['CreatedDate = YESTERDAY', 0], ['CreatedDate = TOMORROW', 0], ['CreatedDate = LAST_N_DAYS:1', 12],
      ['CreatedDate = THIS_WEEK', 12], ['CreatedDate = THIS_MONTH', 12], ['CreatedDate = LAST_MONTH', 0], ['CreatedDate = THIS_YEAR', 12],
      ['CreatedDate = THIS_QUARTER', 12], ['CreatedDate = NEXT_N_DAYS:5', 0], ['CreatedDate < TODAY', 0], ['CreatedDate > YESTERDAY', 12],
      ['CreatedDate <= TODAY', 12], ['CreatedDate >= TOMORROW', 0], ['CreatedDate != TODAY', 0], ['CreatedDate = N_DAYS_AGO:0', 12],
      ['CreatedDate IN (YESTERDAY, TODAY)', 12], ['CreatedDate = LAST_90_DAYS', 12], ['CreatedDate = LAST_N_MONTHS:2', 0],
    ];
    for (const [where, expected] of expectations) assert.equal(await count(admin, where), expected, where);
  });

  it('uses the caller time zone: for the New York user those records are from YESTERDAY', async () => {
    const own = await count(rep, 'CreatedDate != null');
    assert.ok(own > 0);
    assert.equal(await count(rep, 'CreatedDate = YESTERDAY'), own);
    assert.equal(await count(rep, 'CreatedDate = TODAY'), 0);
  });

  it('reads date literals on date fields and stamps new records with the clock', async () => {
    const created = await rest(emu(), admin, 'POST', '/services/data/v60.0/sobjects/Opportunity', { Name: 'Clocked', StageName: 'Prospecting', CloseDate: '2024-01-15' });
    assert.equal(created.status, 201, created.text);
    const id = (created.json as { id: string }).id;
    const today = await soql(emu(), admin, "SELECT Id, CreatedDate FROM Opportunity WHERE CloseDate = TODAY AND Name = 'Clocked'");
    assert.deepEqual(today.records.map((r) => r.Id), [id]);
    assert.equal(today.records[0]!.CreatedDate, '2024-01-16T07:00:00.000+0000');
    assert.equal((await soql(emu(), admin, 'SELECT Id FROM Opportunity WHERE CloseDate = 2024-01-15')).totalSize, 1);
    assert.equal((await soql(emu(), admin, 'SELECT Id FROM Opportunity WHERE CreatedDate = LAST_N_DAYS:0')).totalSize, 1);
  });

  it('refuses date literals on other fields and fiscal literals as 400s', async () => {
    assert.equal((await soqlError(emu(), admin, 'SELECT Id FROM Account WHERE Name = TODAY'))[0]!.errorCode, 'INVALID_FIELD');
    assert.equal((await soqlError(emu(), admin, 'SELECT Id FROM Account WHERE CreatedDate = THIS_FISCAL_YEAR'))[0]!.errorCode, 'MALFORMED_QUERY');
  });
});
