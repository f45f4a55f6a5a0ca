/**
 * Generated collections and environments never carry a secret of the user's (issue #8 point 4): `generate` runs with
 * every SF_ variable, a JWT key file and a stored login set to unique marker values, and no output file may contain one.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SF_VARIABLES } from '../../src/cli/environment';
import { runCli, tempDir } from '../helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Which of `needles` appear in which file (relative path -> needles found). */
function scan(dir: string, needles: string[]): Map<string, string[]> {
  const hits = new Map<string, string[]>();
  for (const file of filesUnder(dir)) {
    const text = readFileSync(file, 'utf8');
    const found = needles.filter((n) => text.includes(n));
    if (found.length > 0) hits.set(relative(dir, file), found);
  }
  return hits;
}

describe('generate never writes a secret value', function () {
  this.timeout(30_000);

  it('writes no SF_ value, JWT key or stored refresh token into any collection or environment', async () => {
    const tag = randomBytes(6).toString('hex');
    const marker = (name: string) => `MARKER${tag}${name.replace(/_/g, '')}`;
    // Every value-like SF_ variable sfcheck reads (URLs and the API version get well-formed values below).
    const formatted = new Set(['SF_LOGIN_URL', 'SF_INSTANCE_URL', 'SF_API_VERSION', 'SF_MY_DOMAIN_URL', 'SF_REDIRECT_URI']);
    const secretNames = [...SF_VARIABLES.map((v) => v.name).filter((n) => !formatted.has(n)), 'SF_JWT_AUDIENCE'];
    assert.ok(secretNames.includes('SF_CLIENT_SECRET') && secretNames.includes('SF_REFRESH_TOKEN'));
    const env: Record<string, string> = Object.fromEntries(secretNames.map((n) => [n, marker(n)]));
    const work = tempDir();
    // A key file and a stored login (what `sfcheck login` keeps), each holding its own marker.
    const keyFile = join(work, 'server.key');
    writeFileSync(keyFile, `-----BEGIN PRIVATE KEY-----\n${marker('KEYBODY')}\n-----END PRIVATE KEY-----\n`, { mode: 0o600 });
    env['SF_JWT_KEY_FILE'] = keyFile;
    const config = join(work, 'config');
    mkdirSync(join(config, 'sfcheck'), { recursive: true });
    for (const name of ['sandbox', 'production', 'local']) {
      writeFileSync(join(config, 'sfcheck', `${name}.json`), JSON.stringify({ refresh_token: marker(`STORED${name}`), login_url: 'https://test.salesforce.com', instance_url: 'https://x.my.salesforce.com', client_id: 'c', id: 'i', created_at: '' }));
    }
    env['XDG_CONFIG_HOME'] = config;
    env['SF_MY_DOMAIN_URL'] = `https://${marker('MYDOMAIN').toLowerCase()}.my.salesforce.com`;
    env['SF_LOGIN_URL'] = 'https://test.salesforce.com';
    env['SF_REDIRECT_URI'] = 'http://localhost:1717/OauthRedirect';
    env['SF_API_VERSION'] = '62.0';
    env['SF_INSTANCE_URL'] = `https://${marker('INSTANCE').toLowerCase()}.my.salesforce.com`;
    // A .env in the working folder too (verify and login read one), with its own markers.
    writeFileSync(join(work, '.env'), `SF_CLIENT_SECRET=${marker('DOTENVSECRET')}\nSF_PASSWORD=${marker('DOTENVPASSWORD')}\n`);
    const markers = [...secretNames.map(marker), marker('KEYBODY'), marker('STOREDsandbox'), marker('STOREDproduction'), marker('STOREDlocal'), marker('DOTENVSECRET'), marker('DOTENVPASSWORD'), tag];

    const out = join(work, 'project');
    mkdirSync(out);
    const r = await runCli(['generate', '--dir', out], { env, cwd: work });
    assert.equal(r.code, 0, r.stderr);
    for (const m of markers) assert.ok(!(r.stdout + r.stderr).includes(m), `generate printed ${m}`);

    const files = filesUnder(out);
    assert.ok(files.some((f) => f.endsWith('.postman_collection.json')), 'v2.1 collections written');
    assert.ok(files.some((f) => f.endsWith('.postman_environment.json')), 'environments written');
    assert.ok(files.some((f) => f.endsWith('.request.yaml')), 'v3 collections written');
    assert.deepEqual([...scan(out, markers)], [], 'no output file contains a marker');
    // The scan reads every file: the local-only emulator secret it is meant to carry is found where it belongs.
    assert.deepEqual([...scan(out, ['sfcheck-local-client-secret']).keys()].filter((f) => !f.includes('local')), []);
    assert.ok(scan(out, ['sfcheck-local-client-secret']).size > 0, 'positive control: the scan finds a known value');
  });
});
