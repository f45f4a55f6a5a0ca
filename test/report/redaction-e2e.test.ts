/**
 * Redaction everywhere: a full `verify` (the CLI as a child process, every reporter, --verbose) against an emulator
 * whose credentials are known values, reached through a recording proxy on 127.0.0.1 so the test also knows every
 * access token handed out during the run. No file under --out and no byte of stdout/stderr may hold any of them.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../src/emulator';
import { buildEnvironment, DEFAULT_API_VERSION, localEnvironmentValues } from '../../src/generate';
import { runCli, tempDir } from '../helpers';

const KNOWN = {
  clientSecret: 'cs-KnownClientSecret-5f1e9a',
  password: 'pw-KnownPassword-77c3',
  securityToken: 'stKnownSecurityToken4410',
};

/** Forwards everything to the emulator and remembers every token a response carried. */
function recordingProxy(target: string, tokens: Set<string>): Promise<Server> {
  const server = createServer((req, res) => {
    const up = httpRequest(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (upRes) => {
      const chunks: Buffer[] = [];
      upRes.on('data', (c: Buffer) => chunks.push(c));
      upRes.on('end', () => {
        const body = Buffer.concat(chunks);
        try {
          const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
          for (const k of ['access_token', 'refresh_token', 'id_token']) if (typeof json[k] === 'string') tokens.add(json[k] as string);
        } catch {
          /* not JSON */
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        res.end(body);
      });
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function spellings(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])];
}

describe('redaction everywhere (verify as a child process, known secrets)', function () {
  this.timeout(60_000);
  let emu: RunningEmulator | undefined;
  let proxy: Server | undefined;
  const tokens = new Set<string>();
  let envFile = '';

  before(async () => {
    emu = await startEmulator({ credentials: KNOWN });
    proxy = await recordingProxy(emu.url, tokens);
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const env = buildEnvironment('local', localEnvironmentValues({ url, credentials: emu.credentials }, DEFAULT_API_VERSION));
    envFile = join(tempDir('sfcheck-redact-'), 'known.postman_environment.json');
    writeFileSync(envFile, JSON.stringify(env));
  });
  after(async () => {
    await new Promise((done) => (proxy ? proxy.close(done) : done(undefined)));
    await emu?.close();
  });

  for (const engine of ['native', 'newman']) {
    it(`--engine ${engine}: no secret and no access token in any report file or any output`, async () => {
      const before = tokens.size;
      const out = tempDir('sfcheck-redact-out-');
      const r = await runCli(
        ['verify', '--env', envFile, '--engine', engine, '--out', out, '-r', 'cli,junit,json,html', '--verbose', '--reporter-json-export', join(out, 'extra', 'run.json')],
        { env: { SF_CLIENT_SECRET: KNOWN.clientSecret, SF_PASSWORD: KNOWN.password, SF_SECURITY_TOKEN: KNOWN.securityToken } },
      );
      // Checks may pass (0) or fail (1): what is tested here is that nothing leaks, failure excerpts included.
      assert.ok(r.code === 0 || r.code === 1, r.stdout + r.stderr);
      const obtained = [...tokens].slice(before);
      assert.equal(obtained.length, 1, 'the run obtained one access token through the proxy');
      const files = filesUnder(out);
      assert.deepEqual(files.map((f) => f.slice(out.length + 1)).sort(), ['extra/run.json', 'junit.xml', 'report.html']);
      const haystacks: Array<[string, string]> = [
        ['stdout', r.stdout],
        ['stderr', r.stderr],
        ...files.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
      ];
      const secrets = [...Object.values(KNOWN), `${KNOWN.password}${KNOWN.securityToken}`, ...obtained];
      for (const secret of secrets) {
        for (const s of spellings(secret)) {
          for (const [where, text] of haystacks) assert.ok(!text.includes(s), `${s} leaked into ${where}`);
        }
      }
      assert.match(r.stdout, /Authorization: Bearer \[redacted\]/, '--verbose printed the request headers, redacted');
      assert.match(r.stdout, /"access_token":"\[redacted\]"/, '--verbose printed the token response, redacted');
    });
  }

  it('an error message quoting an SF_ secret is redacted before it is printed', async () => {
    const secret = 'sfSecretInAnErrorMessage-913';
    const r = await runCli(['verify', '--env', 'sandbox'], {
      env: { SF_CLIENT_ID: 'id', SF_CLIENT_SECRET: 'x', SF_USERNAME: 'u', SF_PASSWORD: secret, SF_SECURITY_TOKEN: '', SF_LOGIN_URL: `https://127.0.0.1/${secret}` },
    });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /SF_LOGIN_URL/);
    assert.ok(!(r.stdout + r.stderr).includes(secret), r.stderr);
    assert.match(r.stderr, /\[redacted\]/);
  });

  it("commander's own usage errors are redacted too (a secret pasted into an option)", async () => {
    const secret = 'sfSecretPastedIntoAnOption-27';
    const r = await runCli(['verify', `--client-secret=${secret}`], { env: { SF_CLIENT_SECRET: secret } });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown option/);
    assert.ok(!(r.stdout + r.stderr).includes(secret), r.stderr);
  });
});
