import assert from 'node:assert/strict';
import { postForm, passwordForm } from './helpers';
import { oauthError, TOKEN, useStartedEmulator } from './oauth-helpers';

describe('emulator password grant: user state and Permitted Users policy', () => {
  const emu = useStartedEmulator();
  const integration = () => emu().local.org.users.find((u) => u.username === emu().credentials.username)!;

  it('answers "user hasn\'t approved this consumer" when the admin-approved app is not assigned to the user', async () => {
    const user = integration();
    const saved = user.permissionSets;
    user.permissionSets = ['some_other_set'];
    try {
      assert.deepEqual(oauthError(await postForm(emu(), TOKEN, passwordForm(emu()))), { error: 'invalid_grant', error_description: "user hasn't approved this consumer" });
      emu().local.app.profiles = [user.profile.name];
      assert.equal((await postForm(emu(), TOKEN, passwordForm(emu()))).status, 200, 'assigned through the profile');
      emu().local.app.profiles = [];
      emu().local.app.permittedUsers = 'all';
      assert.equal((await postForm(emu(), TOKEN, passwordForm(emu()))).status, 200, 'all users may self-authorize');
    } finally {
      user.permissionSets = saved;
      emu().local.app.permittedUsers = 'admin_approved';
      emu().local.app.profiles = [];
    }
  });

  const cases: [string, (u: ReturnType<typeof integration>, on: boolean) => void, string][] = [
    ['inactive', (u, on) => void (u.active = !on), 'inactive user'],
    ['locked', (u, on) => void (u.locked = on), 'authentication failure'],
    ['IP-restricted', (u, on) => void (u.loginIpRestricted = on), 'ip restricted or invalid login hours'],
  ];
  for (const [label, set, description] of cases) {
    it(`answers invalid_grant "${description}" for a ${label} user`, async () => {
      set(integration(), true);
      try {
        assert.deepEqual(oauthError(await postForm(emu(), TOKEN, passwordForm(emu()))), { error: 'invalid_grant', error_description: description });
      } finally {
        set(integration(), false);
      }
      assert.equal((await postForm(emu(), TOKEN, passwordForm(emu()))).status, 200);
    });
  }
});

describe('emulator password grant: org setting "Allow OAuth Username-Password Flows" off', () => {
  const emu = useStartedEmulator({ oauth: { usernamePasswordFlowAllowed: false } });

  it('answers every password grant with "authentication failure", while other grants still work', async () => {
    assert.deepEqual(oauthError(await postForm(emu(), TOKEN, passwordForm(emu()))), { error: 'invalid_grant', error_description: 'authentication failure' });
    emu().local.app.clientCredentialsUser = emu().credentials.username;
    const c = emu().credentials;
    const cc = await postForm(emu(), TOKEN, { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret });
    assert.equal(cc.status, 200, cc.text);
  });
});
