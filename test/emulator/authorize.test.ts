import assert from 'node:assert/strict';
import { startEmulator, type StartedEmulator } from '../../src/emulator';
import { call, postForm } from './helpers';
import { authorizePath, Browser, exchangeCode, parseForm, redirectParams } from './oauth-helpers';

describe('emulator GET /services/oauth2/authorize (web server flow pages)', () => {
  // A fresh org per test: approvals and browser sessions must not leak from one test into another.
  let emu: StartedEmulator;
  beforeEach(async () => {
    emu = await startEmulator({ app: { permittedUsers: 'all' } });
  });
  afterEach(async () => emu.close());

  const params = (extra: Record<string, string> = {}): string =>
    authorizePath({ response_type: 'code', client_id: emu.credentials.clientId, redirect_uri: emu.credentials.redirectUri, scope: 'api refresh_token', state: 'st/ate 1', ...extra });
  const creds = () => ({ username: emu.credentials.username, pw: emu.credentials.password });

  it('shows a login form, then a consent page listing the scopes, then redirects with code and state', async () => {
    const browser = new Browser(emu);
    const login = await browser.get(params());
    assert.equal(login.status, 200);
    assert.match(login.headers.get('content-type') ?? '', /^text\/html/);
    assert.doesNotMatch(login.text, /<script/i);
    const form = parseForm(login.text);
    assert.equal(form.method, 'POST');
    assert.equal(form.action, '/services/oauth2/authorize');
    assert.ok(form.inputs.includes('username') && form.inputs.includes('pw'));
    assert.ok(form.hidden.some(([k]) => k === 'csrf'));

    const consent = await browser.submit(login.text, creds());
    assert.equal(consent.status, 200);
    assert.match(consent.text, /Allow Access\?/);
    assert.match(consent.text, /data-scope="api"/);
    assert.match(consent.text, /data-scope="refresh_token"/);
    const buttons = parseForm(consent.text).buttons.map((b) => b.value);
    assert.deepEqual(buttons, ['deny', 'allow']);

    const done = await browser.submit(consent.text, {}, 'allow');
    const q = redirectParams(done);
    assert.equal(done.headers.get('location')!.split('?')[0], emu.credentials.redirectUri);
    assert.equal(q.get('state'), 'st/ate 1');
    assert.match(done.headers.get('location')!, /code=aPrx[^&]*%3D%3D/);
    const token = await exchangeCode(emu, q.get('code')!);
    assert.equal(token.status, 200, token.text);
  });

  it('redirects with access_denied when the user clicks Deny', async () => {
    const browser = new Browser(emu);
    const consent = await browser.submit((await browser.get(params({ prompt: 'consent' }))).text, creds());
    const denied = await browser.submit(consent.text, {}, 'deny');
    assert.equal(denied.status, 302);
    assert.equal(denied.headers.get('location'), `${emu.credentials.redirectUri}?error=access_denied&error_description=end-user+denied+authorization&state=st%2Fate+1`);
  });

  it('shows the login page again with an error after a wrong password', async () => {
    const browser = new Browser(emu);
    const again = await browser.submit((await browser.get(params())).text, { username: emu.credentials.username, pw: 'wrong' });
    assert.equal(again.status, 200);
    assert.match(again.text, /id="error"/);
    assert.ok(parseForm(again.text).inputs.includes('pw'));
    const consent = await browser.submit(again.text, creds());
    assert.match(consent.text, /Allow Access\?/);
  });

  it('refuses a POST without the anti-forgery token, with a wrong one, or from another browser', async () => {
    const browser = new Browser(emu);
    const login = await browser.get(params());
    const flow = parseForm(login.text).hidden.find(([k]) => k === 'flow')![1];
    const noCsrf = await browser.submit(login.text.replace(/<input type="hidden" name="csrf"[^>]*>/, ''), creds());
    assert.equal(noCsrf.status, 403);
    assert.match(noCsrf.text, /anti-forgery/);
    const wrong = await browser.submit(login.text.replace(/name="csrf" value="[^"]*"/, 'name="csrf" value="forged"'), creds());
    assert.equal(wrong.status, 403);
    const stranger = await postForm(emu, '/services/oauth2/authorize', { flow, csrf: parseForm(login.text).hidden.find(([k]) => k === 'csrf')![1], action: 'login', ...creds() });
    assert.equal(stranger.status, 403, 'same token, no browser cookie');
    const unknown = await postForm(emu, '/services/oauth2/authorize', { flow: 'nope', csrf: 'nope', action: 'login' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.headers.get('content-type') ?? '', /^text\/html/);
  });

  it('skips login and consent for a remembered session and approval; prompt=login and prompt=consent force the pages', async () => {
    const browser = new Browser(emu);
    const consent = await browser.submit((await browser.get(params())).text, creds());
    redirectParams(await browser.submit(consent.text, {}, 'allow'));

    const direct = await browser.get(params());
    assert.ok(redirectParams(direct).get('code'), 'no page at all the second time');

    const forcedLogin = await browser.get(params({ prompt: 'login' }));
    assert.equal(forcedLogin.status, 200);
    assert.ok(parseForm(forcedLogin.text).inputs.includes('pw'), 'prompt=login shows the login form');
    assert.ok(redirectParams(await browser.submit(forcedLogin.text, creds())).get('code'), 'approved already: straight to the code');

    const forcedConsent = await browser.get(params({ prompt: 'consent' }));
    assert.equal(forcedConsent.status, 200);
    assert.match(forcedConsent.text, /Allow Access\?/);

    const both = await browser.get(params({ prompt: 'login consent' }));
    const thenConsent = await browser.submit(both.text, creds());
    assert.match(thenConsent.text, /Allow Access\?/);
  });

  it('answers the user-agent flow (response_type=token / token id_token) in the fragment', async () => {
    const browser = new Browser(emu);
    const consent = await browser.submit((await browser.get(params({ response_type: 'token', scope: 'api refresh_token' }))).text, creds());
    const done = await browser.submit(consent.text, {}, 'allow');
    assert.equal(done.status, 302);
    const [base, fragment] = done.headers.get('location')!.split('#');
    assert.equal(base, emu.credentials.redirectUri);
    const f = new URLSearchParams(fragment);
    assert.deepEqual([...f.keys()], ['access_token', 'refresh_token', 'instance_url', 'id', 'issued_at', 'signature', 'scope', 'token_type', 'state']);
    assert.equal(f.get('scope'), 'api refresh_token');
    assert.equal(f.get('state'), 'st/ate 1');
    const me = await call(emu, '/services/oauth2/userinfo', { headers: { Authorization: `Bearer ${f.get('access_token')!}` } });
    assert.equal(me.status, 200);

    const withId = await browser.get(params({ response_type: 'token id_token', scope: 'api openid', nonce: 'n', prompt: 'consent' }));
    const again = await browser.submit(withId.text, {}, 'allow');
    const g = new URLSearchParams(again.headers.get('location')!.split('#')[1]);
    assert.equal(g.get('id_token')!.split('.').length, 3);
    assert.equal(g.get('refresh_token'), null);
  });

  it('never shows a page with prompt=none: login_required, then consent_required', async () => {
    const browser = new Browser(emu);
    const notLoggedIn = await browser.get(params({ prompt: 'none' }));
    assert.equal(redirectParams(notLoggedIn).get('error'), 'login_required');
    const consent = await browser.submit((await browser.get(params())).text, creds());
    assert.match(consent.text, /Allow Access\?/);
    const notApproved = await browser.get(params({ prompt: 'none' }));
    assert.equal(redirectParams(notApproved).get('error'), 'consent_required');
    await browser.submit(consent.text, {}, 'allow');
    assert.ok(redirectParams(await browser.get(params({ prompt: 'none' }))).get('code'));
  });

  it('renders unknown client and redirect_uri mismatch inline (form-encoded, no redirect)', async () => {
    const unknown = await call(emu, params({ client_id: 'nope' }), { redirect: 'manual' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.headers.get('location'), null);
    assert.equal(unknown.headers.get('content-type'), 'text/plain');
    assert.equal(unknown.text, 'error=invalid_client_id&error_description=client%20identifier%20invalid');
    const mismatch = await call(emu, params({ redirect_uri: 'https://evil.example.invalid/cb' }), { redirect: 'manual' });
    assert.equal(mismatch.status, 400);
    assert.equal(mismatch.text, 'error=redirect_uri_mismatch&error_description=redirect_uri%20must%20match%20configuration');
  });

  it('redirects unsupported response types and unknown scopes with an error and the state', async () => {
    const type = await call(emu, params({ response_type: 'bogus' }), { redirect: 'manual' });
    assert.equal(redirectParams(type).get('error'), 'unsupported_response_type');
    const scope = await call(emu, params({ scope: 'api chatter_api' }), { redirect: 'manual' });
    assert.equal(redirectParams(scope).get('error'), 'invalid_scope');
    assert.equal(redirectParams(scope).get('state'), 'st/ate 1');
  });
});

describe('emulator authorize: Require PKCE and admin-approved apps', () => {
  let emu: StartedEmulator;
  before(async () => {
    emu = await startEmulator({ app: { requirePkce: true }, oauth: { inlineErrorStatus: 200 } });
  });
  after(async () => emu.close());

  const path = (extra: Record<string, string> = {}) =>
    authorizePath({ response_type: 'code', client_id: emu.credentials.clientId, redirect_uri: emu.credentials.redirectUri, ...extra });

  it('renders "missing required code challenge" inline with no Content-Type (status configured to 200)', async () => {
    const res = await call(emu, path(), { redirect: 'manual' });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), null);
    assert.equal(res.text, 'error=invalid_request&error_description=missing%20required%20code%20challenge');
  });

  it('skips consent for a pre-authorized user of an admin-approved app', async () => {
    const browser = new Browser(emu);
    const login = await browser.get(path({ code_challenge: 'x'.repeat(43) }));
    const done = await browser.submit(login.text, { username: emu.credentials.username, pw: emu.credentials.password });
    assert.ok(redirectParams(done).get('code'));
  });

  it('redirects with OAUTH_APP_ACCESS_DENIED when the user is not pre-authorized', async () => {
    const user = emu.local.org.users.find((u) => u.username === emu.credentials.username)!;
    const saved = user.permissionSets;
    user.permissionSets = [];
    try {
      const browser = new Browser(emu);
      const login = await browser.get(path({ code_challenge: 'x'.repeat(43), state: 's' }));
      const denied = await browser.submit(login.text, { username: emu.credentials.username, pw: emu.credentials.password });
      const q = redirectParams(denied);
      assert.equal(q.get('error'), 'OAUTH_APP_ACCESS_DENIED');
      assert.equal(q.get('error_description'), 'user is not admin approved to access this app');
      assert.equal(q.get('state'), 's');
    } finally {
      user.permissionSets = saved;
    }
  });
});
