/**
 * Bad input, as users make it: every case exits 2 with one clear message that names what is wrong (and the file when
 * there is one) and says how to fix it. Never a stack trace, never a silent pass.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../helpers';

interface Case {
  name: string;
  args: (dir: string) => string[];
  files?: Record<string, string>;
  env?: Record<string, string>;
  stderr: RegExp;
}

const COLLECTION = join(ROOT, 'collections', 'salesforce-password.postman_collection.json');
const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const ORG = { SF_CLIENT_ID: 'id', SF_CLIENT_SECRET: 'secret-value', SF_USERNAME: 'u@example.com', SF_PASSWORD: 'pw-value', SF_SECURITY_TOKEN: '' };
const run = (...rest: string[]) => (dir: string) => ['run', ...rest.map((a) => a.replace('DIR', dir)), '--out', join(dir, 'out')];

const CASES: Case[] = [
  { name: 'collection: malformed JSON', files: { 'c.json': '{\n "info": {,\n}' }, args: run('DIR/c.json'), stderr: /c\.json is not valid JSON at line 2/ },
  { name: 'collection: a JSON array', files: { 'c.json': '[]' }, args: run('DIR/c.json'), stderr: /not a Postman collection \(expected a JSON object\)/ },
  { name: 'collection: format v1', files: { 'c.json': '{"id":"x","name":"n","order":[],"requests":[]}' }, args: run('DIR/c.json'), stderr: /v1.*\n.*convert/ },
  { name: 'collection: unknown format version', files: { 'c.json': '{"info":{"name":"n","schema":"https://schema.getpostman.com/json/collection/v9.0.0/collection.json"},"item":[]}' }, args: run('DIR/c.json'), stderr: /unsupported format: info\.schema/ },
  { name: 'collection: no info object', files: { 'c.json': '{"item":[]}' }, args: run('DIR/c.json'), stderr: /has no "info" object/ },
  { name: 'collection: no requests', files: { 'c.json': JSON.stringify({ info: { name: 'n', schema: V21 }, item: [{ name: 'empty folder', item: [] }] }) }, args: run('DIR/c.json'), stderr: /c\.json has no requests/ },
  { name: 'collection: file missing', args: run('DIR/missing.json'), stderr: /missing\.json does not exist/ },
  { name: 'collection: v3 folder without requests', files: { 'v3/.resources/definition.yaml': '$kind: collection\n' }, args: run('DIR/v3'), stderr: /without \*\.request\.yaml files/ },
  { name: 'collection: v3 request with broken YAML', files: { 'v3/a.request.yaml': '$kind: http-request\nurl: [\n' }, args: run('DIR/v3'), stderr: /a\.request\.yaml: not valid YAML/ },
  { name: 'collection: v3 request of another kind', files: { 'v3/a.request.yaml': '$kind: grpc-request\n' }, args: run('DIR/v3'), stderr: /http-request only/ },
  { name: 'collection: v3 body type sfcheck cannot send', files: { 'v3/a.request.yaml': '$kind: http-request\nurl: http://127.0.0.1:9/\nbody:\n  type: formdata\n  content: []\n' }, args: run('DIR/v3'), stderr: /body type "formdata"/ },
  { name: 'environment: a collection given as environment', args: (d) => run(COLLECTION, '-e', COLLECTION)(d), stderr: /looks like a collection/ },
  { name: 'environment: no values array', files: { 'e.json': '{"name":"e","values":{}}' }, args: run(COLLECTION, '-e', 'DIR/e.json'), stderr: /e\.json is not a Postman environment/ },
  { name: 'environment: a value without a key', files: { 'e.json': '{"name":"e","values":[{"value":"x"}]}' }, args: run(COLLECTION, '-e', 'DIR/e.json'), stderr: /values\[0\] has no string "key"/ },
  { name: 'environment: malformed JSON', files: { 'e.json': '{"name":' }, args: run(COLLECTION, '-e', 'DIR/e.json'), stderr: /e\.json is not valid JSON/ },
  { name: 'environment: v3 file without values', files: { 'e.environment.yaml': 'name: e\n' }, args: run(COLLECTION, '-e', 'DIR/e.environment.yaml'), stderr: /needs a values list/ },
  { name: 'environment: file missing', args: run(COLLECTION, '-e', 'DIR/nope.json'), stderr: /nope\.json does not exist/ },
  { name: 'verify: unknown --env lists the known ones', args: () => ['verify', '--env', 'staging'], stderr: /unknown environment "staging"[\s\S]*local, sandbox, production/ },
  { name: 'verify: missing SF_ variables are all named', args: (d) => ['verify', '--env', 'sandbox', '--out', d], stderr: /SF_CLIENT_ID, SF_CLIENT_SECRET, SF_USERNAME, SF_PASSWORD, SF_SECURITY_TOKEN/ },
  { name: 'verify: SF_LOGIN_URL without a scheme', env: { ...ORG, SF_LOGIN_URL: 'test.salesforce.com' }, args: (d) => ['verify', '--env', 'sandbox', '--flow', 'password', '--out', d], stderr: /SF_LOGIN_URL is not a Salesforce base URL/ },
  { name: 'verify: SF_INSTANCE_URL with a path', env: { ...ORG, SF_INSTANCE_URL: 'https://x.my.salesforce.com/services' }, args: (d) => ['verify', '--env', 'sandbox', '--flow', 'password', '--out', d], stderr: /SF_INSTANCE_URL is not a Salesforce base URL/ },
  { name: 'verify: api_version not NN.0', env: { ...ORG, SF_API_VERSION: 'v62' }, args: (d) => ['verify', '--env', 'sandbox', '--flow', 'password', '--out', d], stderr: /SF_API_VERSION must look like 62\.0/ },
  { name: 'verify: JWT key file missing', env: { ...ORG, SF_JWT_KEY_FILE: '/nonexistent/key.pem' }, args: (d) => ['verify', '--env', 'sandbox', '--flow', 'jwt', '--out', d], stderr: /key\.pem does not exist/ },
  { name: 'verify: JWT key file not a PEM', files: { 'key.pem': 'not a key' }, env: { ...ORG }, args: (d) => ['verify', '--env', 'sandbox', '--flow', 'jwt', '--out', d], stderr: /is not a PEM private key/ },
  { name: 'reporters: unknown one lists the known ones', args: () => ['verify', '-r', 'cli,xml'], stderr: /unknown reporter "xml"[\s\S]*cli, junit, json, html/ },
  { name: 'reporters: empty list', args: () => ['verify', '-r', ','], stderr: /no reporter given/ },
  { name: 'engine: unknown', args: () => ['verify', '--engine', 'curl'], stderr: /curl/ },
  { name: 'timeout: not a number', args: (d) => ['verify', '--timeout-request', 'soon', '--out', d], stderr: /--timeout-request must be a positive whole number/ },
  { name: 'timeout: negative', args: (d) => ['verify', '--timeout-request', '-5', '--out', d], stderr: /--timeout-request/ },
  { name: 'flag: unknown', args: () => ['verify', '--bogus'], stderr: /unknown option '--bogus'/ },
  { name: 'command: unknown', args: () => ['frobnicate'], stderr: /unknown command 'frobnicate'/ },
  { name: '--out: not a folder', files: { 'afile': '' }, args: (d) => ['verify', '--out', join(d, 'afile', 'sub')], stderr: /cannot write reports to .*afile\/sub: ENOTDIR/ },
  { name: 'emulator: port out of range', args: () => ['emulator', '--port', '99999'], stderr: /--port must be a whole number from 0 to 65535/ },
  { name: 'emulator: records not a number', args: () => ['emulator', '--records', 'many'], stderr: /--records must be a whole number/ },
  { name: 'emulator: run-as user not in the org', args: () => ['emulator', '--port', '0', '--run-as', 'nobody@example.com'], stderr: /not a user of the emulated org/ },
  { name: 'emulator: a fault that does not exist', args: () => ['emulator', '--port', '0', '--fault', 'explode:0.5'], stderr: /--fault "explode:0\.5" is not a fault/ },
  { name: 'merge-reports: nothing to merge', args: (d) => ['merge-reports', join(d, 'nowhere')], stderr: /cannot read .*nowhere/ },
];

describe('cli: bad input (exit 2, one clear message, no stack trace)', function () {
  this.timeout(30_000);

  it(`covers at least 30 cases`, () => {
    assert.ok(CASES.length >= 30, String(CASES.length));
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const dir = tempDir();
      for (const [path, content] of Object.entries(c.files ?? {})) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      const env = c.env?.SF_CLIENT_ID && c.files?.['key.pem'] !== undefined ? { ...c.env, SF_JWT_KEY_FILE: join(dir, 'key.pem') } : c.env;
      const r = await runCli(c.args(dir), { cwd: dir, ...(env ? { env } : {}) });
      assert.equal(r.code, 2, `exit code\n${r.stdout}${r.stderr}`);
      assert.match(r.stderr, c.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
      assert.doesNotMatch(r.stdout + r.stderr, /secret-value|pw-value/, 'no secret echoed');
      assert.doesNotMatch(r.stdout, /PASSED/, 'nothing passed');
    });
  }
});
