import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { loginAs, soql, soqlError, useEmulatorWith, type Rec } from './data-helpers';

const names = (records: Rec[]): unknown[] => records.map((r) => r.Name);

describe('emulator SOQL engine (SQLite)', () => {
  const emu = useEmulatorWith({});
  let admin = '';
  before(async () => {
    admin = await loginAs(emu(), LOCAL_USERS.admin);
  });
  const q = (text: string) => soql(emu(), admin, text);

  it('filters with IN, NOT IN, <, <=, >, >= on numbers', async () => {
    const inList = await q("SELECT Name FROM Account WHERE BillingCity IN ('Austin', 'Chicago', 'Nowhere') ORDER BY Name");
    assert.deepEqual(names(inList.records), ['Edge Communications', 'Grand Hotels & Resorts Ltd']);
    const all = (await q('SELECT Id FROM Account')).totalSize;
    assert.equal((await q("SELECT Id FROM Account WHERE BillingCity NOT IN ('Austin', 'Chicago')")).totalSize, all - 2);
    const big = await q('SELECT Name, NumberOfEmployees FROM Account WHERE NumberOfEmployees >= 24000 ORDER BY NumberOfEmployees DESC');
    assert.deepEqual(big.records.map((r) => r.NumberOfEmployees), [145000, 39000, 24000]);
    assert.equal((await q('SELECT Id FROM Account WHERE NumberOfEmployees > 24000')).totalSize, 2);
    assert.equal((await q('SELECT Id FROM Account WHERE NumberOfEmployees < 265')).totalSize, 1);
    assert.equal((await q('SELECT Id FROM Account WHERE NumberOfEmployees <= 265')).totalSize, 2);
    assert.equal((await q('SELECT Id FROM Account WHERE AnnualRevenue > 100000000.5')).totalSize, 6);
  });

  it('compares with null both ways and treats != as matching nulls', async () => {
    const all = (await q('SELECT Id FROM Account')).totalSize;
    const none = (await q('SELECT Id FROM Account WHERE AnnualRevenue = null')).totalSize;
    const some = (await q('SELECT Id FROM Account WHERE AnnualRevenue != null')).totalSize;
    assert.ok(none > 0 && some > 0);
    assert.equal(none + some, all);
    assert.equal((await q('SELECT Id FROM Account WHERE AnnualRevenue != 139000000')).totalSize, all - 1);
    assert.equal((await q("SELECT Id FROM Account WHERE Website = null")).totalSize, 1);
  });

  it('filters booleans, ids in any accepted form and parent fields', async () => {
    const all = (await q('SELECT Id FROM Account')).totalSize;
    assert.equal((await q('SELECT Id FROM Account WHERE IsDeleted = false')).totalSize, all);
    const edge = (await q("SELECT Id FROM Account WHERE Name = 'Edge Communications'")).records[0]!.Id as string;
    assert.equal((await q(`SELECT Id FROM Contact WHERE AccountId = '${edge.toLowerCase().slice(0, 15).length === 15 ? edge.slice(0, 15) : edge}'`)).totalSize, 2);
    assert.equal((await q(`SELECT Id FROM Contact WHERE AccountId = '${edge.toLowerCase()}'`)).totalSize, 2, 'an 18-char id in any casing');
    const viaParent = await q("SELECT LastName FROM Contact WHERE Account.Industry = 'Energy' AND Account.BillingCountry != 'USA' ORDER BY LastName");
    assert.deepEqual(viaParent.records.map((r) => r.LastName), ["D'Cruz", 'James', 'Ripley']);
  });

  it('reads LIKE with _ and escaped wildcards', async () => {
    assert.deepEqual(names((await q("SELECT Name FROM Account WHERE Name LIKE 'sForc_'")).records), ['sForce']);
    assert.equal((await q("SELECT Id FROM Account WHERE Name LIKE '100\\%%'")).totalSize, 0);
  });

  it('nests Owner.Name and deeper paths, with schema casing', async () => {
    const result = await q("select name, owner.name, account.owner.alias from contact where lastname = 'Gonzalez'");
    const record = result.records[0]!;
    assert.deepEqual(Object.keys(record), ['attributes', 'Name', 'Owner', 'Account']);
    assert.deepEqual(Object.keys(record.Owner as Rec), ['attributes', 'Name']);
    assert.equal((record.Owner as Rec).Name, 'Integration User');
    const account = record.Account as Rec;
    assert.equal(account.attributes.type, 'Account');
    assert.equal((account.Owner as Rec).attributes.type, 'User');
    assert.equal((account.Owner as Rec).Alias, 'integ');
  });

  it('answers child subqueries with nested QueryResults, null when there are no children', async () => {
    const result = await q("SELECT Name, (SELECT LastName, Title FROM Contacts ORDER BY LastName) FROM Account WHERE Name IN ('Edge Communications', 'sForce', 'United Oil & Gas, UK') ORDER BY Name");
    const [edge, sforce, uk] = result.records;
    assert.deepEqual(Object.keys(edge!), ['attributes', 'Name', 'Contacts']);
    const contacts = edge!.Contacts as { totalSize: number; done: boolean; records: Rec[] };
    assert.deepEqual(Object.keys(contacts), ['totalSize', 'done', 'records']);
    assert.deepEqual(contacts.records.map((r) => r.LastName), ['Forbes', 'Gonzalez']);
    assert.equal(contacts.records[0]!.attributes.type, 'Contact');
    assert.equal((sforce!.Contacts as { totalSize: number }).totalSize, 2);
    assert.equal((uk!.Contacts as { totalSize: number }).totalSize, 1);
    const childless = await q("SELECT Name, (SELECT Id FROM Contacts WHERE LastName = 'Nobody') FROM Account WHERE Name = 'GenePoint'");
    assert.equal(childless.records[0]!.Contacts, null);
  });

  it('aggregates: COUNT(field), SUM, AVG, MIN, MAX with GROUP BY and HAVING, expr names or aliases', async () => {
    const result = await q("SELECT Industry, COUNT(Id), SUM(NumberOfEmployees) staff, MAX(Name) FROM Account WHERE Industry IN ('Energy', 'Apparel') GROUP BY Industry ORDER BY Industry");
    assert.deepEqual(result.records, [
      { attributes: { type: 'AggregateResult' }, Industry: 'Apparel', expr0: 1, staff: 9000, expr1: 'Burlington Textiles Corp of America' },
      { attributes: { type: 'AggregateResult' }, Industry: 'Energy', expr0: 3, staff: 172000, expr1: 'United Oil & Gas, UK' },
    ]);
    assert.equal(result.totalSize, 2);
    const one = await q('SELECT COUNT(Id), AVG(NumberOfEmployees), MIN(CreatedDate) FROM Account');
    assert.equal(one.records.length, 1);
    assert.deepEqual(Object.keys(one.records[0]!), ['attributes', 'expr0', 'expr1', 'expr2']);
    assert.equal(one.records[0]!.expr0, 12);
    assert.match(String(one.records[0]!.expr2), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    const having = await q('SELECT Account.Name, COUNT(Id) n FROM Contact GROUP BY Account.Name HAVING COUNT(Id) >= 3 ORDER BY COUNT(Id) DESC');
    assert.deepEqual(having.records.map((r) => [r.Name, r.n]), [['United Oil & Gas Corp.', 4], ['Express Logistics and Transport', 3]]);
  });

  it('semi-joins and anti-joins with IN / NOT IN (SELECT ...)', async () => {
    const withSvps = await q("SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Title LIKE 'SVP%') ORDER BY Name");
    assert.deepEqual(names(withSvps.records), [
      'Dickenson plc', 'Edge Communications', 'Express Logistics and Transport', 'Grand Hotels & Resorts Ltd',
      'Pyramid Construction Inc.', 'United Oil & Gas Corp.',
    ]);
    const all = (await q('SELECT Id FROM Account')).totalSize;
    const without = await q('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact)');
    assert.equal(without.totalSize, 0);
    const notSvp = await q("SELECT Id FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE Title LIKE 'SVP%')");
    assert.equal(notSvp.totalSize, all - 6);
    const [error] = await soqlError(emu(), admin, 'SELECT Id FROM Account WHERE Name IN (SELECT AccountId FROM Contact)');
    assert.equal(error!.errorCode, 'INVALID_FIELD');
  });

  it('SELECT COUNT() gives only totalSize', async () => {
    assert.deepEqual(await q("SELECT COUNT() FROM Contact WHERE Account.Industry = 'Energy'"), { totalSize: 7, done: true, records: [] });
  });

  it('expands FIELDS(STANDARD) to every field in describe order', async () => {
    const record = (await q("SELECT FIELDS(STANDARD) FROM Account WHERE Name = 'GenePoint'")).records[0]!;
    assert.deepEqual(Object.keys(record).slice(0, 4), ['attributes', 'Id', 'IsDeleted', 'Name']);
    assert.ok(Object.keys(record).includes('SystemModstamp'));
    assert.equal(record.IsDeleted, false);
    const [error] = await soqlError(emu(), admin, 'SELECT FIELDS(ALL) FROM Account');
    assert.equal(error!.errorCode, 'MALFORMED_QUERY');
  });

  it('reads date and datetime literals in the stored formats', async () => {
    const after = await q('SELECT Name, CreatedDate FROM Account WHERE CreatedDate > 2024-01-15T09:40:00Z ORDER BY CreatedDate');
    assert.equal(after.totalSize, 1);
    assert.equal(after.records[0]!.CreatedDate, '2024-01-15T09:41:00.000+0000');
    assert.equal((await q('SELECT Id FROM Account WHERE CreatedDate >= 2024-01-15T10:40:00+01:00')).totalSize, 2, 'an offset is honoured');
    const [error] = await soqlError(emu(), admin, "SELECT Id FROM Account WHERE CreatedDate > '2024-01-01'");
    assert.equal(error!.errorCode, 'INVALID_FIELD');
  });

  it('answers errors in the caret form, never a 500', async () => {
    const cases: [string, string, RegExp][] = [
      ['SELECT Id FROM Account WHERE', 'MALFORMED_QUERY', /ERROR at Row:1:Column:\d+\nunexpected token:/],
      ['SELECT Id, Nope FROM Contact', 'INVALID_FIELD', /^\nSELECT Id, Nope FROM Contact\n {11}\^\nERROR at Row:1:Column:12\nNo such column 'Nope' on entity 'Contact'/],
      ['SELECT Id FROM Acount', 'INVALID_TYPE', /\nERROR at Row:1:Column:16\nsObject type 'Acount' is not supported/],
      ["SELECT Id FROM Account WHERE OwnerId = 'me'", 'INVALID_QUERY_FILTER_OPERATOR', /\nERROR at Row:1:Column:30\ninvalid ID field: me$/],
      ["SELECT Id FROM Account WHERE Id LIKE '001%'", 'INVALID_QUERY_FILTER_OPERATOR', /invalid operator on id field$/],
      ['SELECT Name, (SELECT Id FROM Contactz) FROM Account', 'INVALID_TYPE', /Didn't understand relationship 'Contactz'/],
      ['SELECT Name, COUNT(Id) FROM Account GROUP BY Industry', 'MALFORMED_QUERY', /Field must be grouped or aggregated: Name$/],
      ["SELECT Id FROM Account WHERE NumberOfEmployees = 'many'", 'INVALID_FIELD', /must be of type integer/],
    ];
    for (const [text, code, pattern] of cases) {
      const [error] = await soqlError(emu(), admin, text);
      assert.equal(error!.errorCode, code, text);
      assert.match(error!.message, pattern, text);
    }
    for (const text of ["SELECT", "SELECT Id FROM Account WHERE Name = '", 'SELECT Id FROM Account LIMIT -1', 'SELECT Id FROM Account OFFSET 5000', "SELECT SUM(Name) FROM Account", 'SELECT Id FROM Account ORDER BY Nope', "SELECT Id FROM Account WHERE CreatedDate = LAST_N_DAYS:abc"]) {
      const res = await soqlError(emu(), admin, text).catch((e: Error) => e);
      assert.ok(Array.isArray(res), `${text}: ${String(res)}`);
    }
  });
});
