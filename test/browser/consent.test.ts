/**
 * The user-consent flow in a real browser: headless Chromium (Debian's /usr/bin/chromium through playwright-core)
 * opens the URL `sfcheck login --no-browser` prints, logs in on the emulator's page, clicks Allow (or Deny), and
 * the login's one-shot listener gets the redirect. Then `verify --flow uca` runs with the stored refresh token.
 * Everything on 127.0.0.1; background networking off.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LOCAL_USERS } from '../../src/emulator';
import { loginSetup, spawnLogin, type LoginSetup } from '../cli/login-helpers';
import { runCli, tempDir } from '../helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('browser: the consent flow in headless Chromium', function () {
  this.timeout(90_000);
  let browser: Browser | undefined;
  let s: LoginSetup;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      process.stderr.write(`    ${CHROMIUM} not installed (apt-get install chromium, as .ci/run does): browser tests skipped\n`);
      this.skip();
    }
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    s = await loginSetup();
  });
  after(async () => {
    await browser?.close();
    await s?.emu.close();
  });

  /** A fresh browser context (no cookies), its page, and the hosts it talked to. */
  async function newPage(): Promise<{ page: Page; hosts: Set<string> }> {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const hosts = new Set<string>();
    page.on('request', (r) => hosts.add(new URL(r.url()).hostname));
    return { page, hosts };
  }

  async function logIn(page: Page, user: { username: string; password: string }): Promise<void> {
    await page.fill('#username', user.username);
    await page.fill('#password', user.password);
    await Promise.all([page.waitForLoadState('load'), page.click('#Login')]);
  }

  it('log in, Allow: the listener gets the code, the refresh token is stored 0600, verify --flow uca passes with it', async () => {
    const env = { ...s.env, XDG_CONFIG_HOME: tempDir('sfcheck-config-') };
    const login = spawnLogin(env);
    const { page, hosts } = await newPage();
    await page.goto(await login.url);
    assert.match(await page.title(), /Login/);
    await logIn(page, LOCAL_USERS.salesRep);
    assert.match(await page.textContent('h1') ?? '', /Allow Access\?/);
    await Promise.all([page.waitForURL(`${s.redirectUri}?**`), page.click('#oaapprove_allow')]);
    assert.match(await page.textContent('h1') ?? '', /sfcheck: logged in/);
    const r = await login.done;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual([...hosts], ['127.0.0.1'], 'the browser talked to 127.0.0.1 only');

    const file = join(env.XDG_CONFIG_HOME, 'sfcheck', 'sandbox.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const token = (JSON.parse(readFileSync(file, 'utf8')) as { refresh_token: string }).refresh_token;
    assert.ok(!(r.stdout + r.stderr).includes(token), 'login printed the refresh token');

    const out = tempDir();
    const v = await runCli(['verify', '--env', 'sandbox', '--flow', 'uca', '--out', out], { env, cwd: out });
    assert.equal(v.code, 0, v.stdout + v.stderr);
    assert.match(v.stdout, /✔ Get the user's identity \(UserInfo\)/);
    const written = ['junit.xml', 'report.json', 'report.html'].map((f) => readFileSync(join(out, f), 'utf8')).join('');
    assert.ok(!(written + v.stdout + v.stderr).includes(token), 'the refresh token reached a report or the terminal');
    await page.context().close();
  });

  it('Deny: the browser lands on the callback with access_denied; login exits 1 with a clear message', async () => {
    const env = { ...s.env, XDG_CONFIG_HOME: tempDir('sfcheck-config-') };
    const login = spawnLogin(env);
    const { page } = await newPage();
    await page.goto(await login.url);
    await logIn(page, LOCAL_USERS.salesRep);
    await Promise.all([page.waitForURL(`${s.redirectUri}?**`), page.click('#oaapprove_deny')]);
    assert.match(page.url(), /error=access_denied/);
    assert.match(await page.textContent('h1') ?? '', /access denied/);
    const r = await login.done;
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stderr, /access was denied on the consent page/);
    assert.match(r.stderr, /how to fix: run `sfcheck login` again and click Allow/);
    assert.ok(!existsSync(join(env.XDG_CONFIG_HOME, 'sfcheck', 'sandbox.json')));
    await page.context().close();
  });

  it('a wrong password: the login page says so and stays; the right one then gets through', async () => {
    const env = { ...s.env, XDG_CONFIG_HOME: tempDir('sfcheck-config-') };
    const login = spawnLogin(env);
    const { page } = await newPage();
    await page.goto(await login.url);
    await logIn(page, { username: LOCAL_USERS.salesRep.username, password: 'not-the-password' });
    assert.match(await page.textContent('#error') ?? '', /Please check your username and password/);
    assert.ok(await page.isVisible('#password'), 'still the login page');
    assert.equal(login.child.exitCode, null, 'login still waiting');
    await logIn(page, LOCAL_USERS.salesRep);
    await Promise.all([page.waitForURL(`${s.redirectUri}?**`), page.click('#oaapprove_allow')]);
    const r = await login.done;
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await page.context().close();
  });
});
