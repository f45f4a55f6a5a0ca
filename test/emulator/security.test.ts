/**
 * The emulator's security properties (issue #8 point 5), one test per property: random tokens, constant-time
 * comparisons, tokens bound to user and client, expiry and revocation, single-use bound codes, state passed back
 * untouched, CSRF on the login and consent forms, and record visibility on every data route. Real HTTP on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_USERS, type StartedEmulator } from '../../src/emulator';
import { ROOT } from '../helpers';
import { loginAs, rest, soql, type ApiErrors, type QueryBody } from './data-helpers';
import { call, postForm } from './helpers';
import { authorizePath, Browser, clock, exchangeCode, obtainCode, oauthError, parseForm, pkce, redirectParams, TOKEN, useStartedEmulator } from './oauth-helpers';

const V = '/services/data/v60.0';
const OTHER_CALLBACK = 'http://localhost:1717/OtherCallback';
const OTHER_CLIENT = { id: '3MVG9security.other.client', secret: 'security-other-secret' };

/** Plug-in Shannon entropy (bits) of the positions where `samples` differ, summed: a lower bound for random strings. */
function entropyBits(samples: string[]): number {
  const length = Math.min(...samples.map((s) => s.length));
  let bits = 0;
  for (let i = 0; i < length; i++) {
    const counts = new Map<string, number>();
    for (const s of samples) counts.set(s[i]!, (counts.get(s[i]!) ?? 0) + 1);
    for (const n of counts.values()) bits -= (n / samples.length) * Math.log2(n / samples.length);
  }
  return bits;
}

function tokenOf(text: string): { access_token: string; refresh_token?: string; id: string } {
  return JSON.parse(text) as { access_token: string; refresh_token?: string; id: string };
}

