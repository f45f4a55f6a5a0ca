/** The session store stays bounded under any load (bench/load.ts): past its capacity the least recently used session ends. */
import assert from 'node:assert/strict';
import { SessionStore } from '../../src/emulator/oauth/session';

describe('emulator session store bound', () => {
  it('ends the least recently used session past its capacity, never one in use', () => {
    const store = new SessionStore(60_000, () => 1_000, 3);
    const org = { id15: '00D000000000001', id: '00D000000000001AAA' };
    const [a, b, c] = [1, 2, 3].map(() => store.issue(org, '005000000000001AAA', 'client').accessToken);
    assert.ok(store.use(a!), 'a is used: now the most recent');
    const d = store.issue(org, '005000000000001AAA', 'client').accessToken;
    assert.equal(store.use(b!), undefined, 'b, the least recently used, ended');
    for (const t of [a, c, d]) assert.ok(store.use(t!), 'the others live on');
  });
});
