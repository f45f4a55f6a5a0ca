/** `npm run generate -- --check` as CI runs it. */
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../helpers';

describe('generate --check', function () {
  this.timeout(20_000);

  it('passes on the committed files', async () => {
    const r = await runCli(['generate', '--check']);
    assert.equal(r.code, 0, r.stderr);
  });

  it('exits 1 and names each file that differs or is missing', async () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'collections'), join(dir, 'collections'), { recursive: true });
    cpSync(join(ROOT, 'environments'), join(dir, 'environments'), { recursive: true });
    const col = join(dir, 'collections', 'salesforce-password.postman_collection.json');
    writeFileSync(col, readFileSync(col, 'utf8').replace('status is 200', 'status is 201'));
    rmSync(join(dir, 'environments', 'sandbox.postman_environment.json'));
    const r = await runCli(['generate', '--check', '--dir', dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /collections\/salesforce-password\.postman_collection\.json/);
    assert.match(r.stderr, /environments\/sandbox\.postman_environment\.json/);
    assert.doesNotMatch(r.stderr, /local\.postman_environment/);
  });

  it('writes files that then pass the check', async () => {
    const dir = tempDir();
    const w = await runCli(['generate', '--dir', dir]);
    assert.equal(w.code, 0, w.stderr);
    const c = await runCli(['generate', '--check', '--dir', dir]);
    assert.equal(c.code, 0, c.stderr);
  });
});