describe('emulator security', () => {
  const clk = clock();
  const started = useStartedEmulator({ now: clk.now, records: 300 });
  const emu = (): StartedEmulator => started();
  before(() => {
    const app = emu().local.app;
    app.callbackUrls = [emu().credentials.redirectUri, OTHER_CALLBACK];
    // A second Connected App in the same org, to prove tokens and codes are bound to their client.
    emu().local.org.apps.push({ ...app, callbackUrls: [...app.callbackUrls], clientId: OTHER_CLIENT.id, clientSecret: OTHER_CLIENT.secret });
  });

  it('issues access tokens, refresh tokens, codes and anti-forgery tokens with at least 128 bits of entropy', async () => {
    const browser = new Browser(emu());
    const first = await browser.get(authorizePath({ response_type: 'code', client_id: emu().credentials.clientId, redirect_uri: emu().credentials.redirectUri }));
    const csrfs = [parseForm(first.text).hidden.find(([k]) => k === 'csrf')![1]];
    // The admin is pre-authorized (admin-approved app): the login redirects with a code at once.
    const codes = [redirectParams(await browser.submit(first.text, { username: emu().credentials.username, pw: emu().credentials.password })).get('code')!];
    for (let i = 0; i < 47; i++) {
      // The browser is logged in and the app approved: each authorize answers a fresh code at once.
      codes.push(redirectParams(await browser.get(authorizePath({ response_type: 'code', client_id: emu().credentials.clientId, redirect_uri: emu().credentials.redirectUri }))).get('code')!);
      const page = await new Browser(emu()).get(authorizePath({ response_type: 'code', client_id: emu().credentials.clientId, redirect_uri: emu().credentials.redirectUri }));
      csrfs.push(parseForm(page.text).hidden.find(([k]) => k === 'csrf')![1]);
    }
    const access: string[] = [];
    const refresh: string[] = [];
    for (const code of codes) {
      const body = tokenOf((await exchangeCode(emu(), code)).text);
      access.push(body.access_token.split('!')[1]!);
      refresh.push(body.refresh_token!);
    }
    for (const [name, values] of Object.entries({ access, refresh, codes, csrfs })) {
      assert.equal(new Set(values).size, values.length, `${name}: every value is unique`);
      const bits = entropyBits(values);
      assert.ok(bits >= 128, `${name}: about ${Math.round(bits)} bits of entropy measured over ${values.length} samples`);
    }
  });

  it('compares tokens, secrets, passwords and anti-forgery tokens in constant time', async () => {
    const src = (p: string) => readFileSync(join(ROOT, 'src', 'emulator', p), 'utf8');
    assert.match(src('secrets.ts'), /timingSafeEqual/);
    // Every store and check of a secret goes through the constant-time helper, never a plain string comparison.
    for (const file of ['oauth/session.ts', 'oauth/codes.ts', 'oauth/refresh-tokens.ts', 'oauth/token.ts', 'oauth/grants/password.ts', 'authorize/flows.ts', 'authorize/endpoint.ts']) {
      assert.match(src(file), /from '\.\.?\/(\.\.\/)*secrets'/, `${file} uses src/emulator/secrets.ts`);
    }
    assert.doesNotMatch(src('oauth/token.ts'), /secret\s*!==?\s*app\.clientSecret/);
    assert.doesNotMatch(src('oauth/grants/password.ts'), /password'\)\s*!==?/);
    assert.doesNotMatch(src('authorize/flows.ts'), /csrf\s*!==?\s*flow\.csrf/);
    assert.doesNotMatch(src('authorize/endpoint.ts'), /get\('pw'\)\s*!==?/);
    // And the comparisons still tell right from wrong, down to the last character.
    const token = tokenOf((await postForm(emu(), TOKEN, { grant_type: 'password', client_id: emu().credentials.clientId, client_secret: emu().credentials.clientSecret, username: emu().credentials.username, password: emu().credentials.password + emu().credentials.securityToken })).text).access_token;
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    assert.equal((await rest(emu(), token, 'GET', `${V}/limits`)).status, 200);
    assert.equal((await rest(emu(), token.slice(0, -1) + last, 'GET', `${V}/limits`)).status, 401);
    assert.equal((await rest(emu(), token.slice(0, -1), 'GET', `${V}/limits`)).status, 401);
    const secret = emu().credentials.clientSecret;
    const wrongSecret = await postForm(emu(), TOKEN, { grant_type: 'password', client_id: emu().credentials.clientId, client_secret: secret.slice(0, -1) + 'x', username: emu().credentials.username, password: emu().credentials.password + emu().credentials.securityToken });
    assert.equal(oauthError(wrongSecret).error, 'invalid_client');
  });

  it('binds an access token to its user and a token of either kind to its client', async () => {
    const rep = await loginAs(emu(), LOCAL_USERS.salesRep);
    const admin = await loginAs(emu(), LOCAL_USERS.admin);
    const who = async (t: string) => (JSON.parse((await call(emu(), '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${t}` } })).text) as { user_id: string; preferred_username: string });
    assert.equal((await who(rep)).preferred_username, LOCAL_USERS.salesRep.username);
    const adminInfo = await who(admin);
    assert.equal(adminInfo.preferred_username, LOCAL_USERS.admin.username);
    const foreignId = await call(emu(), new URL(tokenOf((await postForm(emu(), TOKEN, { grant_type: 'password', client_id: emu().credentials.clientId, client_secret: emu().credentials.clientSecret, username: LOCAL_USERS.admin.username, password: LOCAL_USERS.admin.password + LOCAL_USERS.admin.securityToken })).text).id).pathname, { headers: { Authorization: `Bearer ${rep}` } });
    assert.equal(foreignId.status, 403, "the rep's token cannot read the admin's identity URL");

    const { access_token, refresh_token } = tokenOf((await exchangeCode(emu(), await obtainCode(emu()))).text);
    const introspect = (token: string, client: { id: string; secret: string }) => postForm(emu(), '/services/oauth2/introspect', { token, client_id: client.id, client_secret: client.secret });
    const own = { id: emu().credentials.clientId, secret: emu().credentials.clientSecret };
    for (const t of [access_token, refresh_token!]) {
      assert.equal((JSON.parse((await introspect(t, own)).text) as { active: boolean }).active, true);
      assert.deepEqual(JSON.parse((await introspect(t, OTHER_CLIENT)).text), { active: false }, 'another client learns nothing of the token');
    }
    const stolen = await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: refresh_token!, client_id: OTHER_CLIENT.id, client_secret: OTHER_CLIENT.secret });
    assert.equal(oauthError(stolen).error, 'invalid_grant', 'a refresh token of one client is refused to another');
    assert.equal((await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: refresh_token!, client_id: own.id, client_secret: own.secret })).status, 200);
  });

  it('rejects expired and revoked access tokens, revoked refresh tokens and expired codes', async () => {
    const idle = await loginAs(emu(), LOCAL_USERS.salesRep);
    const code = await obtainCode(emu());
    clk.advance(2 * 60 * 60 * 1000 + 1000); // past the 2-hour inactivity timeout and the 15-minute code lifetime
    const expired = await rest(emu(), idle, 'GET', `${V}/limits`);
    assert.equal(expired.status, 401);
    assert.equal((expired.json as ApiErrors)[0]!.errorCode, 'INVALID_SESSION_ID');
    assert.equal((await call(emu(), '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${idle}` } })).text, 'Bad_OAuth_Token');
    assert.equal(oauthError(await exchangeCode(emu(), code)).error, 'invalid_grant');

    const live = await loginAs(emu(), LOCAL_USERS.salesRep);
    assert.equal((await rest(emu(), live, 'GET', `${V}/limits`)).status, 200);
    assert.equal((await postForm(emu(), '/services/oauth2/revoke', { token: live })).status, 200);
    assert.equal((await rest(emu(), live, 'GET', `${V}/limits`)).status, 401, 'a revoked access token is refused');

    const { access_token, refresh_token } = tokenOf((await exchangeCode(emu(), await obtainCode(emu()))).text);
    assert.equal((await postForm(emu(), '/services/oauth2/revoke', { token: refresh_token! })).status, 200);
    const refreshed = await postForm(emu(), TOKEN, { grant_type: 'refresh_token', refresh_token: refresh_token!, client_id: emu().credentials.clientId, client_secret: emu().credentials.clientSecret });
    assert.equal(oauthError(refreshed).error, 'invalid_grant', 'a revoked refresh token is refused');
    assert.equal((await rest(emu(), access_token, 'GET', `${V}/limits`)).status, 401, 'and the access tokens issued from it die with it');
  });

  it('uses an authorization code once, only for its client, its redirect_uri and its PKCE challenge', async () => {
    const c = emu().credentials;
    const once = await obtainCode(emu());
    assert.equal((await exchangeCode(emu(), once)).status, 200);
    assert.equal(oauthError(await exchangeCode(emu(), once)).error, 'invalid_grant', 'a second exchange fails');

    const other = await exchangeCode(emu(), await obtainCode(emu()), { client_id: OTHER_CLIENT.id, client_secret: OTHER_CLIENT.secret });
    assert.equal(oauthError(other).error, 'invalid_grant', 'another client cannot redeem the code');

    const wrongUri = await exchangeCode(emu(), await obtainCode(emu()), { redirect_uri: OTHER_CALLBACK });
    assert.equal(oauthError(wrongUri).error, 'redirect_uri_mismatch', 'another registered callback is still the wrong one');

    const pair = pkce();
    const noVerifier = await exchangeCode(emu(), await obtainCode(emu(), { code_challenge: pair.challenge }));
    assert.equal(oauthError(noVerifier).error, 'invalid_grant');
    const wrongVerifier = await exchangeCode(emu(), await obtainCode(emu(), { code_challenge: pair.challenge }), { code_verifier: pkce().verifier });
    assert.equal(oauthError(wrongVerifier).error, 'invalid_grant');
    const burned = await obtainCode(emu(), { code_challenge: pair.challenge });
    await exchangeCode(emu(), burned, { code_verifier: pkce().verifier });
    assert.equal(oauthError(await exchangeCode(emu(), burned, { code_verifier: pair.verifier })).error, 'invalid_grant', 'a failed attempt burns the code');
    assert.equal((await exchangeCode(emu(), await obtainCode(emu(), { code_challenge: pair.challenge }), { code_verifier: pair.verifier })).status, 200);
    assert.equal(c.clientId === OTHER_CLIENT.id, false);
  });

  it('passes state back untouched, odd characters included, on success, error and fragment redirects', async () => {
    const states = ['', ' ', 'a b+c&d=e#f?g/h', '%41%zz%', '"\'<>\\`{}|^', 'üñíçødé ✓ 🚀', '\t\r\n', 'x'.repeat(2000), '==;,:@$!*()[]'];
    const c = emu().credentials;
    const base = { client_id: c.clientId, redirect_uri: c.redirectUri };
    const logged = new Browser(emu());
    redirectParams(await logged.submit((await logged.get(authorizePath({ ...base, response_type: 'code' }))).text, { username: c.username, pw: c.password }));
    for (const state of states) {
      const code = await logged.get(authorizePath({ ...base, response_type: 'code', state }));
      assert.equal(redirectParams(code).get('state'), state, `code redirect, state ${JSON.stringify(state)}`);
      const scopeError = await logged.get(authorizePath({ ...base, response_type: 'code', scope: 'no_such_scope', state }));
      assert.equal(redirectParams(scopeError).get('state'), state, `error redirect, state ${JSON.stringify(state)}`);
      const implicit = await logged.get(authorizePath({ ...base, response_type: 'token', state }));
      assert.equal(new URLSearchParams(implicit.headers.get('location')!.split('#')[1]).get('state'), state, `fragment, state ${JSON.stringify(state)}`);
      const fresh = new Browser(emu());
      const consent = await fresh.submit((await fresh.get(authorizePath({ ...base, response_type: 'code', prompt: 'consent', state }))).text, { username: c.username, pw: c.password });
      assert.equal(redirectParams(await fresh.submit(consent.text, {}, 'deny')).get('state'), state, `deny, state ${JSON.stringify(state)}`);
    }
    const none = await logged.get(`/services/oauth2/authorize?response_type=code&client_id=${encodeURIComponent(c.clientId)}&redirect_uri=${encodeURIComponent(c.redirectUri)}`);
    assert.equal(redirectParams(none).has('state'), false, 'no state sent, none returned');
  });

  it('protects the login and consent forms against cross-site request forgery', async () => {
    const c = emu().credentials;
    const path = authorizePath({ response_type: 'code', client_id: c.clientId, redirect_uri: c.redirectUri, prompt: 'consent' });
    const creds = { username: c.username, pw: c.password };
    const victim = new Browser(emu());
    const login = await victim.get(path);
    assert.match(login.headers.get('set-cookie') ?? '', /HttpOnly/i);
    assert.match(login.headers.get('set-cookie') ?? '', /SameSite=(Lax|Strict)/i);
    assert.equal(login.headers.get('x-frame-options'), 'DENY', 'the pages cannot be framed (clickjacking)');
    const other = await new Browser(emu()).get(path);
    const otherCsrf = parseForm(other.text).hidden.find(([k]) => k === 'csrf')![1];
    const forgeries = (page: string): string[] => [
      page.replace(/<input type="hidden" name="csrf"[^>]*>/, ''),
      page.replace(/name="csrf" value="[^"]*"/, 'name="csrf" value="forged"'),
      page.replace(/name="csrf" value="[^"]*"/, `name="csrf" value="${otherCsrf}"`),
    ];
    for (const forged of forgeries(login.text)) assert.equal((await victim.submit(forged, creds)).status, 403, 'login form without its own token');
    assert.equal((await new Browser(emu()).submit(login.text, creds)).status, 403, 'login form posted from another browser');

    const consent = await victim.submit(login.text, creds);
    assert.equal(consent.status, 200);
    assert.ok(parseForm(consent.text).buttons.some((b) => b.value === 'allow'), 'the consent page');
    for (const forged of forgeries(consent.text)) assert.equal((await victim.submit(forged, {}, 'allow')).status, 403, 'consent without its own token');
    assert.equal((await new Browser(emu()).submit(consent.text, {}, 'allow')).status, 403, 'consent posted from another browser');
    const code = redirectParams(await victim.submit(consent.text, {}, 'allow')).get('code');
    assert.ok(code);
    assert.equal((await victim.submit(consent.text, {}, 'allow')).status, 400, 'a used form cannot be replayed');
  });

  it('enforces record visibility on query, queryMore, retrieve, update and delete', async () => {
    const admin = await loginAs(emu(), LOCAL_USERS.admin);
    const rep = await loginAs(emu(), LOCAL_USERS.salesRep);
    const agent = await loginAs(emu(), LOCAL_USERS.supportAgent);
    const repId = String((await soql(emu(), admin, `SELECT Id FROM User WHERE Username = '${LOCAL_USERS.salesRep.username}'`)).records[0]!.Id);
    const all = await soql(emu(), admin, 'SELECT Id, OwnerId FROM Account');
    const seen = await soql(emu(), rep, 'SELECT Id, OwnerId FROM Account');
    assert.ok(seen.totalSize > 0 && seen.totalSize < all.totalSize);
    assert.ok(seen.records.every((r) => r.OwnerId === repId), 'query: only the rep\'s own accounts');

    // queryMore: the admin's locator (its rows are the admin's view) is useless to the rep, and to the agent.
    const batch = { 'Sforce-Query-Options': 'batchSize=200' };
    const first = await soql(emu(), admin, 'SELECT Id, OwnerId FROM Account ORDER BY Id', { headers: batch });
    assert.equal(first.done, false);
    for (const thief of [rep, agent]) {
      const more = await rest(emu(), thief, 'GET', first.nextRecordsUrl!);
      assert.equal(more.status, 400, more.text.slice(0, 200));
      assert.equal((more.json as ApiErrors)[0]!.errorCode, 'INVALID_QUERY_LOCATOR');
    }
    const own = await rest(emu(), admin, 'GET', first.nextRecordsUrl!);
    assert.equal(own.status, 200);
    assert.ok((own.json as QueryBody).records.length > 0, 'the locator still serves its owner');

    const hidden = String(all.records.find((r) => r.OwnerId !== repId)!.Id);
    assert.equal((await rest(emu(), rep, 'GET', `${V}/sobjects/Account/${hidden}`)).status, 404, 'retrieve');
    assert.equal((await rest(emu(), rep, 'PATCH', `${V}/sobjects/Account/${hidden}`, { Name: 'Taken over' })).status, 403, 'update');
    assert.equal((await rest(emu(), rep, 'DELETE', `${V}/sobjects/Account/${hidden}`)).status, 403, 'delete');
    assert.equal((await rest(emu(), rep, 'POST', `${V}/sobjects/Account/${hidden}?_HttpMethod=PATCH`, { Name: 'Taken over' })).status, 403, 'update by method override');
    const after = await rest(emu(), admin, 'GET', `${V}/sobjects/Account/${hidden}?fields=Name,IsDeleted`);
    assert.notEqual((after.json as { Name: string }).Name, 'Taken over');
    assert.equal((after.json as { IsDeleted: boolean }).IsDeleted, false);
  });
});
