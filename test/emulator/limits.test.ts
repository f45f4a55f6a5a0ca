import assert from 'node:assert/strict';
import { LOCAL_USERS } from '../../src/emulator';
import { call } from './helpers';
import { loginAs, rest, useEmulatorWith } from './data-helpers';

type Limits = Record<string, { Max: number; Remaining: number }>;

function usage(header: string | null): { used: number; max: number } {
  const match = /^api-usage=(\d+)\/(\d+)$/.exec(header ?? '');
  assert.ok(match, `Sforce-Limit-Info: ${header}`);
  return { used: Number(match[1]), max: Number(match[2]) };
}

describe('emulator /limits', () => {
  const emu = useEmulatorWith({});
  let token = '';
  before(async () => {
    token = await loginAs(emu(), LOCAL_USERS.admin);
  });

  it('lists {Max, Remaining} per limit, DailyApiRequests consistent with Sforce-Limit-Info', async () => {
    const res = await rest(emu(), token, 'GET', '/services/data/v60.0/limits');
    assert.equal(res.status, 200);
    const limits = res.json as Limits;
    for (const [name, value] of Object.entries(limits)) {
      assert.deepEqual(Object.keys(value), ['Max', 'Remaining'], name);
      assert.ok(Number.isInteger(value.Max) && Number.isInteger(value.Remaining) && value.Remaining <= value.Max, name);
    }
    for (const name of ['DailyApiRequests', 'DailyBulkApiBatches', 'DataStorageMB', 'FileStorageMB', 'SingleEmail']) assert.ok(name in limits, name);
    const { used, max } = usage(res.headers.get('sforce-limit-info'));
    assert.equal(limits.DailyApiRequests!.Max, max);
    assert.equal(limits.DailyApiRequests!.Remaining, max - used);
  });

  it('counts real requests, failed ones included, between two /limits calls', async () => {
    const before = (await rest(emu(), token, 'GET', '/services/data/v60.0/limits')).json as Limits;
    await rest(emu(), token, 'GET', '/services/data/v60.0/query?q=SELECT+Id+FROM+Account');
    await rest(emu(), token, 'GET', '/services/data/v60.0/sobjects/Nope');
    await call(emu(), '/services/data/v60.0/limits', { headers: { Authorization: 'Bearer invalid' } });
    await call(emu(), '/services/data/');
    const after = (await rest(emu(), token, 'GET', '/services/data/v60.0/limits')).json as Limits;
    assert.equal(before.DailyApiRequests!.Remaining - after.DailyApiRequests!.Remaining, 3);
  });
});

describe('emulator dailyApiLimit', () => {
  const emu = useEmulatorWith({ dailyApiLimit: 4 });

  it('answers 403 REQUEST_LIMIT_EXCEEDED once the daily limit is spent', async () => {
    const token = await loginAs(emu(), LOCAL_USERS.admin);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await rest(emu(), token, 'GET', '/services/data/v60.0/limits')).status);
    assert.deepEqual(statuses, [200, 200, 200, 200]);
    const refused = await rest(emu(), token, 'GET', '/services/data/v60.0/query?q=SELECT+Id+FROM+Account');
    assert.equal(refused.status, 403);
    assert.equal(refused.text, '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]');
    assert.deepEqual(usage(refused.headers.get('sforce-limit-info')), { used: 4, max: 4 });
    assert.equal((await rest(emu(), token, 'GET', '/services/data/v60.0/limits')).status, 403);
    assert.equal((await call(emu(), '/services/data/')).status, 200, 'versions need no API request');
    assert.equal(typeof (await loginAs(emu(), LOCAL_USERS.admin)), 'string', 'logins still work');
  });
});
