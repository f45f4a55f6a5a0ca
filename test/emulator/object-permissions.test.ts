/**
 * Object permissions of a profile (`profile.readOnlyObjects`): the user reads the object (SOQL, record GET) but may
 * not create, edit or delete it: 403 INSUFFICIENT_ACCESS_OR_READONLY `insufficient access rights on object id`
 * (wire spec §6.4). Other objects and other users are untouched. The create's answer is [UNVERIFIED] and configurable.
 */
import assert from 'node:assert/strict';
import { LOCAL_USERS, type StartedEmulator } from '../../src/emulator';
import { loginAs, rest, soql, useEmulatorWith, type ApiErrors } from './data-helpers';

const V = '/services/data/v60.0';
const REFUSED: ApiErrors = [{ message: 'insufficient access rights on object id', errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' }];

function readOnlyAccount(emu: StartedEmulator, username: string): void {
  const user = emu.local.org.users.find((u) => u.username === username)!;
  user.profile = { ...user.profile, name: 'Integration Read Only', readOnlyObjects: ['Account'] };
}

describe('emulator object permissions: a profile that reads an object without modifying it', () => {
  const emu = useEmulatorWith();
  let agent = '';
  let rep = '';
  let ownId = '';
  before(async () => {
    agent = await loginAs(emu(), LOCAL_USERS.supportAgent);
    rep = await loginAs(emu(), LOCAL_USERS.salesRep);
    // An Account the agent owns, created while the profile still allowed it.
    const created = await rest(emu(), agent, 'POST', `${V}/sobjects/Account`, { Name: 'owned by the agent' });
    assert.equal(created.status, 201, created.text);
    ownId = (created.json as { id: string }).id;
    readOnlyAccount(emu(), LOCAL_USERS.supportAgent.username);
  });

  it('refuses create, update and delete of its own Account with 403 INSUFFICIENT_ACCESS_OR_READONLY', async () => {
    const create = await rest(emu(), agent, 'POST', `${V}/sobjects/Account`, { Name: 'refused' });
    assert.equal(create.status, 403);
    assert.deepEqual(create.json, REFUSED);
    const update = await rest(emu(), agent, 'PATCH', `${V}/sobjects/Account/${ownId}`, { Name: 'renamed' });
    assert.equal(update.status, 403);
    assert.deepEqual(update.json, REFUSED);
    const override = await rest(emu(), agent, 'POST', `${V}/sobjects/Account/${ownId}?_HttpMethod=PATCH`, { Name: 'renamed' });
    assert.equal(override.status, 403, override.text);
    const del = await rest(emu(), agent, 'DELETE', `${V}/sobjects/Account/${ownId}`);
    assert.equal(del.status, 403);
    assert.deepEqual(del.json, REFUSED);
  });

  it('still reads it: the record unchanged by the refused writes, and SOQL', async () => {
    const got = await rest(emu(), agent, 'GET', `${V}/sobjects/Account/${ownId}?fields=Name,IsDeleted`);
    assert.equal(got.status, 200, got.text);
    assert.equal((got.json as { Name: string }).Name, 'owned by the agent');
    assert.equal((got.json as { IsDeleted: boolean }).IsDeleted, false);
    const rows = await soql(emu(), agent, `SELECT Id FROM Account WHERE Id = '${ownId}'`);
    assert.equal(rows.totalSize, 1);
  });

  it('leaves the other objects writable for that user, and Account writable for the other users', async () => {
    const contact = await rest(emu(), agent, 'POST', `${V}/sobjects/Contact`, { LastName: 'Still Allowed' });
    assert.equal(contact.status, 201, contact.text);
    const other = await rest(emu(), rep, 'POST', `${V}/sobjects/Account`, { Name: 'the rep may' });
    assert.equal(other.status, 201, other.text);
    const id = (other.json as { id: string }).id;
    assert.equal((await rest(emu(), rep, 'DELETE', `${V}/sobjects/Account/${id}`)).status, 204);
  });
});

describe('emulator option createWithoutPermission [UNVERIFIED]', () => {
  const emu = useEmulatorWith({ createWithoutPermission: { status: 400, errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message: 'no create' } });

  it('changes the answer to a create without the permission, not to an edit', async () => {
    const agent = await loginAs(emu(), LOCAL_USERS.supportAgent);
    const own = await rest(emu(), agent, 'POST', `${V}/sobjects/Account`, { Name: 'before' });
    assert.equal(own.status, 201, own.text);
    readOnlyAccount(emu(), LOCAL_USERS.supportAgent.username);
    const create = await rest(emu(), agent, 'POST', `${V}/sobjects/Account`, { Name: 'refused' });
    assert.equal(create.status, 400);
    assert.deepEqual(create.json, [{ message: 'no create', errorCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY' }]);
    const update = await rest(emu(), agent, 'PATCH', `${V}/sobjects/Account/${(own.json as { id: string }).id}`, { Name: 'x' });
    assert.deepEqual([update.status, update.json], [403, REFUSED]);
  });
});
