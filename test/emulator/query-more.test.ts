import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { isId } from '../../src/emulator/ids';
import { loginAs, rest, soql, useEmulatorWith, type QueryBody } from './data-helpers';

const LOCATOR_URL = /^\/services\/data\/v60\.0\/query\/(0r8[0-9A-Za-z]{15})-(\d+)$/;

describe('emulator queryMore, batch sizes and queryAll', () => {
  const emu = useEmulatorWith({ records: 2500 });
  let token = '';
  before(async () => {
    token = await loginAs(emu(), LOCAL_USERS.admin);
  });
  const more = async (path: string, headers: Record<string, string> = {}): Promise<QueryBody> => {
    const res = await rest(emu(), token, 'GET', path, undefined, headers);
    assert.equal(res.status, 200, res.text);
    return res.json as QueryBody;
  };

  it('returns 2000 records by default with the full totalSize and a 0r8 locator, then the rest', async () => {
    const first = await soql(emu(), token, 'SELECT Id, Name FROM Account ORDER BY Name');
    assert.deepEqual(Object.keys(first), ['totalSize', 'done', 'nextRecordsUrl', 'records']);
    assert.equal(first.totalSize, 2500);
    assert.equal(first.done, false);
    assert.equal(first.records.length, 2000);
    const match = LOCATOR_URL.exec(first.nextRecordsUrl ?? '');
    assert.ok(match, first.nextRecordsUrl);
    assert.ok(isId(match[1]!), 'the locator is an 18-char id');
    assert.equal(match[2], '2000');
    const second = await more(first.nextRecordsUrl!);
    assert.deepEqual(Object.keys(second), ['totalSize', 'done', 'records']);
    assert.equal(second.totalSize, 2500);
    assert.equal(second.done, true);
    assert.equal(second.records.length, 500);
    const ids = [...first.records, ...second.records].map((r) => r.Id);
    assert.equal(new Set(ids).size, 2500);
    const sorted = [...first.records, ...second.records].map((r) => String(r.Name).toLowerCase());
    assert.deepEqual(sorted, [...sorted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('clamps Sforce-Query-Options batchSize to [200, 2000]', async () => {
    const sizes: [string, number][] = [['batchSize=50', 200], ['batchSize=300', 300], ['batchSize=5000', 2000], ['batchSize=oops', 2000]];
    for (const [header, expected] of sizes) {
      const body = await soql(emu(), token, 'SELECT Id FROM Account', { headers: { 'Sforce-Query-Options': header } });
      assert.equal(body.records.length, expected, header);
      assert.equal(body.totalSize, 2500);
      assert.equal(body.nextRecordsUrl?.endsWith(`-${expected}`), true, header);
    }
  });

  it('walks every batch, done:false exactly while a nextRecordsUrl is present', async () => {
    let body = await soql(emu(), token, 'SELECT Id FROM Account', { headers: { 'Sforce-Query-Options': 'batchSize=700' } });
    const seen = [...body.records];
    for (let i = 0; i < 10 && body.nextRecordsUrl; i++) {
      assert.equal(body.done, false);
      body = await more(body.nextRecordsUrl);
      seen.push(...body.records);
    }
    assert.equal(body.done, true);
    assert.equal(body.nextRecordsUrl, undefined);
    assert.equal(seen.length, 2500);
    assert.equal(new Set(seen.map((r) => r.Id)).size, 2500);
  });

  it('serves a locator under another version and under /queryAll/, with that version in the urls', async () => {
    const first = await soql(emu(), token, 'SELECT Id FROM Account', { headers: { 'Sforce-Query-Options': 'batchSize=1000' } });
    const locator = first.nextRecordsUrl!.split('/').pop()!;
    const viaOld = await more(`/services/data/v52.0/query/${locator}`);
    const viaAll = await more(`/services/data/v66.0/queryAll/${locator}`);
    assert.deepEqual(viaOld.records.map((r) => r.Id), viaAll.records.map((r) => r.Id));
    assert.equal(viaOld.records.length, 1000);
    assert.match(viaOld.records[0]!.attributes.url!, /^\/services\/data\/v52\.0\/sobjects\/Account\//);
    assert.match(viaOld.nextRecordsUrl!, /^\/services\/data\/v52\.0\/query\/0r8[0-9A-Za-z]{15}-2000$/);
    assert.match(viaAll.nextRecordsUrl!, /^\/services\/data\/v66\.0\/query\//, 'queryAll locators still say /query/');
  });

  it('honours LIMIT across batches and keeps COUNT() to totalSize', async () => {
    const limited = await soql(emu(), token, 'SELECT Id FROM Account LIMIT 2100');
    assert.equal(limited.totalSize, 2100);
    assert.equal((await more(limited.nextRecordsUrl!)).records.length, 100);
    assert.deepEqual(await soql(emu(), token, 'SELECT COUNT() FROM Account'), { totalSize: 2500, done: true, records: [] });
  });

  it('answers an unknown or garbage locator with 400 INVALID_QUERY_LOCATOR', async () => {
    const first = await soql(emu(), token, 'SELECT Id FROM Account');
    const locator = first.nextRecordsUrl!.split('/').pop()!.split('-')[0]!;
    for (const bad of ['0r8Lo0000000000AAA-2000', 'nonsense', `${locator}-999999`, `${locator}-0`]) {
      const res = await rest(emu(), token, 'GET', `/services/data/v60.0/query/${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(res.text, '[{"message":"invalid query locator","errorCode":"INVALID_QUERY_LOCATOR"}]');
    }
  });

  it('queryAll includes deleted rows with IsDeleted true; query does not', async () => {
    const created = await rest(emu(), token, 'POST', '/services/data/v60.0/sobjects/Account', { Name: 'Soon Deleted Ltd' });
    const id = (created.json as { id: string }).id;
    assert.equal((await rest(emu(), token, 'DELETE', `/services/data/v60.0/sobjects/Account/${id}`)).status, 204);
    const text = `SELECT Id, Name, IsDeleted FROM Account WHERE Id = '${id}'`;
    assert.equal((await soql(emu(), token, text)).totalSize, 0);
    const all = await soql(emu(), token, text, { all: true });
    assert.equal(all.totalSize, 1);
    assert.equal(all.records[0]!.IsDeleted, true);
  });
});

describe('emulator INVALID_QUERY_LOCATOR is configurable', () => {
  const emu = useEmulatorWith({ invalidQueryLocator: { status: 404, message: 'query locator expired' } });
  it('uses the configured status and text', async () => {
    const token = await loginAs(emu(), LOCAL_USERS.admin);
    const res = await rest(emu(), token, 'GET', '/services/data/v60.0/query/0r8Lo0000000000AAA-2000');
    assert.equal(res.status, 404);
    assert.deepEqual(res.json, [{ message: 'query locator expired', errorCode: 'INVALID_QUERY_LOCATOR' }]);
  });
});
