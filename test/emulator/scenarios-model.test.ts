/**
 * The org settings the scenarios are made of, with an injected clock: a new Connected App becomes known once its
 * propagation window has passed, the Refresh Token Policy expires tokens after its time, profile Login IP Ranges are
 * matched against the caller's address, and an object without Read is INVALID_TYPE in semi-joins too.
 */
import { expect } from 'chai';
import { ipv4Number, insideLoginIpRanges } from '../../src/emulator/oauth/user-access';
import { getJson, login, passwordForm, postForm, soqlPath } from './helpers';
import { clock, exchangeCode, obtainCode, oauthError, TOKEN, useStartedEmulator } from './oauth-helpers';

const MINUTE = 60_000;

describe('scenario building blocks', () => {
  describe('a Connected App created just now (app-not-propagated)', () => {
    const time = clock();
    const emu = useStartedEmulator({ now: time.now, scenario: 'app-not-propagated' });

    it('answers invalid_client_id until the propagation window (10 minutes) has passed, then works', async () => {
      expect(oauthError(await postForm(emu(), TOKEN, passwordForm(emu())))).to.deep.equal({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
      time.advance(10 * MINUTE - 1);
      expect(oauthError(await postForm(emu(), TOKEN, passwordForm(emu()))).error).to.equal('invalid_client_id');
      time.advance(1);
      expect((await postForm(emu(), TOKEN, passwordForm(emu()))).status).to.equal(200);
    });
  });

  describe('the propagation window is an OAuth behaviour', () => {
    const time = clock();
    const emu = useStartedEmulator({ now: time.now, scenario: 'app-not-propagated', oauth: { appPropagationMs: 2 * MINUTE } });

    it('a scenario keeps the caller\'s other behaviours: here a 2-minute window', async () => {
      time.advance(2 * MINUTE);
      expect((await postForm(emu(), TOKEN, passwordForm(emu()))).status).to.equal(200);
    });
  });

  describe('Refresh Token Policy "Expire refresh token after"', () => {
    const time = clock();
    const emu = useStartedEmulator({ now: time.now, app: { refreshTokenExpiresAfterMs: MINUTE } });

    it('refreshes until the policy time, then answers expired access/refresh token', async () => {
      const c = emu().credentials;
      const tokens = JSON.parse((await exchangeCode(emu(), await obtainCode(emu(), { scope: 'api refresh_token' }))).text) as { refresh_token: string };
      const refresh = () => postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: c.clientId, client_secret: c.clientSecret });
      time.advance(MINUTE - 1);
      expect((await refresh()).status).to.equal(200);
      time.advance(1);
      expect(oauthError(await refresh())).to.deep.equal({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    });
  });

  describe('profile Login IP Ranges', () => {
    const emu = useStartedEmulator();

    it('let a caller inside a range log in and refuse one outside every range', async () => {
      const admin = emu().local.org.users[0]!;
      admin.loginIpRanges = [{ start: '10.0.0.0', end: '10.255.255.255' }, { start: '127.0.0.1', end: '127.0.0.1' }];
      expect((await postForm(emu(), TOKEN, passwordForm(emu()))).status).to.equal(200);
      admin.loginIpRanges = [{ start: '10.0.0.0', end: '10.255.255.255' }];
      expect(oauthError(await postForm(emu(), TOKEN, passwordForm(emu())))).to.deep.equal({ error: 'invalid_grant', error_description: 'ip restricted or invalid login hours' });
      admin.loginIpRanges = [];
      expect((await postForm(emu(), TOKEN, passwordForm(emu()))).status).to.equal(200);
    });

    it('reads IPv4, IPv4-mapped IPv6 and ::1; other IPv6 addresses are outside every range', () => {
      expect(ipv4Number('10.0.0.1')).to.equal(167772161);
      expect(ipv4Number('::ffff:127.0.0.1')).to.equal(ipv4Number('127.0.0.1'));
      expect(ipv4Number('::1')).to.equal(ipv4Number('127.0.0.1'));
      expect(ipv4Number('fe80::1')).to.equal(undefined);
      expect(ipv4Number('256.0.0.1')).to.equal(undefined);
      expect(insideLoginIpRanges([{ start: '127.0.0.0', end: '127.255.255.255' }], 'fe80::1')).to.equal(false);
      expect(insideLoginIpRanges(undefined, undefined)).to.equal(true);
    });
  });

  describe('an object the profile cannot read (object-not-visible)', () => {
    const emu = useStartedEmulator({ scenario: 'object-not-visible' });

    it('is INVALID_TYPE in FROM and in a semi-join; other objects still answer', async () => {
      const { access_token: token } = await login(emu());
      const direct = await getJson(emu(), soqlPath('SELECT Id FROM Account'), token);
      expect(direct.status).to.equal(400);
      expect(direct.json).to.have.nested.property('[0].errorCode', 'INVALID_TYPE');
      const semi = await getJson(emu(), soqlPath('SELECT Id FROM Contact WHERE AccountId IN (SELECT Id FROM Account)'), token);
      expect(semi.status).to.equal(400);
      expect(semi.json).to.have.nested.property('[0].errorCode', 'INVALID_TYPE');
      expect((await getJson(emu(), soqlPath('SELECT Name FROM Contact LIMIT 5'), token)).status).to.equal(200);
    });
  });
});
