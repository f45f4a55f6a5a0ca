import assert from 'node:assert/strict';
import { call, login } from './helpers';
import { clock, useStartedEmulator } from './oauth-helpers';

describe('emulator sessions: inactivity timeout (Session policies > Timeout Value)', () => {
  const time = clock();
  const emu = useStartedEmulator({ now: time.now, oauth: { sessionTimeoutMs: 24 * 60 * 60 * 1000 } });
  const rest = (token: string) => call(emu(), '/services/data/v58.0/', { headers: { Authorization: `Bearer ${token}` } });

  it('keeps a used token alive and ends it after the timeout without use (injected clock)', async () => {
    const { access_token: token } = await login(emu());
    time.advance(23 * 60 * 60 * 1000);
    assert.equal((await rest(token)).status, 200, 'used within 24 hours');
    time.advance(23 * 60 * 60 * 1000);
    assert.equal((await rest(token)).status, 200, 'the last use restarted the clock');
    time.advance(24 * 60 * 60 * 1000 + 1);
    const expired = await rest(token);
    assert.equal(expired.status, 401);
    assert.equal(JSON.parse(expired.text)[0].errorCode, 'INVALID_SESSION_ID');
  });
});
