/** The wire spec §10 checklist, points 5 to 10: one test each, over real HTTP. */
import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { isId } from '../../src/emulator/ids';
import { call } from './helpers';
import { loginAs, rest, soql, useEmulatorWith, type Rec } from './data-helpers';

const V = '/services/data/v60.0';

describe('emulator wire spec §10 checklist (points 5-10)', () => {
  const emu = useEmulatorWith({ records: 2300 });
  let token = '';
  let identity = '';
  before(async () => {
    token = await loginAs(emu(), LOCAL_USERS.admin);
    const c = emu().credentials;
    const res = await call(emu(), '/services/oauth2/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: c.clientId, client_secret: c.clientSecret, username: c.username, password: c.password + c.securityToken }).toString(),
    });
    identity = (JSON.parse(res.text) as { id: string }).id;
  });

  it('checklist 5: 401 INVALID_SESSION_ID arrays for bad tokens, errors always arrays, empty 204s, Sforce-Limit-Info on data calls', async () => {
    for (const auth of ['Bearer expired-or-unknown', '']) {
      const res = await call(emu(), `${V}/sobjects/Account`, { headers: auth ? { Authorization: auth } : {} });
      assert.equal(res.status, 401);
      assert.equal(res.text, '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]');
    }
    const failures = [
      await rest(emu(), token, 'GET', `${V}/query?q=SELEC`),
      await rest(emu(), token, 'GET', `${V}/sobjects/Nope/describe`),
      await rest(emu(), token, 'POST', `${V}/sobjects/Account`, '{'),
      await rest(emu(), token, 'DELETE', `${V}/limits`),
    ];
    for (const res of failures) {
      assert.ok(res.status >= 400 && res.status < 500, res.text);
      assert.ok(Array.isArray(res.json) && (res.json as unknown[]).length === 1, res.text);
      assert.match(res.headers.get('sforce-limit-info') ?? '', /^api-usage=\d+\/15000$/);
    }
    const created = await rest(emu(), token, 'POST', `${V}/sobjects/Contact`, { LastName: 'Checklist' });
    const id = (created.json as { id: string }).id;
    for (const res of [await rest(emu(), token, 'PATCH', `${V}/sobjects/Contact/${id}`, { Title: 'QA' }), await rest(emu(), token, 'DELETE', `${V}/sobjects/Contact/${id}`)]) {
      assert.equal(res.status, 204);
      assert.equal(res.text, '');
      assert.equal(res.headers.get('content-length'), '0');
      assert.match(res.headers.get('sforce-limit-info') ?? '', /^api-usage=\d+\/15000$/);
    }
  });

  it('checklist 6: versions need no auth and carry no Sforce-Limit-Info; resources by version include an absolute identity', async () => {
    const versions = await call(emu(), '/services/data/');
    assert.equal(versions.status, 200);
    assert.equal(versions.headers.get('sforce-limit-info'), null);
    const resources = await rest(emu(), token, 'GET', `${V}/`);
    const body = resources.json as Record<string, string>;
    assert.equal(body.identity, identity);
    assert.match(body.identity!, /^http:\/\/[^/]+\/id\/00D[0-9A-Za-z]{15}\/005[0-9A-Za-z]{15}$/);
    for (const key of ['sobjects', 'query', 'queryAll', 'limits', 'search', 'recent']) assert.equal(body[key], `${V}/${key}`, key);
  });

  it('checklist 7: batches of 2000, batchSize clamped, locators under any version and /queryAll/, full totalSize, done:false iff nextRecordsUrl', async () => {
    const first = await soql(emu(), token, 'SELECT Id FROM Account');
    assert.equal(first.totalSize, 2300);
    assert.equal(first.records.length, 2000);
    assert.equal(first.done, false);
    assert.match(first.nextRecordsUrl!, /^\/services\/data\/v60\.0\/query\/0r8[0-9A-Za-z]{15}-2000$/);
    const clamped = await soql(emu(), token, 'SELECT Id FROM Account', { headers: { 'Sforce-Query-Options': 'batchSize=1' } });
    assert.equal(clamped.records.length, 200);
    const locator = first.nextRecordsUrl!.split('/').pop()!;
    for (const path of [`/services/data/v45.0/query/${locator}`, `/services/data/v60.0/queryAll/${locator}`]) {
      const next = await rest(emu(), token, 'GET', path);
      const page = next.json as { totalSize: number; done: boolean; nextRecordsUrl?: string; records: Rec[] };
      assert.equal(page.totalSize, 2300, path);
      assert.equal(page.records.length, 300, path);
      assert.equal(page.done, true, path);
      assert.ok(!('nextRecordsUrl' in page), path);
    }
  });

  it('checklist 8: attributes {type, url} first, aggregates {type: AggregateResult} only with expr0, null relationships', async () => {
    const records = await soql(emu(), token, 'SELECT Name, Account.Name FROM Contact WHERE AccountId = null LIMIT 1');
    assert.equal(records.records.length, 0, 'the seed links every contact');
    const created = await rest(emu(), token, 'POST', `${V}/sobjects/Contact`, { LastName: 'Orphan' });
    assert.equal(created.status, 201);
    const orphan = (await soql(emu(), token, "SELECT Name, Account.Name FROM Contact WHERE LastName = 'Orphan'")).records[0]!;
    assert.deepEqual(Object.keys(orphan), ['attributes', 'Name', 'Account']);
    assert.deepEqual(Object.keys(orphan.attributes), ['type', 'url']);
    assert.equal(orphan.Account, null);
    const aggregate = (await soql(emu(), token, 'SELECT COUNT(Id) FROM Contact')).records[0]!;
    assert.deepEqual(Object.keys(aggregate), ['attributes', 'expr0']);
    assert.deepEqual(aggregate.attributes, { type: 'AggregateResult' });
  });

  it('checklist 9: create is 201 {"id","success","errors":[]}; PATCH and DELETE are 204', async () => {
    const created = await rest(emu(), token, 'POST', `${V}/sobjects/Opportunity`, { Name: 'Checklist deal', StageName: 'Prospecting', CloseDate: '2026-12-31' });
    assert.equal(created.status, 201);
    assert.match(created.text, /^\{"id":"006[0-9A-Za-z]{15}","success":true,"errors":\[\]\}$/);
    const id = (created.json as { id: string }).id;
    assert.equal((await rest(emu(), token, 'PATCH', `${V}/sobjects/Opportunity/${id}`, { Amount: 10 })).status, 204);
    assert.equal((await rest(emu(), token, 'DELETE', `${V}/sobjects/Opportunity/${id}`)).status, 204);
  });

  it('checklist 10: 18-char ids with a valid checksum and the right key prefix', async () => {
    const prefixes: [string, string][] = [['Account', '001'], ['Contact', '003'], ['User', '005'], ['Opportunity', '006'], ['Profile', '00e'], ['UserRole', '00E']];
    for (const [object, prefix] of prefixes) {
      const body = await soql(emu(), token, `SELECT Id FROM ${object} LIMIT 50`);
      assert.ok(body.records.length > 0, object);
      for (const r of body.records) {
        const id = String(r.Id);
        assert.equal(id.length, 18, id);
        assert.ok(isId(id), id);
        assert.ok(id.startsWith(prefix), `${object} ${id}`);
        assert.ok(r.attributes.url!.endsWith(`/${object}/${id}`));
      }
    }
    assert.match(identity.split('/').slice(-2)[0]!, /^00D[0-9A-Za-z]{15}$/);
    assert.ok(isId(identity.split('/').slice(-2)[0]!));
  });
});
