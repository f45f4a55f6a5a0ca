import assert from 'node:assert/strict';
import { isId } from '../../src/emulator/ids';
import { call, getJson, login, soqlPath, useEmulator } from './helpers';

interface QueryRecord {
  attributes: { type: string; url: string };
  [field: string]: unknown;
}
interface QueryResult {
  totalSize: number;
  done: boolean;
  records: QueryRecord[];
}
type ApiErrors = { message: string; errorCode: string }[];

const SUFFIX_FIELD =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

describe('emulator GET /services/data/vXX.X/query', () => {
  const emu = useEmulator();
  let token = '';
  before(async () => {
    token = (await login(emu())).access_token;
  });

  const query = async (soql: string, version = '58.0'): Promise<QueryResult> => {
    const res = await getJson(emu(), soqlPath(soql, version), token);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    return res.json as QueryResult;
  };
  const names = (result: QueryResult): unknown[] => result.records.map((r) => r.Name);
  const queryError = async (soql: string): Promise<ApiErrors> => {
    const res = await getJson(emu(), soqlPath(soql), token);
    assert.equal(res.status, 400, res.text);
    assert.equal(res.headers.get('content-type'), 'application/json;charset=UTF-8');
    return res.json as ApiErrors;
  };

  it('SELECT Name FROM Contact LIMIT 10: ten records with only attributes and Name', async () => {
    const result = await query('SELECT Name FROM Contact LIMIT 10');
    assert.deepEqual(Object.keys(result), ['totalSize', 'done', 'records']);
    assert.equal(result.totalSize, 10);
    assert.equal(result.done, true);
    assert.equal(result.records.length, 10);
    for (const record of result.records) {
      assert.deepEqual(Object.keys(record), ['attributes', 'Name']);
      assert.deepEqual(Object.keys(record.attributes), ['type', 'url']);
      assert.equal(record.attributes.type, 'Contact');
      const match = /^\/services\/data\/v58\.0\/sobjects\/Contact\/(003[0-9A-Za-z]{15})$/.exec(record.attributes.url);
      assert.ok(match && isId(match[1]!), record.attributes.url);
      assert.equal(typeof record.Name, 'string');
      assert.notEqual(record.Name, '');
    }
  });

  it('SELECT Id, Name, Industry, Type FROM Account: fields in SELECT order with valid ids', async () => {
    const result = await query('SELECT Id, Name, Industry, Type FROM Account');
    assert.ok(result.totalSize >= 10, `totalSize ${result.totalSize}`);
    assert.equal(result.records.length, result.totalSize);
    for (const record of result.records) {
      assert.deepEqual(Object.keys(record), ['attributes', 'Id', 'Name', 'Industry', 'Type']);
      const id = record.Id as string;
      assert.ok(id.startsWith('001') && id.length === 18 && isId(id), id);
      assert.equal(record.attributes.url, `/services/data/v58.0/sobjects/Account/${id}`);
      assert.equal(typeof record.Industry, 'string');
      assert.equal(typeof record.Type, 'string');
    }
  });

  it('uses schema casing whatever the query casing, the /query/ form and the request version', async () => {
    const res = await getJson(emu(), `/services/data/v66.0/query/?q=${encodeURIComponent('select name, INDUSTRY from account limit 1')}`, token);
    assert.equal(res.status, 200, res.text);
    const record = (res.json as QueryResult).records[0]!;
    assert.deepEqual(Object.keys(record), ['attributes', 'Name', 'Industry']);
    assert.equal(record.attributes.type, 'Account');
    assert.match(record.attributes.url, /^\/services\/data\/v66\.0\/sobjects\/Account\//);
  });

  it('returns the same ids for the same records in every query', async () => {
    const a = await query('SELECT Id FROM Contact');
    const b = await query('SELECT Id FROM Contact');
    assert.deepEqual(a.records.map((r) => r.Id), b.records.map((r) => r.Id));
    assert.equal(new Set(a.records.map((r) => r.Id)).size, a.totalSize);
  });

  it('filters with =, != and LIKE case-insensitively', async () => {
    const energy = await query("SELECT Name FROM Account WHERE Industry = 'energy'");
    assert.equal(energy.totalSize, 3);
    assert.ok(names(energy).every((n) => String(n).startsWith('United Oil & Gas')));
    const all = await query('SELECT Id FROM Account');
    assert.equal((await query("SELECT Id FROM Account WHERE Industry != 'Energy'")).totalSize, all.totalSize - 3);
    assert.equal((await query("SELECT Name FROM Account WHERE Name LIKE 'united%'")).totalSize, 3);
    assert.deepEqual(names(await query("SELECT Name FROM Account WHERE Name LIKE '%gas%' AND BillingCountry = 'USA'")), ['United Oil & Gas Corp.']);
  });

  it('combines OR, AND and parentheses', async () => {
    assert.equal((await query("SELECT Id FROM Account WHERE Industry = 'Energy' OR Industry = 'Education'")).totalSize, 4);
    const both = await query("SELECT Name FROM Account WHERE (Industry = 'Energy' OR Industry = 'Education') AND BillingCountry = 'USA' ORDER BY Name");
    assert.deepEqual(names(both), ['United Oil & Gas Corp.', 'University of Arizona']);
    const negated = await query("SELECT Id FROM Account WHERE NOT (Industry = 'Energy' OR Industry = 'Education')");
    const all = await query('SELECT Id FROM Account');
    assert.equal(negated.totalSize, all.totalSize - 4);
  });

  it('reads escaped quotes in string literals', async () => {
    const result = await query("SELECT FirstName, LastName, Name FROM Contact WHERE LastName = 'D\\'Cruz'");
    assert.equal(result.totalSize, 1);
    assert.deepEqual({ ...result.records[0], attributes: undefined }, { attributes: undefined, FirstName: 'Liz', LastName: "D'Cruz", Name: "Liz D'Cruz" });
  });

  it('orders, limits and offsets', async () => {
    const all = names(await query('SELECT Name FROM Account ORDER BY Name'));
    const sorted = [...all].sort((a, b) => String(a).toLowerCase().localeCompare(String(b).toLowerCase()));
    assert.deepEqual(all, sorted);
    assert.deepEqual(names(await query('SELECT Name FROM Account ORDER BY Name DESC LIMIT 3')), [...all].reverse().slice(0, 3));
    assert.deepEqual(names(await query('SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1')), all.slice(1, 3));
  });

  it('sorts nulls first ascending (the SOQL guide: "By default, null values are sorted first"), last descending, or as told', async () => {
    const revenue = (result: QueryResult): unknown[] => result.records.map((r) => r.AnnualRevenue);
    const ascending = revenue(await query('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue'));
    const nulls = ascending.filter((v) => v === null).length;
    assert.ok(nulls > 0 && nulls < ascending.length, 'the seed has accounts with and without revenue');
    assert.deepEqual(ascending.slice(0, nulls), Array(nulls).fill(null));
    const numbers = ascending.slice(nulls) as number[];
    assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
    assert.deepEqual(revenue(await query('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue DESC')).slice(-nulls), Array(nulls).fill(null));
    assert.deepEqual(revenue(await query('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue NULLS LAST')).slice(-nulls), Array(nulls).fill(null));
    assert.deepEqual(revenue(await query('SELECT AnnualRevenue FROM Account ORDER BY AnnualRevenue DESC NULLS FIRST')).slice(0, nulls), Array(nulls).fill(null));
  });

  it('nests parent relationship fields as records, null when the lookup is empty', async () => {
    const result = await query("SELECT Name, Account.Name, Account.Industry FROM Contact WHERE LastName = 'Gonzalez'");
    const record = result.records[0]!;
    assert.deepEqual(Object.keys(record), ['attributes', 'Name', 'Account']);
    const account = record.Account as QueryRecord;
    assert.deepEqual(Object.keys(account), ['attributes', 'Name', 'Industry']);
    assert.equal(account.attributes.type, 'Account');
    assert.match(account.attributes.url, /^\/services\/data\/v58\.0\/sobjects\/Account\/001[0-9A-Za-z]{15}$/);
    assert.equal(account.Name, 'Edge Communications');
    const role = await query("SELECT Name, UserRole.ParentRole.Name FROM User WHERE Username = 'integration@sfcheck.local'");
    const userRole = role.records[0]!.UserRole as QueryRecord;
    assert.equal(userRole.attributes.type, 'UserRole');
    assert.deepEqual(Object.keys(userRole), ['attributes', 'ParentRole']);
    assert.equal(userRole.ParentRole, null, 'the top role has no parent');
  });

  it('counts with COUNT()', async () => {
    const contacts = await query('SELECT Id FROM Contact');
    const count = await query('SELECT COUNT() FROM Contact');
    assert.deepEqual(count, { totalSize: contacts.totalSize, done: true, records: [] });
  });

  it('filters on the owner id from userinfo and with USING SCOPE mine', async () => {
    const me = JSON.parse((await call(emu(), '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${token}` } })).text) as { user_id: string };
    const owned = await query(`SELECT Id, OwnerId FROM Account WHERE OwnerId = '${me.user_id}'`);
    assert.ok(owned.totalSize > 0);
    assert.ok(owned.records.every((r) => r.OwnerId === me.user_id));
    const mine = await query('SELECT Id FROM Account USING SCOPE mine');
    assert.deepEqual(mine.records.map((r) => r.Id), owned.records.map((r) => r.Id));
    const by15 = await query(`SELECT Id FROM Account WHERE OwnerId = '${me.user_id.slice(0, 15)}'`);
    assert.equal(by15.totalSize, owned.totalSize);
  });

  it('answers a missing q with MALFORMED_QUERY', async () => {
    const res = await getJson(emu(), '/services/data/v58.0/query', token);
    assert.equal(res.status, 400);
    assert.equal(res.text, '[{"message":"A query string has to be specified","errorCode":"MALFORMED_QUERY"}]');
  });

  it('answers unparseable SOQL with MALFORMED_QUERY and a caret block', async () => {
    const [error] = await queryError('SELECT Id FRM Account');
    assert.equal(error!.errorCode, 'MALFORMED_QUERY');
    const match = /^\nSELECT Id FRM Account\n( *)\^\nERROR at Row:1:Column:(\d+)\nunexpected token: '.+'$/.exec(error!.message);
    assert.ok(match, JSON.stringify(error!.message));
    assert.equal(match[1]!.length, Number(match[2]) - 1);
  });

  it('answers an unknown object with INVALID_TYPE and the caret on the object name', async () => {
    const errors = await queryError('SELECT Id FROM no_such_object');
    assert.deepEqual(errors, [
      {
        message:
          "\nSELECT Id FROM no_such_object\n               ^\nERROR at Row:1:Column:16\nsObject type 'no_such_object' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
        errorCode: 'INVALID_TYPE',
      },
    ]);
  });

  it('answers an unknown field with INVALID_FIELD and the caret on the field', async () => {
    const errors = await queryError('SELECT Bogus__c FROM Account');
    assert.deepEqual(errors, [
      { message: `\nSELECT Bogus__c FROM Account\n       ^\nERROR at Row:1:Column:8\nNo such column 'Bogus__c' on entity 'Account'. ${SUFFIX_FIELD}`, errorCode: 'INVALID_FIELD' },
    ]);
    const [inWhere] = await queryError("SELECT Id FROM Account WHERE Nme = 'x'");
    assert.equal(inWhere!.message, `\nSELECT Id FROM Account WHERE Nme = 'x'\n                             ^\nERROR at Row:1:Column:30\nNo such column 'Nme' on entity 'Account'. ${SUFFIX_FIELD}`);
    // The caret skips the same word inside a relationship path.
    const [afterPath] = await queryError('SELECT Account.Industry, Industry FROM Contact');
    assert.match(afterPath!.message, /^\nSELECT Account\.Industry, Industry FROM Contact\n {25}\^\nERROR at Row:1:Column:26\nNo such column 'Industry' on entity 'Contact'\./);
    const [badRelationship] = await queryError('SELECT Acount.Name FROM Contact');
    assert.match(badRelationship!.message, /\nERROR at Row:1:Column:8\nDidn't understand relationship 'Acount' in field path\./);
  });

  it('answers an Id compared with a non-Id with INVALID_QUERY_FILTER_OPERATOR', async () => {
    const [error] = await queryError("SELECT Id, Name FROM Account WHERE OwnerId='me'");
    assert.equal(error!.errorCode, 'INVALID_QUERY_FILTER_OPERATOR');
    assert.match(error!.message, /\nERROR at Row:1:Column:\d+\ninvalid ID field: me$/);
  });

  it('refuses AND and OR mixed without parentheses', async () => {
    const [error] = await queryError("SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' OR Industry = 'c'");
    assert.equal(error!.errorCode, 'MALFORMED_QUERY');
    assert.match(error!.message, /\n {55}\^\nERROR at Row:1:Column:56\nunexpected token: 'OR'$/);
  });

  it('answers what it does not emulate with a 400, never a 500', async () => {
    for (const soql of ['SELECT TYPEOF Owner WHEN User THEN Name END FROM Account', 'SELECT Id FROM Account WHERE CALENDAR_YEAR(CreatedDate) = 2024', 'SELECT Id FROM Account USING SCOPE team', 'SELECT Id FROM Account WHERE CreatedDate = LAST_FISCAL_YEAR']) {
      const [error] = await queryError(soql);
      assert.equal(error!.errorCode, 'MALFORMED_QUERY', soql);
    }
  });

  it('answers an unknown version or resource with NOT_FOUND and a wrong method with 405', async () => {
    const notFound = '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]';
    for (const path of ['/services/data/v99.0/query?q=SELECT+Id+FROM+Account', '/services/data/v30.0/query?q=SELECT+Id+FROM+Account', '/services/data/v58.0/nope', '/services/data/58.0/query']) {
      const res = await getJson(emu(), path, token);
      assert.equal(res.status, 404, path);
      assert.equal(res.text, notFound, path);
    }
    const post = await call(emu(), soqlPath('SELECT Id FROM Account'), { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(post.status, 405);
    assert.equal((JSON.parse(post.text) as ApiErrors)[0]!.errorCode, 'METHOD_NOT_ALLOWED');
  });
});
