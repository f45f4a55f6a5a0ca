/**
 * verify against a "real org" (--env sandbox, SF_ variables) that is an in-process emulator: with --flow all (the
 * default) the flows whose variables are set run and the others are named as skipped, with what they need.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consentOverHttp } from '../../src/cli/login/consent';
import { LOCAL_USERS } from '../../src/emulator';
import { runCli, tempDir } from '../helpers';
import { loginSetup, type LoginSetup } from './login-helpers';
import { hasXmllint, junitSchemaErrors } from '../report/xml';

describe('cli: verify --env sandbox, flows chosen by the SF_ variables present', function () {
  this.timeout(60_000);
  let s: LoginSetup;
  let password: Record<string, string>;
  before(async () => {
    s = await loginSetup();
    const c = s.emu.credentials;
    password = { ...s.env, SF_USERNAME: c.username, SF_PASSWORD: c.password, SF_SECURITY_TOKEN: c.securityToken };
  });
  after(async () => s?.emu.close());

  const refreshToken = async (who: 'admin' | 'salesRep') => {
    const c = s.emu.credentials;
    const u = LOCAL_USERS[who];
    return (await consentOverHttp({ loginUrl: s.emu.url, clientId: c.clientId, clientSecret: c.clientSecret, redirectUri: c.redirectUri, username: u.username, password: u.password })).refresh_token;
  };

  it('only the password variables: password runs, the four others are skipped with what each needs', async () => {
    const out = tempDir();
    const r = await runCli(['verify', '--env', 'sandbox', '--out', out], { env: password, cwd: out });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /skipped: --flow client-credentials \(needs SF_MY_DOMAIN_URL\)/);
    assert.match(r.stdout, /skipped: --flow jwt \(needs SF_JWT_KEY_FILE\)/);
    assert.match(r.stdout, /skipped: --flow uca \(needs SF_REFRESH_TOKEN \(or run `sfcheck login --env sandbox`/);
    assert.match(r.stdout, /skipped: --flow user-access \(needs SF_REFRESH_TOKEN \(or run `sfcheck login --env sandbox`.*\), SF_ADMIN_REFRESH_TOKEN \(or `sfcheck login --env sandbox --admin` as an admin\)\)/);
    assert.match(r.stdout, /PASSED {2}requests 5\/5 passed/);
    assert.deepEqual(readdirSync(out).sort(), ['junit.xml', 'report.html', 'report.json'], 'one flow ran: the single-run file names');
    // CI sees the flows that could not run: one <skipped> case each, with what it needs; the file stays schema-valid.
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    assert.equal((junit.match(/<skipped message="not run: needs /g) ?? []).length, 4, junit);
    assert.match(junit, /<testcase name="--flow jwt"[^>]*>\s*<skipped message="not run: needs SF_JWT_KEY_FILE"/);
    if (hasXmllint()) assert.equal(junitSchemaErrors(junit), '');
  });

  it('every variable set: the five flows run and pass; no refresh token, key or assertion in any output', async () => {
    const dir = tempDir();
    const keyFile = join(dir, 'server.key');
    writeFileSync(keyFile, s.emu.local.jwtPrivateKeyPem, { mode: 0o600 });
    const [user, admin] = [await refreshToken('salesRep'), await refreshToken('admin')];
    const env = {
      ...password,
      SF_MY_DOMAIN_URL: s.emu.url,
      SF_JWT_KEY_FILE: keyFile,
      SF_JWT_AUDIENCE: s.emu.loginUrl,
      SF_REFRESH_TOKEN: user,
      SF_ADMIN_REFRESH_TOKEN: admin,
    };
    const out = join(dir, 'reports');
    const r = await runCli(['verify', '--env', 'sandbox', '--out', out], { env, cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /skipped:/);
    assert.match(r.stdout, /flows: password passed · client-credentials passed · jwt passed · uca passed · user-access passed/);
    const everything = [r.stdout, r.stderr, ...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8'))].join('\n');
    for (const secret of [user, admin, s.emu.credentials.clientSecret, 'BEGIN PRIVATE KEY']) assert.ok(!everything.includes(secret), `leaked: ${secret.slice(0, 12)}`);
    assert.doesNotMatch(everything, /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/, 'a JWT leaked');
  });

  it('--flow uca with no refresh token: exit 2 naming SF_REFRESH_TOKEN and sfcheck login, before any request', async () => {
    const cwd = tempDir();
    const r = await runCli(['verify', '--env', 'sandbox', '--flow', 'uca', '--out', cwd], { env: { ...s.env, XDG_CONFIG_HOME: tempDir() }, cwd });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /--flow uca needs SF_REFRESH_TOKEN \(or run `sfcheck login --env sandbox`/);
    assert.doesNotMatch(r.stdout, /request/i);
  });

  it('--flow jwt with a file that is not a key: exit 2, SFCHECK_JWT_KEY', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-key.pem'), 'hello\n');
    const r = await runCli(['verify', '--env', 'sandbox', '--flow', 'jwt', '--out', dir], { env: { ...s.env, SF_USERNAME: 'u@example.com', SF_JWT_KEY_FILE: join(dir, 'not-a-key.pem') }, cwd: dir });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /not a PEM private key/);
    assert.match(r.stderr, /\[SFCHECK_JWT_KEY\]/);
  });

  it('--env FILE: password by default; --flow jwt without an assertion or SF_JWT_KEY_FILE stops before any request', async () => {
    const dir = tempDir();
    const { buildEnvironment, localEnvironmentValues, DEFAULT_API_VERSION } = await import('../../src/generate');
    const envFile = join(dir, 'org.postman_environment.json');
    writeFileSync(envFile, JSON.stringify(buildEnvironment('local', localEnvironmentValues({ url: s.emu.url, credentials: s.emu.credentials }, DEFAULT_API_VERSION))));
    const r = await runCli(['verify', '--env', envFile, '-r', 'cli', '--out', dir], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /password grant/);
    assert.doesNotMatch(r.stdout, /flows:/);
    const jwt = await runCli(['verify', '--env', envFile, '--flow', 'jwt', '--out', dir], { cwd: dir });
    assert.equal(jwt.code, 2);
    assert.match(jwt.stderr, /--flow jwt needs "jwt_assertion" in .*org\.postman_environment\.json/);
    assert.match(jwt.stderr, /SF_JWT_KEY_FILE/);
  });
});
